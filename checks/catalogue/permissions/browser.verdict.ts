import type { ChromiumBrowserId } from '../../readers/browsers/chromium-browsers.io.js'
import type { Outcome, Step } from '../../core/types.js'
import type { Collected } from './collected.verdict.js'
import { shortList, subjectsOf, verdictOf, type Finding } from './findings.verdict.js'
import { t } from './browser.messages.js'

export type BrowserId = 'firefox' | ChromiumBrowserId

/** One step per browser family; Chrome and Chromium share a settings page. */
const BROWSER_STEPS: readonly { browsers: readonly BrowserId[]; step: Step }[] = [
  { browsers: ['firefox'], step: { text: t('ffStep') } },
  { browsers: ['chrome', 'chromium'], step: { text: t('crStep') } },
  { browsers: ['edge'], step: { text: t('edgeStep') } },
  { browsers: ['brave'], step: { text: t('braveStep') } },
  { browsers: ['vivaldi'], step: { text: t('vivaldiStep') } },
]

export const DEFAULT_STEPS: Step[] = BROWSER_STEPS.map((s) => s.step)

export interface BrowserFacts {
  firefox: Collected & { profiles: number }
  /** `browsers`: the Chromium-family browsers found, read or not. */
  chromium: Collected & { browsers: readonly ChromiumBrowserId[] }
}

/** The browsers found on this machine: a profile read, or one that was there but could not be read. */
export function browsersFound(f: BrowserFacts): BrowserId[] {
  const firefox = f.firefox.profiles > 0 || f.firefox.findings.length > 0
  return [...(firefox ? ['firefox' as const] : []), ...f.chromium.browsers]
}

/** Only the steps for the browsers found. */
export function browserSteps(found: readonly BrowserId[]): Step[] {
  return BROWSER_STEPS.filter((s) => s.browsers.some((b) => found.includes(b))).map((s) => s.step)
}

const listed = (findings: readonly Finding[]): number => findings.filter((f) => f.weight === 'info' && f.subject !== '').length

export function judgeBrowsers(f: BrowserFacts): Outcome {
  const findings = [...f.firefox.findings, ...f.chromium.findings]
  const found = browsersFound(f)
  const steps = browserSteps(found)
  const outcome = (status: Outcome['status'], summary: Outcome['summary']): Outcome => ({
    status,
    summary,
    evidence: findings.map((x) => x.evidence),
    ...(steps.length === DEFAULT_STEPS.length ? {} : { steps }),
  })
  if (found.length === 0 && findings.length === 0) return outcome('not_applicable', t('none'))
  const status = verdictOf(findings)
  if (status === 'warn' || status === 'fail') return outcome(status, t('sumWarn', { profiles: shortList(subjectsOf(findings, status)) }))
  if (status === 'unknown') return outcome(status, f.firefox.gap ?? f.chromium.gap ?? t('sumUnknown'))
  return outcome(status, t('sumPass', { count: listed(findings) }))
}
