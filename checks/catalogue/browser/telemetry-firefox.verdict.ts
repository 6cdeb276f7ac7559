/**
 * How Firefox arrives at its data-sharing prefs, and what they mean. Pure.
 *
 * Firefox keeps a default, a user value and a lock per pref; the effective value is the default when
 * locked, else the user value, else the default. Written in this order (docs/checks/browser.md):
 *   1. the installation's default-pref files in load order (`pref()` default, `, locked` locks it);
 *   2. prefs.js, then user.js (user values; user.js wins);
 *   3. AutoConfig, top to bottom: pref() user value, defaultPref() default, lockPref() default + lock,
 *      unlockPref(), clearPref() drops the user value;
 *   4. enterprise policies: DisableTelemetry sets and locks the upload prefs (Policies.sys.mjs);
 *      the Preferences policy sets a default, or a locked default.
 * What the prefs mean (Firefox's own code): technical and interaction data go out while
 * datareporting.healthreport.uploadEnabled is true (Glean and legacy telemetry both follow it);
 * studies run only while app.shield.optoutstudies.enabled AND that pref are true and no policy
 * disallows "Shield" (ExperimentAPI.sys.mjs); the daily usage ping follows
 * datareporting.usage.uploadEnabled; crash reports are sent without asking when
 * browser.crashReports.unsubmittedCheck.autoSubmit2 is true.
 */
import type { BrowserVerdict } from '../../readers/browsers/browsers.verdict.js'
import type { Msg } from '../../core/i18n/message.js'
import type { AutoConfigOp, ParsedAutoConfig } from '../dns/autoconfig.parse.js'
import type { ParsedPrefs, PrefValue } from '../dns/prefs.parse.js'
import { causeText as c } from './telemetry.messages.js'

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

export type PrefFile =
  | { state: 'read'; path: string; parsed: ParsedPrefs }
  | { state: 'absent'; path: string }
  | { state: 'unreadable'; path: string; reason: Msg }

export type AutoConfigFile = { state: 'read'; path: string; parsed: ParsedAutoConfig } | { state: 'unreadable'; path: string; reason: Msg }

/** What one installation sets for every profile it runs. */
export interface FfAdmin {
  install: string
  defaults: PrefFile[]
  autoconfig?: AutoConfigFile
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

const damaged = (path: string, line: number, text: string): FfResolved => ({
  known: false,
  source: `${path}:${line}`,
  cause: c('damaged', { file: path, line, text }),
})

function fileProblem(file: PrefFile, name: string): FfResolved | undefined {
  if (file.state === 'unreadable')
    return { known: false, source: file.path, cause: c('unreadable', { file: file.path, reason: file.reason }) }
  if (file.state !== 'read') return undefined
  const bad = file.parsed.skipped.find((s) => s.text.includes(name))
  return bad ? damaged(file.path, bad.line, bad.text) : undefined
}

/** One pref's effective value for a profile run by one installation (or by none Bulwark found). */
export function resolveFfPref(key: FfPrefKey, userJs: PrefFile, prefsJs: PrefFile, policies: FfPolicies, admin?: FfAdmin): FfResolved {
  const name = FF_PREF[key]
  let def: FfResolved & { known: true } = { known: true, value: BUILT_IN[key], how: 'builtin', source: 'omni.ja', locked: false }
  for (const file of admin?.defaults ?? []) {
    const problem = fileProblem(file, name)
    if (problem) return problem
    if (file.state !== 'read') continue
    for (const e of file.parsed.entries) {
      if (e.name !== name || def.locked) continue
      // user_pref() in a default file and a value of another type have no certain effect.
      if (e.kind === 'user_pref' || typeof e.value !== 'boolean')
        return damaged(file.path, e.line, `${e.kind}("${name}", ${JSON.stringify(e.value)})`)
      def = { known: true, value: e.value, how: 'default', source: `${file.path}:${e.line}`, locked: e.locked === true }
    }
  }
  let user: (FfResolved & { known: true }) | undefined
  for (const file of [userJs, prefsJs]) {
    const problem = fileProblem(file, name)
    if (problem) return problem
    if (file.state !== 'read') continue
    const other = file.parsed.entries.find((e) => e.name === name && e.kind !== 'user_pref')
    if (other) return damaged(file.path, other.line, `${other.kind}("${name}", ${JSON.stringify(other.value)})`)
    // Firefox refuses a user value of another type: the value before it stands.
    const entry = file.parsed.entries.findLast((e) => e.name === name && typeof e.value === 'boolean')
    if (entry) {
      user = { known: true, value: entry.value as boolean, how: 'user', source: `${file.path}:${entry.line}`, locked: false }
      break
    }
  }
  const ac = admin?.autoconfig
  if (ac?.state === 'unreadable') return { known: false, source: ac.path, cause: c('unreadable', { file: ac.path, reason: ac.reason }) }
  if (ac) {
    const opaque = ac.parsed.opaque.find((o) => o.prefName === undefined || o.prefName === name)
    if (opaque) {
      const file = opaque.path ?? ac.path
      return { known: false, source: `${file}:${opaque.line}`, cause: c('opaque', { file, line: opaque.line, text: opaque.text }) }
    }
    for (const op of ac.parsed.ops.filter((o: AutoConfigOp) => o.name === name)) {
      const at = `${ac.path}:${op.line}`
      if (op.fn === 'clearPref') user = undefined
      else if (op.fn === 'unlockPref') def = { ...def, locked: false }
      else if (typeof op.value !== 'boolean') return damaged(ac.path, op.line, `${op.fn}("${name}", ${JSON.stringify(op.value)})`)
      else if (op.fn === 'pref') user = { known: true, value: op.value, how: 'autoconfig', source: at, locked: false, via: 'pref()' }
      else if (op.fn === 'defaultPref' && !def.locked)
        def = { known: true, value: op.value, how: 'autoconfig', source: at, locked: false, via: 'defaultPref()' }
      else if (op.fn === 'lockPref') def = { known: true, value: op.value, how: 'autoconfig', source: at, locked: true, via: 'lockPref()' }
    }
  }
  const disabled = policies.disableTelemetry
  if (disabled?.value && (key === 'upload' || key === 'submission' || key === 'usage')) {
    return { known: true, value: false, how: 'policy', source: disabled.source, locked: true, via: 'DisableTelemetry' }
  }
  const pp = policies.prefs.get(name)
  if (pp && typeof pp.value === 'boolean') {
    if (pp.locked) return { known: true, value: pp.value, how: 'policy', source: pp.source, locked: true, via: 'Preferences' }
    if (!def.locked) def = { known: true, value: pp.value, how: 'policy', source: pp.source, locked: false, via: 'Preferences' }
  }
  return def.locked || !user ? def : user
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

export function assessFfProfile(userJs: PrefFile, prefsJs: PrefFile, policies: FfPolicies, admin?: FfAdmin): FfAssessment {
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
    return { verdict: 'unknown', prefs, studiesRun, cause: c('policyUncertain', { source: uncertain.source, reason: uncertain.reason }) }
  const unknown = VERDICT_KEYS.map((k) => prefs[k]).find((r) => !r.known)
  if (unknown && !unknown.known) return { verdict: 'unknown', prefs, studiesRun, cause: unknown.cause }
  if (on('upload')) return { verdict: 'fail', prefs, studiesRun, reason: studiesRun ? 'technicalStudies' : 'technical' }
  if (on('usage')) return { verdict: 'warn', prefs, studiesRun, reason: 'usage' }
  if (on('crash')) return { verdict: 'warn', prefs, studiesRun, reason: 'crash' }
  return { verdict: 'pass', prefs, studiesRun }
}
