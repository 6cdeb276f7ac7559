/**
 * dns.chromium: do Chrome, Chromium, Edge, Brave and Vivaldi resolve names only over DNS over
 * HTTPS ("secure" mode with a provider)? Reads each browser's Local State and its managed
 * policies, the policy winning (chromium.verdict.ts).
 */
import { z } from 'zod'
import { findChromiumBrowsers, type ChromiumInstallation } from '../../readers/browsers/chromium-browsers.io.js'
import { overallOf, policyNoteSeen, verdictSeen, type BrowserVerdict } from '../../readers/browsers/browsers.verdict.js'
import { defineCheck } from '../../core/define-check.js'
import { describeHostError, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { type Msg } from '../../core/i18n/message.js'
import { jsonSyntaxError } from '../../readers/browsers/json.parse.js'
import type { Evidence, Outcome } from '../../core/types.js'
import { readChromiumPolicy } from './chromium-policy.io.js'
import { chromiumFixes, fixableBrowser } from './chromium-fix.verdict.js'
import {
  assessChromium,
  fittingSteps,
  stepsFor,
  type ChromiumAssessment,
  type ChromiumReason,
  type ChromiumSetting,
  type LocalState,
} from './chromium.verdict.js'
import { t } from './chromium.messages.js'

const ID = 'dns.chromium'

const LocalStateDoh = z.object({ dns_over_https: z.object({ mode: z.unknown().optional(), templates: z.unknown().optional() }).optional() })

async function readLocalState(host: Host, path: string): Promise<LocalState> {
  const read = await tryReadText(host, path)
  if (!read.ok)
    return { state: 'unreadable', path, reason: t('unreadableCause', { file: path, reason: describeHostError(read.reason, path) }) }
  let json: unknown
  try {
    json = JSON.parse(read.value)
  } catch (e) {
    return {
      state: 'unreadable',
      path,
      reason: t('unreadableCause', { file: path, reason: t('notJson', { error: jsonSyntaxError(e) }) }),
    }
  }
  const parsed = LocalStateDoh.safeParse(json)
  const doh = parsed.success ? parsed.data.dns_over_https : undefined
  return { state: 'read', path, mode: doh?.mode, templates: doh?.templates }
}

function describeSetting(s: ChromiumSetting): Msg {
  if (!s.known) return t('obsUnknown')
  if (s.origin === 'default') return t('obsDefault')
  return t(s.origin === 'policy' ? 'obsPolicy' : 'obsLocalState', { value: JSON.stringify(s.value) })
}

interface BrowserResult {
  install: ChromiumInstallation
  assessment: ChromiumAssessment
  verdict: BrowserVerdict
  cause?: Msg
  evidence: Evidence[]
}

async function assess(host: Host, install: ChromiumInstallation, signal: AbortSignal): Promise<BrowserResult> {
  const [local, policy] = await Promise.all([readLocalState(host, install.localStatePath), readChromiumPolicy(host, install.spec, signal)])
  const a = assessChromium(local, policy.policy)
  const browser = install.spec.name
  const firstUncertain = policy.uncertain[0]
  const unknown = [a.mode, a.templates].find((s): s is Extract<ChromiumSetting, { known: false }> => !s.known)
  // A policy Bulwark cannot read could override either value: do not guess.
  const verdict: BrowserVerdict = firstUncertain ? 'unknown' : a.verdict
  const cause = firstUncertain
    ? t('policyCause', { source: firstUncertain.source, reason: firstUncertain.reason })
    : a.verdict === 'unknown' && unknown
      ? unknown.reason
      : undefined
  const evidence: Evidence[] = [
    { label: t('browserLabel', { browser }), source: install.userDataDir, observed: verdictSeen(verdict) },
    { label: t('modeLabel', { browser }), source: a.mode.source, observed: describeSetting(a.mode), expected: t('expectedMode') },
    {
      label: t('templatesLabel', { browser }),
      source: a.templates.source,
      observed: describeSetting(a.templates),
      expected: t('expectedTemplates'),
    },
    ...policy.notes.map((n) => ({ label: t('policyLabel', { browser }), source: n.source, observed: policyNoteSeen(n.observed, n.note) })),
    ...policy.uncertain.map((u) => ({ label: t('policyLabel', { browser }), source: u.source, observed: u.reason })),
  ]
  return { install, assessment: a, verdict, ...(cause ? { cause } : {}), evidence }
}

function summaryFor(r: BrowserResult, count: number): Msg {
  const browser = r.install.spec.name
  if (r.verdict === 'unknown') return t('unknownBrowser', { browser, reason: r.cause ?? '' })
  const mode = r.assessment.mode.known ? String(r.assessment.mode.value ?? '') : ''
  return t(`r_${r.assessment.reason}` as `r_${ChromiumReason}`, { browser, count, mode })
}

async function run(host: Host, signal: AbortSignal): Promise<Outcome> {
  const found = await findChromiumBrowsers(host)
  const problemEvidence: Evidence[] = found.problems.map((pr) => ({ label: t('problemLabel'), source: pr.source, observed: pr.reason }))
  if (found.browsers.length === 0) {
    const first = found.problems[0]
    if (first)
      return {
        status: 'unknown',
        summary: t('unknownBrowser', { browser: first.spec.name, reason: first.reason }),
        evidence: problemEvidence,
      }
    return { status: 'not_applicable', summary: t('none'), evidence: [] }
  }
  signal.throwIfAborted()
  const results = await Promise.all(found.browsers.map((b) => assess(host, b, signal)))
  const { verdict: overall, worst } = overallOf(results, found.problems.length > 0)
  const evidence = [...results.flatMap((r) => r.evidence), ...problemEvidence]
  const count = results.length
  if (overall === 'pass') return { status: 'pass', summary: t('allPass', { count }), evidence }
  const first = found.problems[0]
  if (!worst)
    return { status: 'unknown', summary: t('unknownBrowser', { browser: first?.spec.name ?? '', reason: first?.reason ?? '' }), evidence }
  const steps = fittingSteps(
    host.platform,
    results.filter((r) => r.verdict !== 'pass').map((r) => r.install.spec),
  )
  // The policy fix needs somewhere to write: Linux's managed policy folder, Windows' HKLM policy key (macOS's
  // policies come from configuration profiles, which no fix writes).
  const policyPlace = (spec: ChromiumInstallation['spec']): Record<string, string> =>
    host.platform === 'linux'
      ? { policyDir: spec.linuxPolicyDirs[0] ?? '' }
      : host.platform === 'win32' && spec.windowsPolicyKey
        ? { policyKey: `HKLM\\${spec.windowsPolicyKey}` }
        : {}
  const fixable = results
    .filter((r) => fixableBrowser(r.verdict, r.assessment))
    .map((r) => ({
      path: r.install.localStatePath,
      name: r.install.spec.name,
      detail: { userDataDir: r.install.userDataDir, platform: host.platform, ...policyPlace(r.install.spec) },
    }))
  return {
    status: overall,
    summary: summaryFor(worst, count),
    evidence,
    ...(steps ? { steps } : {}),
    ...(fixable.length > 0 && (overall === 'warn' || overall === 'fail') ? { fixable } : {}),
  }
}

export const chromiumCheck = defineCheck({
  id: ID,
  texts: t,
  category: 'dns',
  severity: 'medium',
  effort: 1,
  remediation: {
    byPlatform: { linux: stepsFor('linux'), darwin: stepsFor('darwin'), win32: stepsFor('win32') },
    references: [
      { title: 'Chrome Enterprise policy: DnsOverHttpsMode', url: 'https://chromeenterprise.google/policies/#DnsOverHttpsMode' },
      { title: 'Chrome Enterprise policy: DnsOverHttpsTemplates', url: 'https://chromeenterprise.google/policies/#DnsOverHttpsTemplates' },
      {
        title: 'Microsoft Edge policy: DnsOverHttpsMode',
        url: 'https://learn.microsoft.com/en-us/deployedge/microsoft-edge-policies#dnsoverhttpsmode',
      },
      {
        title: 'Chromium: policy file locations on Linux',
        url: 'https://chromium.googlesource.com/chromium/src/+/HEAD/docs/enterprise/policies.md',
      },
      {
        title: 'Chromium pref names (dns_over_https.mode, dns_over_https.templates)',
        url: 'https://source.chromium.org/chromium/chromium/src/+/main:chrome/common/pref_names.h',
      },
    ],
  },
  run,
  fixes: chromiumFixes,
})
