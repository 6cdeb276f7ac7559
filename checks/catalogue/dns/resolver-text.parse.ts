/** Small pure helpers shared by the dns.system parsers: text hygiene and resolver addresses. */
import type { Msg } from '../../core/i18n/message.js'
import { parseText } from './resolver-text.messages.js'

export { parseText }
import { canonicalIp, type Result, isIPv4, isIPv6, isLoopbackAddress, isWildcardAddress, withoutZone } from '../../core/host/toolkit.js'

/** A parser's answer: the value, or why the text is not the format, in the reader's language. */
export type ParseResult<T> = Result<T, Msg>

/** The answer for a text that is binary where `format` (a file format's name) was expected. */
export function binaryNot(format: string): { ok: false; reason: Msg } {
  return { ok: false, reason: parseText('binary', { format }) }
}

export function stripBom(text: string): string {
  return text.replace(/^\uFEFF/, '')
}

/** NUL bytes or many replacement characters mean the file is not the text format it should be. */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true
  const replaced = text.match(/\uFFFD/g)?.length ?? 0
  return replaced > 8 && replaced > text.length / 20
}

/**
 * The first character outside '…' / "…" quotes that `match` accepts (`index` -1 if none), and the quote still
 * open at the end, so a value spread over lines is scanned one line at a time, each once.
 */
export function scanOutsideQuotes(
  text: string,
  match: (c: string, i: number) => boolean,
  from = 0,
  open: string | null = null,
): { index: number; quote: string | null } {
  let quote = open
  for (let i = from; i < text.length; i++) {
    const c = text[i] ?? ''
    if (quote) {
      if (c === quote) quote = null
    } else if (c === '"' || c === "'") {
      quote = c
    } else if (match(c, i)) {
      return { index: i, quote: null }
    }
  }
  return { index: -1, quote }
}

/** Index of the first character outside '…' / "…" quotes that `match` accepts, or -1. */
export function findOutsideQuotes(text: string, match: (c: string, i: number) => boolean, from = 0): number {
  return scanOutsideQuotes(text, match, from).index
}

export interface SocketAddress {
  address: string
  port: number
  /** Server name for TLS authentication (resolved's `#name`), when given. */
  name?: string
}

/**
 * Parses the address forms DNS tools write: `1.1.1.1`, `1.1.1.1:853`, `[::1]:53`, `::1`,
 * resolved's `ADDR[:PORT][%IFACE][#NAME]`, stubby's `ADDR@PORT`, dnscrypt-proxy's `:53`.
 */
export function parseSocketAddress(text: string, defaultPort = 53): SocketAddress | undefined {
  let rest = text.trim().replace(/^['"]|['"]$/g, '')
  if (rest === '') return undefined
  let name: string | undefined
  const hash = rest.indexOf('#')
  if (hash >= 0) {
    name = rest.slice(hash + 1) || undefined
    rest = rest.slice(0, hash)
  }
  let port = defaultPort
  let address: string
  const at = /^(.*)@(\d+)$/.exec(rest)
  const bracketed = /^\[([^\]]+)\](?::(\d+))?(%\S+)?$/.exec(rest)
  if (at) {
    address = at[1] ?? ''
    port = Number(at[2])
  } else if (bracketed) {
    address = bracketed[1] ?? ''
    if (bracketed[2] !== undefined) port = Number(bracketed[2])
  } else if (isIPv6(withoutZone(rest))) {
    address = rest
  } else {
    const m = /^([^:]*)(?::(\d+))?$/.exec(rest)
    if (!m) return undefined
    address = m[1] ?? ''
    if (m[2] !== undefined) port = Number(m[2])
  }
  address = withoutZone(address)
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined
  if (address !== '' && !isIPv4(canonicalIp(address)) && !isIPv6(canonicalIp(address))) return undefined
  return name === undefined ? { address: canonicalIp(address), port } : { address: canonicalIp(address), port, name }
}

/** True when a client sending to `target` reaches a listener bound to `listen` on this machine. */
export function reaches(target: SocketAddress, listen: SocketAddress): boolean {
  if (target.port !== listen.port) return false
  const t = canonicalIp(target.address)
  const l = canonicalIp(listen.address)
  if (t === l) return true
  if (!isWildcardAddress(l) || !isLoopbackAddress(t)) return false
  // 0.0.0.0 takes IPv4 clients; "::" takes IPv6 (and IPv4 on dual-stack hosts).
  return l === '::' || l === '' || isIPv4(t)
}

export function formatSocketAddress(a: SocketAddress): string {
  const host = isIPv6(a.address) ? `[${a.address}]` : a.address
  return `${host}:${a.port}`
}
