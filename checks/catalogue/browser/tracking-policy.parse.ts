/**
 * What the tracking-related enterprise policies mean, as preference values. Pure.
 *
 * Firefox (Mozilla's policy reference, Policies.sys.mjs):
 *   Cookies.Behavior → network.cookie.cookieBehavior (accept 0, reject-foreign 1, reject 2,
 *     limit-foreign 3, reject-tracker 4, reject-tracker-and-partition-foreign / partition-foreign 5),
 *     locked when Cookies.Locked is true;
 *   EnableTrackingProtection.Category → browser.contentblocking.category, always locked;
 *   EnableTrackingProtection.Value false → tracking protection off and locked in every window;
 *   Preferences → any of the prefs this check reads, locked unless Status is "default".
 * Chromium: BlockThirdPartyCookies (boolean), PrivacySandboxAdTopicsEnabled,
 *   PrivacySandboxAdMeasurementEnabled and PrivacySandboxSiteEnabledAdsEnabled (false turns the
 *   feature off; true or unset leaves the choice to the user).
 */
import type { PolicyPref } from '../../readers/browsers/firefox-prefs.verdict.js'
import type { Msg } from '../../core/i18n/message.js'
import { policyText as t } from './tracking.messages.js'

export const FF = {
  category: 'browser.contentblocking.category',
  cookies: 'network.cookie.cookieBehavior',
  gpc: 'privacy.globalprivacycontrol.enabled',
  rfp: 'privacy.resistFingerprinting',
  tp: 'privacy.trackingprotection.enabled',
} as const
export type FirefoxPrefName = (typeof FF)[keyof typeof FF]
export const FF_PREFS: readonly FirefoxPrefName[] = Object.values(FF)

const BEHAVIOR: Record<string, number> = {
  accept: 0,
  'reject-foreign': 1,
  reject: 2,
  'limit-foreign': 3,
  'reject-tracker': 4,
  'reject-tracker-and-partition-foreign': 5,
  'partition-foreign': 5,
}
const CATEGORIES = new Set(['standard', 'strict'])

const isFlag = (v: unknown): v is boolean | 0 | 1 => v === true || v === false || v === 0 || v === 1
const flag = (v: unknown): boolean => v === true || v === 1
const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined

export interface FirefoxPolicyPrefs {
  prefs: Map<FirefoxPrefName, PolicyPref>
  /** Parts Firefox would refuse or that Bulwark cannot turn into a value. */
  uncertain: Msg[]
}

/** The prefs one policy object (policies.json's `policies`, a registry tree or a plist) sets. */
export function firefoxPolicyPrefs(policies: Record<string, unknown>, source: string): FirefoxPolicyPrefs {
  const prefs = new Map<FirefoxPrefName, PolicyPref>()
  const uncertain: Msg[] = []
  const cookies = record(policies.Cookies)
  if (cookies) {
    const behavior = cookies.Behavior
    if (typeof behavior === 'string' && behavior in BEHAVIOR) {
      prefs.set(FF.cookies, { value: BEHAVIOR[behavior]!, locked: flag(cookies.Locked), source, via: 'Cookies' })
    } else if (behavior !== undefined) {
      uncertain.push(t('badValue', { policy: 'Cookies.Behavior', value: JSON.stringify(behavior) }))
    } else if ('Default' in cookies || 'AcceptThirdParty' in cookies || 'RejectTracker' in cookies) {
      // The older keys combine with the current default in ways the reference leaves open.
      uncertain.push(t('legacyCookies'))
    }
  } else if (policies.Cookies !== undefined) uncertain.push(t('badValue', { policy: 'Cookies', value: JSON.stringify(policies.Cookies) }))
  const etp = record(policies.EnableTrackingProtection)
  if (etp) {
    const category = etp.Category
    if (typeof category === 'string' && CATEGORIES.has(category)) {
      prefs.set(FF.category, { value: category, locked: true, source, via: 'EnableTrackingProtection' })
    } else if (category !== undefined) {
      uncertain.push(t('badValue', { policy: 'EnableTrackingProtection.Category', value: JSON.stringify(category) }))
    } else if (isFlag(etp.Value)) {
      const on = flag(etp.Value)
      prefs.set(FF.tp, { value: on, locked: !on || flag(etp.Locked), source, via: 'EnableTrackingProtection' })
    }
  }
  const preferences = record(policies.Preferences)
  for (const name of FF_PREFS) {
    const raw = preferences?.[name]
    if (raw === undefined) continue
    const entry = record(raw)
    const value = entry ? entry.Value : raw
    const status = entry ? (typeof entry.Status === 'string' ? entry.Status : 'default') : 'locked'
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      uncertain.push(t('badValue', { policy: `Preferences.${name}`, value: JSON.stringify(value) }))
    } else if (status === 'default' || status === 'locked') {
      prefs.set(name, { value, locked: status === 'locked', source, via: 'Preferences' })
    } else uncertain.push(t('userStatus', { pref: name, status }))
  }
  return { prefs, uncertain }
}

/** True when the policy object names anything this check reads. */
export function mentionsTracking(policies: Record<string, unknown>): boolean {
  const preferences = record(policies.Preferences)
  return 'Cookies' in policies || 'EnableTrackingProtection' in policies || FF_PREFS.some((n) => preferences?.[n] !== undefined)
}

export const CR_POLICIES = [
  'BlockThirdPartyCookies',
  'PrivacySandboxAdTopicsEnabled',
  'PrivacySandboxAdMeasurementEnabled',
  'PrivacySandboxSiteEnabledAdsEnabled',
] as const
export type ChromiumPolicyName = (typeof CR_POLICIES)[number]

/** A Chromium boolean policy as JSON, a plist or a REG_DWORD; anything else is ignored by Chromium. */
export function chromiumFlag(value: unknown): boolean | undefined {
  if (value === true || value === 1) return true
  if (value === false || value === 0) return false
  return undefined
}
