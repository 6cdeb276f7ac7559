/**
 * Pure readers for browser.telemetry: the data-sharing policies from what each policy source
 * holds, and the usage-statistics choice in a Chromium `Local State` document.
 */
import type { Msg } from '../../core/i18n/message.js'
import { jsonNotObject, parseJsonLenient } from '../../readers/browsers/json.parse.js'
import type { PrefValue } from '../../readers/browsers/firefox-prefs.parse.js'
import { FF_PREF_NAMES, type FfPolicies } from './telemetry-firefox.verdict.js'
import { evidenceText as e } from './telemetry.messages.js'

export type PolicySource =
  | { state: 'absent'; source: string }
  | { state: 'ok'; source: string; values: Record<string, unknown> }
  | { state: 'uncertain'; source: string; reason: Msg }
  /** Present but refused by Firefox as a whole (not strict JSON): it still takes its group's place. */
  | { state: 'rejected'; source: string; error: Msg }

/** A policy flag as JSON (true/false), a registry DWORD (0/1) or a plist boolean/integer; anything else is not one. */
export function policyFlag(raw: unknown): boolean | undefined {
  if (raw === true || raw === 1) return true
  if (raw === false || raw === 0) return false
  return undefined
}

const FLAGS = [
  ['DisableTelemetry', 'disableTelemetry'],
  ['DisableFirefoxStudies', 'disableStudies'],
] as const

function preferencesOf(values: Record<string, unknown>): Map<string, { value: PrefValue; locked: boolean }> {
  const out = new Map<string, { value: PrefValue; locked: boolean }>()
  const prefs = values.Preferences
  if (!prefs || typeof prefs !== 'object' || Array.isArray(prefs)) return out
  for (const name of FF_PREF_NAMES) {
    const raw = (prefs as Record<string, unknown>)[name]
    if (typeof raw === 'boolean')
      out.set(name, { value: raw, locked: true }) // the old form locks
    else if (raw && typeof raw === 'object' && typeof (raw as { Value?: unknown }).Value === 'boolean') {
      const status = (raw as { Status?: unknown }).Status ?? 'default'
      if (status === 'locked' || status === 'default')
        out.set(name, { value: (raw as { Value: boolean }).Value, locked: status === 'locked' })
    }
  }
  return out
}

/**
 * Combines policy sources, groups highest first: a policy set by a higher source is not taken from a
 * lower one; in a `firstOnly` group only the first present file counts (Firefox picks one file).
 */
export function collectFfPolicies(groups: readonly { sources: readonly PolicySource[]; firstOnly: boolean }[]): FfPolicies {
  const out: FfPolicies = { prefs: new Map(), uncertain: [], notes: [] }
  for (const group of groups) {
    let used = false
    for (const s of group.sources) {
      if (s.state === 'absent') continue
      if (s.state === 'uncertain') {
        out.uncertain.push({ source: s.source, reason: s.reason })
        out.notes.push({ source: s.source, observed: e('obsPolicyUnreadable', { reason: s.reason }) })
        continue
      }
      if (used && group.firstOnly) {
        out.notes.push({ source: s.source, observed: e('obsPolicyShadowed') })
        continue
      }
      used = true
      if (s.state === 'rejected') {
        out.notes.push({ source: s.source, observed: e('obsPolicyRejected', { error: s.error }) })
        continue
      }
      const seen: string[] = []
      for (const [policy, field] of FLAGS) {
        if (!(policy in s.values)) continue
        const flag = policyFlag(s.values[policy])
        const value = JSON.stringify(s.values[policy]) ?? String(s.values[policy])
        if (flag === undefined) {
          out.notes.push({ source: s.source, observed: e('obsPolicyIgnored', { policy, value }) })
          continue
        }
        seen.push(`${policy}=${String(flag)}`)
        if (!out[field]) out[field] = { value: flag, source: s.source }
      }
      for (const [name, pref] of preferencesOf(s.values)) {
        seen.push(`${name}=${String(pref.value)}${pref.locked ? ' (locked)' : ''}`)
        if (!out.prefs.has(name)) out.prefs.set(name, { ...pref, source: s.source })
      }
      out.notes.push({
        source: s.source,
        observed: seen.length > 0 ? e('obsPolicyValue', { policy: 'policies', value: seen.join(', ') }) : e('obsPolicyNone'),
      })
    }
  }
  return out
}

export type LocalStateMetrics = { state: 'ok'; reporting: boolean | undefined } | { state: 'bad'; error: Msg }

/** `user_experience_metrics.reporting_enabled` in a Local State text: true, false, or not recorded. */
export function parseLocalStateMetrics(text: string): LocalStateMetrics {
  const json = parseJsonLenient(text)
  if (!json.ok) return { state: 'bad', error: json.reason }
  const doc = json.value.value
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { state: 'bad', error: jsonNotObject() }
  const uem = (doc as Record<string, unknown>).user_experience_metrics
  const raw = uem && typeof uem === 'object' && !Array.isArray(uem) ? (uem as Record<string, unknown>).reporting_enabled : undefined
  return { state: 'ok', reporting: typeof raw === 'boolean' ? raw : undefined }
}
