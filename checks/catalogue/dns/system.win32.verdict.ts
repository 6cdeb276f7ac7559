/**
 * dns.system on Windows: the verdict from facts already read. Pure: no I/O.
 * DoHPolicy 3 (require) passes and 1 (prohibit) fails outright; otherwise every DNS server of the
 * adapter(s) holding the default route must have DoH on (DohFlags & 0x3) with fallback (0x4) off.
 */
import type { Msg, Status } from '../../core/types.js'
import { DOH_FLAG, type DohEntry, type WinAdapter, type WinNetwork } from './windows-doh.parse.js'
import { t } from './system.messages.js'
import { canonicalIp } from '../../core/host/toolkit.js'
import { type ParseResult } from './resolver-text.parse.js'

export type RegRead<T> = { state: 'ok'; value: T } | { state: 'absent' } | { state: 'unreadable'; reason: Msg }

export interface WinFacts {
  policy: RegRead<number | null>
  doh: RegRead<DohEntry[]>
  network: { ok: false; reason: Msg } | { ok: true; value: ParseResult<WinNetwork> }
}

export interface ServerState {
  adapter: WinAdapter
  server: string
  entry: DohEntry | undefined
}

/** The Up adapters carrying the lowest-metric default route of each address family (all Up adapters if no route is known). */
export function defaultRouteAdapters(net: WinNetwork): WinAdapter[] {
  const up = new Map(net.adapters.map((a) => [a.ifIndex, a]))
  const best = new Map<string, { ifIndex: number; metric: number }>()
  for (const r of net.routes) {
    if (!up.has(r.ifIndex)) continue
    const family = r.prefix.includes(':') ? 'v6' : 'v4'
    const current = best.get(family)
    if (!current || r.metric < current.metric) best.set(family, { ifIndex: r.ifIndex, metric: r.metric })
  }
  const chosen = [...new Set([...best.values()].map((b) => b.ifIndex))].flatMap((i) => {
    const a = up.get(i)
    return a ? [a] : []
  })
  return chosen.length > 0 ? chosen : net.adapters
}

export function serverStates(net: WinNetwork, entries: readonly DohEntry[]): ServerState[] {
  const out: ServerState[] = []
  for (const adapter of defaultRouteAdapters(net)) {
    for (const d of net.dns.filter((x) => x.ifIndex === adapter.ifIndex)) {
      for (const server of d.servers) {
        const ip = canonicalIp(server)
        const entry = entries.find((e) => e.interfaceGuid === adapter.guid && e.server === ip)
        out.push({ adapter, server, entry })
      }
    }
  }
  return out
}

const encrypted = (s: ServerState): boolean => ((s.entry?.flags ?? 0) & (DOH_FLAG.autoTemplate | DOH_FLAG.explicitTemplate) ? true : false)
const fallback = (s: ServerState): boolean => ((s.entry?.flags ?? 0) & DOH_FLAG.fallbackToPlaintext) !== 0

export function decideWin32(f: WinFacts): { status: Status; summary: Msg } {
  const policy = f.policy.state === 'ok' ? f.policy.value : null
  if (policy === 3) return { status: 'pass', summary: t('winPolicyRequire') }
  if (policy === 1) return { status: 'fail', summary: t('winPolicyProhibit') }
  // The policy can prohibit or require DoH whatever the adapters are set to: do not guess past it.
  if (f.policy.state === 'unreadable') return { status: 'unknown', summary: t('winPolicyUnreadable', { reason: f.policy.reason }) }
  if (!f.network.ok) return { status: 'unknown', summary: t('winNetUnreadable', { reason: f.network.reason }) }
  if (!f.network.value.ok) return { status: 'unknown', summary: t('winNetUnreadable', { reason: f.network.value.reason }) }
  if (f.doh.state === 'unreadable') return { status: 'unknown', summary: t('winRegistryUnreadable', { reason: f.doh.reason }) }
  const states = serverStates(f.network.value.value, f.doh.state === 'ok' ? f.doh.value : [])
  if (states.length === 0) return { status: 'unknown', summary: t('winNoServers') }
  const adapter = [...new Set(states.map((s) => s.adapter.name))].join(', ')
  const plain = states.filter((s) => !encrypted(s)).map((s) => s.server)
  if (plain.length === states.length) return { status: 'fail', summary: t('winNone', { adapter, servers: plain.join(', ') }) }
  if (plain.length > 0) return { status: 'warn', summary: t('winPartial', { adapter, servers: plain.join(', ') }) }
  const withFallback = states.filter(fallback).map((s) => s.server)
  if (withFallback.length > 0) return { status: 'warn', summary: t('winFallback', { adapter, servers: withFallback.join(', ') }) }
  return { status: 'pass', summary: t('winAllEncrypted', { adapter }) }
}
