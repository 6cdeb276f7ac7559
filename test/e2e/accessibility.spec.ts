import { render } from '../../checks/core/i18n/locale.js'
import { CHECKS } from '../../checks/registry.js'
import { detailText } from '../../src-renderer/features/detail/messages.js'
import { scanText } from '../../src-renderer/features/scan/messages.js'
import { shellText } from '../../src-renderer/features/shell/messages.js'
import { expect, test } from './support/fixtures.js'
import { axeViolations, tabTo } from './support/screens.js'

test.use({ profile: 'everyday' })

const scanAgain = render(scanText('scanAgain'), 'en')

test('results and an open detail have no axe-core violations, in light and dark', async ({ page, server, realApi }) => {
  expect(CHECKS.length).toBeGreaterThan(0)
  await page.goto(server.url)
  await page.getByRole('button', { name: render(shellText('results'), 'en') }).click()
  await expect(page.getByRole('button', { name: scanAgain })).toBeEnabled()
  await expect(page.locator('.result-row[data-phase="done"]')).toHaveCount(CHECKS.length)
  const first = realApi.lastReport?.results[0]
  if (!first) throw new Error('no result to open')
  await page.locator(`.result-row[data-check-id="${first.id}"] button`).click()
  expect(await axeViolations(page)).toEqual([])
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await axeViolations(page)).toEqual([])
})

test('the whole flow works from the keyboard alone', async ({ page, server, realApi }) => {
  await page.goto(server.url)
  await expect(page.getByRole('button', { name: scanAgain })).toBeEnabled()
  // Tab to "All results" in the navigation and open it with Enter.
  const results = page.getByRole('button', { name: render(shellText('results'), 'en') })
  await tabTo(page, results)
  await expect(results).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('.result-row[data-phase="done"]')).toHaveCount(CHECKS.length)
  // Tab to the first result row and open it with Enter: focus lands on the detail heading.
  const firstRow = page.locator('.result-button').first()
  await tabTo(page, firstRow)
  await expect(firstRow).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('#detail-heading')).toBeFocused()
  // Tab onward reaches "Run this check again"; Space runs it.
  const runAgain = page.getByRole('button', { name: render(detailText('runAgain'), 'en') })
  await tabTo(page, runAgain)
  await expect(runAgain).toBeFocused()
  const before = realApi.calls.length
  await page.keyboard.press('Space')
  await expect.poll(() => realApi.calls.slice(before).some((c) => c.startsWith('runCheck:'))).toBe(true)
})
