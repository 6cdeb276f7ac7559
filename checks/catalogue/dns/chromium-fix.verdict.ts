/**
 * dns.chromium's fixes, for the browsers where no policy decides secure DNS:
 * - `scope=user` (the default): `dns_over_https.mode` = "secure" and `dns_over_https.templates` = the chosen
 *   resolver in the browser's own Local State, while the browser is closed (it writes its settings back over the
 *   file when it exits). Local State carries no MACs: Chromium opens it as a plain JSON store with no pref filter,
 *   and its list of MAC-protected ("tracked") preferences holds profile preferences only, none of them DoH
 *   (docs/checks/dns-browsers.md, with the sources).
 * - `scope=policy` (an administrator): DnsOverHttpsMode and DnsOverHttpsTemplates for every user. On Linux in a
 *   managed policy file of the browser's policy folder; on Windows as two REG_SZ values under the browser's HKLM
 *   policy key (the key the check reads in chromium-policy.io.ts), the form Chrome's and Edge's policy lists give
 *   them: DnsOverHttpsMode "off", "automatic" or "secure", DnsOverHttpsTemplates the URI templates
 *   (https://chromeenterprise.google/policies/#DnsOverHttpsMode, #DnsOverHttpsTemplates;
 *   https://learn.microsoft.com/en-us/deployedge/microsoft-edge-policies#dnsoverhttpsmode). No policy fix on
 *   macOS: Chrome reads its policies there from configuration profiles (/Library/Managed Preferences), which an
 *   MDM owns and rewrites, so `defaults` cannot set one that stays.
 * The resolvers are dns.firefox's list (readers/browsers/doh-providers.data.ts).
 */
import type { SettingRef } from '../../core/fix/model.js'
import type { CheckFixes, FixOffer, FixTarget } from '../../core/fix/offer.js'
import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/i18n/message.js'
import type { BrowserVerdict } from '../../readers/browsers/browsers.verdict.js'
import { POLICY_MODE, POLICY_TEMPLATES } from './chromium-policy.io.js'
import type { ChromiumAssessment } from './chromium.verdict.js'
import { DOH_PROVIDERS, isDohProvider } from '../../readers/browsers/doh-providers.data.js'
import { fixText as t } from './chromium.messages.js'

/** The file the policy fix writes in a browser's managed policy folder. */
export const POLICY_FILE = 'bulwark-secure-dns.json'

/** Process names of the Chromium family on Linux and macOS: while one runs, a lock in its user data folder blocks. */
const BROWSER_PROCESSES = [
  'chromium',
  'chromium-browser',
  'chrome',
  'google-chrome',
  'brave',
  'msedge',
  'vivaldi-bin',
  'Google Chrome',
  'Chromium',
  'Brave Browser',
  'Microsoft Edge',
  'Vivaldi',
]

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * A browser a fix can set: not on secure DNS yet (`verdict`, which is unknown where a policy could not be read),
 * its Local State read, and no policy deciding either value.
 */
export function fixableBrowser(verdict: BrowserVerdict, a: ChromiumAssessment): boolean {
  if (verdict !== 'warn' && verdict !== 'fail') return false
  return a.mode.known && a.templates.known && a.mode.origin !== 'policy' && a.templates.origin !== 'policy'
}

/** Local State with secure DNS and this template; every other value kept as the browser wrote it. */
export function localStateWithDoh(old: string | null, url: string, path: string): Result<string, Msg> {
  if (old === null) return failed(t('localStateGone', { path }))
  let json: unknown
  try {
    json = JSON.parse(old)
  } catch {
    return failed(t('localStateBad', { path }))
  }
  if (!isObject(json)) return failed(t('localStateBad', { path }))
  const doh = isObject(json.dns_over_https) ? json.dns_over_https : {}
  if (doh.mode === 'secure' && doh.templates === url) return ok(old)
  return ok(JSON.stringify({ ...json, dns_over_https: { ...doh, mode: 'secure', templates: url } }))
}

/** The policy file with both policies set (a file Bulwark wrote before keeps anything else in it). */
export function policyWithDoh(old: string | null, url: string, path: string): Result<string, Msg> {
  let json: unknown = {}
  if (old !== null) {
    try {
      json = JSON.parse(old)
    } catch {
      return failed(t('policyBad', { path }))
    }
  }
  if (!isObject(json)) return failed(t('policyBad', { path }))
  if (json[POLICY_MODE] === 'secure' && json[POLICY_TEMPLATES] === url) return ok(old ?? '')
  return ok(`${JSON.stringify({ ...json, [POLICY_MODE]: 'secure', [POLICY_TEMPLATES]: url }, null, 2)}\n`)
}

function userOffer(target: FixTarget, url: string): FixOffer | null {
  const dir = target.detail?.userDataDir ?? ''
  if (!dir.startsWith('/')) return null
  const browser = target.name ?? dir
  return {
    key: `doh:${target.path}`,
    title: t('title', { browser, url }),
    protects: t('protects'),
    mayBreak: [t('mayBreakClose', { browser }), t('mayBreakLocal')],
    changes: [{ kind: 'edit-text', path: target.path, createMode: 0o600, edit: (old) => localStateWithDoh(old, url, target.path) }],
    // A running browser holds a SingletonLock link in its user data folder; one left by a crash blocks only while
    // a browser process runs, as the browser itself takes a lock whose process is gone for stale.
    blockers: [
      { path: `${dir}/SingletonLock`, whileRunning: BROWSER_PROCESSES, linkEndsInPid: true, reason: t('running', { browser, dir }) },
    ],
  }
}

function policyOffer(dir: string, url: string): FixOffer {
  const path = `${dir}/${POLICY_FILE}`
  return {
    key: `policy:${dir}`,
    title: t('policyTitle', { url, dir }),
    protects: t('protects'),
    mayBreak: [t('mayBreakPolicy'), t('mayBreakLocal')],
    changes: [{ kind: 'edit-text', path, createMode: 0o644, edit: (old) => policyWithDoh(old, url, path) }],
  }
}

/** One of the two policy values under a browser's HKLM policy key, REG_SZ as the policy lists document them. */
export const policyValue = (
  key: string,
  name: typeof POLICY_MODE | typeof POLICY_TEMPLATES,
): Extract<SettingRef, { backend: 'registry' }> => ({
  backend: 'registry',
  key,
  name,
  type: 'REG_SZ',
})

function registryPolicyOffer(target: FixTarget, key: string, url: string): FixOffer {
  const browser = target.name ?? key
  return {
    key: `policy:${key}`,
    title: t('policyTitleWindows', { url, browser, key }),
    protects: t('protects'),
    mayBreak: [t('mayBreakPolicyWindows', { browser }), t('mayBreakLocal')],
    changes: [
      { kind: 'set', setting: policyValue(key, POLICY_MODE), value: 'secure' },
      { kind: 'set', setting: policyValue(key, POLICY_TEMPLATES), value: url },
    ],
  }
}

function policyOffers(targets: readonly FixTarget[], url: string): FixOffer[] {
  const dirs = [...new Set(targets.map((x) => x.detail?.policyDir ?? '').filter((d) => d.startsWith('/')))]
  const keyed = targets.flatMap((x) => (x.detail?.policyKey?.startsWith('HKLM\\') ? [registryPolicyOffer(x, x.detail.policyKey, url)] : []))
  return [...dirs.map((dir) => policyOffer(dir, url)), ...keyed]
}

export const chromiumFixes: CheckFixes = {
  choices: {
    provider: { values: Object.keys(DOH_PROVIDERS), default: 'quad9', label: t('providerLabel') },
    scope: { values: ['user', 'policy'], default: 'user', label: t('scopeLabel') },
  },
  offers(outcome, chosen) {
    const provider = chosen.provider ?? 'quad9'
    if (!isDohProvider(provider)) return []
    const url = DOH_PROVIDERS[provider]
    const targets = outcome.fixable ?? []
    if (chosen.scope === 'policy') return policyOffers(targets, url)
    return targets.map((x) => userOffer(x, url)).filter((o): o is FixOffer => o !== null)
  },
  withheld(outcome, chosen) {
    const targets = outcome.fixable ?? []
    const allOn = (platform: string): boolean => targets.length > 0 && targets.every((x) => x.detail?.platform === platform)
    if (chosen.scope === 'policy' && allOn('darwin')) return t('noPolicyMac')
    if (chosen.scope !== 'policy' && allOn('win32')) return t('noLocalStateWindows')
    return undefined
  },
}
