/**
 * The user-level fix of every Firefox check: lines appended to a profile's user.js, which Firefox applies as user
 * values on every start. Appending keeps every byte already there, so undo puts the exact old file back. The new
 * text is parsed back with Firefox's own rules before it is offered, so a file whose end would swallow the new lines
 * (an open comment, an open string) is refused rather than silently not working. Whether the lines would decide at
 * all is answered by Firefox's own precedence (resolvePref) with the lines added: a locked policy, a locked
 * default-pref file, AutoConfig, or a policy that sets or clears the user value keeps the profile out of the fix.
 */
import type { FixOffer, FixTarget } from '../../core/fix/offer.js'
import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/i18n/message.js'
import { parsePrefs, type ParsedPrefs, type PrefValue } from './firefox-prefs.parse.js'
import { resolvePref, type PrefFile, type PrefInputs } from './firefox-prefs.verdict.js'
import { userJsFixText as t } from './firefox-userjs.messages.js'

/** A pref the fix sets, with the value it gets: of the pref's own type, or Firefox refuses it. */
export interface UserPref {
  name: string
  value: PrefValue
}

/** Process names of Firefox builds on Linux (the distribution's, ESR, Mozilla's tarball). */
const FIREFOX_PROCESSES = ['firefox', 'firefox-esr', 'firefox-bin']

const lineOf = (p: UserPref): string => `user_pref(${JSON.stringify(p.name)}, ${JSON.stringify(p.value)});`
const blockOf = (prefs: readonly UserPref[]): string => prefs.map(lineOf).join('\n') + '\n'

/** user.js with the lines appended (unchanged when it already ends with them), or why Firefox would not read them. */
export function userJsWith(old: string | null, prefs: readonly UserPref[], path: string): Result<string, Msg> {
  const block = blockOf(prefs)
  const text = old ?? ''
  if (text.endsWith(block)) return ok(text)
  const next = `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${block}`
  const applied = parsePrefs(next, 'user').prefs
  const read = prefs.every((p) => {
    const e = applied.get(p.name)
    return e?.kind === 'user_pref' && e.value === p.value
  })
  return read ? ok(next) : failed(t('damaged', { path }))
}

/** The profile's user.js as Firefox would read it with the lines appended (line numbers after the old ones). */
function withLines(file: PrefFile, prefs: readonly UserPref[]): PrefFile | undefined {
  if (file.state === 'unreadable') return undefined
  const added = parsePrefs(blockOf(prefs), 'user')
  if (file.state === 'absent') return { state: 'read', path: file.path, parsed: added }
  const old = file.parsed
  const last = Math.max(0, ...old.entries.map((e) => e.line), ...old.skipped.map((s) => s.line))
  const entries = added.entries.map((e) => ({ ...e, line: e.line + last }))
  const parsed: ParsedPrefs = {
    prefs: new Map([...old.prefs, ...entries.map((e) => [e.name, e] as const)]),
    entries: [...old.entries, ...entries],
    skipped: old.skipped,
  }
  return { state: 'read', path: file.path, parsed }
}

/**
 * Whether appending the lines to user.js gives every pref its value, whichever of the profile's possible
 * installations (`variants`, one PrefInputs each) runs it: the value must then come from user.js itself.
 */
export function userJsSettles(variants: readonly PrefInputs[], prefs: readonly UserPref[]): boolean {
  if (variants.length === 0 || prefs.length === 0) return false
  return variants.every((inputs) => {
    const userJs = withLines(inputs.userJs, prefs)
    if (!userJs) return false
    return prefs.every((p) => {
      // The wanted value has the pref's type, which is all resolvePref takes from the built-in value here.
      const r = resolvePref(p.name, p.value, { ...inputs, userJs })
      return r.known && r.value === p.value && r.origin.kind === 'file' && r.origin.file === 'user.js'
    })
  })
}

/**
 * The prefs not yet at the wanted value, set by a file or policy, under every installation that may run the profile.
 * A value that is only the built-in one counts as not set: the resolver is given the wanted value as the type, not
 * the pref's real built-in value, and a line pins it across Firefox versions anyway.
 */
export function userJsNeeds(variants: readonly PrefInputs[], prefs: readonly UserPref[]): UserPref[] {
  return prefs.filter((p) =>
    variants.some((inputs) => {
      const r = resolvePref(p.name, p.value, inputs)
      return !r.known || r.value !== p.value || r.origin.kind === 'builtin'
    }),
  )
}

/**
 * The fix target for a profile the check found at fault: the prefs of `wanted` that are not yet set, named in
 * `detail.prefs`, when user.js lines would set them all; undefined when nothing is to be set or user.js cannot.
 */
export function userJsTarget(
  profile: { path: string; name: string },
  variants: readonly PrefInputs[],
  wanted: readonly UserPref[],
): FixTarget | undefined {
  const needed = userJsNeeds(variants, wanted)
  if (needed.length === 0 || !userJsSettles(variants, needed)) return undefined
  return { path: profile.path, name: profile.name, detail: { prefs: needed.map((p) => p.name).join(' ') } }
}

/** The prefs a target names (its `detail.prefs`), with their values from `table`; unknown names are dropped. */
export function prefsOf(target: FixTarget, table: readonly UserPref[]): UserPref[] {
  const names = new Set((target.detail?.prefs ?? '').split(' '))
  return table.filter((p) => names.has(p.name))
}

export interface UserJsOffer {
  /** Stable for the finding (`tracking:<profile>`): verification looks for it again. */
  key: string
  prefs: readonly UserPref[]
  title: Msg
  protects: Msg
  /** What may stop working; closing Firefox first and what undo leaves in prefs.js are added. */
  mayBreak: readonly Msg[]
}

const sepOf = (path: string): string => (/^[A-Za-z]:\\/.test(path) || path.startsWith('\\\\') ? '\\' : '/')

/** The offer for one profile: its user.js gets the lines; refused while Firefox runs on it. */
export function userJsOffer(target: FixTarget, o: UserJsOffer): FixOffer {
  const sep = sepOf(target.path)
  const userJs = `${target.path}${sep}user.js`
  const name = target.name ?? target.path
  const prefs = [...o.prefs]
  return {
    key: o.key,
    title: o.title,
    protects: o.protects,
    mayBreak: [t('mayBreakClose'), ...o.mayBreak, t('mayBreakUndo', { prefs: prefs.map((p) => p.name).join(', ') })],
    changes: [{ kind: 'edit-text', path: userJs, createMode: 0o644, edit: (old) => userJsWith(old, prefs, userJs) }],
    // On Linux a running Firefox holds a `lock` link in its profile; one left by a crash (or a headless run) blocks
    // only while a Firefox process runs, as Firefox itself takes a lock whose process is gone for stale.
    ...(sep === '/'
      ? {
          blockers: [{ path: `${target.path}/lock`, whileRunning: FIREFOX_PROCESSES, linkEndsInPid: true, reason: t('running', { name }) }],
        }
      : {}),
  }
}
