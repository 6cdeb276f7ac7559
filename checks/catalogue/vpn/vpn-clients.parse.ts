import type { Result } from '../../core/host/toolkit.js'
import { z } from 'zod'
import { parseJsonWith, type ParseFailure } from './parsed.parse.js'

export interface TailscaleStatus {
  backendState: string
  /** The exit node in use (host name, or its id when the peer list does not name it), or null. */
  exitNode: { name: string; online: boolean } | null
}

const peer = z.looseObject({ HostName: z.string().optional(), DNSName: z.string().optional(), ExitNode: z.boolean().optional() })

const tailscaleSchema = z.looseObject({
  BackendState: z.string(),
  ExitNodeStatus: z.looseObject({ ID: z.string().optional(), Online: z.boolean().optional() }).nullish(),
  Peer: z.record(z.string(), peer).nullish(),
})

/** `tailscale status --json` */
export function parseTailscaleStatus(json: string): Result<TailscaleStatus, ParseFailure> {
  const parsed = parseJsonWith(json, tailscaleSchema)
  if (!parsed.ok) return parsed
  const v = parsed.value
  const peerName = Object.values(v.Peer ?? {}).find((p) => p.ExitNode === true)
  const name = peerName?.HostName || peerName?.DNSName || v.ExitNodeStatus?.ID || ''
  const exitNode = v.ExitNodeStatus ? { name, online: v.ExitNodeStatus.Online ?? false } : null
  return { ok: true, value: { backendState: v.BackendState, exitNode } }
}

export type MullvadState = 'connected' | 'connecting' | 'disconnected' | 'disconnecting' | 'blocked'

/**
 * `mullvad status`: "Connected to se-got-wg-001 in Gothenburg, Sweden" (2023+) or
 * "Tunnel status: Connected to WireGuard 1.2.3.4:51820/UDP" (older); "Blocked: <reason>" in the error state.
 */
export function parseMullvadStatus(text: string): Result<MullvadState, ParseFailure> {
  const first =
    text
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/)[0]
      ?.replace(/^Tunnel status:\s*/i, '') ?? ''
  if (first === '') return { ok: false, reason: 'empty' }
  const m = /^(Connected|Connecting|Disconnected|Disconnecting|Blocked)\b/i.exec(first)
  if (!m?.[1]) return { ok: false, reason: 'bad_shape' }
  return { ok: true, value: m[1].toLowerCase() as MullvadState }
}

/** `mullvad lockdown-mode get`: "Block traffic when the VPN is disconnected: on|off". */
export function parseMullvadLockdown(text: string): Result<boolean, ParseFailure> {
  if (text.trim() === '') return { ok: false, reason: 'empty' }
  const m = /disconnected:\s*(on|off)\b/i.exec(text)
  if (!m?.[1]) return { ok: false, reason: 'bad_shape' }
  return { ok: true, value: m[1].toLowerCase() === 'on' }
}
