/**
 * browser.tracking: what the tracking settings are worth. Pure.
 *
 * Firefox: a pref's value is decided by Firefox's own precedence, as for every Firefox check
 * (readers/browsers/firefox-prefs.verdict.ts; docs/checks/browser.md has the order).
 */
import type { PrefValue } from '../../readers/browsers/firefox-prefs.parse.js'
import { isLocked, isUserValue, resolvePref, type PrefInputs, type Resolved } from '../../readers/browsers/firefox-prefs.verdict.js'
import { firefoxPrefsText as prefsText } from '../../readers/browsers/browsers.messages.js'
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

/** A resolved pref as this check reports it: the value, and the file, policy or built-in it came from. */
function settingOf(r: Resolved): Setting {
  if (!r.known) {
    const c = r.cause
    if (c.kind === 'unreadable') return { known: false, source: r.path, reason: c.reason }
    if (c.kind === 'damaged') return { known: false, source: `${r.path}:${c.line}`, reason: t('damaged', { text: c.text }) }
    if (c.kind === 'opaque') return { known: false, source: `${r.path}:${c.line}`, reason: t('autoconfig') }
    return { known: false, source: r.path, reason: prefsText('policyConflict', { lockedAt: c.lockedAt, source: c.source }) }
  }
  const o = r.origin
  if (o.kind === 'builtin') return { known: true, value: r.value, source: 'built-in', from: 'builtin', locked: false }
  if (o.kind === 'policy') return { known: true, value: r.value, source: o.source, from: 'policy', locked: o.locked }
  return { known: true, value: r.value, source: `${o.path}:${o.line}`, from: isUserValue(o) ? 'user' : 'default', locked: isLocked(o) }
}

function resolveFirefoxPref(name: FirefoxPrefName, inputs: PrefInputs): Setting {
  return settingOf(resolvePref(name, FF_BUILT_IN[name], inputs))
}

export type FirefoxReason = 'good' | 'cookies_accept' | 'cookies_weak' | 'tp_off' | 'gpc_off' | 'unknown'

export interface FirefoxAssessment {
  verdict: BrowserVerdict
  reason: FirefoxReason
  settings: Record<FirefoxPrefName, Setting>
}

/** Cross-site cookies kept apart (5), or third-party cookies refused (1, 2). */
const GOOD_COOKIES = new Set<PrefValue>([1, 2, 5])

export function assessFirefox(inputs: PrefInputs): FirefoxAssessment {
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
