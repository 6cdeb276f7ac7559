import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test as base } from '@playwright/test'
import type { ProfileId } from '../../../checks/core/guidance/profiles.js'
import type { Locale } from '../../../checks/core/i18n/locale.js'
import { CHECKS } from '../../../checks/registry.js'
import type { Check } from '../../../checks/core/types.js'
import { bindRealApi, type RealApi } from './real-api.js'
import { E2E_HOME_PREFIX } from './screens.js'
import { serveDirectory, type StaticServer } from './static-server.js'
// The specs render expected texts in every language, as the vitest suite does.
import '../../support/catalogs.js'

export interface E2eFixtures {
  /**
   * The catalogue the bridge runs: the whole registry unless a spec narrows it with test.use (an
   * object: Playwright reads a bare array as [value, options]).
   */
  catalogue: { checks: readonly Check[] }
  /** The locale the bridge reports as effective (main's saved choice or the OS language). */
  uiLocale: Locale
  /** A threat profile already chosen before the page opens; null shows the first-run questionnaire. */
  profile: ProfileId | null
  /** A private HOME (and XDG folders) the real host reads, so results do not depend on the tester's own files. */
  home: string
  realApi: RealApi
  /** Console errors, page errors and CSP violations seen while the test ran. */
  pageProblems: string[]
}

export const test = base.extend<E2eFixtures, { server: StaticServer }>({
  catalogue: [{ checks: CHECKS }, { option: true }],
  uiLocale: ['en', { option: true }],
  profile: [null, { option: true }],
  server: [
    async ({}, use) => {
      const server = await serveDirectory(path.resolve('out/renderer'))
      await use(server)
      await server.close()
    },
    { scope: 'worker' },
  ],
  home: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), E2E_HOME_PREFIX))
    try {
      await use(dir)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  },
  realApi: async ({ page, home, catalogue, uiLocale, profile, server }, use) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
    }
    const api = await bindRealApi(page, {
      env,
      appUrl: server.url,
      checks: catalogue.checks,
      locale: uiLocale,
      saveDir: path.join(home, 'exports'),
      profile,
    })
    await use(api)
    // Before HOME goes: a scan still running would write the store into it again.
    await api.settle()
  },
  pageProblems: async ({ page }, use) => {
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    page.on('console', (msg) => {
      if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(`console: ${msg.text()}`)
    })
    await use(problems)
  },
})

export { expect } from '@playwright/test'
