/**
 * What Firefox's data-sharing prefs mean. Pure. Each pref is resolved by Firefox's own precedence
 * (readers/browsers/firefox-prefs.verdict.ts; docs/checks/browser.md); of the policies,
 * DisableTelemetry sets and locks the upload prefs (Policies.sys.mjs) and the Preferences policy
 * sets a default, or a locked default.
 * What the prefs mean (Firefox's own code): technical and interaction data go out while
 * datareporting.healthreport.uploadEnabled is true (Glean and legacy telemetry both follow it);
 * studies run only while app.shield.optoutstudies.enabled AND that pref are true and no policy
 * disallows "Shield" (ExperimentAPI.sys.mjs); the daily usage ping follows
 * datareporting.usage.uploadEnabled; crash reports are sent without asking when
 * browser.crashReports.unsubmittedCheck.autoSubmit2 is true.
 */
import type { BrowserVerdict } from '../../readers/browsers/browsers.verdict.js'
import type { Msg } from '../../core/i18n/message.js'
import type { PrefValue } from '../../readers/browsers/firefox-prefs.parse.js'
import {
  isLocked,
  resolvePref,
  type AdminPrefs,
  type PolicyPref,
  type PrefFile,
  type Resolved,
} from '../../readers/browsers/firefox-prefs.verdict.js'
import { firefoxPrefsText as prefsText } from '../../readers/browsers/browsers.messages.js'
import { causeText as cc } from './telemetry.messages.js'

export const FF_PREF = {
  upload: 'datareporting.healthreport.uploadEnabled',
  submission: 'datareporting.policy.dataSubmissionEnabled',
  usage: 'datareporting.usage.uploadEnabled',
  studies: 'app.shield.optoutstudies.enabled',
  crash: 'browser.crashReports.unsubmittedCheck.autoSubmit2',
  telemetry: 'toolkit.telemetry.enabled',
} as const
export type FfPrefKey = keyof typeof FF_PREF
export const FF_PREF_NAMES: readonly string[] = Object.values(FF_PREF)

/**
 * Mozilla's built-in defaults (greprefs.js and browser/firefox.js inside omni.ja, checked in
 * firefox-esr 153): upload, submission, usage ping and studies on, crash auto-submit off;
 * toolkit.telemetry.enabled is off outside prerelease channels. Debian's /etc/firefox-esr file
 * turns upload off, and that file is read like any default-pref file.
 */
const BUILT_IN: Record<FfPrefKey, boolean> = {
  upload: true,
  submission: true,
  usage: true,
  studies: true,
  crash: false,
  telemetry: false,
}

/** The data-sharing policies that apply, highest source first already combined. */
export interface FfPolicies {
  disableTelemetry?: { value: boolean; source: string }
  disableStudies?: { value: boolean; source: string }
  /** Preferences policy entries for the prefs above. */
  prefs: Map<string, { value: PrefValue; locked: boolean; source: string }>
  uncertain: { source: string; reason: Msg }[]
  notes: { source: string; observed: Msg }[]
}

export type FfHow = 'builtin' | 'default' | 'user' | 'autoconfig' | 'policy'
export type FfResolved =
  { known: true; value: boolean; how: FfHow; source: string; locked: boolean; via?: string } | { known: false; source: string; cause: Msg }

/** A value a policy gives, as the shared resolver takes it: DisableTelemetry locks the upload prefs off (Policies.sys.mjs). */
function policyMap(key: FfPrefKey, policies: FfPolicies): Map<string, PolicyPref> {
  const name = FF_PREF[key]
  const out = new Map<string, PolicyPref>()
  const pp = policies.prefs.get(name)
  if (pp) out.set(name, { ...pp, via: 'Preferences' })
  const disabled = policies.disableTelemetry
  if (disabled?.value && (key === 'upload' || key === 'submission' || key === 'usage'))
    out.set(name, { value: false, locked: true, source: disabled.source, via: 'DisableTelemetry' })
  return out
}

/** Every value the telemetry policies set for the prefs this check reads, as Firefox's resolver takes them. */
export function ffPolicyPrefs(policies: FfPolicies): Map<string, PolicyPref> {
  return new Map((Object.keys(FF_PREF) as FfPrefKey[]).flatMap((k) => [...policyMap(k, policies)]))
}

function fromResolved(r: Resolved): FfResolved {
  if (!r.known) {
    const c = r.cause
    if (c.kind === 'unreadable') return { known: false, source: r.path, cause: cc('unreadable', { file: r.path, reason: c.reason }) }
    if (c.kind !== 'policyConflict') {
      const params = { file: r.path, line: c.line, text: c.text }
      return { known: false, source: `${r.path}:${c.line}`, cause: cc(c.kind === 'damaged' ? 'damaged' : 'opaque', params) }
    }
    return { known: false, source: r.path, cause: prefsText('policyConflict', { lockedAt: c.lockedAt, source: c.source }) }
  }
  const value = r.value === true
  const o = r.origin
  if (o.kind === 'builtin') return { known: true, value, how: 'builtin', source: 'omni.ja', locked: false }
  if (o.kind === 'policy') return { known: true, value, how: 'policy', source: o.source, locked: o.locked, via: o.via }
  const source = `${o.path}:${o.line}`
  if (o.file === 'autoconfig')
    return { known: true, value, how: 'autoconfig', source, locked: isLocked(o), ...(o.via ? { via: o.via } : {}) }
  return { known: true, value, how: o.file === 'default' ? 'default' : 'user', source, locked: isLocked(o) }
}

/** One pref's effective value for a profile run by one installation (or by none Bulwark found). */
export function resolveFfPref(key: FfPrefKey, userJs: PrefFile, prefsJs: PrefFile, policies: FfPolicies, admin?: AdminPrefs): FfResolved {
  const policy = policyMap(key, policies)
  return fromResolved(resolvePref(FF_PREF[key], BUILT_IN[key], { userJs, prefsJs, policy, ...(admin ? { admin } : {}) }))
}

export type FfReason = 'technicalStudies' | 'technical' | 'usage' | 'crash'

export interface FfAssessment {
  verdict: BrowserVerdict
  prefs: Record<FfPrefKey, FfResolved>
  studiesRun: boolean
  /** The first finding, for the summary. */
  reason?: FfReason
  /** Why the verdict is unknown. */
  cause?: Msg
}

const VERDICT_KEYS: readonly FfPrefKey[] = ['upload', 'usage', 'studies', 'crash']

export function assessFfProfile(userJs: PrefFile, prefsJs: PrefFile, policies: FfPolicies, admin?: AdminPrefs): FfAssessment {
  const keys = Object.keys(FF_PREF) as FfPrefKey[]
  const prefs = Object.fromEntries(keys.map((k) => [k, resolveFfPref(k, userJs, prefsJs, policies, admin)])) as Record<
    FfPrefKey,
    FfResolved
  >
  const on = (k: FfPrefKey): boolean => {
    const r = prefs[k]
    return r.known && r.value
  }
  const studiesRun = on('studies') && on('upload') && policies.disableStudies?.value !== true
  const uncertain = policies.uncertain[0]
  if (uncertain)
    return { verdict: 'unknown', prefs, studiesRun, cause: cc('policyUncertain', { source: uncertain.source, reason: uncertain.reason }) }
  const unknown = VERDICT_KEYS.map((k) => prefs[k]).find((r) => !r.known)
  if (unknown && !unknown.known) return { verdict: 'unknown', prefs, studiesRun, cause: unknown.cause }
  if (on('upload')) return { verdict: 'fail', prefs, studiesRun, reason: studiesRun ? 'technicalStudies' : 'technical' }
  if (on('usage')) return { verdict: 'warn', prefs, studiesRun, reason: 'usage' }
  if (on('crash')) return { verdict: 'warn', prefs, studiesRun, reason: 'crash' }
  return { verdict: 'pass', prefs, studiesRun }
}
