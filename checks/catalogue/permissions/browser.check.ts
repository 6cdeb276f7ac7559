import { defineCheck } from '../../core/define-check.js'
import type { Check, Outcome } from '../../core/types.js'
import { collectChromium } from './browser-chromium.io.js'
import { collectFirefox } from './browser-firefox.io.js'
import { DEFAULT_STEPS, judgeBrowsers } from './browser.verdict.js'
import type { SqliteEngine } from '../../core/host/host.js'
import { t } from './browser.messages.js'

export function createBrowserCheck(engine?: SqliteEngine): Check {
  return defineCheck({
    id: 'permissions.browser',
    texts: t,
    category: 'permissions',
    severity: 'medium',
    effort: 1,
    remediation: {
      byPlatform: { linux: DEFAULT_STEPS, darwin: DEFAULT_STEPS, win32: DEFAULT_STEPS },
      references: [
        {
          title: 'Firefox source docs: Permission Manager (values 0–3)',
          url: 'https://github.com/mozilla-firefox/firefox/blob/main/extensions/permissions/docs/manager.md',
        },
        { title: 'Google Chrome Help: Change site settings permissions', url: 'https://support.google.com/chrome/answer/114662' },
      ],
    },
    async run(host): Promise<Outcome> {
      const [firefox, chromium] = await Promise.all([collectFirefox(host, engine ?? host.sqlite), collectChromium(host)])
      return judgeBrowsers({ firefox, chromium })
    },
  })
}

export const browserCheck = createBrowserCheck()
