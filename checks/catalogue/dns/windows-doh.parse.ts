/**
 * Windows DNS-over-HTTPS state. Pure: no I/O.
 *
 * - Per-interface DoH settings live under
 *   HKLM\SYSTEM\CurrentControlSet\Services\Dnscache\InterfaceSpecificParameters\{GUID}\DohInterfaceSettings\Doh\<IPv4>
 *   (and \Doh6\<IPv6>) as a REG_QWORD `DohFlags`. The bit meanings below are inferred: they appear to
 *   mirror the documented DNS_DOH_SERVER_SETTINGS flags of netioapi.h, and scripts and captures agree,
 *   but Microsoft does not document the registry value itself.
 * - The adapters, their DNS servers and default routes come from one PowerShell call as JSON; PowerShell
 *   turns a one-element list into a bare object, so every list is read defensively.
 */
import { jsonSyntaxError } from '../../readers/browsers/json.parse.js'
import { z } from 'zod'
import type { RegKey } from '../../readers/windows/reg-query.parse.js'
import { findValue } from '../../readers/windows/reg-query.parse.js'
import { canonicalIp } from '../../core/host/toolkit.js'
import { binaryNot, looksBinary, parseText, stripBom, type ParseResult } from './resolver-text.parse.js'

export const DOH_FLAG = {
  autoTemplate: 0x1,
  explicitTemplate: 0x2,
  fallbackToPlaintext: 0x4,
  autoUpgrade: 0x8,
} as const

export interface DohEntry {
  /** Lower-case GUID with braces, as in the key path. */
  interfaceGuid: string
  family: 'IPv4' | 'IPv6'
  server: string
  flags: number | null
  keyPath: string
}

const DOH_KEY = /\\InterfaceSpecificParameters\\(\{[^}\\]+\})\\DohInterfaceSettings\\(Doh6?)\\([^\\]+)$/i

export function parseDohEntries(keys: readonly RegKey[]): DohEntry[] {
  const out: DohEntry[] = []
  for (const key of keys) {
    const m = DOH_KEY.exec(key.path)
    if (!m) continue
    const value = findValue(key, 'DohFlags')
    const data = value?.data
    const flags = typeof data === 'number' ? data : typeof data === 'bigint' ? Number(data & 0xffffn) : null
    out.push({
      interfaceGuid: (m[1] ?? '').toLowerCase(),
      family: (m[2] ?? '').toLowerCase() === 'doh6' ? 'IPv6' : 'IPv4',
      server: canonicalIp(m[3] ?? ''),
      flags,
      keyPath: key.path,
    })
  }
  return out
}

export function describeDohFlags(flags: number | null): string {
  if (flags === null) return 'no DohFlags value'
  const names = [
    flags & DOH_FLAG.autoTemplate ? 'automatic template' : '',
    flags & DOH_FLAG.explicitTemplate ? 'explicit template' : '',
    flags & DOH_FLAG.fallbackToPlaintext ? 'plaintext fallback allowed' : '',
    flags & DOH_FLAG.autoUpgrade ? 'auto-upgrade' : '',
  ].filter(Boolean)
  return `0x${flags.toString(16)} (${names.length ? names.join(', ') : 'DoH off'})`
}

export interface WinAdapter {
  name: string
  guid: string
  ifIndex: number
}

export interface WinDnsServers {
  alias: string
  ifIndex: number
  family: 'IPv4' | 'IPv6'
  servers: string[]
}

export interface WinRoute {
  ifIndex: number
  metric: number
  prefix: string
}

export interface WinNetwork {
  adapters: WinAdapter[]
  dns: WinDnsServers[]
  routes: WinRoute[]
}

const listOf = (v: unknown): unknown[] => {
  if (v === null || v === undefined) return []
  if (Array.isArray(v)) return v
  if (typeof v === 'object' && Array.isArray((v as { value?: unknown }).value)) return (v as { value: unknown[] }).value
  return [v]
}

const num = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
const adapterSchema = z.object({ Name: z.string(), InterfaceGuid: z.string(), ifIndex: num })
const dnsSchema = z.object({
  InterfaceAlias: z.string().catch(''),
  InterfaceIndex: num,
  AddressFamily: z.union([z.number(), z.string()]),
  ServerAddresses: z.unknown(),
})
const routeSchema = z.object({ ifIndex: num, RouteMetric: num.catch(0), DestinationPrefix: z.string().catch('') })

function family(v: number | string): 'IPv4' | 'IPv6' | undefined {
  if (v === 2 || v === 'IPv4' || v === 'InterNetwork') return 'IPv4'
  if (v === 23 || v === 'IPv6' || v === 'InterNetworkV6') return 'IPv6'
  return undefined
}

/** The JSON object `{adapters, dns, routes}` printed by the check's PowerShell command. */
export function parseWindowsNetwork(text: string): ParseResult<WinNetwork> {
  const body = stripBom(text).trim()
  if (looksBinary(body)) return binaryNot('JSON')
  let root: unknown
  try {
    root = JSON.parse(body)
  } catch (e) {
    return { ok: false, reason: parseText('notJson', { reason: jsonSyntaxError(e) }) }
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return { ok: false, reason: parseText('notObject') }
  const r = root as Record<string, unknown>
  const adapters: WinAdapter[] = []
  for (const item of listOf(r.adapters)) {
    const a = adapterSchema.safeParse(item)
    if (a.success) adapters.push({ name: a.data.Name, guid: a.data.InterfaceGuid.toLowerCase(), ifIndex: a.data.ifIndex })
  }
  const dns: WinDnsServers[] = []
  for (const item of listOf(r.dns)) {
    const d = dnsSchema.safeParse(item)
    const fam = d.success ? family(d.data.AddressFamily) : undefined
    if (!d.success || !fam) continue
    const servers = listOf(d.data.ServerAddresses).filter((s): s is string => typeof s === 'string' && s !== '')
    dns.push({ alias: d.data.InterfaceAlias, ifIndex: d.data.InterfaceIndex, family: fam, servers })
  }
  const routes: WinRoute[] = []
  for (const item of listOf(r.routes)) {
    const rt = routeSchema.safeParse(item)
    if (rt.success) routes.push({ ifIndex: rt.data.ifIndex, metric: rt.data.RouteMetric, prefix: rt.data.DestinationPrefix })
  }
  return { ok: true, value: { adapters, dns, routes } }
}
