import { defineConfig } from '@playwright/test'
import e2e from '../../playwright.config.js'

/**
 * `npm run bench`'s app section (scripts/lib/app-bench.mjs): the end-to-end harness and browser settings,
 * running only the timing page. Paths in a config resolve against its own folder, so the ones taken over
 * from the e2e config are given again from here; reports go to a folder of the bench's own.
 */
export default defineConfig({
  ...e2e,
  testDir: '.',
  testMatch: 'app-bench.pw.ts',
  globalSetup: '../../test/e2e/support/global-setup.ts',
  outputDir: process.env.BULWARK_BENCH_APP_RESULTS ?? '../../test-results/bench-app',
  reporter: 'line',
  // A trace records DOM snapshots in the page and in this process as the app runs: it would be timed too.
  use: { ...e2e.use, trace: 'off', screenshot: 'off' },
  forbidOnly: true,
})
