import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { firefoxCheck } from '../../checks/catalogue/dns/firefox.check.js'
import { t as fixText } from '../../checks/core/fix/messages.js'
import { statusWord } from '../../checks/core/report/messages.js'
import { t as appFix } from '../../src-main/electron/fix-messages.js'
import { fixUiText } from '../../src-renderer/features/fix/messages.js'
import { historyText } from '../../src-renderer/features/history/messages.js'
import { planText } from '../../src-renderer/features/plan/messages.js'
import { shellText } from '../../src-renderer/features/shell/messages.js'
import { expect, test } from './support/fixtures.js'
import { axeViolations, en } from './support/screens.js'

/**
 * "Fix this for me" end to end: the built renderer in Chromium, main's real handlers, fix service, journal and
 * writer on a private HOME. A Firefox profile that only tries DNS over HTTPS is fixed with the resolver picked in
 * the preview, verified by the check itself, listed in History and undone to the exact old bytes.
 */
test.use({ profile: 'everyday', catalogue: { checks: [firefoxCheck] } })

const OLD = 'user_pref("network.trr.mode", 2);\n'

test('fix dns.firefox from the walk-through: preview with a choice → apply → verified → History → undo to the old bytes', async ({
  page,
  server,
  realApi,
  home,
  pageProblems,
}) => {
  const profile = path.join(home, '.mozilla', 'firefox', 'fix.default')
  await mkdir(profile, { recursive: true })
  await writeFile(
    path.join(home, '.mozilla', 'firefox', 'profiles.ini'),
    '[Profile0]\nName=default\nIsRelative=1\nPath=fix.default\nDefault=1\n\n[General]\nStartWithLastProfile=1\nVersion=2\n',
  )
  const userJs = path.join(profile, 'user.js')
  await writeFile(userJs, OLD)

  await page.goto(server.url)
  await expect(page.getByRole('heading', { level: 2, name: en(planText('heading')) })).toBeVisible()
  await expect.poll(() => realApi.latestResult(firefoxCheck.id)?.status).toBe('warn')
  const title = realApi.latestResult(firefoxCheck.id)?.title ?? firefoxCheck.id
  await page.getByRole('button', { name: `${en(planText('startGuide'))} ${title}` }).click()
  const walk = page.locator('.walkthrough')

  await test.step('the walk-through offers the fix beside the steps; the preview shows the diff and the resolver as a select', async () => {
    await walk.getByRole('button', { name: en(fixUiText('fixButton')) }).click()
    const dialog = page.getByRole('dialog', { name: en(fixUiText('dialogHeading')) })
    await expect(dialog.getByLabel(en(fixUiText('diffLabel')))).toContainText('+user_pref("network.trr.mode", 3);')
    await expect(dialog.getByText(en(fixText('noAdmin')))).toBeVisible()
    await dialog.getByRole('combobox').selectOption('mullvad')
    await expect(dialog.getByLabel(en(fixUiText('diffLabel')))).toContainText('mullvad')
    expect(await axeViolations(page)).toEqual([])
    // Nothing is written by a preview.
    expect(await readFile(userJs, 'utf8')).toBe(OLD)
    await dialog.getByRole('button', { name: en(fixUiText('apply')) }).click()
    await expect(dialog.getByText(en(appFix('verified', { status: 'pass' })))).toBeVisible()
    expect(await readFile(userJs, 'utf8')).toMatch(/^user_pref\("network.trr.mode", 2\);\nuser_pref\("network.trr.mode", 3\);\n.*mullvad/s)
    await dialog.getByRole('button', { name: en(fixUiText('close')) }).click()
    // The walk-through checked again: the finding is gone.
    await expect(walk.locator('.status-badge .status-text').first()).toHaveText(en(statusWord('pass')))
    const sent = realApi.calls.filter((c) => ['fixOffers', 'previewFix', 'applyFix'].includes(c))
    expect(sent).toContain('applyFix')
  })

  await test.step('History lists the fix; Forget everything warns; undo puts back the exact old bytes', async () => {
    await page
      .getByRole('navigation')
      .getByRole('button', { name: en(shellText('history')) })
      .click()
    const row = page.locator('.fix-table tbody tr').first()
    await expect(row).toHaveAttribute('data-state', 'verified')
    await page.getByRole('button', { name: en(historyText('forget')) }).click()
    const confirm = page.getByRole('dialog', { name: en(historyText('forgetConfirmHeading')) })
    await expect(confirm.locator('.fix-forget-warning')).toContainText(en(fixUiText('forgetFixesWarning', { count: 1 })))
    await confirm.getByRole('button', { name: en(historyText('cancel')) }).click()
    await row.getByRole('button', { name: en(fixUiText('undo')) }).click()
    await expect(row.getByText(en(appFix('undone')))).toBeVisible()
    expect(await readFile(userJs, 'utf8')).toBe(OLD)
    await expect(page.locator('.fix-table tbody tr').first()).toHaveAttribute('data-state', 'undone')
  })

  expect(pageProblems).toEqual([])
})

test('several offers start unticked; ticking one profile previews and changes only that profile', async ({
  page,
  server,
  realApi,
  home,
  pageProblems,
}) => {
  const firefox = path.join(home, '.mozilla', 'firefox')
  const userJs = (dir: string): string => path.join(firefox, dir, 'user.js')
  for (const dir of ['work.default', 'home.default']) {
    await mkdir(path.join(firefox, dir), { recursive: true })
    await writeFile(userJs(dir), OLD)
  }
  await writeFile(
    path.join(firefox, 'profiles.ini'),
    '[Profile0]\nName=work\nIsRelative=1\nPath=work.default\nDefault=1\n\n[Profile1]\nName=home\nIsRelative=1\nPath=home.default\n\n[General]\nStartWithLastProfile=1\nVersion=2\n',
  )

  await page.goto(server.url)
  await expect.poll(() => realApi.latestResult(firefoxCheck.id)?.status).toBe('warn')
  const title = realApi.latestResult(firefoxCheck.id)?.title ?? firefoxCheck.id
  await page.getByRole('button', { name: `${en(planText('startGuide'))} ${title}` }).click()
  await page
    .locator('.walkthrough')
    .getByRole('button', { name: en(fixUiText('fixButton')) })
    .click()
  const dialog = page.getByRole('dialog', { name: en(fixUiText('dialogHeading')) })
  const picks = dialog.getByRole('group', { name: en(fixUiText('pickLegend')) })
  const boxes = picks.getByRole('checkbox')
  await expect(boxes).toHaveCount(2)
  for (const box of await boxes.all()) await expect(box).not.toBeChecked()
  await expect(dialog.getByText(en(fixUiText('pickNone')))).toBeVisible()
  await expect(dialog.getByRole('button', { name: en(fixUiText('apply')) })).toHaveCount(0)
  expect(await axeViolations(page)).toEqual([])

  await picks.getByRole('checkbox', { name: /profile home,/ }).check()
  await expect(dialog.getByLabel(en(fixUiText('diffLabel')))).toHaveCount(1)
  await expect(dialog.getByLabel(en(fixUiText('diffLabel')))).toContainText('home.default')
  await dialog.getByRole('button', { name: en(fixUiText('apply')) }).click()
  await expect(dialog.getByText(en(appFix('verified', { status: 'warn' })))).toBeVisible()
  expect(await readFile(userJs('home.default'), 'utf8')).toMatch(/network.trr.mode", 3\);/)
  expect(await readFile(userJs('work.default'), 'utf8')).toBe(OLD)
  expect(pageProblems).toEqual([])
})
