import { exists, observedUnknown, observedWord } from '../../core/host/helpers.js'
import { joinMessages, verbatim } from '../../core/i18n/message.js'
import type { Host } from '../../core/host/host.js'
import { commandOf, parseToolOutput } from '../../core/host/toolkit.js'
import type { Evidence } from '../../core/types.js'
import { parseIpLinks, parseIpRouteGet, type IpLink } from './ip-json.parse.js'
import { wgQuickKillSwitch } from './kill-switch.io.js'
import { linuxDnsRoutes } from './dns-routes.io.js'
import { ip, ipNoRoute } from './route-lookup.io.js'
import { routeFrom } from './route-lookup.verdict.js'
import { providerByName, type NetFacts, type Tunnel } from './net.verdict.js'
import { t } from './net.messages.js'

const uapiSocket = (name: string): string => `/var/run/wireguard/${name}.sock`

const TUNNEL_LIKE = /^(tun|tap|ppp|ipsec|vti|gre)/

/**
 * Kernel WireGuard links say info_kind "wireguard"; wireguard-go is a plain TUN device that only its
 * UAPI socket marks as WireGuard. ARPHRD_NONE alone would also match OpenVPN's tun0.
 */
async function classify(host: Host, links: readonly IpLink[]): Promise<{ tunnels: Tunnel[]; foreign: string[]; evidence: Evidence[] }> {
  const tunnels: Tunnel[] = []
  const foreign: string[] = []
  const evidence: Evidence[] = []
  for (const link of links.filter((l) => l.up)) {
    if (link.kind === 'wireguard') {
      tunnels.push({ label: link.name, provider: providerByName(link.name), iface: link.name })
    } else if (link.kind === 'tun' && (await exists(host, uapiSocket(link.name)))) {
      evidence.push({ label: t('evUapi'), source: uapiSocket(link.name), observed: observedWord('present') })
      tunnels.push({ label: link.name, provider: providerByName(link.name), iface: link.name })
    } else if ((link.kind !== null && TUNNEL_LIKE.test(link.kind)) || TUNNEL_LIKE.test(link.name)) {
      foreign.push(link.name)
    }
  }
  return { tunnels, foreign, evidence }
}

export async function gatherLinux(host: Host, signal: AbortSignal, resolvConf?: string): Promise<NetFacts> {
  const [links, route4, route6, dns] = await Promise.all([
    ip(host, ['-d', '-j', 'link', 'show'], signal),
    ip(host, ['-j', 'route', 'get', '1.1.1.1'], signal, ipNoRoute).then((r) => routeFrom(r, parseIpRouteGet, t('evRoute4'))),
    ip(host, ['-j', '-6', 'route', 'get', '2606:4700:4700::1111'], signal, ipNoRoute).then((r) =>
      routeFrom(r, parseIpRouteGet, t('evRoute6')),
    ),
    linuxDnsRoutes(host, signal, resolvConf),
  ])
  const parsed = parseToolOutput(links, parseIpLinks)
  if (!parsed.ok) {
    return {
      tunnels: parsed.reason.reason,
      foreign: [],
      route4: route4.lookup,
      route6: route6.lookup,
      dns: dns.routes,
      evidence: [
        { label: t('evLinks'), source: commandOf(links), observed: observedUnknown(parsed.reason.reason) },
        route4.evidence,
        route6.evidence,
        ...dns.evidence,
      ],
    }
  }
  const found = await classify(host, parsed.value)
  const killSwitch = await Promise.all(
    found.tunnels.filter((x) => x.provider === 'wireguard').map((x) => wgQuickKillSwitch(host, x.label, ['/etc/wireguard'])),
  )
  const listed = [
    ...found.tunnels.map((x) =>
      parsed.value.find((l) => l.name === x.label)?.kind === 'wireguard'
        ? t('obsKernelWireGuard', { name: x.label })
        : verbatim(`${x.label} (wireguard-go)`),
    ),
    ...found.foreign.map((name) => t('obsOtherTunnel', { name })),
  ]
  return {
    tunnels: found.tunnels,
    foreign: found.foreign,
    route4: route4.lookup,
    route6: route6.lookup,
    dns: dns.routes,
    evidence: [
      { label: t('evLinks'), source: commandOf(links), observed: listed.length ? joinMessages(listed, '; ') : t('obsNoneUp') },
      ...found.evidence,
      route4.evidence,
      route6.evidence,
      ...dns.evidence,
      ...killSwitch.filter((e): e is Evidence => e !== null),
    ],
  }
}
