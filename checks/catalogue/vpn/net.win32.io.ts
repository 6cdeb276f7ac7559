import { observedUnknown, observedWord } from '../../core/host/helpers.js'
import { joinMessages, verbatim } from '../../core/i18n/message.js'
import type { Host } from '../../core/host/host.js'
import { parseToolOutput, runTool } from '../../core/host/toolkit.js'
import { COMMAND_TIMEOUT_MS } from './vpn-clients.io.js'
import type { Evidence } from '../../core/types.js'
import { isWireGuardAdapter, parseWinNet, type WinAdapter, type WinRoute } from './windows-net.parse.js'
import { nameserverEvidence } from './dns-routes.io.js'
import { serverAddress, win32Targets, type NameserverRoute } from './dns-routes.verdict.js'
import { describeLookup, providerByName, type NetFacts, type RouteLookup, type Tunnel } from './net.verdict.js'
import { t } from './net.messages.js'

/**
 * One PowerShell start instead of four (each costs hundreds of milliseconds). Find-NetRoute only
 * consults the routing table; it sends nothing. Enum values are cast to strings so the JSON is stable
 * across Windows PowerShell 5.1 and PowerShell 7. No double quotes: execFile quotes the argument.
 */
export const WIN_NET_SCRIPT = [
  "$ErrorActionPreference='SilentlyContinue'",
  // An error is kept, not silenced: only "no such route" is an answer, anything else leaves the route unknown.
  'function R($a){ try { [pscustomobject]@{Routes=@(Find-NetRoute -RemoteIPAddress $a -ErrorAction Stop | Select-Object InterfaceAlias,NextHop,DestinationPrefix);Error=$null} } catch { [pscustomobject]@{Routes=@();Error=[pscustomobject]@{Category=[string]$_.CategoryInfo.Category;Message=[string]$_.Exception.Message}} } }',
  // The DNS servers of the Up adapters, each with the route Windows would use to reach it (at most 8).
  "$up=@(Get-NetAdapter | Where-Object Status -eq 'Up' | ForEach-Object ifIndex)",
  '[pscustomobject]@{' +
    "Adapters=@(Get-NetAdapter -IncludeHidden | Select-Object Name,InterfaceDescription,ComponentID,DriverDescription,@{n='Status';e={[string]$_.Status}},InterfaceGuid);" +
    "Services=@(Get-Service -Name 'WireGuardTunnel$*' | Select-Object Name,@{n='Status';e={[string]$_.Status}});" +
    "Route4=R '1.1.1.1';" +
    "Route6=R '2606:4700:4700::1111';" +
    'DnsRoutes=@(Get-DnsClientServerAddress | Where-Object { $up -contains $_.InterfaceIndex } | ForEach-Object { $i=$_; @($i.ServerAddresses) | ForEach-Object { [pscustomobject]@{Server=[string]$_;InterfaceAlias=$i.InterfaceAlias;Route=(R $_)} } } | Select-Object -First 8)' +
    '} | ConvertTo-Json -Depth 5 -Compress',
].join('; ')

/** PowerShell's start plus up to ten Find-NetRoute calls (CIM queries): more than one tool's usual budget, within the check's. */
const WIN_NET_TIMEOUT_MS = 2 * COMMAND_TIMEOUT_MS

export const WIN_NET_ARGS = ['-NoProfile', '-NonInteractive', '-Command', WIN_NET_SCRIPT]

// Wintun (wireguard-go, Tailscale, older ProtonVPN) and TAP (OpenVPN) adapters: tunnels, but not wireguard-nt.
const TUNNEL_LIKE = /wintun|tap0901|tap-windows|openvpn/i

function providerOf(a: WinAdapter): Tunnel['provider'] {
  const byName = providerByName(a.name)
  return byName !== 'wireguard' ? byName : providerByName(a.description.replace(/ Tunnel$/i, ''))
}

/**
 * CIM cmdlets report "nothing matches" as an ObjectNotFound error (CmdletizationQuery_NotFound): that is
 * an answer. Any other error (the service down, access denied) says nothing about where traffic goes.
 */
function toLookup(answer: WinRoute): RouteLookup {
  if (answer.alias !== null) return { kind: 'dev', dev: answer.alias, ...(answer.route ? { route: answer.route } : {}) }
  if (answer.error === null) return { kind: 'none', why: t('obsFindNetRouteEmpty') }
  if (answer.error.category === 'ObjectNotFound') return { kind: 'none', why: answer.error.message || 'ObjectNotFound' }
  return { kind: 'unknown', reason: t('winRouteFailed', { category: answer.error.category || '?', message: answer.error.message }) }
}

export async function gatherWin32(host: Host, signal: AbortSignal): Promise<NetFacts> {
  const ran = await runTool(host, 'powershell', WIN_NET_ARGS, { timeoutMs: WIN_NET_TIMEOUT_MS, signal })
  const source =
    'powershell Get-NetAdapter -IncludeHidden; Get-Service WireGuardTunnel$*; Find-NetRoute -RemoteIPAddress 1.1.1.1 / 2606:4700:4700::1111; Get-DnsClientServerAddress'
  const parsed = parseToolOutput(ran, parseWinNet)
  if (!parsed.ok) {
    const unknown: RouteLookup = { kind: 'unknown', reason: parsed.reason.reason }
    return {
      tunnels: parsed.reason.reason,
      foreign: [],
      route4: unknown,
      route6: unknown,
      dns: [],
      evidence: [{ label: t('evWinNet'), source, observed: observedUnknown(parsed.reason.reason) }],
    }
  }
  const net = parsed.value
  const up = net.adapters.filter((a) => /^up$/i.test(a.status))
  const wg = up.filter(isWireGuardAdapter)
  const tunnels: Tunnel[] = wg.map((a) => ({ label: a.name, provider: providerOf(a), iface: a.name }))
  const foreign = up
    .filter(
      (a) =>
        !isWireGuardAdapter(a) &&
        (TUNNEL_LIKE.test(a.componentId) || TUNNEL_LIKE.test(a.driverDescription) || /tailscale|proton/i.test(a.name)),
    )
    .map((a) => a.name)
  const running = net.services.filter((s) => /^running$/i.test(s.status))
  const route4 = toLookup(net.route4)
  const route6 = toLookup(net.route6)
  const dns = win32Targets(net.dnsRoutes).flatMap((target): NameserverRoute[] => {
    const found = net.dnsRoutes.find((d) => d.adapter === target.from && serverAddress(d.server) === target.server)
    if (!found) return []
    const lookup = toLookup(found.route)
    return [{ target, lookup, evidence: nameserverEvidence(target, `Find-NetRoute -RemoteIPAddress ${target.server}`, lookup) }]
  })
  const links = [
    ...wg.map((a) => verbatim(`${a.name} (${a.componentId || a.driverDescription}, ${a.description})`)),
    ...foreign.map((name) => t('obsOtherTunnel', { name })),
  ]
  const evidence: Evidence[] = [
    {
      label: t('evLinks'),
      source: 'Get-NetAdapter -IncludeHidden (ComponentID, DriverDescription)',
      observed: links.length ? joinMessages(links, '; ') : t('obsNoneUp'),
    },
    {
      label: t('evServices'),
      source: "Get-Service 'WireGuardTunnel$*'",
      observed: net.services.map((s) => `${s.name}: ${s.status}`).join('; ') || observedWord('none'),
    },
    { label: t('evRoute4'), source: 'Find-NetRoute -RemoteIPAddress 1.1.1.1', observed: describeLookup(route4) },
    { label: t('evRoute6'), source: 'Find-NetRoute -RemoteIPAddress 2606:4700:4700::1111', observed: describeLookup(route6) },
    ...dns.map((d) => d.evidence),
    // The official client's kill switch depends on the tunnel's config, which only SYSTEM can decrypt.
    ...running.map((s) => ({
      label: t('evKillSwitch'),
      source: `%ProgramFiles%\\WireGuard\\Data\\Configurations\\${s.name.replace(/^WireGuardTunnel\$/, '')}.conf.dpapi`,
      observed: observedUnknown(t('obsDpapiKillSwitch')),
    })),
  ]
  return { tunnels, foreign, route4, route6, dns, evidence }
}
