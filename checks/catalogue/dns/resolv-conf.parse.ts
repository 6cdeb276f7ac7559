/**
 * Parses /etc/resolv.conf (resolv.conf(5)). Pure: no I/O.
 * glibc reads `nameserver` lines in order and uses at most three (MAXNS); `#` and `;` start comments.
 */
import { binaryNot, looksBinary, stripBom, type ParseResult } from './resolver-text.parse.js'

export const GLIBC_MAX_NAMESERVERS = 3

/** The systemd-resolved stub listeners a resolv.conf points at (127.0.0.54 skips DNSSEC and LLMNR). */
export const RESOLVED_STUBS: readonly string[] = ['127.0.0.53', '127.0.0.54']

export interface ResolvConf {
  /** Every nameserver line, in order (glibc uses the first three). */
  nameservers: string[]
  /** Which program wrote the file, from its header comment, when it says so. */
  writer?: 'systemd-resolved' | 'NetworkManager' | 'resolvconf'
}

const WRITERS: ReadonlyArray<[RegExp, NonNullable<ResolvConf['writer']>]> = [
  [/systemd-resolved/i, 'systemd-resolved'],
  [/NetworkManager/i, 'NetworkManager'],
  [/resolvconf/i, 'resolvconf'],
]

export function parseResolvConf(text: string): ParseResult<ResolvConf> {
  const body = stripBom(text)
  if (looksBinary(body)) return binaryNot('resolv.conf')
  const nameservers: string[] = []
  let writer: ResolvConf['writer']
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim()
    if (line.startsWith('#') || line.startsWith(';')) {
      writer ??= WRITERS.find(([re]) => re.test(line))?.[1]
      continue
    }
    const m = /^nameserver\s+(\S+)/.exec(line)
    // glibc reads three; a few more are kept for the evidence, never an unbounded list.
    if (m?.[1] && nameservers.length < 16) nameservers.push(m[1])
  }
  return { ok: true, value: writer ? { nameservers, writer } : { nameservers } }
}
