/**
 * Reads the two answers that tell a Tor SOCKS port apart (RFC 1928 §3; tor's proto_socks.c). Pure.
 */

/** Version 5, one method offered: 0x00 "no authentication". Never followed by a CONNECT. */
export const SOCKS5_GREETING = new Uint8Array([0x05, 0x01, 0x00])

/** Tor answers a plain HTTP request on a SOCKS port with a fixed 501 page. */
export const HTTP_PROBE = new TextEncoder().encode('GET / HTTP/1.0\r\n\r\n')

export const TOR_HTTP_STATUS = 'HTTP/1.0 501 Tor is not an HTTP Proxy'

export type SocksGreeting = 'no_auth' | 'no_acceptable_method' | 'socks5_other_method' | 'not_socks5' | 'empty'

export function classifySocksGreeting(reply: Uint8Array): SocksGreeting {
  if (reply.length === 0) return 'empty'
  if (reply.length < 2 || reply[0] !== 0x05) return 'not_socks5'
  // A SOCKS5 server answers with exactly two bytes and then waits for the request.
  if (reply.length > 2) return 'not_socks5'
  if (reply[1] === 0x00) return 'no_auth'
  if (reply[1] === 0xff) return 'no_acceptable_method'
  return 'socks5_other_method'
}

/** The first line of the reply, printable, at most 120 characters: evidence, never trusted further. */
export function firstLine(reply: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(reply.subarray(0, 512))
  return (text.split(/\r?\n/)[0] ?? '').replace(/[^\x20-\x7e]/g, '?').slice(0, 120)
}

export function isTorHttpReply(reply: Uint8Array): boolean {
  return firstLine(reply).startsWith(TOR_HTTP_STATUS)
}

export function hex(bytes: Uint8Array, max = 16): string {
  const shown = Array.from(bytes.subarray(0, max), (b) => b.toString(16).padStart(2, '0')).join(' ')
  return bytes.length > max ? `${shown} …` : shown
}
