import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { t as reportText } from '../../checks/core/report/messages.js'
import { CHECKS, findCheck } from '../../checks/registry.js'
import type { ReportResult } from '../../src-main/shared/report.js'
import { componentText } from '../../src-renderer/components/messages.js'
import { statusWord } from '../../checks/core/report/messages.js'
import { STATUS_ORDER } from '../../checks/core/report/model.js'
import { detailText } from '../../src-renderer/features/detail/messages.js'
import { scanText } from '../../src-renderer/features/scan/messages.js'
import { shellText } from '../../src-renderer/features/shell/messages.js'
import { expect, test } from './support/fixtures.js'
import { en, keepScreenshot } from './support/screens.js'

// A profile chosen earlier: this spec is about the scan view, behind "All results".
test.use({ profile: 'everyday' })

const ids = CHECKS.map((c) => c.id)
const total = ids.length

const row = (page: Page, id: string): Locator => page.locator(`.result-row[data-check-id="${id}"]`)

async function expectScanFinished(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: en(scanText('scanAgain')) })).toBeEnabled()
  await expect(page.locator('.result-row[data-phase="done"]')).toHaveCount(total)
}

/** The most telling result to open: worst status first, and one that shows evidence and steps if any does. */
function pickForDetail(results: readonly ReportResult[]): ReportResult {
  const ranked = [...results].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status))
  const best =
    ranked.find((r) => r.evidence.length > 0 && r.remediation.steps.length > 0) ?? ranked.find((r) => r.evidence.length > 0) ?? ranked[0]
  if (!best) throw new Error('no results to open')
  return best
}

/** A Firefox profile asking for strict DNS over HTTPS: real state a Firefox check reads, written between scans. */
async function writeFirefoxProfile(home: string): Promise<void> {
  const root = path.join(home, '.mozilla', 'firefox')
  await mkdir(path.join(root, 'e2e.default'), { recursive: true })
  await writeFile(
    path.join(root, 'profiles.ini'),
    '[Profile0]\nName=default\nIsRelative=1\nPath=e2e.default\nDefault=1\n\n[General]\nStartWithLastProfile=1\nVersion=2\n',
  )
  await writeFile(
    path.join(root, 'e2e.default', 'prefs.js'),
    'user_pref("network.trr.mode", 3);\nuser_pref("network.trr.uri", "https://mozilla.cloudflare-dns.com/dns-query");\n',
  )
}

test('scan, watch progress, read a result in detail, re-run it, and scan again', async ({
  page,
  server,
  realApi,
  home,
  pageProblems,
  context,
}, testInfo) => {
  expect(total, 'checks/registry.ts lists at least one check').toBeGreaterThan(0)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })

  await test.step('the app opens and runs its first scan by itself', async () => {
    await page.goto(server.url)
    await expect(page.getByRole('heading', { level: 1, name: en(scanText('appName')) })).toBeVisible()
    await page.getByRole('button', { name: en(shellText('results')) }).click()
    await expectScanFinished(page)
    expect(realApi.calls).toContain('scan')
  })
  const firstScan = realApi.lastReport
  expect(firstScan?.results.map((r) => r.id).sort()).toEqual([...ids].sort())

  const firefoxCheck = findCheck('dns.firefox')
  if (firefoxCheck) await writeFirefoxProfile(home)

  await test.step('"Scan again" shows live progress per check', async () => {
    const hold = realApi.holdProgress()
    const scanAgain = page.getByRole('button', { name: en(scanText('scanAgain')) })
    await scanAgain.click()
    await expect(scanAgain).toBeDisabled()
    await expect(page.getByRole('progressbar', { name: en(scanText('progressLabel')) })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: en(scanText('progress', { done: 0, total })) })).toBeVisible()
    await expect(page.locator('.result-row[data-phase="running"]')).toHaveCount(total)
    await expect(
      page.getByRole('heading', { name: en(scanText('groupHeading', { label: en(scanText('groupInProgress')), count: total })) }),
    ).toBeVisible()
    if (total >= 2) {
      hold.releaseOne()
      await expect(page.getByRole('status').filter({ hasText: en(scanText('progress', { done: 1, total })) })).toBeVisible()
      await expect(page.locator('.result-row[data-phase="done"]')).toHaveCount(1)
      await keepScreenshot(page, testInfo, 'scan-progress.png')
    }
    hold.releaseAll()
    await expectScanFinished(page)
  })

  const report = realApi.lastReport
  if (!report) throw new Error('the re-scan produced no report')

  await test.step('every check in the registry shows its final status in words', async () => {
    for (const result of report.results) {
      const r = row(page, result.id)
      await expect(r).toHaveAttribute('data-status', result.status)
      await expect(r.locator('.status-text')).toHaveText(en(statusWord(result.status)))
      await expect(r.locator('.result-title')).toHaveText(result.title)
      await expect(r.locator('.result-summary')).toHaveText(result.summary)
    }
    for (const status of STATUS_ORDER) {
      const count = report.results.filter((r) => r.status === status).length
      const chip = page.locator(`.summary-item.status-${status}`)
      if (count > 0) await expect(chip).toContainText(en(scanText('summaryItem', { label: en(statusWord(status)), count })))
      else await expect(chip).toHaveCount(0)
    }
  })

  if (firefoxCheck && firstScan) {
    await test.step('a real change on disk shows up in the re-scan (dns.firefox)', async () => {
      const before = firstScan.results.find((r) => r.id === firefoxCheck.id)
      const after = report.results.find((r) => r.id === firefoxCheck.id)
      expect(after?.summary).not.toEqual(before?.summary)
    })
  }

  const chosen = pickForDetail(report.results)
  const detail = page.locator('.detail-panel')

  await test.step(`opening ${chosen.id} shows its evidence and this OS's remediation`, async () => {
    await row(page, chosen.id).getByRole('button').click()
    await expect(detail.getByRole('heading', { level: 2, name: chosen.title })).toBeFocused()
    await expect(detail.locator('.detail-summary')).toHaveText(chosen.summary)
    await expect(detail.getByText(chosen.rationale, { exact: true })).toBeVisible()
    if (chosen.evidence.length > 0) {
      const table = detail.getByRole('table')
      await expect(table.locator('tbody tr')).toHaveCount(chosen.evidence.length)
      for (const [i, item] of chosen.evidence.entries()) {
        const cells = table.locator('tbody tr').nth(i)
        await expect(cells.getByRole('rowheader')).toHaveText(item.label)
        await expect(cells.locator('.evidence-source')).toHaveText(item.source)
      }
    } else {
      await expect(detail.getByText(en(detailText('noEvidence')))).toBeVisible()
    }
    const steps = chosen.remediation.steps
    await expect(detail.locator('ol.steps > li')).toHaveCount(steps.length)
    await expect(detail.getByText(en(reportText('admin')), { exact: true })).toHaveCount(steps.filter((s) => s.requiresAdmin).length)
    const withCommand = steps.find((s) => s.command)
    if (withCommand?.command) {
      await detail
        .getByRole('button', { name: en(componentText('copyLabel', { command: withCommand.command.line })) })
        .first()
        .click()
      await expect(
        detail
          .getByRole('status')
          .filter({ hasText: en(componentText('copied')) })
          .first(),
      ).toBeVisible()
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(withCommand.command.line)
    }
    const reference = chosen.remediation.references[0]
    if (reference) {
      await detail.getByRole('link', { name: reference.title }).click()
      await expect.poll(() => realApi.openedLinks).toContain(new URL(reference.url).href)
      await expect(page).toHaveURL(server.url)
    }
  })

  await test.step('"Run this check again" re-runs that one check and updates its row', async () => {
    const before = realApi.calls.length
    await detail.getByRole('button', { name: en(detailText('runAgain')) }).click()
    await expect.poll(() => realApi.calls.slice(before)).toContain(`runCheck:${chosen.id}`)
    await expect(row(page, chosen.id)).toHaveAttribute('data-phase', 'done')
    await expect(detail.getByRole('button', { name: en(detailText('runAgain')) })).toBeEnabled()
    const rerun = realApi.latestResult(chosen.id)
    if (rerun) await expect(row(page, chosen.id).locator('.result-summary')).toHaveText(rerun.summary)
    expect(realApi.calls.slice(before).filter((c) => c === 'scan')).toHaveLength(0)
  })

  await test.step('scan again after the single re-run, then keep a screenshot', async () => {
    await page.getByRole('button', { name: en(scanText('scanAgain')) }).click()
    await expectScanFinished(page)
    await expect(detail.getByRole('heading', { level: 2, name: chosen.title })).toBeVisible()
    await expect(detail.getByRole('status').filter({ hasText: en(componentText('copied')) })).toHaveCount(0)
    // The window as it opens (the viewport): further down, the key check names the folders it read, in the test's temporary HOME.
    await keepScreenshot(page, testInfo, 'scan.png', { fullPage: false })
  })

  expect(pageProblems, 'no console errors, page errors or CSP violations').toEqual([])
})
