/** dns.system on Windows: reads the DoH policy, per-interface DohFlags and the active adapters, then decides. */
import { observedWord } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { Evidence, Outcome } from '../../core/types.js'
import { findKey, findValue } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry, type RegistryRead } from '../../readers/windows/registry.io.js'
import { runTool } from '../../core/host/toolkit.js'
import { decideWin32, defaultRouteAdapters, serverStates, type RegRead, type WinFacts } from './system.win32.verdict.js'
import { t } from './system.messages.js'
import { describeDohFlags, parseDohEntries, parseWindowsNetwork, type DohEntry } from './windows-doh.parse.js'

export const DOH_POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\DNSClient'
export const INTERFACE_PARAMS_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\InterfaceSpecificParameters'

/** One PowerShell start (slow on Windows) for adapters, their DNS servers and the default routes; @() keeps lists as lists. */
export const NETWORK_SCRIPT = [
  "$ErrorActionPreference='SilentlyContinue';",
  '[pscustomobject]@{',
  "adapters=@(Get-NetAdapter | Where-Object Status -eq 'Up' | Select-Object Name,InterfaceGuid,ifIndex);",
  'dns=@(Get-DnsClientServerAddress | Select-Object InterfaceAlias,InterfaceIndex,AddressFamily,ServerAddresses);',
  "routes=@(Get-NetRoute -DestinationPrefix '0.0.0.0/0','::/0' | Select-Object ifIndex,RouteMetric,DestinationPrefix)",
  '} | ConvertTo-Json -Depth 4 -Compress',
].join(' ')

export const NETWORK_ARGS = ['-NoProfile', '-NonInteractive', '-Command', NETWORK_SCRIPT]

const POWERSHELL_TIMEOUT_MS = 4000

function asRegRead<T>(r: RegistryRead, pick: (read: Extract<RegistryRead, { status: 'ok' }>) => T): RegRead<T> {
  if (r.status === 'ok') return { state: 'ok', value: pick(r) }
  if (r.status === 'absent') return { state: 'absent' }
  return { state: 'unreadable', reason: r.reason }
}

export function win32Evidence(f: WinFacts): Evidence[] {
  const ev: Evidence[] = []
  const policySource = `${DOH_POLICY_KEY}\\DoHPolicy`
  if (f.policy.state === 'unreadable') ev.push({ label: t('evDohPolicyUnreadable'), source: policySource, observed: f.policy.reason })
  else
    ev.push({
      label: t('evDohPolicy'),
      source: policySource,
      observed: f.policy.state === 'ok' ? f.policy.value : null,
      expected: t('expDohPolicy'),
    })
  if (f.doh.state === 'unreadable') ev.push({ label: t('evDohRegistryUnreadable'), source: INTERFACE_PARAMS_KEY, observed: f.doh.reason })
  if (!f.network.ok) {
    ev.push({
      label: t('evToolFailed'),
      source: 'powershell Get-NetAdapter / Get-DnsClientServerAddress / Get-NetRoute',
      observed: f.network.reason,
    })
    return ev
  }
  if (!f.network.value.ok) {
    ev.push({
      label: t('evToolFailed'),
      source: 'powershell Get-NetAdapter / Get-DnsClientServerAddress / Get-NetRoute',
      observed: f.network.value.reason,
    })
    return ev
  }
  const net = f.network.value.value
  const entries: DohEntry[] = f.doh.state === 'ok' ? f.doh.value : []
  for (const a of defaultRouteAdapters(net)) {
    ev.push({
      label: t('evAdapter', { name: a.name }),
      source: 'Get-NetAdapter / Get-NetRoute',
      observed: `ifIndex ${a.ifIndex}, ${a.guid}`,
    })
    const servers = net.dns.filter((d) => d.ifIndex === a.ifIndex).flatMap((d) => d.servers)
    ev.push({
      label: t('evDnsServers', { adapter: a.name }),
      source: 'Get-DnsClientServerAddress',
      observed: servers.join(', ') || observedWord('none'),
    })
  }
  for (const s of serverStates(net, entries)) {
    ev.push({
      label: t('evDohFlags', { server: s.server, adapter: s.adapter.name }),
      source:
        s.entry?.keyPath ??
        `${INTERFACE_PARAMS_KEY}\\${s.adapter.guid}\\DohInterfaceSettings\\${s.server.includes(':') ? 'Doh6' : 'Doh'}\\${s.server}`,
      observed: s.entry ? describeDohFlags(s.entry.flags) : t('obsNoKey'),
      expected: t('expDohNoFallback'),
    })
  }
  return ev
}

export async function runWin32(host: Host, signal: AbortSignal): Promise<Outcome> {
  const [policyRead, dohRead, net] = await Promise.all([
    queryRegistry(host, DOH_POLICY_KEY, signal),
    queryRegistry(host, INTERFACE_PARAMS_KEY, signal),
    runTool(host, 'powershell', NETWORK_ARGS, { timeoutMs: POWERSHELL_TIMEOUT_MS, signal }),
  ])
  const facts: WinFacts = {
    policy: asRegRead(policyRead, (r) => {
      const data = findValue(findKey(r.keys, DOH_POLICY_KEY), 'DoHPolicy')?.data
      return typeof data === 'number' ? data : null
    }),
    doh: asRegRead(dohRead, (r) => parseDohEntries(r.keys)),
    network: net.ok ? { ok: true, value: parseWindowsNetwork(net.value.stdout) } : { ok: false, reason: net.reason.reason },
  }
  return { ...decideWin32(facts), evidence: win32Evidence(facts) }
}
