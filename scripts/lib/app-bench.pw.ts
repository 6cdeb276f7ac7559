import { appendFileSync } from 'node:fs'
import { detailText } from '../../src-renderer/features/detail/messages.js'
import { expect, test } from '../../test/e2e/support/fixtures.js'
import { en } from '../../test/e2e/support/screens.js'

/**
 * One cold page load of the built renderer, bound to the real engine by the e2e harness, timed for
 * `npm run bench` (scripts/lib/app-bench.mjs runs it with --repeat-each; each repetition gets a fresh
 * browser context, HOME and store, so the app opens as on first use and scans by itself). Each load
 * appends one JSON line to BULWARK_BENCH_APP_OUT. A timing page, not a test: `npm test` never runs it.
 */

// The window opens on the plan, which shows its score card (`.view.plan`) as soon as one verdict is in:
// that is the first result on screen. The header shows the scan's progress from the moment the page asks
// for the scan, and the last scan's line again once every verdict is in.
const FIRST_RESULT = '.view.plan'
const SCAN_ASKED = '.app-header .scan-progress'
const SCAN_DONE = '.app-header .last-scan'

/** performance.now() in the page: milliseconds since that document's navigation started. */
interface Painted {
  /** When the DOM first held what was waited for. */
  dom: number
  /** After the frame that drew it: the task queued from that frame's requestAnimationFrame. */
  painted: number
}

interface BenchWindow {
  __benchOpen?: { fcp: Promise<number>; asked: Promise<Painted>; first: Promise<Painted>; done: Promise<Painted> }
  __benchRecheck?: Promise<{ activated: number } & Painted>
}

/**
 * Runs before the app's scripts on every navigation. A MutationObserver sees the element arrive; the frame
 * that draws it comes next, and a message posted from that frame's requestAnimationFrame callback runs once
 * the frame's style, layout and paint are done: the time the pixels left the renderer. Element Timing
 * would need an attribute in the app's markup and fires once per element (a row re-checked is the same
 * element); Largest Contentful Paint follows the largest text, not the first verdict.
 */
function watchOpening({ asked, first, done }: { asked: string; first: string; done: string }): void {
  const afterPaint = (): Promise<Painted> =>
    new Promise((resolve) => {
      const dom = performance.now()
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve({ dom, painted: performance.now() })
        channel.port2.postMessage(null)
      })
    })
  const when = (test: () => boolean): Promise<Painted> =>
    new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!test()) return
        observer.disconnect()
        void afterPaint().then(resolve)
      })
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
    })
  const shown = (selector: string) => document.querySelector(selector) !== null
  ;(window as BenchWindow).__benchOpen = {
    // Paint entries reach an observer a little after the paint: asking the timeline at once can miss it.
    fcp: new Promise((resolve) =>
      new PerformanceObserver((list) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0]
        if (entry) resolve(entry.startTime)
      }).observe({ type: 'paint', buffered: true }),
    ),
    asked: when(() => shown(asked)),
    first: when(() => shown(first)),
    done: when(() => shown(first) && shown(done)),
  }
}

/** Arms the re-check timer on one row: from the button's activation to the row showing a verdict again. */
function watchRecheck({ id, button }: { id: string; button: string }): void {
  const row = () => document.querySelector(`.result-row[data-check-id="${CSS.escape(id)}"]`)
  ;(window as BenchWindow).__benchRecheck = new Promise((resolve) => {
    let activated = Number.NaN
    let running = false
    document.addEventListener(
      'click',
      (event) => {
        if (event.target instanceof Element && event.target.closest(button)) activated = event.timeStamp
      },
      { capture: true, once: true },
    )
    const observer = new MutationObserver(() => {
      const phase = row()?.getAttribute('data-phase')
      if (phase === 'running') running = true
      if (!running || phase !== 'done') return
      observer.disconnect()
      const dom = performance.now()
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve({ activated, dom, painted: performance.now() })
        channel.port2.postMessage(null)
      })
    })
    observer.observe(document, { subtree: true, childList: true, attributes: true })
  })
}

test.use({ profile: 'everyday' })

test('app timings', async ({ page, server, realApi }) => {
  const out = process.env.BULWARK_BENCH_APP_OUT
  if (!out) throw new Error('BULWARK_BENCH_APP_OUT is not set: run this through npm run bench')
  await page.addInitScript(watchOpening, { asked: SCAN_ASKED, first: FIRST_RESULT, done: SCAN_DONE })

  await page.goto(server.url)
  const opened = await page.evaluate(async () => {
    const open = (window as BenchWindow).__benchOpen
    if (!open) throw new Error('the timing script did not run')
    return { asked: await open.asked, first: await open.first, done: await open.done, fcp: await open.fcp }
  })
  const report = realApi.lastReport
  expect(report, 'the opening scan finished').not.toBeNull()
  if (!report) return

  // A finding is what a user re-checks after acting on it: the first one failing or warning, else any.
  await page.locator('.nav-button[data-view="results"]').click()
  const findings = page.locator('.result-row[data-status="fail"], .result-row[data-status="warn"]')
  const finding = (await findings.count()) > 0 ? findings.first() : page.locator('.result-row').first()
  const id = await finding.getAttribute('data-check-id')
  if (!id) throw new Error('no result row to re-check')
  await finding.locator('.result-button').click()
  const runAgain = page.getByRole('button', { name: en(detailText('runAgain')) })
  await expect(runAgain).toBeEnabled()
  await page.evaluate(watchRecheck, { id, button: '.detail-actions .button' })
  await runAgain.click()
  const recheck = await page.evaluate(async () => {
    const timed = (window as BenchWindow).__benchRecheck
    if (!timed) throw new Error('the re-check timer was not armed')
    return timed
  })
  expect(Number.isFinite(recheck.activated), 'the click reached the button').toBe(true)

  // The window opened again with the saved report: no scan, the verdicts straight from the store.
  await page.reload()
  const reopened = await page.evaluate(async () => {
    const open = (window as BenchWindow).__benchOpen
    if (!open) throw new Error('the timing script did not run')
    return open.first
  })

  appendFileSync(
    out,
    `${JSON.stringify({
      firstResultMs: opened.first.painted,
      firstResultDomMs: opened.first.dom,
      firstContentfulPaintMs: opened.fcp,
      scanAskedMs: opened.asked.dom,
      // The checks start together: the quickest one's own time is the engine's share of the first verdict.
      engineFirstMs: Math.min(...report.results.map((r) => r.durationMs)),
      allResultsMs: opened.done.painted,
      checks: report.results.length,
      engineMs: report.durationMs,
      recheckId: id,
      recheckMs: recheck.painted - recheck.activated,
      recheckDomMs: recheck.dom - recheck.activated,
      recheckEngineMs: realApi.latestResult(id)?.durationMs ?? null,
      reopenMs: reopened.painted,
    })}\n`,
  )
})
