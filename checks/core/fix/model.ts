/**
 * The fix model: a plan is data (an ordered list of operations, each holding the state it found and the state it
 * makes), so its exact inverse is the same list reversed with before and after swapped, and its hash is over what
 * will actually be written. Nothing here writes: the writer port (src-main/node/fix/) applies a plan, and checks
 * only ever describe offers.
 */
import { createHash } from 'node:crypto'
import type { Msg } from '../i18n/message.js'

/**
 * What stands at a path, as read before a change or made by it. A file carries its content's sha256 and, where
 * the operation writes or may restore it, the exact bytes (base64): the backup travels with the plan.
 */
export type Snapshot =
  | { kind: 'absent' }
  | { kind: 'file'; mode: number; uid: number; gid: number; sha256: string; bytes?: string }
  | { kind: 'dir'; mode: number; uid: number; gid: number }

/**
 * One change. `write` puts `after`'s bytes (or deletes, when `after` is absent); `mode` changes only the
 * permission bits. Either way applying means "what is at `path` goes from `before` to `after`".
 */
export interface FileOp {
  op: 'write' | 'mode'
  path: string
  before: Snapshot
  after: Snapshot
  /** The path's owner is not the user Bulwark runs as: the change needs an administrator. */
  needsAdmin: boolean
}

/**
 * A setting kept outside files, named as its own tool names it: a GSettings key (Linux desktops), a registry
 * value (Windows; `key` starts with its hive, HKLM or HKCU), a `defaults` key (macOS).
 */
export type SettingRef =
  | { backend: 'gsettings'; schema: string; key: string }
  | { backend: 'registry'; key: string; name: string; type: 'REG_DWORD' | 'REG_SZ' }
  | { backend: 'defaults'; domain: string; key: string; type: 'bool' | 'int' | 'string'; currentHost?: boolean }

/**
 * A setting's value as its tool prints and takes it (GVariant text such as `uint32 300`, a registry value's data
 * as `reg query` prints it, a `defaults` value), or `default`: the user has set nothing, so the default applies
 * (`shown`, when read, is what that default was, for the preview only). Going back to `default` resets or
 * deletes the setting; it never writes the default's value, which would pin it past a later default.
 */
export type SettingValue = { kind: 'default'; shown?: string } | { kind: 'value'; value: string }

/** One setting goes from `before` to `after`; `path` is its name (settingName), so listings and ordering treat it like a file. */
export interface SettingOp {
  op: 'setting'
  path: string
  setting: SettingRef
  before: SettingValue
  after: SettingValue
  /** A machine-wide setting (HKLM, /Library/Preferences): the change needs an administrator. */
  needsAdmin: boolean
}

export type FixOp = FileOp | SettingOp

/** A setting's name as a person finds it again: the tool's own words for it. */
export function settingName(s: SettingRef): string {
  if (s.backend === 'gsettings') return `gsettings ${s.schema} ${s.key}`
  if (s.backend === 'registry') return `${s.key}\\${s.name}`
  return `defaults${s.currentHost ? ' -currentHost' : ''} ${s.domain} ${s.key}`
}

/**
 * The command (argv, never a shell line) that gives a setting this value: `set`/`add`/`write` for a value,
 * `reset`/`delete` for `default`. The preview shows it and its inverse; only the gsettings one is run here.
 */
export function settingCommand(s: SettingRef, to: SettingValue): string[] {
  if (s.backend === 'gsettings') {
    return to.kind === 'default' ? ['gsettings', 'reset', s.schema, s.key] : ['gsettings', 'set', s.schema, s.key, to.value]
  }
  if (s.backend === 'registry') {
    return to.kind === 'default'
      ? ['reg', 'delete', s.key, '/v', s.name, '/f']
      : ['reg', 'add', s.key, '/v', s.name, '/t', s.type, '/d', to.value, '/f']
  }
  const host = s.currentHost ? ['-currentHost'] : []
  if (to.kind === 'default') return ['defaults', ...host, 'delete', s.domain, s.key]
  // `defaults read` prints a boolean as 1 or 0; `defaults write -bool` takes true or false.
  const value = s.type === 'bool' ? (to.value === '1' || to.value === 'true' ? 'true' : 'false') : to.value
  return ['defaults', ...host, 'write', s.domain, s.key, `-${s.type}`, value]
}

/** Whether two readings of a setting are the same: both unset, or the same text (what a default showed does not count). */
export const sameSetting = (a: SettingValue, b: SettingValue): boolean =>
  a.kind === 'default' ? b.kind === 'default' : b.kind === 'value' && a.value === b.value

/** The words a plan carries for each offer it applies, stored with it so a later undo can say what it was. */
export interface OfferSummary {
  key: string
  title: Msg
  protects: Msg
  mayBreak: Msg[]
}

export interface FixPlan {
  version: 1
  checkId: string
  offers: OfferSummary[]
  ops: FixOp[]
  /** Services restarted after the changes, so a daemon reads its new configuration (and again after undo). */
  restarts?: ServiceRestart[]
}

/**
 * A service to restart once the plan's changes are made, and again once they are undone. A restart has no state
 * of its own to put back, so it is not an op with a before and an after: its inverse is the same restart after undo.
 */
export interface ServiceRestart {
  /** A systemd unit (`tor@default.service`), restarted with `systemctl restart <unit>` as an argv, never a shell line. */
  unit: string
  /** Restarting a system service needs an administrator unless Bulwark runs as one. */
  needsAdmin: boolean
}

/** The units a restart may name: a systemd service unit's name, nothing a shell or systemctl could take as an option. */
export const SERVICE_UNIT = /^[A-Za-z0-9][A-Za-z0-9@._:-]{0,250}\.service$/

/** The inverse of one operation: the same path, from what it made back to what it found. */
export function inverseOf<T extends FixOp>(op: T): T {
  return { ...op, before: op.after, after: op.before }
}

/** The inverse of a plan: every inverse, last change first. */
export function inversePlan(plan: FixPlan): FixOp[] {
  return [...plan.ops].reverse().map(inverseOf)
}

export const needsAdmin = (plan: FixPlan): boolean =>
  plan.ops.some((op) => op.needsAdmin) || (plan.restarts ?? []).some((r) => r.needsAdmin)

/** JSON with every object's keys sorted and no spacing: one text per value, whatever order it was built in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: not a finite number')
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex')

/** The plan's identity: sha256 of its canonical form. A helper applying a saved plan checks it first. */
export function planHash(plan: FixPlan): string {
  return sha256Hex(canonicalJson(plan))
}

export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64')
export const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'))

/** What differs between the state a change expects and the one found: empty when they match. */
export type Difference =
  | { what: 'kind'; expected: Snapshot['kind']; found: Snapshot['kind'] | 'special' }
  | { what: 'content'; expected: string; found: string }
  | { what: 'mode'; expected: number; found: number }
  | { what: 'owner'; expected: string; found: string }
  | { what: 'value'; expected: SettingValue; found: SettingValue }

export const settingDifferences = (expected: SettingValue, found: SettingValue): Difference[] =>
  sameSetting(expected, found) ? [] : [{ what: 'value', expected, found }]

export function differences(expected: Snapshot, found: Snapshot): Difference[] {
  if (expected.kind !== found.kind) return [{ what: 'kind', expected: expected.kind, found: found.kind }]
  if (expected.kind === 'absent' || found.kind === 'absent') return []
  const out: Difference[] = []
  if (expected.kind === 'file' && found.kind === 'file' && expected.sha256 !== found.sha256) {
    out.push({ what: 'content', expected: expected.sha256, found: found.sha256 })
  }
  if ((expected.mode & 0o7777) !== (found.mode & 0o7777)) out.push({ what: 'mode', expected: expected.mode, found: found.mode })
  if (expected.uid !== found.uid || expected.gid !== found.gid) {
    out.push({ what: 'owner', expected: `${expected.uid}:${expected.gid}`, found: `${found.uid}:${found.gid}` })
  }
  return out
}

export const formatMode = (mode: number): string => `0${(mode & 0o7777).toString(8).padStart(3, '0')}`
