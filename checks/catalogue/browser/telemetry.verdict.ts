/**
 * browser.telemetry's verdict from what the readers found. Pure. Firefox per profile (resolved by
 * telemetry-firefox.verdict.ts), Chrome, Chromium and Edge per browser (their choice is browser-wide,
 * in Local State and the managed policies). The worst one decides; an unknown outranks only a pass.
 */
import type { FixTarget } from '../../core/fix/offer.js'
import { telemetryFixTarget } from './telemetry-fix.verdict.js'
import { overallOf, worstVerdict, type BrowserVerdict } from '../../readers/browsers/browsers.verdict.js'
import { joinMessages, type Msg } from '../../core/i18n/message.js'
import type { Evidence, Outcome, Platform, Step } from '../../core/types.js'
import type { CrBrowserFacts, ChromiumFacts } from './telemetry-chromium.io.js'
import type { FirefoxFacts, FfProfileFacts } from './telemetry-firefox.io.js'
import { assessFfProfile, FF_PREF, type FfAssessment, type FfPrefKey, type FfResolved } from './telemetry-firefox.verdict.js'
import { policyFlag } from './telemetry.parse.js'
import { causeText as c, evidenceText as e, t } from './telemetry.messages.js'

type BrowserKind = 'firefox' | 'chrome' | 'edge'

interface Item {
  verdict: BrowserVerdict
  summary: Msg
  evidence: Evidence[]
  kind: BrowserKind | 'chromium'
  /** A Firefox profile whose user.js can fix it. */
  fixable?: FixTarget
}

const EXPECT_OFF: readonly FfPrefKey[] = ['upload', 'usage', 'studies', 'crash']

function prefSeen(r: FfResolved): Msg {
  if (!r.known) return e('obsUnknown', { reason: r.cause })
  const seen = e(`obs_${r.how}`, { value: String(r.value), via: r.via ?? '' })
  return r.locked ? joinMessages([seen, e('obsLocked')]) : seen
}

/** Which installation runs a profile is recorded nowhere Bulwark reads: the weakest one is reported. */
function weakest(f: FfProfileFacts): FfAssessment {
  const all =
    f.admins.length === 0
      ? [assessFfProfile(f.userJs, f.prefsJs, f.policies)]
      : f.admins.map((a) => assessFfProfile(f.userJs, f.prefsJs, f.policies, a))
  const verdict = worstVerdict(all.map((a) => a.verdict))
  return all.find((a) => a.verdict === verdict) as FfAssessment
}

function firefoxItem(f: FfProfileFacts): Item {
  const a = weakest(f)
  const name = f.profile.name
  const summary =
    a.verdict === 'unknown'
      ? t('ffUnknown', { name, reason: a.cause ?? c('policyUncertain', { source: '', reason: '' }) })
      : a.reason === 'technicalStudies'
        ? t('ffTechnicalStudies', { name })
        : a.reason
          ? t(a.reason === 'technical' ? 'ffTechnical' : a.reason === 'usage' ? 'ffUsage' : 'ffCrash', { name })
          : t('allPass', { count: 1 })
  const evidence: Evidence[] = [
    { label: e('profileLabel', { name }), source: f.profile.path, observed: e(`verdict_${a.verdict}`) },
    ...(Object.keys(FF_PREF) as FfPrefKey[]).map((k): Evidence => ({
      label: e('prefLabel', { pref: FF_PREF[k], name }),
      source: a.prefs[k].source,
      observed: prefSeen(a.prefs[k]),
      ...(EXPECT_OFF.includes(k) ? { expected: e('expectedOff') } : {}),
    })),
  ]
  const fixable = telemetryFixTarget(f, a.verdict)
  return { verdict: a.verdict, summary, evidence, kind: 'firefox', ...(fixable ? { fixable } : {}) }
}

function crEvidence(b: CrBrowserFacts): Evidence[] {
  const browser = b.spec.name
  const ls = b.localState
  // The value as written in Local State, as text: a raw boolean would read as Bulwark's own word.
  const observed: Msg | string =
    ls.state === 'unreadable'
      ? ls.reason
      : ls.state === 'bad'
        ? e('obsNotJson', { error: ls.error })
        : ls.reporting === undefined
          ? e('obsNotSet')
          : String(ls.reporting)
  return [
    { label: e('localStateLabel', { browser }), source: `${b.localStatePath}: user_experience_metrics.reporting_enabled`, observed },
    ...(b.consentFile
      ? [
          {
            label: e('consentLabel', { browser }),
            source: b.consentFile.path,
            observed: e(b.consentFile.present ? 'obsConsentFile' : 'obsNoConsentFile'),
          },
        ]
      : []),
    ...b.policyNotes.map((n) => ({ label: e('managedLabel', { browser }), source: n.source, observed: n.observed })),
    ...b.policyUncertain.map((u) => ({
      label: e('managedLabel', { browser }),
      source: u.source,
      observed: e('obsPolicyUnreadable', { reason: u.reason }),
    })),
  ]
}

function chromiumItem(b: CrBrowserFacts, platform: Platform): Item {
  const browser = b.spec.name
  const evidence = crEvidence(b)
  const item = (verdict: BrowserVerdict, summary: Msg): Item => ({
    verdict,
    summary,
    evidence: [{ label: e('browserLabel', { browser }), source: b.localStatePath, observed: e(`verdict_${verdict}`) }, ...evidence],
    kind: b.spec.id === 'edge' ? 'edge' : b.spec.id === 'chromium' ? 'chromium' : 'chrome',
  })
  const uncertain = b.policyUncertain[0]
  if (uncertain)
    return item(
      'unknown',
      t('crUnknown', { browser, reason: c('policyUncertain', { source: uncertain.source, reason: uncertain.reason }) }),
    )
  const ls = b.localState
  if (b.spec.id === 'chromium') {
    // Only Google-branded builds report (ChromeMetricsServiceAccessor returns false otherwise).
    evidence.unshift({ label: e('browserLabel', { browser }), source: b.localStatePath, observed: e('obsChromiumBuild') })
    return item('pass', t('allPass', { count: 1 }))
  }
  const lsUnknown = ls.state === 'unreadable' ? ls.reason : ls.state === 'bad' ? e('obsNotJson', { error: ls.error }) : undefined
  const reporting = ls.state === 'ok' ? ls.reporting : undefined
  if (b.spec.id === 'edge') {
    const level = b.policies.DiagnosticData?.value
    const personalised = policyFlag(b.policies.PersonalizationReportingEnabled?.value) === true
    const base: Item =
      level === 2
        ? item('fail', t('edgeOptional'))
        : level === 1
          ? item('warn', t('edgeRequired'))
          : level === 0
            ? item('pass', t('allPass', { count: 1 }))
            : lsUnknown
              ? item('unknown', t('crUnknown', { browser, reason: lsUnknown }))
              : reporting === true
                ? item('fail', t('edgeOptional'))
                : item('warn', t('edgeRequired'))
    return personalised && base.verdict === 'pass' ? item('warn', t('edgePersonalization')) : base
  }
  const forced = policyFlag(b.policies.MetricsReportingEnabled?.value)
  if (forced !== undefined)
    return forced ? item('fail', t('crMetrics', { browser, vendor: 'Google' })) : item('pass', t('allPass', { count: 1 }))
  if (lsUnknown) return item('unknown', t('crUnknown', { browser, reason: lsUnknown }))
  if (reporting !== undefined)
    return reporting ? item('fail', t('crMetrics', { browser, vendor: 'Google' })) : item('pass', t('allPass', { count: 1 }))
  if (b.consentFile)
    return b.consentFile.present ? item('fail', t('crMetrics', { browser, vendor: 'Google' })) : item('pass', t('allPass', { count: 1 }))
  const reason = t('crNotRecorded', { file: b.localStatePath, browser, page: 'chrome://settings/syncSetup' })
  return platform === 'linux' ? item('pass', t('allPass', { count: 1 })) : item('unknown', t('crUnknown', { browser, reason }))
}

const STEPS: readonly (readonly [BrowserKind, Step])[] = [
  ['firefox', { text: t('stepFirefox') }],
  ['firefox', { text: t('stepFirefoxPolicy'), requiresAdmin: true, kind: 'alternative' }],
  ['chrome', { text: t('stepChrome') }],
  ['edge', { text: t('stepEdge') }],
  ['edge', { text: t('stepEdgePolicy'), requiresAdmin: true }],
]

export function defaultSteps(): Step[] {
  return STEPS.map(([, step]) => step)
}

export function judgeTelemetry(firefox: FirefoxFacts, chromium: ChromiumFacts, platform: Platform): Outcome {
  const problems = [
    ...firefox.discovery.problems.map((p) => ({ label: e('discoveryLabel'), source: p.source, observed: p.reason })),
    ...chromium.discovery.problems.map((p) => ({ label: e('discoveryLabel'), source: p.source, observed: p.reason })),
  ]
  const items = [...firefox.profiles.map(firefoxItem), ...chromium.browsers.map((b) => chromiumItem(b, platform))]
  const policyEvidence = [...new Map(firefox.profiles.flatMap((p) => p.policies.notes).map((n) => [n.source, n])).values()].map((n) => ({
    label: e('policyLabel'),
    source: n.source,
    observed: n.observed,
  }))
  const adminEvidence = [...new Map(firefox.profiles.flatMap((p) => p.admins).map((a) => [a.install, a])).values()].map((a) => ({
    label: e('adminLabel'),
    source: a.install,
    observed: e('obsAdmin', { count: a.defaults.filter((d) => d.state === 'read').length }),
  }))
  const evidence = [...items.flatMap((i) => i.evidence), ...policyEvidence, ...adminEvidence, ...problems]
  if (items.length === 0) {
    const first = problems[0]
    return first
      ? { status: 'unknown', summary: t('noneButProblems', { reason: first.observed }), evidence }
      : { status: 'not_applicable', summary: t('none'), evidence }
  }
  const { verdict, worst } = overallOf(items, problems.length > 0)
  if (verdict === 'pass') return { status: 'pass', summary: t('allPass', { count: items.length }), evidence }
  if (!worst) return { status: 'unknown', summary: t('noneButProblems', { reason: problems[0]?.observed ?? '' }), evidence }
  const atFault = new Set(items.filter((i) => i.verdict === 'fail' || i.verdict === 'warn').map((i) => i.kind))
  const steps = STEPS.filter(([kind]) => atFault.has(kind)).map(([, step]) => step)
  // Only Firefox profiles whose own user.js decides: a policy, a locked default or AutoConfig keeps the others out.
  const fixable = verdict === 'unknown' ? [] : items.flatMap((i) => (i.fixable ? [i.fixable] : []))
  return {
    status: verdict,
    summary: worst.summary,
    evidence,
    ...(verdict !== 'unknown' && steps.length > 0 ? { steps } : {}),
    ...(fixable.length > 0 ? { fixable } : {}),
  }
}
