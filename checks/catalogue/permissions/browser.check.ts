import { defineCheck } from '../../core/define-check.js'
import { defineMessages } from '../../core/i18n/message.js'
import type { Check, Outcome } from '../../core/types.js'
import { collectChromium } from './browser-chromium.io.js'
import { collectFirefox } from './browser-firefox.io.js'
import { shortList, subjectsOf, verdictOf, type Finding } from './findings.verdict.js'
import { sqlJsEngine, type SqliteEngine } from './sqlite.io.js'

const t = defineMessages('permissions.browser', {
  title: 'Websites allowed to use camera, microphone, location, notifications or screen sharing',
  observer:
    'What an observer learns: an app or site with camera, microphone, screen or location access can watch, listen or follow where you are without asking again.',
  rationale:
    'A site you once allowed keeps its camera, microphone or location access on every later visit, and notification permission lets it push messages (a common route for scams). A browser that allows these for every site by default lets any page you open use them. Review the list and remove what you no longer use.',
  none: 'No Firefox or Chromium-family browser profile was found for this user, so there are no site permissions to review.',
  sumWarn: 'A browser gives every site access without asking: {profiles}. Set the default back to "ask".',
  sumUnknown:
    'Some browser profiles could not be read, so their site permissions are unknown; each is listed in the evidence with the reason.',
  sumPass:
    '{count} site permissions are listed for review (browser, profile, site, permission); no browser allows them for every site by default.',
  ffStep:
    'Firefox: open about:preferences#privacy, scroll to Permissions, and use the Settings… button next to Location, Camera, Microphone and Notifications to remove sites.',
  crStep:
    'Chrome and Chromium: open chrome://settings/content and check Location, Camera, Microphone and Notifications; remove sites under "Allowed".',
  edgeStep: 'Microsoft Edge: open edge://settings/content and do the same.',
  braveStep: 'Brave: open brave://settings/content and do the same.',
  vivaldiStep: 'Vivaldi: open vivaldi://settings/content and do the same.',
})

const count = (findings: readonly Finding[]): number => findings.filter((f) => f.weight === 'info' && f.subject !== '').length

export function createBrowserCheck(engine: SqliteEngine = sqlJsEngine): Check {
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
    platforms: ['linux', 'darwin', 'win32'],
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
      const [firefox, chromium] = await Promise.all([collectFirefox(host, engine), collectChromium(host)])
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
