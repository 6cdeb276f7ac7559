import { defineCheck } from '../../core/define-check.js'
import type { Check, Outcome } from '../../core/types.js'
import { collectChromium } from './browser-chromium.io.js'
import { collectFirefox } from './browser-firefox.io.js'
import { shortList, subjectsOf, verdictOf, type Finding } from './findings.verdict.js'
import type { SqliteEngine } from '../../core/host/host.js'
import { t } from './browser.messages.js'

const count = (findings: readonly Finding[]): number => findings.filter((f) => f.weight === 'info' && f.subject !== '').length

export function createBrowserCheck(engine?: SqliteEngine): Check {
  const steps = [
    { text: t('ffStep') },
    { text: t('crStep') },
    { text: t('edgeStep') },
    { text: t('braveStep') },
    { text: t('vivaldiStep') },
  ]
  return defineCheck({
    id: 'permissions.browser',
    texts: t,
    category: 'permissions',
    severity: 'medium',
    effort: 1,
    remediation: {
      byPlatform: { linux: steps, darwin: steps, win32: steps },
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
      const findings = [...firefox.findings, ...chromium.findings]
      const evidence = findings.map((f) => f.evidence)
      if (firefox.profiles + chromium.browsers === 0 && findings.length === 0)
        return { status: 'not_applicable', summary: t('none'), evidence }
      const status = verdictOf(findings)
      if (status === 'warn' || status === 'fail')
        return { status, summary: t('sumWarn', { profiles: shortList(subjectsOf(findings, status)) }), evidence }
      if (status === 'unknown') return { status, summary: firefox.gap ?? chromium.gap ?? t('sumUnknown'), evidence }
      return { status, summary: t('sumPass', { count: count(findings) }), evidence }
    },
  })
}

export const browserCheck = createBrowserCheck()
