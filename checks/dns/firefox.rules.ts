/**
 * How Firefox arrives at its DNS-over-HTTPS settings, and what they are worth. Pure.
 *
 * Precedence, highest first (detection.md §1.1): a locked policy value, then user.js (re-applied
 * at every start), then prefs.js, then a policy default, then Firefox's built-in default.
 */
import { isHttpsUrl, type BrowserVerdict } from '../browsers/verdict.js'
import type { Msg } from '../i18n/message.js'
import type { ParsedPrefs, PrefValue } from './prefs.parse.js'

export const PREF = {
  mode: 'network.trr.mode',
  uri: 'network.trr.uri',
  rollout: 'doh-rollout.mode',
  strictFallback: 'network.trr.strict_native_fallback',
} as const
export type PrefName = (typeof PREF)[keyof typeof PREF]
export const RELEVANT_PREFS: readonly PrefName[] = Object.values(PREF)

/** Built-in defaults. With no network.trr.uri Firefox uses network.trr.default_provider_uri. */
const BUILT_IN: Record<PrefName, PrefValue> = {
  [PREF.mode]: 0,
  [PREF.uri]: '',
  [PREF.rollout]: 0,
  [PREF.strictFallback]: false,
}

/** A value a policy sets: a default unless locked. */
export interface PolicyPref {
  value: PrefValue
  locked: boolean
  /** The file, registry key or plist it came from. */
  source: string
  /** The policy that set it: 'DNSOverHTTPS' or 'Preferences'. */
  via: string
}

/** One preference file as read: parsed, absent, or unreadable (with the reason). */
export type PrefFile = { state: 'read'; path: string; parsed: ParsedPrefs } | { state: 'absent'; path: string } | { state: 'unreadable'; path: string; reason: Msg }

export type Origin =
  | { kind: 'policy'; locked: boolean; source: string; via: string }
  | { kind: 'file'; file: 'user.js' | 'prefs.js'; path: string; line: number }
  | { kind: 'builtin' }

export type UnknownCause = { kind: 'unreadable'; reason: Msg } | { kind: 'damaged'; line: number; text: string }

export type Resolved = { known: true; value: PrefValue; origin: Origin } | { known: false; path: string; cause: UnknownCause }

function fromFile(file: PrefFile, name: PrefName, label: 'user.js' | 'prefs.js'): Resolved | 'none' {
  if (file.state === 'absent') return 'none'
  if (file.state === 'unreadable') return { known: false, path: file.path, cause: { kind: 'unreadable', reason: file.reason } }
  const entry = file.parsed.prefs.get(name)
  // A statement Firefox could not read that names this pref might have set it: say so, don't guess.
  const damaged = file.parsed.skipped.find((s) => s.text.includes(name) && (!entry || s.line > entry.line))
  if (damaged) return { known: false, path: file.path, cause: { kind: 'damaged', line: damaged.line, text: damaged.text } }
  if (!entry) return 'none'
  return { known: true, value: entry.value, origin: { kind: 'file', file: label, path: file.path, line: entry.line } }
}

export function resolvePref(name: PrefName, userJs: PrefFile, prefsJs: PrefFile, policy: ReadonlyMap<string, PolicyPref>): Resolved {
  const p = policy.get(name)
  const fromPolicy = (pp: PolicyPref): Resolved => ({ known: true, value: pp.value, origin: { kind: 'policy', locked: pp.locked, source: pp.source, via: pp.via } })
  if (p?.locked) return fromPolicy(p)
  for (const [file, label] of [
    [userJs, 'user.js'],
    [prefsJs, 'prefs.js'],
  ] as const) {
    const r = fromFile(file, name, label)
    if (r !== 'none') return r
  }
  if (p) return fromPolicy(p)
  return { known: true, value: BUILT_IN[name], origin: { kind: 'builtin' } }
}

export type FirefoxVerdict = BrowserVerdict

export type VerdictReason =
  | 'trr_only' // mode 3 with an https resolver
  | 'trr_only_default_provider' // mode 3, Firefox's default provider
  | 'trr_only_bad_uri' // mode 3 with a resolver address Firefox will not use
  | 'trr_first' // mode 2
  | 'rollout_first' // mode 0 but the DoH rollout turned TRR-first on
  | 'native' // mode 0
  | 'reserved' // modes 1 and 4
  | 'off_by_choice' // mode 5
  | 'invalid_mode' // a value Firefox does not define
  | 'unreadable'

export interface ProfileAssessment {
  verdict: FirefoxVerdict
  reason: VerdictReason
  mode: Resolved
  uri: Resolved
  rollout: Resolved
  strictFallback: Resolved
}

export function assessProfile(userJs: PrefFile, prefsJs: PrefFile, policy: ReadonlyMap<string, PolicyPref>): ProfileAssessment {
  const mode = resolvePref(PREF.mode, userJs, prefsJs, policy)
  const uri = resolvePref(PREF.uri, userJs, prefsJs, policy)
  const rollout = resolvePref(PREF.rollout, userJs, prefsJs, policy)
  const strictFallback = resolvePref(PREF.strictFallback, userJs, prefsJs, policy)
  const base = { mode, uri, rollout, strictFallback }
  const decide = (verdict: FirefoxVerdict, reason: VerdictReason): ProfileAssessment => ({ ...base, verdict, reason })
  if (!mode.known) return decide('unknown', 'unreadable')
  switch (mode.value) {
    case 3: {
      if (!uri.known) return decide('unknown', 'unreadable')
      const text = typeof uri.value === 'string' ? uri.value.trim() : ''
      if (text === '') return decide('pass', 'trr_only_default_provider')
      return isHttpsUrl(text) ? decide('pass', 'trr_only') : decide('warn', 'trr_only_bad_uri')
    }
    case 2:
      return decide('warn', 'trr_first')
    case 0:
      if (!rollout.known) return decide('unknown', 'unreadable')
      return rollout.value === 2 ? decide('warn', 'rollout_first') : decide('fail', 'native')
    case 1:
    case 4:
      return decide('fail', 'reserved')
    case 5:
      return decide('fail', 'off_by_choice')
    default:
      return decide('fail', 'invalid_mode')
  }
}
