import { isIPv4, isIPv6 } from 'node:net'
import type { ScanReport } from './model.js'

/** What identifies this machine and its people, as known to the caller (from the OS). */
export interface RedactionContext {
  usernames: readonly string[]
  hostnames: readonly string[]
  homes: readonly string[]
}

/**
 * Addresses that identify nobody and that evidence needs to stay meaningful: loopback, "any",
 * and the public resolvers Bulwark itself names as route-lookup targets.
 */
const KEEP_ADDRESSES = new Set(['0.0.0.0', '::', '::1', '1.1.1.1', '2606:4700:4700::1111'])

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function keepAddress(address: string): boolean {
  // 0.x.x.x is never a host's address, while Tor versions such as 0.4.9.3 look like one.
  return KEEP_ADDRESSES.has(address.toLowerCase()) || /^(127|0)\./.test(address)
}

// Generic per-OS home prefixes, so other users' homes are caught too, not only the current one.
const HOME_PATTERNS: readonly [RegExp, string][] = [
  [/(\/home\/)[^/\s"'`:;,)]+/g, '$1<user>'],
  [/(\/Users\/)(?!Shared\b)[^/\s"'`:;,)]+/g, '$1<user>'],
  [/(\/var\/home\/)[^/\s"'`:;,)]+/g, '$1<user>'],
  // Removable media mount under the owner's name (udisks: /media/<user>, /run/media/<user>).
  [/(\/(?:run\/)?media\/)[^/\s"'`:;,)]+/g, '$1<user>'],
  [/([A-Za-z]:\\(?:Users|Documents and Settings)\\)[^\\\s"'`:;,)]+/gi, '$1<user>'],
]

const MAC = /\b(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}\b/gi
// Cisco's dotted form, dead.beef.0003.
const MAC_DOTTED = /\b[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}\b/gi
// A shell prompt or ssh comment, user@host with no domain (an e-mail address has one and is caught first).
// systemd template instances (wg-quick@wg0, tor@default) look the same and name nobody.
const USER_AT_HOST =
  /(?<![\w.%+-])(?!(?:wg-quick|tor|openvpn[\w-]*|getty|serial-getty|user|systemd-[\w-]+)@)[A-Za-z_][\w.-]*@[A-Za-z0-9][A-Za-z0-9-]*(?![\w.@-])/g
/** Accounts every machine has: naming them identifies nobody, and fix commands need them (chown root:root). */
const SYSTEM_ACCOUNTS = new Set(['root', 'system', 'nobody', 'daemon', 'administrator', 'administrators', 'wheel', 'staff'])
const GUID = /\{?\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b\}?/gi
const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b/g
const SERIAL =
  /(?<![\w/])(serial(?:[ _-]?(?:number|no\.?))?|iSerial|SerialNumber|IOPlatformSerialNumber|S\/N)(["']?[ \t]*[:=#][ \t]*["']?|[ \t]+)([^\s"',;]+)/gi
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g
// Candidates only; each is confirmed with isIPv6 so times like 12:30:45 survive.
const IPV6_CANDIDATE = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:%[\w.]+)?(?![\w:])/gi

export function redactText(text: string, ctx: RedactionContext): string {
  let out = text
  for (const home of [...ctx.homes].filter((h) => h.length > 1).sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escapeRegExp(home), 'gi'), '~')
  }
  for (const [pattern, replacement] of HOME_PATTERNS) out = out.replace(pattern, replacement)
  // After a bare space only a value with a digit is a serial number ("serial port" stays).
  out = out.replace(SERIAL, (m, key: string, sep: string, value: string) =>
    sep.trim() === '' && !/\d/.test(value) ? m : `${key}${sep}<serial>`,
  )
  out = out.replace(EMAIL, '<email>')
  out = out.replace(USER_AT_HOST, '<user>@<host>')
  out = out.replace(MAC, '<mac>')
  out = out.replace(MAC_DOTTED, '<mac>')
  out = out.replace(GUID, '<id>')
  out = out.replace(IPV4, (m) => (isIPv4(m) && !keepAddress(m) ? '<ip>' : m))
  out = out.replace(IPV6_CANDIDATE, (m) => {
    const bare = m.replace(/%.*$/, '')
    return isIPv6(bare) && !keepAddress(bare) ? '<ip>' : m
  })
  const names = [...ctx.hostnames, ...ctx.usernames].filter((n) => n.length >= 2 && !SYSTEM_ACCOUNTS.has(n.toLowerCase()))
  for (const name of names.sort((a, b) => b.length - a.length)) {
    const label = ctx.hostnames.includes(name) ? '<host>' : '<user>'
    out = out.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(name)}(?![A-Za-z0-9])`, 'gi'), label)
  }
  return out
}

function redactValue<T extends string | number | boolean | null>(value: T, ctx: RedactionContext): T | string {
  return typeof value === 'string' ? redactText(value, ctx) : value
}

/** A copy of the report with identifying details replaced by placeholders; the original is untouched. */
export function redactReport(report: ScanReport, ctx: RedactionContext): ScanReport {
  const r = (s: string): string => redactText(s, ctx)
  return {
    ...report,
    host: { ...report.host, release: r(report.host.release) },
    results: report.results.map((res) => ({
      ...res,
      summary: r(res.summary),
      evidence: res.evidence.map((e) => {
        const serialLabel = /serial/i.test(e.label)
        return {
          ...e,
          label: r(e.label),
          source: r(e.source),
          observed: serialLabel && e.observed !== null ? '<serial>' : redactValue(e.observed, ctx),
          ...(e.expected !== undefined ? { expected: r(e.expected) } : {}),
        }
      }),
      remediation: {
        ...res.remediation,
        steps: res.remediation.steps.map((s) => ({
          ...s,
          text: r(s.text),
          ...(s.command ? { command: { ...s.command, line: r(s.command.line) } } : {}),
        })),
      },
    })),
  }
}
