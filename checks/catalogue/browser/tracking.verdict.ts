/**
 * browser.tracking: what the tracking settings are worth. Pure.
 *
 * Firefox: a pref's value is decided as in dns.firefox (docs/checks/browser.md has the order):
 * a locked policy or locked default-pref file wins, then the user value (user.js over prefs.js),
 * then an unlocked policy, then the default-pref files, then the built-in default. An AutoConfig
 * file that names the pref makes it unknown: its scripts run after all of these.
 */
import type { ParsedAutoConfig } from '../dns/autoconfig.parse.js'
import type { ParsedPrefs, PrefValue } from '../dns/prefs.parse.js'
import type { BrowserVerdict } from '../../readers/browsers/browsers.verdict.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Platform, Step } from '../../core/types.js'
import { FF, type ChromiumPolicyName, type FirefoxPrefName } from './tracking-policy.parse.js'
import { t } from './tracking.messages.js'

/** Built-in defaults of current Firefox desktop (Firefox source docs, Privacy Capabilities Overview). */
export const FF_BUILT_IN: Record<FirefoxPrefName, PrefValue> = {
  [FF.category]: 'standard',
  [FF.cookies]: 5,
  [FF.gpc]: false,
  [FF.rfp]: false,
  [FF.tp]: false,
}

export type Setting =
  | { known: true; value: PrefValue; source: string; from: 'builtin' | 'user' | 'default' | 'policy'; locked: boolean }
  | { known: false; source: string; reason: Msg }

/** A value a policy sets: a default unless locked. */
export interface PolicyPref {
  value: PrefValue
  locked: boolean
  /** The file, registry key or plist it came from. */
  source: string
  /** The policy that set it. */
  via: string
}

export type PrefFile =
  | { state: 'read'; path: string; parsed: ParsedPrefs }
  | { state: 'absent'; path: string }
  | { state: 'unreadable'; path: string; reason: Msg }

export type AutoConfigFile = { state: 'read'; path: string; parsed: ParsedAutoConfig } | { state: 'unreadable'; path: string; reason: Msg }

/** What one Firefox installation sets for every profile it runs. */
export interface AdminPrefs {
  install: string
  /** Default-pref files in the order Firefox loads them. */
  defaults: PrefFile[]
  autoconfig?: AutoConfigFile
}

/** The default (and lock) the default-pref files leave for `name`: a locked default no longer changes. */
export function foldDefaults(files: readonly PrefFile[], name: string, builtIn: PrefValue): Setting {
  let out: Setting = { known: true, value: builtIn, source: 'built-in', from: 'builtin', locked: false }
  for (const file of files) {
    if (file.state === 'absent') continue
    if (file.state === 'unreadable') return { known: false, source: file.path, reason: file.reason }
    const damaged = file.parsed.skipped.find((s) => s.text.includes(name))
    if (damaged) return { known: false, source: `${file.path}:${damaged.line}`, reason: t('damaged', { text: damaged.text }) }
    for (const e of file.parsed.entries) {
      if (e.name !== name || out.locked) continue
      // user_pref() has no documented meaning in a default-pref file: do not guess what it does.
      if (e.kind === 'user_pref')
        return {
          known: false,
          source: `${file.path}:${e.line}`,
          reason: t('damaged', { text: `user_pref("${name}", ${JSON.stringify(e.value)})` }),
        }
      out = { known: true, value: e.value, source: `${file.path}:${e.line}`, from: 'default', locked: e.locked === true }
    }
  }
  return out
}

function fromUserFile(file: PrefFile, name: string, builtIn: PrefValue): Setting | undefined {
  if (file.state === 'absent') return undefined
  if (file.state === 'unreadable') return { known: false, source: file.path, reason: file.reason }
  // Firefox refuses a user value of another type than the pref's, and drops a damaged statement.
  const entry = file.parsed.entries.findLast((e) => e.name === name && e.kind === 'user_pref' && typeof e.value === typeof builtIn)
  const damaged = file.parsed.skipped.find((s) => s.text.includes(name) && (!entry || s.line > entry.line))
  if (damaged) return { known: false, source: `${file.path}:${damaged.line}`, reason: t('damaged', { text: damaged.text }) }
  if (!entry) return undefined
  return { known: true, value: entry.value, source: `${file.path}:${entry.line}`, from: 'user', locked: false }
}

export interface FirefoxInputs {
  userJs: PrefFile
  prefsJs: PrefFile
  policy: ReadonlyMap<string, PolicyPref>
  admin?: AdminPrefs
}

export function resolveFirefoxPref(name: FirefoxPrefName, inputs: FirefoxInputs): Setting {
  const builtIn = FF_BUILT_IN[name]
  const policy = inputs.policy.get(name)
  const fromPolicy = (pp: PolicyPref): Setting => ({ known: true, value: pp.value, source: pp.source, from: 'policy', locked: pp.locked })
  if (policy?.locked) return fromPolicy(policy)
  const ac = inputs.admin?.autoconfig
  if (ac?.state === 'unreadable') return { known: false, source: ac.path, reason: ac.reason }
  const scripted =
    ac?.parsed.ops.find((o) => o.name === name) ?? ac?.parsed.opaque.find((o) => o.prefName === undefined || o.prefName === name)
  if (ac && scripted) return { known: false, source: `${ac.path}:${scripted.line}`, reason: t('autoconfig') }
  const def = foldDefaults(inputs.admin?.defaults ?? [], name, builtIn)
  if (!def.known) return def
  if (def.locked) return def
  const user = fromUserFile(inputs.userJs, name, builtIn) ?? fromUserFile(inputs.prefsJs, name, builtIn)
  if (user) return user
  return policy ? fromPolicy(policy) : def
}

export type FirefoxReason = 'good' | 'cookies_accept' | 'cookies_weak' | 'tp_off' | 'gpc_off' | 'unknown'

export interface FirefoxAssessment {
  verdict: BrowserVerdict
  reason: FirefoxReason
  settings: Record<FirefoxPrefName, Setting>
}

/** Cross-site cookies kept apart (5), or third-party cookies refused (1, 2). */
const GOOD_COOKIES = new Set<PrefValue>([1, 2, 5])

export function assessFirefox(inputs: FirefoxInputs): FirefoxAssessment {
  const settings = Object.fromEntries(Object.values(FF).map((n) => [n, resolveFirefoxPref(n, inputs)])) as Record<FirefoxPrefName, Setting>
  const cookies = settings[FF.cookies]
  const tp = settings[FF.tp]
  const gpc = settings[FF.gpc]
  const done = (verdict: BrowserVerdict, reason: FirefoxReason): FirefoxAssessment => ({ verdict, reason, settings })
  if (cookies.known && cookies.value === 0) return done('fail', 'cookies_accept')
  // Only a locked "off" turns protection off everywhere: the user's own false is the standard level.
  if (tp.known && tp.value === false && tp.from === 'policy' && tp.locked) return done('fail', 'tp_off')
  if (!cookies.known || !gpc.known || !tp.known) return done('unknown', 'unknown')
  if (!GOOD_COOKIES.has(cookies.value)) return done('warn', 'cookies_weak')
  if (gpc.value !== true) return done('warn', 'gpc_off')
  return done('pass', 'good')
}

/** Chromium-family: one profile's values, each with where it came from. */
export interface ChromiumValue<T> {
  value: T
  source: string
  from: 'policy' | 'preferences' | 'default'
}

export interface ChromiumInputs {
  brave: boolean
  /** Preferences values; undefined where the key is absent or not of its type. */
  prefs: { cookieControlsMode?: number; blockThirdParty?: boolean; topics?: boolean; measurement?: boolean; siteAds?: boolean }
  prefsPath: string
  policy: ReadonlyMap<string, { value: boolean; source: string }>
}

export type ChromiumReason = 'good' | 'third_party_allowed' | 'sandbox_on'

export interface ChromiumAssessment {
  verdict: BrowserVerdict
  reason: ChromiumReason
  blocked: ChromiumValue<boolean>
  /** The Privacy Sandbox features turned on, by name. */
  sandboxOn: string[]
  sandbox: Record<'topics' | 'measurement' | 'siteAds', ChromiumValue<boolean>>
}

/**
 * Third-party cookies: the BlockThirdPartyCookies policy wins; then profile.cookie_controls_mode
 * (2 blocks them, 1 only in incognito, 0 never) or the older profile.block_third_party_cookies.
 * Unset, Chromium blocks them only in incognito; Brave's default is to block them
 * (brave-core SetDefaultThirdPartyCookieBlockValue).
 */
export function assessChromium(i: ChromiumInputs): ChromiumAssessment {
  const pol = i.policy.get('BlockThirdPartyCookies')
  const mode = i.prefs.cookieControlsMode
  const blocked: ChromiumValue<boolean> = pol
    ? { value: pol.value, source: pol.source, from: 'policy' }
    : mode !== undefined
      ? { value: mode === 2, source: `${i.prefsPath} → profile.cookie_controls_mode=${mode}`, from: 'preferences' }
      : i.prefs.blockThirdParty !== undefined
        ? { value: i.prefs.blockThirdParty, source: `${i.prefsPath} → profile.block_third_party_cookies`, from: 'preferences' }
        : { value: i.brave, source: i.prefsPath, from: 'default' }
  const feature = (
    policy: Exclude<ChromiumPolicyName, 'BlockThirdPartyCookies'>,
    pref: 'topics' | 'measurement' | 'siteAds',
    key: string,
  ): ChromiumValue<boolean> => {
    const p = i.policy.get(policy)
    // The policy can only turn a feature off; true leaves the user's choice standing.
    if (p && !p.value) return { value: false, source: p.source, from: 'policy' }
    const v = i.prefs[pref]
    return v === undefined
      ? { value: false, source: i.prefsPath, from: 'default' }
      : { value: v, source: `${i.prefsPath} → ${key}`, from: 'preferences' }
  }
  const sandbox = {
    topics: feature('PrivacySandboxAdTopicsEnabled', 'topics', 'privacy_sandbox.m1.topics_enabled'),
    measurement: feature('PrivacySandboxAdMeasurementEnabled', 'measurement', 'privacy_sandbox.m1.ad_measurement_enabled'),
    siteAds: feature('PrivacySandboxSiteEnabledAdsEnabled', 'siteAds', 'privacy_sandbox.m1.fledge_enabled'),
  }
  const sandboxOn = Object.entries(sandbox)
    .filter(([, v]) => v.value)
    .map(([k]) => k)
  if (!blocked.value) return { verdict: 'fail', reason: 'third_party_allowed', blocked, sandbox, sandboxOn }
  if (sandboxOn.length > 0) return { verdict: 'warn', reason: 'sandbox_on', blocked, sandbox, sandboxOn }
  return { verdict: 'pass', reason: 'good', blocked, sandbox, sandboxOn }
}

export function stepsFor(platform: Platform): Step[] {
  const admin: Step =
    platform === 'win32'
      ? { text: t('stepPolicyWin'), requiresAdmin: true }
      : platform === 'darwin'
        ? { text: t('stepPolicyMac'), requiresAdmin: true }
        : { text: t('stepPolicyLinux'), requiresAdmin: true }
  return [
    { text: t('stepFirefox'), link: 'https://support.mozilla.org/kb/enhanced-tracking-protection-firefox-desktop' },
    { text: t('stepGpc'), link: 'https://support.mozilla.org/kb/global-privacy-control' },
    { text: t('stepChromium'), link: 'https://support.google.com/chrome/answer/95647' },
    { text: t('stepSandbox') },
    { ...admin, kind: 'alternative' },
  ]
}
