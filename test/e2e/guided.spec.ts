import { execFileSync } from 'node:child_process'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { PROFILES } from '../../checks/core/guidance/profiles.js'
import { ANSWER_LABELS, QUESTIONS } from '../../checks/core/guidance/questionnaire.js'
import { t as reportText } from '../../checks/core/report/messages.js'
import { findCheck } from '../../checks/registry.js'
import { statusWord } from '../../checks/core/report/messages.js'
import { exportText } from '../../src-renderer/features/export/messages.js'
import { historyText } from '../../src-renderer/features/history/messages.js'
import { panicText } from '../../src-renderer/features/panic/messages.js'
import { PANIC_ITEMS } from '../../src-renderer/features/panic/panic-items.js'
import { planText } from '../../src-renderer/features/plan/messages.js'
import { quickExitText } from '../../src-renderer/features/quick-exit/messages.js'
import { scanText } from '../../src-renderer/features/scan/messages.js'
import { settingsText } from '../../src-renderer/features/settings/messages.js'
import { shellText } from '../../src-renderer/features/shell/messages.js'
import { walkText } from '../../src-renderer/features/walkthrough/messages.js'
import { wizardText } from '../../src-renderer/features/wizard/messages.js'
import { expect, test } from './support/fixtures.js'
import { axeViolations, en, keepScreenshot } from './support/screens.js'

const FIREFOX = 'dns.firefox'

/** A Firefox profile as firefox-esr lays it out (checks/browsers/firefox-profiles.ts reads ~/.mozilla/firefox/profiles.ini). */
async function writeFirefoxUserJs(home: string, lines: string[]): Promise<void> {
  const root = path.join(home, '.mozilla', 'firefox')
  await mkdir(path.join(root, 'guided.default'), { recursive: true })
  await writeFile(
    path.join(root, 'profiles.ini'),
    '[Profile0]\nName=default\nIsRelative=1\nPath=guided.default\nDefault=1\n\n[General]\nStartWithLastProfile=1\nVersion=2\n',
  )
  await writeFile(path.join(root, 'guided.default', 'user.js'), lines.map((l) => `${l}\n`).join(''))
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([])
}

const nav = (page: Page, key: Parameters<typeof shellText>[0]) =>
  page.getByRole('navigation').getByRole('button', { name: en(shellText(key)) })

test('first run → questionnaire → plan → walk-through → check again → accept a risk → history → panic → export → Persian → Quick Exit', async ({
  page,
  server,
  realApi,
  home,
  pageProblems,
}, testInfo) => {
  test.skip(!findCheck(FIREFOX), 'the registry has no dns.firefox check')
  // Firefox tries DNS over HTTPS but may fall back to plain DNS: a warning to fix.
  await writeFirefoxUserJs(home, ['user_pref("network.trr.mode", 2);'])

  await test.step('first run opens the questionnaire, one question at a time', async () => {
    await page.goto(server.url)
    await expect(page.getByRole('heading', { level: 2, name: en(wizardText('heading')) })).toBeVisible()
    await expect(page.getByRole('navigation')).toHaveCount(0)
    for (const [i, question] of QUESTIONS.entries()) {
      await expect(page.getByText(en(wizardText('progress', { n: i + 1, total: QUESTIONS.length })))).toBeVisible()
      const group = page.getByRole('group', { name: en(question.text) })
      await expect(group).toBeVisible()
      await group.getByRole('radio', { name: en(ANSWER_LABELS[question.id === 'borders' ? 'yes' : 'no']), exact: true }).check()
      if (i === 1) {
        await keepScreenshot(page, testInfo, 'questionnaire.png')
        await expectNoAxeViolations(page)
      }
      await page.getByRole('button', { name: en(wizardText('next')) }).click()
    }
    // Crossing a border with this device: the high-risk profile is suggested, and can be overruled.
    const suggested = page.getByRole('radio', { name: new RegExp(en(PROFILES['high-risk'].title).replace(/[()]/g, '\\$&')) })
    await expect(suggested).toBeChecked()
    await expect(page.getByText(en(wizardText('recommended')))).toBeVisible()
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: en(wizardText('useProfile')) }).click()
  })

  await test.step('the plan: score with its formula, what moved it, and one thing to do first', async () => {
    await expect(page.getByRole('heading', { level: 2, name: en(planText('heading')) })).toBeVisible()
    await expect(page.getByRole('button', { name: en(scanText('scanAgain')) })).toBeEnabled()
    await expect(page.locator('.score-value')).toBeVisible()
    await expect(page.getByText(en(reportText('formula')))).toBeVisible()
    await expect(page.getByRole('heading', { name: en(planText('firstHeading')) })).toBeVisible()
    const firefox = realApi.latestResult(FIREFOX)
    expect(firefox?.status).toBe('warn')
    await expect(page.locator('.moved-list')).toContainText(firefox?.title ?? FIREFOX)
    await keepScreenshot(page, testInfo, 'plan.png')
    await expectNoAxeViolations(page)
  })

  const firefoxTitle = realApi.latestResult(FIREFOX)?.title ?? FIREFOX
  const walk = page.locator('.walkthrough')

  await test.step('the walk-through says what an observer learns and numbers the steps for this OS', async () => {
    await page.getByRole('button', { name: `${en(planText('startGuide'))} ${firefoxTitle}` }).click()
    await expect(walk.getByRole('heading', { level: 2, name: firefoxTitle })).toBeFocused()
    await expect(walk.getByText(realApi.latestResult(FIREFOX)?.observer ?? 'no observer line')).toBeVisible()
    const steps = realApi.latestResult(FIREFOX)?.remediation.steps ?? []
    expect(steps.map((s) => s.kind ?? 'fix')).toEqual(['fix', 'alternative', 'undo', 'alternative'])
    await expect(walk.locator('ol.walk-steps > li')).toHaveCount(steps.length)
    // The undo step is no item to tick, and says what it is.
    await expect(walk.getByRole('checkbox', { name: en(walkText('stepDone', { n: 3 })) })).toHaveCount(0)
    await expect(walk.locator('li[data-step="3"]')).toContainText(en(walkText('kindUndo')))
    // This person takes the user.js way (step 2) and ticks it.
    await walk.getByRole('checkbox', { name: en(walkText('stepDone', { n: 2 })) }).click()
    await expect(walk.getByRole('checkbox', { name: en(walkText('stepDone', { n: 2 })) })).toBeChecked()
    await keepScreenshot(page, testInfo, 'walkthrough.png', { until: walk.locator('.detail-actions') })
    await expectNoAxeViolations(page)
  })

  await test.step('"Check again" after running step 2\'s own command: the finding passes, the fix\'s steps are done, the undo step and the other way are not', async () => {
    const userJs = realApi.latestResult(FIREFOX)?.remediation.steps[1]?.command?.line ?? ''
    expect(userJs).toContain('<profile folder>')
    execFileSync('sh', ['-c', userJs.replace('<profile folder>', path.join(home, '.mozilla', 'firefox', 'guided.default'))])
    const before = realApi.calls.length
    await walk.getByRole('button', { name: en(walkText('checkAgain')) }).click()
    await expect(walk.getByText(en(walkText('passed')))).toBeVisible()
    expect(realApi.calls.slice(before)).toContain(`runCheck:${FIREFOX}`)
    expect(realApi.calls.slice(before)).not.toContain('scan')
    await expect(walk.locator('.status-badge .status-text').first()).toHaveText(en(statusWord('pass')))
    const box = (n: number) => walk.getByRole('checkbox', { name: en(walkText('stepDone', { n })) })
    await expect(box(1)).toBeChecked()
    await expect(box(2)).toBeChecked()
    await expect(box(3)).toHaveCount(0)
    await expect(walk.locator('li[data-step="3"]')).not.toHaveClass(/step-done/)
    await expect(box(4)).not.toBeChecked()
    const saved = await page.evaluate(() =>
      (
        window as unknown as { api: { getGuidance(): Promise<{ ok: boolean; value: { checklist: Record<string, string> } }> } }
      ).api.getGuidance(),
    )
    expect(Object.keys(saved.value.checklist).sort()).toEqual([`${FIREFOX}#1`, `${FIREFOX}#2`])
    await keepScreenshot(page, testInfo, 'walkthrough-passed.png', { until: walk.locator('.detail-actions') })
  })

  await test.step('accept a risk with a reason: it moves out of the to-do list', async () => {
    await page.getByRole('button', { name: en(walkText('back')) }).click()
    await expect(page.locator('.plan-done')).toContainText(firefoxTitle)
    const first = page.locator('.first-card')
    const id = await first.getAttribute('data-check-id')
    expect(id).toBeTruthy()
    const title = realApi.latestResult(id ?? '')?.title ?? ''
    await first.getByRole('button', { name: `${en(planText('startGuide'))} ${title}` }).click()
    await walk.getByRole('button', { name: en(walkText('accept')) }).click()
    const dialog = page.getByRole('dialog', { name: en(walkText('dialogHeading')) })
    await dialog.getByRole('button', { name: en(walkText('confirm')) }).click()
    await expect(dialog.getByText(en(walkText('reasonMissing')))).toBeVisible()
    // A reason that fits whichever finding comes first on this machine.
    await dialog.getByRole('textbox', { name: en(walkText('reasonLabel')) }).fill('I will deal with this after my trip.')
    await expectNoAxeViolations(page)
    await dialog.getByRole('button', { name: en(walkText('confirm')) }).click()
    await expect(dialog).toHaveCount(0)
    await expect(walk.getByText(/I will deal with this after my trip\./)).toBeVisible()
    await page.getByRole('button', { name: en(walkText('back')) }).click()
    await expect(page.getByRole('heading', { name: en(planText('acceptedHeading', { count: 1 })) })).toBeVisible()
    await expect(page.locator(`.first-card[data-check-id="${id}"]`)).toHaveCount(0)
  })

  await test.step('history: a second scan draws the score over time, with a table alternative', async () => {
    await page.getByRole('button', { name: en(scanText('scanAgain')) }).click()
    await expect(page.getByRole('button', { name: en(scanText('scanAgain')) })).toBeEnabled()
    await nav(page, 'history').click()
    await expect(page.getByRole('img', { name: /2/ })).toBeVisible()
    await expect(page.locator('.history-table tbody tr')).toHaveCount(2)
    await expect(page.locator('.chart-point')).toHaveCount(2)
    await keepScreenshot(page, testInfo, 'history.png')
    await expectNoAxeViolations(page)
  })

  await test.step('panic checklist for the high-risk profile: ticks are saved', async () => {
    await nav(page, 'panic').click()
    await expect(page.locator('.panic-item')).toHaveCount(PANIC_ITEMS.length)
    const [a, b] = PANIC_ITEMS
    if (!a || !b) throw new Error('panic list too short')
    for (const item of [a, b]) {
      await page.getByRole('checkbox', { name: en(item.text) }).click()
      await expect(page.getByRole('checkbox', { name: en(item.text) })).toBeChecked()
    }
    await expect(page.getByText(en(panicText('progress', { done: 2, total: PANIC_ITEMS.length })))).toBeVisible()
    await keepScreenshot(page, testInfo, 'panic.png')
    await expectNoAxeViolations(page)
  })

  await test.step('settings and export: an HTML report without personal details lands where the save dialog said', async () => {
    await nav(page, 'settings').click()
    await expect(page.getByText(en(settingsText('quickExitText')))).toBeVisible()
    await keepScreenshot(page, testInfo, 'settings.png')
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: en(settingsText('exportOpen')) }).click()
    const dialog = page.getByRole('dialog', { name: en(exportText('heading')) })
    await expect(dialog.getByRole('checkbox', { name: en(exportText('redact')) })).toBeChecked()
    await dialog.getByRole('radio', { name: en(exportText('html')) }).check()
    // Before saving: the path shown afterwards is the test's temporary HOME. The viewport only: a modal's
    // backdrop covers the window, not the whole scrolled page.
    await keepScreenshot(page, testInfo, 'export.png', { fullPage: false })
    await dialog.getByRole('button', { name: en(exportText('save')) }).click()
    await expect(dialog.getByText(en(exportText('savedHere')))).toBeVisible()
    const saved = realApi.savedPaths.at(-1) ?? ''
    expect(saved.endsWith('.html')).toBe(true)
    await expect(dialog.locator('.export-saved code')).toHaveText(saved)
    const html = await readFile(saved, 'utf8')
    const report = realApi.lastReport
    for (const result of report?.results.filter((r) => r.id === FIREFOX) ?? []) expect(html).toContain(result.title)
    expect(html).not.toContain(home)
    await expectNoAxeViolations(page)
    await dialog.getByRole('radio', { name: en(exportText('pdf')) }).check()
    await dialog.getByRole('button', { name: en(exportText('save')) }).click()
    await expect.poll(() => realApi.savedPaths.at(-1) ?? '').toMatch(/\.pdf$/)
    await expect(dialog.locator('.export-saved code')).toHaveText(realApi.savedPaths.at(-1) ?? '')
    const pdf = await readFile(realApi.savedPaths.at(-1) ?? '')
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect((await stat(saved)).size).toBeGreaterThan(1000)
    await dialog.getByRole('button', { name: en(exportText('close')) }).click()
    await expect(dialog).toHaveCount(0)
  })

  await test.step('Persian: the whole window mirrors right-to-left', async () => {
    const before = realApi.calls.length
    await page.getByRole('radio', { name: 'فارسی' }).click()
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(page.locator('html')).toHaveAttribute('lang', 'fa')
    await expect(page.locator('.app')).toHaveAttribute('dir', 'rtl')
    // The results are re-rendered from the messages the window holds: nothing is scanned, re-run or fetched again.
    await page.locator('.nav-button[data-view="results"]').click()
    await expect(page.locator(`.result-row[data-check-id="${FIREFOX}"] .result-title`)).toHaveText(
      realApi.latestResult(FIREFOX)?.title ?? '',
    )
    expect(realApi.calls.slice(before).filter((c) => /^(scan|runCheck|lastReport|listChecks)/.test(c))).toEqual([])
    await page.locator('.nav-button[data-view="plan"]').click()
    await expect(page.locator('.score-value')).toBeVisible()
    // Commands and paths stay left-to-right inside the mirrored page.
    await page.locator('.nav-button[data-view="results"]').click()
    await page.locator(`.result-row[data-check-id="${FIREFOX}"] button`).click()
    await expect(page.locator('.evidence-source').first()).toHaveAttribute('dir', 'ltr')
    // A path inside a Persian sentence is isolated and drawn left to right: its leading "/" comes first.
    const order = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.detail-panel') ?? document.body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        const at = text.indexOf('\u2068/')
        if (at < 0) continue
        const left = (i: number): number => {
          const range = document.createRange()
          range.setStart(node, i)
          range.setEnd(node, i + 1)
          return range.getBoundingClientRect().left
        }
        return { text: text.slice(at, at + 40), slash: left(at + 1), next: left(at + 2) }
      }
      return null
    })
    expect(order, 'a Persian text with a path in it').not.toBeNull()
    expect(order?.slash, `"/" is drawn left of what follows it in ${order?.text}`).toBeLessThan(order?.next ?? 0)
    await page.locator('.nav-button[data-view="plan"]').click()
    await keepScreenshot(page, testInfo, 'persian.png')
    await expectNoAxeViolations(page)
  })

  await test.step('Quick Exit: Escape blanks the window at once and asks main to hide it', async () => {
    await expect(page.getByRole('button', { name: new RegExp(en(quickExitText('button'))) })).toHaveCount(0) // labelled in Persian now
    await page.keyboard.press('Escape')
    await expect(page.locator('[data-quick-exit]')).toBeVisible()
    await expect(page.locator('#root')).toHaveText('')
    await expect.poll(() => realApi.quickExits).toBe(1)
  })

  expect(pageProblems, 'no console errors, page errors or CSP violations').toEqual([])
})

test('Quick exit button works from the first screen, before any profile is chosen', async ({ page, server, realApi }) => {
  await page.goto(server.url)
  await page.getByRole('button', { name: en(quickExitText('button')) }).click()
  await expect(page.locator('#root')).toHaveText('')
  await expect.poll(() => realApi.quickExits).toBe(1)
})

test('history can be cleared in one confirmed click, and "Forget everything" starts over', async ({ page, server, realApi }) => {
  await page.goto(server.url)
  await expect(page.getByRole('heading', { level: 2, name: en(wizardText('heading')) })).toBeVisible()
  for (let i = 0; i < QUESTIONS.length; i += 1) {
    await page.getByRole('radio', { name: en(ANSWER_LABELS.no), exact: true }).check()
    await page.getByRole('button', { name: en(wizardText('next')) }).click()
  }
  await page.getByRole('button', { name: en(wizardText('useProfile')) }).click()
  await expect(page.getByRole('button', { name: en(scanText('scanAgain')) })).toBeEnabled()
  await nav(page, 'history').click()
  await expect(page.locator('.history-table tbody tr')).toHaveCount(1)
  await page.getByRole('button', { name: en(historyText('clear')) }).click()
  await page
    .getByRole('dialog')
    .getByRole('button', { name: en(historyText('clearConfirm')) })
    .click()
  await expect(page.getByText(en(historyText('cleared')))).toBeVisible()
  await expect(page.locator('.history-table')).toHaveCount(0)
  expect(realApi.calls).toContain('clearHistory')
  await page.getByRole('button', { name: en(historyText('forget')) }).click()
  await page
    .getByRole('dialog')
    .getByRole('button', { name: en(historyText('forgetConfirm')) })
    .click()
  await expect(page.getByRole('heading', { level: 2, name: en(wizardText('heading')) })).toBeVisible()
})
