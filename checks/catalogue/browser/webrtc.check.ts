/**
 * browser.webrtc: can WebRTC in Firefox or a Chromium-family browser hand a web page the real
 * address behind a VPN or Tor? Reads every Firefox profile's prefs by Firefox's precedence and every
 * Chromium-family profile's Preferences and managed policy, then weighs what it finds with whether
 * a VPN tunnel is up now (webrtc.verdict.ts).
 */
import type { FixTarget } from '../../core/fix/offer.js'
import { webrtcFixes, webrtcFixTarget } from './webrtc-fix.verdict.js'
import { defineCheck } from '../../core/define-check.js'
import type { Host } from '../../core/host/host.js'
import { observedUnknown } from '../../core/host/helpers.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Evidence, Outcome, Platform, Status, Step } from '../../core/types.js'
import { gatherNet } from '../vpn/net.io.js'
import { readChromiumWebrtc, type ChromiumBrowserRead } from './webrtc-chromium.io.js'
import { readFirefoxWebrtc, type FirefoxProfileRead } from './webrtc-firefox.io.js'
import {
  chromiumExposure,
  exposureVerdict,
  FF_PREF,
  FF_PREFS,
  firefoxExposure,
  resolveFirefox,
  worstStatus,
  type Exposure,
  type FirefoxResolved,
  type ResolvedPref,
  type TunnelState,
} from './webrtc.verdict.js'
import { t } from './webrtc.messages.js'

const ID = 'browser.webrtc'

/** One browser profile, judged before the tunnel state is known. */
interface Finding {
  family: 'firefox' | 'chromium'
  browser: string
  /** The profile or user data folder. */
  source: string
  result: { exposure: Exposure } | { unknown: Msg }
  evidence: Evidence[]
  /** A Firefox profile whose user.js can limit WebRTC. */
  fixable?: FixTarget
}

function prefSeen(r: ResolvedPref): Msg {
  if (!r.known) return t('obsUnknownPref')
  const value = String(r.value)
  if (r.how === 'builtin') return t('obsBuiltin', { value })
  if (r.how === 'default') return t('obsDefault', { value, source: r.source })
  return t(r.how === 'locked' ? 'obsLocked' : 'obsUser', { value })
}

function causeOf(r: Extract<ResolvedPref, { known: false }>): Msg {
  if ('key' in r.reason) return t('unreadableCause', { file: r.source, reason: r.reason })
  return t('damagedCause', { file: r.source, line: r.reason.line, text: r.reason.text })
}

const RANK: Record<Exposure, number> = {
  all_interfaces: 0,
  proxy_when_proxied: 1,
  default_route_private: 2,
  default_route: 3,
  proxy_only: 4,
  off: 5,
}

/** Which installation runs a profile is recorded nowhere Bulwark reads: take the most exposed. */
function judgeFirefox(profile: FirefoxProfileRead): Finding {
  const browser = `Firefox (${profile.name})`
  if (profile.policy.uncertain) {
    const { source, reason } = profile.policy.uncertain
    return {
      family: 'firefox',
      source: profile.path,
      browser,
      result: { unknown: t('policyCause', { source, reason }) },
      evidence: [{ label: t('policyLabel', { browser }), source, observed: observedUnknown(reason) }],
    }
  }
  let worst: { resolved: FirefoxResolved; result: Finding['result'] } | undefined
  for (const sources of profile.variants) {
    const resolved = resolveFirefox(sources, profile.path)
    const level = firefoxExposure(resolved)
    const result: Finding['result'] =
      'exposure' in level ? level : { unknown: causeOf(resolved[level.unknown] as Extract<ResolvedPref, { known: false }>) }
    const better = worst && 'exposure' in worst.result && 'exposure' in result && RANK[result.exposure] >= RANK[worst.result.exposure]
    if (!worst || 'unknown' in result || (!('unknown' in worst.result) && !better)) worst = { resolved, result }
    if ('unknown' in result) break
  }
  const chosen = worst as { resolved: FirefoxResolved; result: Finding['result'] }
  const evidence: Evidence[] = FF_PREFS.map((pref) => {
    const r = chosen.resolved[pref]
    return {
      label: t('prefLabel', { browser, pref }),
      source: r.source,
      observed: prefSeen(r),
      ...(pref === FF_PREF.defaultAddressOnly || pref === FF_PREF.noHost ? { expected: t('expectedPref') } : {}),
    }
  })
  const fixable = 'unknown' in chosen.result ? undefined : webrtcFixTarget(profile)
  return { family: 'firefox', browser, source: profile.path, result: chosen.result, evidence, ...(fixable ? { fixable } : {}) }
}

function judgeChromium(b: ChromiumBrowserRead): Finding[] {
  const name = b.install.spec.name
  const policy = b.policy
  const policyEvidence: Evidence =
    policy.state === 'set'
      ? {
          label: t('policyLabel', { browser: name }),
          source: policy.source,
          observed: t('obsPolicySet', { value: JSON.stringify(policy.value) }),
          expected: t('expectedPolicy'),
        }
      : policy.state === 'unreadable'
        ? { label: t('policyLabel', { browser: name }), source: policy.source, observed: observedUnknown(policy.reason) }
        : {
            label: t('policyLabel', { browser: name }),
            source: b.install.spec.linuxPolicyDirs[0] ?? b.install.spec.macBundleId,
            observed: t('obsNoPolicy'),
          }
  if (policy.state === 'unreadable')
    return [
      {
        family: 'chromium',
        source: b.install.userDataDir,
        browser: name,
        result: { unknown: t('policyCause', { source: policy.source, reason: policy.reason }) },
        evidence: [policyEvidence],
      },
    ]
  if (policy.state === 'set') {
    const level = chromiumExposure(policy.value)
    if (!level.recognised) policyEvidence.observed = t('obsUnrecognised', { value: JSON.stringify(policy.value) })
    return [
      {
        family: 'chromium',
        browser: name,
        source: b.install.userDataDir,
        result: { exposure: level.exposure },
        evidence: [policyEvidence],
      },
    ]
  }
  // A browser started once has a Default profile; without one nothing is set and the default applies.
  const profiles =
    b.profiles.length > 0
      ? b.profiles
      : [{ dir: 'Default', setting: { state: 'read' as const, path: b.install.userDataDir, value: undefined } }]
  return profiles.map(({ dir, setting }) => {
    const browser = `${name} (${dir || b.install.userDataDir})`
    const label = t('prefLabel', { browser, pref: 'webrtc.ip_handling_policy' })
    if (setting.state === 'unreadable') {
      const cause = t('unreadableCause', { file: setting.path, reason: setting.reason })
      return {
        family: 'chromium',
        source: b.install.userDataDir,
        browser,
        result: { unknown: cause },
        evidence: [policyEvidence, { label, source: setting.path, observed: observedUnknown(setting.reason) }],
      }
    }
    const level = chromiumExposure(setting.value)
    const value = JSON.stringify(setting.value)
    const observed =
      setting.value === undefined ? t('obsUnset') : level.recognised ? t('obsPrefsSet', { value }) : t('obsUnrecognised', { value })
    return {
      family: 'chromium',
      source: setting.path,
      browser,
      result: { exposure: level.exposure },
      evidence: [policyEvidence, { label, source: setting.path, observed, expected: t('expectedPolicy') }],
    }
  })
}

async function tunnelState(host: Host, signal: AbortSignal): Promise<{ state: TunnelState; evidence: Evidence }> {
  const net = await gatherNet(host, signal)
  if (!Array.isArray(net.tunnels)) {
    return {
      state: { state: 'unknown', reason: net.tunnels },
      evidence: { label: t('tunnelLabel'), source: host.platform, observed: observedUnknown(net.tunnels) },
    }
  }
  const names = [...net.tunnels.map((tu) => tu.label), ...net.foreign]
  const source = net.evidence[0]?.source ?? host.platform
  if (names.length === 0) return { state: { state: 'down' }, evidence: { label: t('tunnelLabel'), source, observed: t('obsTunnelsNone') } }
  return {
    state: { state: 'up', names },
    evidence: { label: t('tunnelLabel'), source, observed: t('obsTunnelsUp', { names: names.join(', ') }) },
  }
}

function summaryFor(f: Finding, status: Status, tunnel: TunnelState | undefined, count: number): Msg {
  const browser = f.browser
  if ('unknown' in f.result) return t('s_unknown', { browser, reason: f.result.unknown })
  const e = f.result.exposure
  if (e === 'default_route_private') return t('s_private', { browser, count })
  if (e === 'proxy_when_proxied') return t('s_proxy', { browser, count })
  if (status === 'fail' && tunnel?.state === 'up') return t('s_fail', { browser, count, tunnels: tunnel.names.join(', ') })
  if (tunnel?.state === 'unknown') return t('s_all_unknown', { browser, count, reason: tunnel.reason })
  return t('s_all_down', { browser, count })
}

const USER_JS = [`user_pref("${FF_PREF.defaultAddressOnly}", true);`, `user_pref("${FF_PREF.noHost}", true);`]
const POLICY_JSON = '{"WebRtcIPHandlingPolicy": "default_public_interface_only"}'

function firefoxSteps(platform: Platform): Step[] {
  const line =
    platform === 'win32'
      ? `Add-Content -Path "$env:APPDATA\\Mozilla\\Firefox\\Profiles\\<profile folder>\\user.js" -Value '${USER_JS.join("','")}'`
      : `printf '%s\\n' ${USER_JS.map((l) => `'${l}'`).join(' ')} >> "<profile folder>/user.js"`
  return [
    { text: t('stepFirefox') },
    { text: t('stepFirefoxOff'), kind: 'alternative' },
    { text: t('stepUserJs'), kind: 'alternative', command: { shell: platform === 'win32' ? 'powershell' : 'sh', line } },
    { text: t('stepUndo'), kind: 'undo' },
  ]
}

function chromiumSteps(platform: Platform): Step[] {
  const brave: Step = { text: t('stepBrave') }
  if (platform === 'darwin')
    return [brave, { text: t('stepChromiumPolicyMac'), requiresAdmin: true, link: 'https://support.google.com/chrome/a/answer/9020077' }]
  if (platform === 'win32') {
    const key = 'HKLM:\\SOFTWARE\\Policies\\Google\\Chrome'
    const line = `New-Item -Path '${key}' -Force | Out-Null; Set-ItemProperty -Path '${key}' -Name WebRtcIPHandlingPolicy -Value 'default_public_interface_only' -Type String`
    return [brave, { text: t('stepChromiumPolicyWin'), requiresAdmin: true, command: { shell: 'powershell', line } }]
  }
  const line = `sudo mkdir -p /etc/chromium/policies/managed && printf '%s\\n' '${POLICY_JSON}' | sudo tee /etc/chromium/policies/managed/webrtc.json`
  return [brave, { text: t('stepChromiumPolicy'), requiresAdmin: true, command: { shell: 'sh', line } }]
}

export function stepsFor(platform: Platform): Step[] {
  return [...firefoxSteps(platform), ...chromiumSteps(platform)]
}

async function run(host: Host, signal: AbortSignal): Promise<Outcome> {
  const [ff, cr] = await Promise.all([readFirefoxWebrtc(host, signal), readChromiumWebrtc(host, signal)])
  const problems: Evidence[] = [
    ...ff.discovery.problems.map((pr) => ({ label: t('problemLabel'), source: pr.source, observed: pr.reason })),
    ...cr.discovery.problems.map((pr) => ({ label: t('problemLabel'), source: pr.source, observed: pr.reason })),
  ]
  const findings = [...ff.profiles.map(judgeFirefox), ...cr.browsers.flatMap(judgeChromium)]
  const firstProblem = ff.discovery.problems[0]?.reason ?? cr.discovery.problems[0]?.reason
  if (findings.length === 0) {
    if (firstProblem) return { status: 'unknown', summary: t('noBrowsersButProblems', { reason: firstProblem }), evidence: problems }
    return { status: 'not_applicable', summary: t('none'), evidence: [] }
  }
  signal.throwIfAborted()
  // The tunnel only matters where every interface is used: no interface listing is run otherwise.
  const needsTunnel = findings.some((f) => 'exposure' in f.result && f.result.exposure === 'all_interfaces')
  const tunnel = needsTunnel ? await tunnelState(host, signal) : undefined
  const judged = findings.map((f) => ({
    f,
    status: ('unknown' in f.result ? 'unknown' : exposureVerdict(f.result.exposure, tunnel?.state ?? { state: 'down' })) as Status,
  }))
  const headline = (f: Finding): Evidence => ({
    label: t('browserLabel', { browser: f.browser }),
    source: f.source,
    observed: 'unknown' in f.result ? observedUnknown(f.result.unknown) : t(`exp_${f.result.exposure}` as `exp_${Exposure}`),
  })
  const evidence = [...findings.flatMap((f) => [headline(f), ...f.evidence]), ...(tunnel ? [tunnel.evidence] : []), ...problems]
  const statuses = [...judged.map((j) => j.status), ...(firstProblem ? (['unknown'] as const) : [])]
  const overall = worstStatus(statuses) ?? 'unknown'
  const count = findings.length
  if (overall === 'pass') return { status: 'pass', summary: t('allPass', { count }), evidence }
  const worst = judged.find((j) => j.status === overall) ?? judged.find((j) => j.status !== 'pass')
  if (!worst) return { status: 'unknown', summary: t('noBrowsersButProblems', { reason: firstProblem ?? '' }), evidence }
  const needs = (family: Finding['family']): boolean => judged.some((j) => j.status !== 'pass' && j.f.family === family)
  const steps = [...(needs('firefox') ? firefoxSteps(host.platform) : []), ...(needs('chromium') ? chromiumSteps(host.platform) : [])]
  // Only Firefox profiles at fault whose own user.js decides: a policy, a locked default or AutoConfig keeps the others out.
  const fixable =
    overall === 'unknown' ? [] : judged.flatMap((j) => (j.status !== 'pass' && j.status !== 'unknown' && j.f.fixable ? [j.f.fixable] : []))
  return {
    status: overall,
    summary: summaryFor(worst.f, overall, tunnel?.state, count),
    evidence,
    ...(steps.length > 0 ? { steps } : {}),
    ...(fixable.length > 0 ? { fixable } : {}),
  }
}

export const webrtcCheck = defineCheck({
  id: ID,
  texts: t,
  category: 'browser',
  severity: 'medium',
  effort: 1,
  remediation: {
    byPlatform: { linux: stepsFor('linux'), darwin: stepsFor('darwin'), win32: stepsFor('win32') },
    references: [
      { title: 'Mozilla wiki: WebRTC privacy (ICE candidate prefs)', url: 'https://wiki.mozilla.org/Media/WebRTC/Privacy' },
      {
        title: 'MDN: privacy.network.webRTCIPHandlingPolicy',
        url: 'https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/privacy/network',
      },
      {
        title: 'Chrome Enterprise policy: WebRtcIPHandlingPolicy',
        url: 'https://chromeenterprise.google/policies/#WebRtcIPHandlingPolicy',
      },
      { title: 'RFC 8828: WebRTC IP address handling requirements', url: 'https://www.rfc-editor.org/rfc/rfc8828.html' },
      { title: 'Mozilla policy templates: Preferences', url: 'https://mozilla.github.io/policy-templates/#preferences' },
    ],
  },
  fixes: webrtcFixes,
  run,
})
