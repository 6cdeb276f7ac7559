import { copyFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page, TestInfo } from '@playwright/test'
import { render } from '../../../checks/core/i18n/locale.js'
import type { Msg } from '../../../checks/core/i18n/message.js'

/** English text of a UI message, the way the app renders it. */
export const en = (msg: Msg): string => render(msg, 'en')

/** How the temporary HOME of every end-to-end test is named (fixtures.ts), so a screenshot can be checked for it. */
export const E2E_HOME_PREFIX = 'bulwark-e2e-home-'

/** Page-coordinate region a screenshot covers. */
interface Region {
  top: number
  bottom: number
}

/** Texts naming the test's temporary HOME that lie inside the region: they must not reach a screenshot. */
async function testPathsShown(page: Page, region: Region | null): Promise<string[]> {
  return page.evaluate(
    ({ marker, region }) => {
      const found: string[] = []
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        if (!text.includes(marker)) continue
        const range = document.createRange()
        range.selectNodeContents(node)
        for (const rect of range.getClientRects()) {
          const top = rect.top + window.scrollY
          const bottom = rect.bottom + window.scrollY
          if (rect.width > 0 && (!region || (bottom > region.top && top < region.bottom))) {
            found.push(text.slice(0, 120))
            break
          }
        }
      }
      return found
    },
    { marker: E2E_HOME_PREFIX, region },
  )
}

/**
 * A test artefact (test-results/e2e). Copied to docs/screenshots for the README only when asked
 * (`npm run screenshots`), so `npm test` never changes a tracked file.
 */
export async function keepScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  { fullPage = true, until }: { fullPage?: boolean; until?: Locator } = {},
): Promise<void> {
  const shot = testInfo.outputPath(name)
  // `until`: the page from the top down to that element, so what follows it (evidence naming the
  // test's own temporary HOME) stays out of a picture meant for the README.
  const box = until ? await until.boundingBox() : null
  if (until && !box) throw new Error(`${name}: the element to stop at is not on screen`)
  const viewport = page.viewportSize()
  // boundingBox is measured from the viewport; a full-page clip from the top of the page.
  const scrolled = box ? await page.evaluate(() => window.scrollY) : 0
  const clip = box && viewport ? { x: 0, y: 0, width: viewport.width, height: Math.ceil(scrolled + box.y + box.height + 16) } : undefined
  const region = clip
    ? { top: 0, bottom: clip.height }
    : fullPage || !viewport
      ? null
      : { top: scrolled, bottom: scrolled + viewport.height }
  // A picture for the README shows what a user would see, never the test's own temporary folders.
  const leaks = await testPathsShown(page, region)
  if (leaks.length > 0) throw new Error(`${name} would show the test's temporary HOME: ${leaks.join(' | ')}`)
  await page.screenshot({ path: shot, fullPage, ...(clip ? { clip } : {}) })
  await testInfo.attach(name, { path: shot, contentType: 'image/png' })
  if (process.env.BULWARK_UPDATE_SCREENSHOTS !== '1') return
  await mkdir('docs/screenshots', { recursive: true })
  await copyFile(shot, path.join('docs/screenshots', name))
}

/** axe-core's findings (WCAG 2.1 A/AA, any impact: stricter than "no serious or critical") on what the page shows now. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

/**
 * Presses Tab until the target has focus, going once round every stop on the page at most. How many stops lie
 * before the target depends on where focus was and on this machine's verdicts (one "Show me how" per gap).
 */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  const stops = await page.locator('a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])').count()
  for (let i = 0; i <= stops + 1 && !(await target.evaluate((el) => el === document.activeElement)); i += 1)
    await page.keyboard.press('Tab')
}
