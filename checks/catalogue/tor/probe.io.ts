/**
 * Loopback probes of SOCKS and control ports (detection.md §3). Each probe is a fresh connection that
 * closes within PROBE_TIMEOUT_MS; nothing here ever asks tor to open a circuit (no CONNECT).
 */
import { attempt } from '../../core/host/helpers.js'
import { failed } from '../../core/host/toolkit.js'
import type { Host, HostError } from '../../core/host/host.js'
import {
  controlReplyComplete,
  parseAuthenticatedInfo,
  parseProtocolInfo,
  type AuthenticatedInfo,
  type ProtocolFacts,
  type ProtocolInfo,
} from './control.parse.js'
import { classifySocksGreeting, firstLine, hex, HTTP_PROBE, isTorHttpReply, SOCKS5_GREETING, type SocksGreeting } from './socks.parse.js'

export const PROBE_TIMEOUT_MS = 1000

export interface Endpoint {
  address: string
  port: number
}

export function endpointText(e: Endpoint): string {
  return e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`
}

export type SocksProbe =
  | { endpoint: Endpoint; state: 'closed' | 'no_answer'; error: HostError }
  | { endpoint: Endpoint; state: 'not_socks'; greeting: string }
  | { endpoint: Endpoint; state: 'socks5_not_tor' | 'tor'; greeting: SocksGreeting; http: string }

export async function probeSocks(host: Host, endpoint: Endpoint): Promise<SocksProbe> {
  const options = { address: endpoint.address, timeoutMs: PROBE_TIMEOUT_MS, maxBytes: 4096 }
  const target = endpointText(endpoint)
  const [greet, http] = await Promise.all([
    attempt(target, () => host.probeLoopback(endpoint.port, SOCKS5_GREETING, { ...options, until: (r) => r.length >= 2 })),
    attempt(target, () => host.probeLoopback(endpoint.port, HTTP_PROBE, { ...options, until: (r) => r.includes(0x0a) })),
  ])
  if (!greet.ok) return { endpoint, state: greet.reason.code === 'refused' ? 'closed' : 'no_answer', error: greet.reason }
  const greeting = classifySocksGreeting(greet.value.received)
  if (greeting === 'not_socks5' || greeting === 'empty')
    return { endpoint, state: 'not_socks', greeting: hex(greet.value.received) || '(nothing)' }
  const httpBytes = http.ok ? http.value.received : new Uint8Array()
  return { endpoint, state: isTorHttpReply(httpBytes) ? 'tor' : 'socks5_not_tor', greeting, http: firstLine(httpBytes) }
}

/** How far we got talking to a control port. */
export type ControlAuth =
  | { kind: 'none_needed'; info: AuthenticatedInfo }
  | { kind: 'cookie'; cookieFile: string; info: AuthenticatedInfo }
  | { kind: 'cookie_unreadable'; cookieFile: string; error: HostError }
  | { kind: 'cookie_invalid'; cookieFile: string; size: number }
  | { kind: 'not_attempted'; reason: 'safecookie_only' | 'password_only' | 'no_cookie_file' }

export type ControlProbe =
  | { endpoint: Endpoint; state: 'closed' | 'no_answer'; error: HostError }
  | { endpoint: Endpoint; state: 'not_tor'; info: Extract<ProtocolInfo, { ok: false }>['reason'] }
  | { endpoint: Endpoint; state: 'tor'; info: ProtocolFacts; auth: ControlAuth }

const ENCODER = new TextEncoder()
const DECODER = new TextDecoder('utf-8', { fatal: false })

/** Sends control commands (each CRLF-terminated, QUIT last) and reads until the last reply or close. */
async function converse(host: Host, endpoint: Endpoint, commands: string[]) {
  const bytes = ENCODER.encode(commands.map((c) => `${c}\r\n`).join(''))
  return attempt(endpointText(endpoint), () =>
    host.probeLoopback(endpoint.port, bytes, {
      address: endpoint.address,
      timeoutMs: PROBE_TIMEOUT_MS,
      maxBytes: 16 * 1024,
      until: (r) => controlReplyComplete(DECODER.decode(r), commands.length),
    }),
  )
}

const GETINFO = ['GETINFO version status/bootstrap-phase', 'QUIT']

async function authenticate(host: Host, endpoint: Endpoint, info: ProtocolFacts): Promise<ControlAuth> {
  const readReply = async (credential: string): Promise<AuthenticatedInfo> => {
    const reply = await converse(host, endpoint, [`AUTHENTICATE${credential}`, ...GETINFO])
    return reply.ok
      ? parseAuthenticatedInfo(DECODER.decode(reply.value.received))
      : failed({ problem: 'empty' as const, detail: reply.reason.message })
  }
  if (info.methods.includes('NULL')) return { kind: 'none_needed', info: await readReply('') }
  if (info.methods.includes('COOKIE')) {
    if (!info.cookieFile) return { kind: 'not_attempted', reason: 'no_cookie_file' }
    const cookieFile = info.cookieFile
    const cookie = await attempt(cookieFile, () => host.readFile(cookieFile, { maxBytes: 64 }))
    if (!cookie.ok) return { kind: 'cookie_unreadable', cookieFile, error: cookie.reason }
    // control-spec §3.5: the cookie is exactly 32 bytes.
    if (cookie.value.length !== 32) return { kind: 'cookie_invalid', cookieFile, size: cookie.value.length }
    return { kind: 'cookie', cookieFile, info: await readReply(` ${hex(cookie.value, 32).replace(/ /g, '')}`) }
  }
  // SAFECOOKIE needs a challenge/response on one connection; a one-shot probe stops at PROTOCOLINFO.
  return { kind: 'not_attempted', reason: info.methods.includes('SAFECOOKIE') ? 'safecookie_only' : 'password_only' }
}

export async function probeControl(host: Host, endpoint: Endpoint): Promise<ControlProbe> {
  const reply = await converse(host, endpoint, ['PROTOCOLINFO 1', 'QUIT'])
  if (!reply.ok) return { endpoint, state: reply.reason.code === 'refused' ? 'closed' : 'no_answer', error: reply.reason }
  const info = parseProtocolInfo(DECODER.decode(reply.value.received))
  if (!info.ok) return { endpoint, state: 'not_tor', info: info.reason }
  return { endpoint, state: 'tor', info: info.value, auth: await authenticate(host, endpoint, info.value) }
}
