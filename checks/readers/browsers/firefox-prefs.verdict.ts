/**
 * How Firefox arrives at one pref's effective value for a profile. Pure; shared by every check that
 * reads Firefox prefs (dns.firefox, browser.telemetry, browser.tracking, browser.webrtc).
 *
 * Firefox keeps a default value, a user value and a lock per pref; the effective value is the
 * default when locked, else the user value if any, else the default. They are written in this
 * order (docs/checks/dns-browsers.md, "How the value is decided", has the sources):
 *   1. default-pref files of the installation, in Firefox's load order: `pref()` sets the default,
 *      `pref(…, locked)` sets and locks it, and a locked default no longer changes;
 *   2. prefs.js, then user.js (user values; user.js is read last, so it wins);
 *   3. AutoConfig (`mozilla.cfg`), top to bottom: pref() user value, defaultPref() default,
 *      lockPref() default + lock, unlockPref(), clearPref() drops the user value;
 *   4. enterprise policies: a locked policy wins; an unlocked one replaces the default (or, with
 *      the Preferences policy's Status "user" / "clear", sets or clears the user value).
 * Every pref has a built-in value and so a type. A user value of another type is refused and the
 * value before it stands (seen with firefox-esr 153); a default or AutoConfig value of another type
 * has no effect Bulwark can be sure of, so the pref is unknown; a policy value of another type is
 * refused by the policy engine and sets nothing.
 */
import type { Msg } from '../../core/i18n/message.js'
import type { AutoConfigOp, OpaqueWhy, ParsedAutoConfig } from './firefox-autoconfig.parse.js'
import type { ParsedPrefs, PrefEntry, PrefValue } from './firefox-prefs.parse.js'

/** One preference file as read: parsed, absent, or unreadable (with the reason). */
export type PrefFile =
  | { state: 'read'; path: string; parsed: ParsedPrefs }
  | { state: 'absent'; path: string }
  | { state: 'unreadable'; path: string; reason: Msg }

/** AutoConfig as read: parsed, or unreadable (absent counts: Firefox then refuses to start). */
export type AutoConfigFile = { state: 'read'; path: string; parsed: ParsedAutoConfig } | { state: 'unreadable'; path: string; reason: Msg }

/** What one Firefox installation sets for every profile it runs. */
export interface AdminPrefs {
  install: string
  /** Default-pref files in the order Firefox loads them. */
  defaults: PrefFile[]
  autoconfig?: AutoConfigFile
}

/** A value a policy sets: a default unless locked, or with `effect` the user value. */
export interface PolicyPref {
  /** Absent only with effect "clear". */
  value?: PrefValue
  locked: boolean
  /** The file, registry key or plist it came from. */
  source: string
  /** The policy that set it: 'DNSOverHTTPS', 'Preferences', 'DisableTelemetry', … */
  via: string
  /** The Preferences policy's Status "user" (sets the user value) or "clear" (drops it). */
  effect?: 'user' | 'clear'
}

/** Everything that decides a profile's prefs, as one installation runs it. */
export interface PrefInputs {
  userJs: PrefFile
  prefsJs: PrefFile
  policy: ReadonlyMap<string, PolicyPref>
  admin?: AdminPrefs
}

export type Origin =
  | { kind: 'policy'; locked: boolean; source: string; via: string; user?: true }
  | { kind: 'file'; file: 'user.js' | 'prefs.js' | 'default' | 'autoconfig'; path: string; line: number; locked?: boolean; via?: string }
  | { kind: 'builtin' }

export type UnknownCause =
  | { kind: 'unreadable'; reason: Msg }
  | { kind: 'damaged'; line: number; text: string }
  | { kind: 'opaque'; line: number; text: string; why: OpaqueWhy }
  | { kind: 'policyConflict'; source: string; lockedAt: string }

export type Unknown = { known: false; path: string; cause: UnknownCause }
export type Resolved = { known: true; value: PrefValue; origin: Origin } | Unknown
type Known = Extract<Resolved, { known: true }>

/** Whether the value came in as a user value (user.js, prefs.js, AutoConfig pref(), policy Status "user"). */
export function isUserValue(origin: Origin): boolean {
  if (origin.kind === 'policy') return origin.user === true
  return origin.kind === 'file' && (origin.file === 'user.js' || origin.file === 'prefs.js' || origin.via === 'pref()')
}

/** Whether nothing below the origin can change the value: a locked policy, default or lockPref(). */
export function isLocked(origin: Origin): boolean {
  return origin.kind !== 'builtin' && origin.locked === true
}

const damaged = (path: string, line: number, text: string): Unknown => ({ known: false, path, cause: { kind: 'damaged', line, text } })
const statement = (kind: string, name: string, value: PrefValue | undefined): string => `${kind}("${name}", ${JSON.stringify(value)})`

/** The statements for these prefs in a user.js or prefs.js that Firefox refuses for their type. */
export function wrongTypeEntries(file: PrefFile, builtIns: Readonly<Record<string, PrefValue>>): PrefEntry[] {
  if (file.state !== 'read') return []
  return file.parsed.entries.filter((e) => e.name in builtIns && typeof e.value !== typeof builtIns[e.name])
}

const BUILTIN_ORIGIN: Origin = { kind: 'builtin' }

/**
 * The default value and lock that default-pref files leave for `name`, or why that is unknown.
 * `initial` is the built-in value (undefined for a pref with none, such as general.config.filename:
 * then any type is taken).
 */
export function foldDefaults(
  files: readonly PrefFile[],
  name: string,
  initial: PrefValue | undefined,
): { known: true; value: PrefValue | undefined; origin: Origin; locked: boolean } | Unknown {
  let value = initial
  let origin: Origin = BUILTIN_ORIGIN
  let locked = false
  for (const file of files) {
    if (file.state === 'absent') continue
    if (file.state === 'unreadable') return { known: false, path: file.path, cause: { kind: 'unreadable', reason: file.reason } }
    const bad = file.parsed.skipped.find((s) => s.text.includes(name))
    if (bad) return damaged(file.path, bad.line, bad.text)
    for (const e of file.parsed.entries.filter((x: PrefEntry) => x.name === name)) {
      // user_pref() has no documented meaning in a default-pref file, nor a value of another type: do not guess.
      if (e.kind === 'user_pref' || (initial !== undefined && typeof e.value !== typeof initial))
        return damaged(file.path, e.line, statement(e.kind, name, e.value))
      if (locked) continue
      value = e.value
      locked = e.locked === true
      origin = { kind: 'file', file: 'default', path: file.path, line: e.line, ...(locked ? { locked: true } : {}) }
    }
  }
  return { known: true, value, origin, locked }
}

function fromUserFile(file: PrefFile, name: string, builtIn: PrefValue, label: 'user.js' | 'prefs.js'): Resolved | 'none' {
  if (file.state === 'absent') return 'none'
  if (file.state === 'unreadable') return { known: false, path: file.path, cause: { kind: 'unreadable', reason: file.reason } }
  const entry = file.parsed.entries.findLast((e) => e.name === name && e.kind === 'user_pref' && typeof e.value === typeof builtIn)
  // Firefox dropped a damaged statement that names this pref (perhaps with a valid one after it): say so, don't guess.
  const bad = file.parsed.skipped.find((s) => s.text.includes(name) && (!entry || s.line > entry.line))
  if (bad) return damaged(file.path, bad.line, bad.text)
  // pref(), sticky_pref() and lockPref() in a user file set or lock the default, not the user value.
  const other = file.parsed.entries.find((e) => e.name === name && e.kind !== 'user_pref')
  if (other) return damaged(file.path, other.line, statement(other.kind, name, other.value))
  if (!entry) return 'none'
  return { known: true, value: entry.value, origin: { kind: 'file', file: label, path: file.path, line: entry.line } }
}

/** Applies one AutoConfig file's calls for `name` to the default, lock and user value so far. */
function applyAutoConfig(
  ac: Extract<AutoConfigFile, { state: 'read' }>,
  name: string,
  builtIn: PrefValue,
  state: { def: Known; locked: boolean; user: Resolved | undefined },
): Unknown | undefined {
  const opaque = ac.parsed.opaque.find((o) => o.prefName === undefined || o.prefName === name)
  if (opaque)
    return { known: false, path: opaque.path ?? ac.path, cause: { kind: 'opaque', line: opaque.line, text: opaque.text, why: opaque.why } }
  for (const op of ac.parsed.ops.filter((o: AutoConfigOp) => o.name === name)) {
    const origin = (lock: boolean): Origin => ({
      kind: 'file',
      file: 'autoconfig',
      path: ac.path,
      line: op.line,
      via: `${op.fn}()`,
      ...(lock ? { locked: true } : {}),
    })
    if (op.fn === 'clearPref') state.user = undefined
    else if (op.fn === 'unlockPref') state.locked = false
    else {
      const value = op.value ?? builtIn
      if (typeof value !== typeof builtIn) return damaged(ac.path, op.line, statement(`${op.fn}`, name, op.value))
      if (op.fn === 'pref') state.user = { known: true, value, origin: origin(false) }
      else if (op.fn === 'lockPref') {
        // prefcalls.js lockPref(): unlock, set the default, lock again.
        state.def = { known: true, value, origin: origin(true) }
        state.locked = true
      } else if (!state.locked) state.def = { known: true, value, origin: origin(false) }
    }
  }
  return undefined
}

/** One pref's effective value for a profile run by one installation (or by none Bulwark found). */
export function resolvePref(name: string, builtIn: PrefValue, inputs: PrefInputs): Resolved {
  const listed = inputs.policy.get(name)
  // The policy engine refuses a value of another type than the pref's: it sets nothing.
  const p = listed && (listed.effect === 'clear' || typeof listed.value === typeof builtIn) ? listed : undefined
  const fromPolicy = (pp: PolicyPref): Known => ({
    known: true,
    value: pp.value ?? builtIn,
    origin: { kind: 'policy', locked: pp.locked, source: pp.source, via: pp.via, ...(pp.effect === 'user' ? { user: true as const } : {}) },
  })
  if (p?.locked) return fromPolicy(p)
  const folded = foldDefaults(inputs.admin?.defaults ?? [], name, builtIn)
  if (!folded.known) return folded
  const state: { def: Known; locked: boolean; user: Resolved | undefined } = {
    def: { known: true, value: folded.value ?? builtIn, origin: folded.origin },
    locked: folded.locked,
    user: undefined,
  }
  for (const [file, label] of [
    [inputs.userJs, 'user.js'],
    [inputs.prefsJs, 'prefs.js'],
  ] as const) {
    const r = fromUserFile(file, name, builtIn, label)
    if (r !== 'none') {
      state.user = r
      break
    }
  }
  const ac = inputs.admin?.autoconfig
  if (ac?.state === 'unreadable') return { known: false, path: ac.path, cause: { kind: 'unreadable', reason: ac.reason } }
  if (ac) {
    const unknown = applyAutoConfig(ac, name, builtIn, state)
    if (unknown) return unknown
  }
  if (p && !state.locked) {
    if (p.effect === 'clear') state.user = undefined
    else if (p.effect === 'user') state.user = fromPolicy(p)
    else state.def = fromPolicy(p)
  } else if (p && p.effect === undefined && p.value !== state.def.value) {
    const o = state.def.origin
    const lockedAt = o.kind === 'file' ? `${o.path}:${o.line}` : ''
    return { known: false, path: p.source, cause: { kind: 'policyConflict', source: p.source, lockedAt } }
  }
  return state.locked ? state.def : (state.user ?? state.def)
}
