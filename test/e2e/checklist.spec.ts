import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { firefoxCheck } from '../../checks/catalogue/dns/firefox.check.js'
import { checklistText } from '../../checks/core/guidance/checklist.js'
import { exportText } from '../../src-renderer/features/export/messages.js'
import { scanText } from '../../src-renderer/features/scan/messages.js'
import { settingsText } from '../../src-renderer/features/settings/messages.js'
import { shellText } from '../../src-renderer/features/shell/messages.js'
import { checklistUiText } from '../../src-renderer/features/checklist/messages.js'
import { expect, test } from './support/fixtures.js'
import { axeViolations, en } from './support/screens.js'

test.use({ profile: 'everyday', catalogue: { checks: [firefoxCheck] } })

/** Two Firefox profiles as firefox-esr lays them out: a real local signal for "separate identities". */
async function writeTwoFirefoxProfiles(home: string): Promise<void> {
  const root = path.join(home, '.mozilla', 'firefox')
  for (const dir of ['a.work', 'b.personal']) await mkdir(path.join(root, dir), { recursive: true })
  await writeFile(
    path.join(root, 'profiles.ini'),
    '[Profile0]\nName=work\nIsRelative=1\nPath=a.work\nDefault=1\n\n[Profile1]\nName=personal\nIsRelative=1\nPath=b.personal\n\n[General]\nVersion=2\n',
  )
}

test('checklist: hints as hints, a tick kept with its date, shown apart in the plan and the exported report', async ({
  page,
  server,
  realApi,
  home,
  pageProblems,
}) => {
  await writeTwoFirefoxProfiles(home)
  await page.goto(server.url)
  await expect(page.getByRole('button', { name: en(scanText('scanAgain')) })).toBeEnabled()

  const planSection = page.locator('.plan-checklist')
  await expect(planSection).toContainText(en(checklistText('summary', { done: 0, total: 5 })))
  await planSection.getByRole('button', { name: en(checklistUiText('openChecklist')) }).click()
  await expect(page.getByRole('heading', { level: 2, name: en(checklistText('heading')) })).toBeVisible()
  await expect(page.getByRole('navigation').getByRole('button', { name: en(shellText('checklist')) })).toHaveAttribute(
    'aria-current',
    'page',
  )

  const identities = page.locator('li[data-item="identities"]')
  await expect(identities.locator('.checklist-hint')).toContainText(en(checklistText('hintLabel')))
  await expect(identities.locator('.checklist-hint')).toContainText('Firefox has 2 profiles')
  await expect(identities.getByRole('checkbox')).not.toBeChecked()

  await page.getByRole('checkbox', { name: en(checklistText('messengerTitle')) }).check()
  await expect(page.locator('li[data-item="messenger"] .checklist-state')).toContainText('You said done (')
  await expect(page.getByRole('status')).toHaveText(en(checklistText('summary', { done: 1, total: 5 })))
  expect(await axeViolations(page)).toEqual([])

  const saved = await page.evaluate(() =>
    (
      window as unknown as { api: { getGuidance(): Promise<{ ok: boolean; value: { checklist: Record<string, string> } }> } }
    ).api.getGuidance(),
  )
  expect(Object.keys(saved.value.checklist)).toEqual(['advice.messenger'])

  await page.reload()
  await page
    .getByRole('navigation')
    .getByRole('button', { name: en(shellText('checklist')) })
    .click()
  await expect(page.getByRole('checkbox', { name: en(checklistText('messengerTitle')) })).toBeChecked()

  await page
    .getByRole('navigation')
    .getByRole('button', { name: en(shellText('settings')) })
    .click()
  await page.getByRole('button', { name: en(settingsText('exportOpen')) }).click()
  const dialog = page.getByRole('dialog', { name: en(exportText('heading')) })
  await dialog.getByRole('radio', { name: en(exportText('json')) }).check()
  await dialog.getByRole('button', { name: en(exportText('save')) }).click()
  await expect(dialog.getByText(en(exportText('savedHere')))).toBeVisible()
  const exported = JSON.parse(await readFile(realApi.savedPaths.at(-1) ?? '', 'utf8')) as {
    checklist: { countedInScore: boolean; items: { id: string; doneAt: string | null }[] }
  }
  expect(exported.checklist.countedInScore).toBe(false)
  expect(exported.checklist.items.filter((i) => i.doneAt !== null).map((i) => i.id)).toEqual(['messenger'])
  expect(pageProblems).toEqual([])
})
