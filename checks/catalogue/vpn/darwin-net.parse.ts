import type { Result } from '../../core/host/toolkit.js'
import type { ParseFailure, RouteTarget } from './parsed.parse.js'

/** `ifconfig -l`: interface names separated by spaces on one line. */
export function parseIfconfigList(text: string): Result<string[], ParseFailure> {
  const names = text.trim().split(/\s+/).filter(Boolean)
  if (names.length === 0) return { ok: false, reason: 'empty' }
  if (!names.every((n) => /^[A-Za-z0-9._-]{1,32}$/.test(n))) return { ok: false, reason: 'bad_shape' }
  return { ok: true, value: names }
}

/** `route -n get <addr>`: the `interface:` line, or none for a reject/blackhole route. */
export function parseRouteGet(text: string): Result<RouteTarget, ParseFailure> {
  if (text.trim() === '') return { ok: false, reason: 'empty' }
  const field = (name: string): string | undefined => new RegExp(`^\\s*${name}:\\s*(\\S.*?)\\s*$`, 'm').exec(text)?.[1]
  const flags = field('flags') ?? ''
  if (/\b(REJECT|BLACKHOLE)\b/.test(flags)) return { ok: true, value: { kind: 'none', why: flags } }
  const dev = field('interface')
  if (!dev || !/^[A-Za-z0-9._-]+$/.test(dev)) return { ok: false, reason: 'bad_shape' }
  const route = ['destination', 'mask', 'gateway', 'interface']
    .flatMap((name) => {
      const value = field(name)
      return value ? [`${name}: ${value.slice(0, 64)}`] : []
    })
    .join(', ')
  return { ok: true, value: { kind: 'dev', dev, route } }
}

/** route(8) prints this and exits non-zero when no route matches. */
export function isDarwinNoRoute(output: string): boolean {
  return /not in table|network is unreachable/i.test(output)
}

export interface NcService {
  status: string
  name: string
  /** The Network Extension's bundle id ("com.wireguard.macos"), or the PPP/IPSec type for built-in VPNs. */
  type: string
}

// * (Disconnected)   E3A8F336-... PPP --> L2TP       "My VPN"     [PPP:L2TP]
// * (Connected)      8F2C2E7A-... VPN (com.wireguard.macos) "Home"    [VPN:com.wireguard.macos]
// (the bracket holds "<kind>:<subtype>"; Network Extension VPNs put their bundle id after "VPN:")
const SERVICE = /^\s*\*?\s*\(([^)]+)\)\s+[0-9A-Fa-f-]{36}\s+.*?"(.*)"\s*\[([^\]]+)\]\s*$/

/** `scutil --nc list`: one line per VPN service; the header and unmatched lines are skipped. */
export function parseScutilNcList(text: string): Result<NcService[], ParseFailure> {
  if (text.trim() === '') return { ok: false, reason: 'empty' }
  const services: NcService[] = []
  for (const line of text.split(/\r?\n/)) {
    const m = SERVICE.exec(line)
    if (!m) continue
    const bracket = m[3] ?? ''
    services.push({ status: (m[1] ?? '').trim(), name: m[2] ?? '', type: bracket.replace(/^VPN:/, '') })
  }
  if (services.length === 0 && !/network connection services/i.test(text)) return { ok: false, reason: 'bad_shape' }
  return { ok: true, value: services }
}
