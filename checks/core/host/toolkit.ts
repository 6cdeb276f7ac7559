/**
 * The one toolkit every check uses: one result type, one way to run a tool and turn its failure into
 * a reason a person can act on, one per-host memoiser and one set of IP-literal predicates. Its texts
 * live here too, so no check carries its own copy of "the command failed".
 */
import { defineMessages, type Msg } from '../i18n/message.js'
import { attempt, describeHostError, observedError, observedExit } from './helpers.js'
import type { Host, HostErrorCode } from './host.js'

// The result type lives in its own module so helpers.ts (which this file builds on) can use it too.
export { failed, ok, type Result } from './result.js'
import { failed, ok, type Result } from './result.js'

const t = defineMessages('toolkit', {
  exit: '{command} exited with code {code}: {detail}',
  truncated: 'The output of {command} was larger than Bulwark reads.',
  badOutput: '{command} printed something Bulwark could not read ({reason}). Run it in a terminal to see what it says.',
})

/** Output of a tool that ran to the end. */
export interface ToolOutput {
  /** The command line as a person would type it, for evidence. */
  command: string
  /** null when the tool was killed by a signal. */
  code: number | null
  stdout: string
  stderr: string
}

/** Why a tool gave no usable answer: absent, denied, timed out, cut off, failed, or printed nonsense. */
export interface ToolFailure {
  command: string
  code: HostErrorCode | 'exit' | 'truncated' | 'bad_output'
  /** A sentence for a summary: what went wrong and how to get a real answer. */
  reason: Msg
  /** The same, short, as the value seen in evidence ("not found", "exit code 1"). */
  seen: Msg
}

export type ToolRun = Result<ToolOutput, ToolFailure>

export interface ToolOptions {
  timeoutMs: number
  /** stdout and stderr each; output beyond it is a failure, never half-read. Default 8 MiB. */
  maxBytes?: number
  /** The scan's signal; undefined when the caller has none, so callers pass theirs as it is. */
  signal?: AbortSignal | undefined
  /** A non-zero exit that still carries an answer (grep's 1, `systemctl is-active`'s 3, `ip route get`'s "no route"). */
  acceptExit?: (code: number | null, output: { stdout: string; stderr: string }) => boolean
}

/** The first line of what a failed tool said, short enough for a sentence. */
function firstLine(stderr: string, stdout: string): string {
  return (stderr || stdout).trim().split(/\r?\n/)[0]?.slice(0, 300) ?? ''
}

/**
 * Runs a read-only tool through the Host (argument array, never a shell) and turns "missing",
 * "denied", "timed out", "cut off" and "failed" into a reason.
 */
export async function runTool(host: Host, file: string, args: readonly string[], options: ToolOptions): Promise<ToolRun> {
  const command = [file, ...args].join(' ')
  const ran = await attempt(command, () =>
    host.exec(file, args, {
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes ?? 8 * 1024 * 1024,
      ...(options.signal ? { signal: options.signal } : {}),
    }),
  )
  if (!ran.ok) {
    const error = ran.reason
    return failed({ command, code: error.code, reason: describeHostError(error, file), seen: observedError(error.code) })
  }
  const out = ran.value
  if (out.truncated) return failed({ command, code: 'truncated', reason: t('truncated', { command }), seen: observedError('too_large') })
  if (out.code !== 0 && !(options.acceptExit?.(out.code, out) ?? false)) {
    const code = String(out.code)
    const detail = firstLine(out.stderr, out.stdout)
    return failed({ command, code: 'exit', reason: t('exit', { command, code, detail }), seen: observedExit(code) })
  }
  return ok({ command, code: out.code, stdout: out.stdout, stderr: out.stderr })
}

/** The command line of a run, whether it succeeded or not, for evidence. */
export function commandOf(run: ToolRun): string {
  return run.ok ? run.value.command : run.reason.command
}

/** A tool's stdout through a pure parser; output the parser refuses becomes a failure naming the command. */
export function parseToolOutput<T>(run: ToolRun, parse: (stdout: string) => Result<T, string | Msg>): Result<T, ToolFailure> {
  if (!run.ok) return run
  const parsed = parse(run.value.stdout)
  if (parsed.ok) return parsed
  const { command } = run.value
  return failed({ command, code: 'bad_output', reason: t('badOutput', { command, reason: parsed.reason }), seen: observedError('io') })
}

/**
 * Memoises an async look-up per Host object: checks in the same scan share one reading (one `ps`,
 * one route table), and a new Host (a new scan) reads afresh.
 */
export function perHost<T>(read: (host: Host) => Promise<T>): (host: Host) => Promise<T> {
  const cache = new WeakMap<Host, Promise<T>>()
  return (host) => {
    let found = cache.get(host)
    if (!found) {
      found = read(host)
      cache.set(host, found)
    }
    return found
  }
}

/** A dotted-quad IPv4 literal, every octet 0–255. */
export function isIPv4(text: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text)
  return m !== null && m.slice(1).every((octet) => Number(octet) <= 255)
}

/** An IPv6 literal (no brackets, no zone), checked by the WHATWG URL parser so Node and the renderer agree. */
export function isIPv6(text: string): boolean {
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return false
  try {
    new URL(`http://[${text}]/`)
    return true
  } catch {
    return false
  }
}

/**
 * `text` without an IPv6 zone (`%eth0`): what `replace(/%.*$/, '')` gave, without that pattern's quadratic
 * backtracking on many `%` before a line separator (`.` stops there, so only a `%` after the last one counted).
 */
export function withoutZone(text: string): string {
  const lastBreak = Math.max(...['\n', '\r', '\u2028', '\u2029'].map((c) => text.lastIndexOf(c)))
  const zone = text.indexOf('%', lastBreak + 1)
  return zone < 0 ? text : text.slice(0, zone)
}

/** Canonical text of an IP literal ("0::1" → "::1", "[::1]" → "::1"); anything else trimmed and lower-cased. */
export function canonicalIp(address: string): string {
  const a = withoutZone(address.trim().replace(/^\[(.*)\]$/, '$1')).toLowerCase()
  return isIPv6(a) ? new URL(`http://[${a}]/`).hostname.slice(1, -1) : a
}

/**
 * True only for loopback literals: 127.0.0.0/8 with real octets, ::1 in any spelling and IPv4-mapped
 * 127.x. Names (even "localhost") are not literals: whoever accepts them says so, so no resolver is asked.
 */
export function isLoopbackAddress(address: string): boolean {
  const a = canonicalIp(address)
  if (a === '::1') return true
  // The URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1.
  const mapped = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(a)
  if (mapped) return parseInt(mapped[1] ?? '', 16) >> 8 === 127
  return isIPv4(a) && a.startsWith('127.')
}

/** 0.0.0.0, :: or empty: "every address of this machine". */
export function isWildcardAddress(address: string): boolean {
  const a = canonicalIp(address)
  return a === '0.0.0.0' || a === '::' || a === ''
}
