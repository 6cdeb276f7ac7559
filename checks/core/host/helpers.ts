import { createHash } from 'node:crypto'
import path from 'node:path'
import { defineMessages, type Msg } from '../i18n/message.js'
import type { Platform } from '../types.js'
import { HostError, type FileStat, type Host, type HostErrorCode, type ReadOptions } from './host.js'
import { failed, ok, type Result } from './result.js'

const t = defineMessages('host', {
  not_found: 'Not found: {target}',
  permission_denied: 'Permission denied reading {target}. Run Bulwark as a user who can read it, or grant access, to get a real answer.',
  too_large: '{target} is larger than Bulwark reads ({detail}); it was not read.',
  not_a_file: '{target} is not a regular file.',
  loop: '{target} is a symbolic link loop.',
  timeout: '{target} did not answer in time.',
  aborted: 'Reading {target} was cancelled.',
  refused: 'Nothing is listening on {target}.',
  not_loopback: '{target} is not a loopback address; Bulwark only probes this machine.',
  io: 'Could not read {target}: {detail}',
  unexpected: 'Unexpected error at {target}: {detail}',
})

/** What a failed host operation showed, short enough for an evidence table's "value seen" column. */
const seen = defineMessages('host.seen', {
  not_found: 'not found',
  permission_denied: 'permission denied',
  too_large: 'too large to read',
  not_a_file: 'not a regular file',
  loop: 'symbolic link loop',
  timeout: 'no answer in time',
  aborted: 'cancelled',
  refused: 'nothing listening',
  not_loopback: 'not a loopback address',
  io: 'read error',
  unknown: 'unknown: {reason}',
  exit: 'exit code {code}',
  none: 'none',
  present: 'present',
  notRead: 'not read',
})

/** A host error as the value seen: "permission denied", in the reader's language. */
export function observedError(code: HostErrorCode): Msg {
  return seen(code)
}

/** A plain word for the value seen, shared by every check: "none", "present", "not read". */
export function observedWord(word: 'none' | 'present' | 'notRead'): Msg {
  return seen(word)
}

/** A command that failed without saying why, as the value seen: "exit code 1". */
export function observedExit(code: number | string): Msg {
  return seen('exit', { code: String(code) })
}

/** The value seen when there is none to show, only a reason: "unknown: …", in the reader's language. */
export function observedUnknown(reason: Msg): Msg {
  return seen('unknown', { reason })
}

/** The command that shows a person the process list Bulwark reads, as the source of evidence drawn from it. */
export function processListCommand(platform: Platform): string {
  return platform === 'win32' ? 'Get-Process' : 'ps -e'
}

/** path.posix or path.win32, by the host's platform, so Windows paths are handled right on Linux too. */
export function pathsFor(platform: Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix
}

/** A plain-language reason for a failed host operation, for `unknown` summaries and evidence. */
export function describeHostError(e: unknown, target = ''): Msg {
  if (e instanceof HostError) {
    return t(e.code, { target: e.target || target, detail: e.message })
  }
  const detail = e instanceof Error ? e.message : String(e)
  return t('unexpected', { target, detail })
}

/** A host call's value, or the HostError that says why there is none. */
export type Attempt<T> = Result<T, HostError>

function asHostError(e: unknown, target: string): HostError {
  return e instanceof HostError ? e : new HostError('io', target, e instanceof Error ? e.message : String(e))
}

/** Wraps a host call so "absent", "unreadable" and "read" are values, not exceptions. */
export async function attempt<T>(target: string, op: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return ok(await op())
  } catch (e) {
    return failed(asHostError(e, target))
  }
}

export function tryReadText(host: Host, file: string, options?: ReadOptions): Promise<Attempt<string>> {
  return attempt(file, () => host.readText(file, options))
}

export function tryStat(host: Host, file: string): Promise<Attempt<FileStat>> {
  return attempt(file, () => host.stat(file))
}

export async function exists(host: Host, file: string): Promise<boolean> {
  return (await tryStat(host, file)).ok
}

/** Finds an executable by name on PATH and in the extra directories given (checked after PATH). */
export async function which(host: Host, name: string, extraDirs: readonly string[] = []): Promise<string | null> {
  const paths = pathsFor(host.platform)
  const separator = host.platform === 'win32' ? ';' : ':'
  const dirs = [...(host.env.PATH ?? host.env.Path ?? '').split(separator).filter(Boolean), ...extraDirs]
  const names = host.platform === 'win32' && !name.toLowerCase().endsWith('.exe') ? [`${name}.exe`, name] : [name]
  const candidates = dirs.flatMap((dir) => names.map((candidate) => paths.join(dir, candidate)))
  // Every candidate at once, the first in PATH order wins: one after the other, each stat waited a turn of an
  // event loop that a scan's other checks keep busy (a dozen turns per tool, most of a firewall reading's time).
  const found = await Promise.all(candidates.map((full) => tryStat(host, full)))
  const at = found.findIndex((st) => st.ok && st.value.kind === 'file')
  return at < 0 ? null : (candidates[at] ?? null)
}

/** SHA-256 of base64 data, as unpadded base64: how OpenSSH prints a key fingerprint (SHA256:…). */
export function sha256OfBase64(data: string): string {
  return createHash('sha256').update(Buffer.from(data, 'base64')).digest('base64').replace(/=+$/, '')
}
