/**
 * browser.tracking: do the browsers block cross-site tracking? Firefox: Enhanced Tracking
 * Protection level, cookie behaviour (Total Cookie Protection), Global Privacy Control and resist
 * fingerprinting, by Firefox's own precedence over user.js, prefs.js, the installation's
 * default-pref files, AutoConfig and enterprise policies. Chromium family: third-party cookie
 * blocking and the Privacy Sandbox ad features, from each profile's Preferences and the managed
 * policies (tracking.verdict.ts decides).
 */
import { findFirefoxProfiles, type FirefoxPackaging, type FirefoxProfile } from '../../readers/browsers/firefox-profiles.io.js'
import { findChromiumBrowsers, type ChromiumInstallation } from '../../readers/browsers/chromium-browsers.io.js'
import { firefoxInstallDirs } from '../../readers/browsers/firefox-installs.io.js'
import { overallOf, verdictSeen, type BrowserVerdict } from '../../readers/browsers/browsers.verdict.js'
import { defineCheck } from '../../core/define-check.js'
import { attempt, describeHostError, pathsFor } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Evidence, Outcome } from '../../core/types.js'
import { readAdminPrefs, readPrefFile } from '../../readers/browsers/firefox-prefs.io.js'
import { readChromiumTrackingPolicy, readFirefoxTrackingPolicy, type PolicyRead } from './tracking-policy.io.js'
import { readChromiumProfile } from './tracking.io.js'
import { FF } from './tracking-policy.parse.js'
import {
  assessChromium,
  assessFirefox,
  stepsFor,
  type ChromiumAssessment,
  type ChromiumValue,
  type FirefoxAssessment,
  type Setting,
} from './tracking.verdict.js'
import type { AdminPrefs, PolicyPref } from '../../readers/browsers/firefox-prefs.verdict.js'
import { t } from './tracking.messages.js'
import { trackingFixes, trackingFixTarget } from './tracking-fix.verdict.js'
import type { FixTarget } from '../../core/fix/offer.js'

interface Result {
  name: string
  verdict: BrowserVerdict
  summary: (count: number) => Msg
  evidence: Evidence[]
  /** A Firefox profile whose user.js can fix it. */
  fixable?: FixTarget
}

function settingSeen(s: Setting): Msg {
  if (!s.known) return t('obsUnknown', { reason: s.reason })
  return t(s.locked ? 'obsValueLocked' : 'obsValue', { value: JSON.stringify(s.value), from: t(`from_${s.from}`) })
}

function policyEvidence(read: PolicyRead<unknown>): Evidence[] {
  return [
    ...read.notes.map((n) => ({ label: t('policyLabel'), source: n.source, observed: n.note })),
    ...read.uncertain.map((u) => ({ label: t('policyLabel'), source: u.source, observed: u.reason })),
  ]
}

/** Which installation runs a profile is not recorded anywhere Bulwark reads: take the weakest. */
function weakest(assessments: readonly FirefoxAssessment[]): FirefoxAssessment {
  return overallOf(assessments, false).worst ?? (assessments[0] as FirefoxAssessment)
}

async function assessFirefoxProfile(
  host: Host,
  profile: FirefoxProfile,
  policy: PolicyRead<PolicyPref>,
  admins: readonly AdminPrefs[],
): Promise<Result> {
  const p = pathsFor(host.platform)
  const [userJs, prefsJs] = await Promise.all([
    readPrefFile(host, p.join(profile.path, 'user.js'), 'user'),
    readPrefFile(host, p.join(profile.path, 'prefs.js'), 'user'),
  ])
  const inputs = { userJs, prefsJs, policy: policy.values }
  const variants = admins.length === 0 ? [inputs] : admins.map((admin) => ({ ...inputs, admin }))
  const a = weakest(variants.map((v) => assessFirefox(v)))
  const uncertain = policy.uncertain[0]
  const name = `Firefox ${profile.name}`
  const verdict: BrowserVerdict = uncertain && a.verdict !== 'fail' ? 'unknown' : a.verdict
  const firstUnknown = Object.values(a.settings).find((s): s is Extract<Setting, { known: false }> => !s.known)
  const reason = uncertain ? t('policyCause', { source: uncertain.source, reason: uncertain.reason }) : firstUnknown?.reason
  const s = a.settings
  const cookies = s[FF.cookies]
  const tp = s[FF.tp]
  const row = (label: Msg, setting: Setting, expected?: Msg): Evidence => ({
    label,
    source: setting.known && setting.from === 'builtin' ? profile.path : setting.source,
    observed: settingSeen(setting),
    ...(expected ? { expected } : {}),
  })
  const evidence: Evidence[] = [
    { label: t('profileLabel', { name }), source: profile.path, observed: verdictSeen(verdict) },
    row(t('ffCategoryLabel', { name }), s[FF.category]),
    row(t('ffCookiesLabel', { name }), cookies, t('expectedCookies')),
    // The level (Standard, Strict) sets this at startup without saving it: only a value someone set is evidence.
    ...(tp.known && tp.from === 'builtin' ? [] : [row(t('ffTpLabel', { name }), tp)]),
    row(t('ffGpcLabel', { name }), s[FF.gpc], t('expectedGpc')),
    row(t('ffRfpLabel', { name }), s[FF.rfp], t('rfpNote')),
  ]
  const value = cookies.known ? String(cookies.value) : '?'
  const summary = (count: number): Msg =>
    verdict === 'unknown'
      ? t('unknownProfile', { name, reason: reason ?? '' })
      : t(`ff_${a.reason as 'cookies_accept'}`, { name, count, value })
  // A policy Bulwark cannot interpret may decide any of these prefs: no fix is offered beside it.
  const fixable = !uncertain && (verdict === 'fail' || verdict === 'warn') ? trackingFixTarget(profile, a.reason, variants) : undefined
  return { name, verdict, summary, evidence, ...(fixable ? { fixable } : {}) }
}

async function firefoxResults(host: Host, signal: AbortSignal): Promise<{ results: Result[]; evidence: Evidence[]; incomplete: boolean }> {
  const found = await findFirefoxProfiles(host)
  const problems = found.problems.map((pr) => ({ label: t('problemLabel'), source: pr.source, observed: pr.reason }))
  if (found.profiles.length === 0) return { results: [], evidence: problems, incomplete: found.problems.length > 0 }
  signal.throwIfAborted()
  const packagings = [...new Set(found.profiles.map((pr) => pr.root.packaging))]
  const reads = await Promise.all(
    packagings.map(async (pk) => {
      const [policy, admins] = await Promise.all([
        readFirefoxTrackingPolicy(host, pk, signal),
        Promise.all(firefoxInstallDirs(host, pk).map((dir) => readAdminPrefs(host, dir))),
      ])
      return [pk, { policy, admins: admins.filter((ad): ad is AdminPrefs => ad !== undefined) }] as const
    }),
  )
  const byPackaging = new Map<FirefoxPackaging, (typeof reads)[number][1]>(reads)
  const results = await Promise.all(
    found.profiles.map((profile) => {
      const r = byPackaging.get(profile.root.packaging)!
      return assessFirefoxProfile(host, profile, r.policy, r.admins)
    }),
  )
  const seen = new Set<string>()
  const policies = reads.flatMap(([, r]) => policyEvidence(r.policy)).filter((e) => !seen.has(e.source) && seen.add(e.source))
  return { results, evidence: [...policies, ...problems], incomplete: found.problems.length > 0 }
}

function chromiumSeen(v: ChromiumValue<boolean>, brave: boolean, kind: 'cookies' | 'sandbox'): Msg {
  const from =
    v.from !== 'default'
      ? t(`from_${v.from}`)
      : kind === 'sandbox'
        ? t('from_sandboxDefault')
        : t(brave ? 'from_braveDefault' : 'from_chromiumDefault')
  return t('obsValue', { value: String(v.value), from })
}

async function chromiumProfileResults(
  host: Host,
  install: ChromiumInstallation,
  policy: PolicyRead<{ value: boolean; source: string }>,
): Promise<Result[]> {
  const p = pathsFor(host.platform)
  const browser = install.spec.name
  const listing = await attempt(install.userDataDir, () => host.readDir(install.userDataDir))
  if (!listing.ok) {
    const reason = describeHostError(listing.reason, install.userDataDir)
    return [
      {
        name: browser,
        verdict: 'unknown',
        summary: () => t('unknownProfile', { name: browser, reason }),
        evidence: [{ label: t('problemLabel'), source: install.userDataDir, observed: reason }],
      },
    ]
  }
  const dirs = listing.value.filter((e) => e.kind === 'dir' && /^(Default|Profile \d+)$/i.test(e.name)).map((e) => e.name)
  const brave = install.spec.id === 'brave'
  return Promise.all(
    dirs.map(async (dir): Promise<Result> => {
      const name = `${browser} ${dir}`
      const file = p.join(install.userDataDir, dir, 'Preferences')
      const read = await readChromiumProfile(host, file)
      if (!read.ok)
        return {
          name,
          verdict: 'unknown',
          summary: () => t('unknownProfile', { name, reason: read.reason }),
          evidence: [{ label: t('profileLabel', { name }), source: file, observed: read.reason }],
        }
      const a: ChromiumAssessment = assessChromium({ brave, prefs: read.value, prefsPath: file, policy: policy.values })
      const uncertain = policy.uncertain[0]
      const verdict: BrowserVerdict = uncertain && a.verdict !== 'fail' ? 'unknown' : a.verdict
      const evidence: Evidence[] = [
        { label: t('profileLabel', { name }), source: file, observed: verdictSeen(verdict) },
        {
          label: t('crCookiesLabel', { name }),
          source: a.blocked.source,
          observed: chromiumSeen(a.blocked, brave, 'cookies'),
          expected: t('expectedBlocked'),
        },
        ...(
          [
            ['crTopicsLabel', a.sandbox.topics],
            ['crMeasurementLabel', a.sandbox.measurement],
            ['crSiteAdsLabel', a.sandbox.siteAds],
          ] as const
        ).map(([label, v]) => ({
          label: t(label, { name }),
          source: v.source,
          observed: chromiumSeen(v, brave, 'sandbox'),
          expected: t('expectedOff'),
        })),
      ]
      const summary = (count: number): Msg =>
        verdict === 'unknown' && uncertain
          ? t('unknownProfile', { name, reason: t('policyCause', { source: uncertain.source, reason: uncertain.reason }) })
          : a.reason === 'good'
            ? t('allPass', { count })
            : a.reason === 'sandbox_on'
              ? t('cr_sandbox_on', { name, count, features: a.sandboxOn.join(', ') })
              : t('cr_third_party_allowed', { name, count })
      return { name, verdict, summary, evidence }
    }),
  )
}

async function chromiumResults(host: Host, signal: AbortSignal): Promise<{ results: Result[]; evidence: Evidence[]; incomplete: boolean }> {
  const found = await findChromiumBrowsers(host)
  const problems = found.problems.map((pr) => ({ label: t('problemLabel'), source: pr.source, observed: pr.reason }))
  signal.throwIfAborted()
  const parts = await Promise.all(
    found.browsers.map(async (install) => {
      const policy = await readChromiumTrackingPolicy(host, install.spec, signal)
      return { results: await chromiumProfileResults(host, install, policy), evidence: policyEvidence(policy) }
    }),
  )
  return {
    results: parts.flatMap((x) => x.results),
    evidence: [...parts.flatMap((x) => x.evidence), ...problems],
    incomplete: found.problems.length > 0,
  }
}

async function run(host: Host, signal: AbortSignal): Promise<Outcome> {
  const [ff, cr] = await Promise.all([firefoxResults(host, signal), chromiumResults(host, signal)])
  const results = [...ff.results, ...cr.results]
  const evidence = [...results.flatMap((r) => r.evidence), ...ff.evidence, ...cr.evidence]
  const incomplete = ff.incomplete || cr.incomplete
  if (results.length === 0) {
    const first = evidence[0]
    if (incomplete && first)
      return { status: 'unknown', summary: t('unknownProfile', { name: first.source, reason: first.observed as Msg }), evidence }
    return { status: 'not_applicable', summary: t('none'), evidence }
  }
  const { verdict, worst } = overallOf(results, incomplete)
  const count = results.length
  if (verdict === 'pass') return { status: 'pass', summary: t('allPass', { count }), evidence }
  if (!worst) {
    const first = [...ff.evidence, ...cr.evidence][0]
    return {
      status: 'unknown',
      summary: t('unknownProfile', { name: first?.source ?? '', reason: (first?.observed as Msg | undefined) ?? '' }),
      evidence,
    }
  }
  const steps = verdict === 'unknown' ? undefined : stepsFor(host.platform)
  // Only Firefox profiles whose own user.js decides: a policy, a locked default or AutoConfig keeps the others out.
  const fixable = verdict === 'unknown' ? [] : ff.results.flatMap((r) => (r.fixable ? [r.fixable] : []))
  return {
    status: verdict,
    summary: worst.summary(count),
    evidence,
    ...(steps ? { steps } : {}),
    ...(fixable.length > 0 ? { fixable } : {}),
  }
}

export const trackingCheck = defineCheck({
  id: 'browser.tracking',
  texts: t,
  category: 'browser',
  severity: 'medium',
  effort: 1,
  remediation: {
    byPlatform: { linux: stepsFor('linux'), darwin: stepsFor('darwin'), win32: stepsFor('win32') },
    references: [
      {
        title: 'Mozilla enterprise reference: Cookies policy',
        url: 'https://mozilla.github.io/enterprise-admin-reference/reference/policies/cookies',
      },
      {
        title: 'Mozilla enterprise reference: EnableTrackingProtection policy',
        url: 'https://mozilla.github.io/enterprise-admin-reference/reference/policies/enabletrackingprotection',
      },
      {
        title: 'Firefox source docs: Privacy Capabilities Overview (defaults of Standard and Strict)',
        url: 'https://firefox-source-docs.mozilla.org/toolkit/components/antitracking/anti-tracking/etp-matrix/',
      },
      {
        title: 'Chrome Enterprise policy: BlockThirdPartyCookies',
        url: 'https://chromeenterprise.google/policies/#BlockThirdPartyCookies',
      },
      {
        title: 'Chrome Enterprise policy: PrivacySandboxAdTopicsEnabled',
        url: 'https://chromeenterprise.google/policies/#PrivacySandboxAdTopicsEnabled',
      },
      {
        title: 'brave-core: Brave blocks third-party cookies by default (SetDefaultThirdPartyCookieBlockValue)',
        url: 'https://github.com/brave/brave-core/blob/master/browser/profiles/profile_util.cc',
      },
    ],
  },
  fixes: trackingFixes,
  run,
})
