import { attempt, observedUnknown, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { commandOf, parseToolOutput, runTool } from '../../core/host/toolkit.js'
import type { Evidence } from '../../core/types.js'
import { parseIfconfigList, parseScutilNcList, type NcService } from './darwin-net.parse.js'
import { wgQuickKillSwitch } from './kill-switch.io.js'
import { DARWIN_WG_DIRS } from './wg-files.io.js'
import { darwinDnsRoutes } from './dns-routes.io.js'
import { darwinRoute } from './route-lookup.io.js'
import { COMMAND_TIMEOUT_MS } from './vpn-clients.io.js'
import { providerByName, type NetFacts, type Provider, type Tunnel } from './net.verdict.js'
import { t } from './net.messages.js'

/** wg-quick on macOS searches these (Homebrew on Apple silicon patches in /opt/homebrew/etc). */
const RUN_DIR = '/var/run/wireguard'

/** wg-quick writes /var/run/wireguard/<name>.name holding the utunN it got. */
async function wgQuickNames(host: Host): Promise<{ name: string; utun: string; source: string }[]> {
  const listed = await attempt(RUN_DIR, () => host.readDir(RUN_DIR))
  if (!listed.ok) return []
  const files = listed.value.filter((e) => e.name.endsWith('.name'))
  const read = await Promise.all(
    files.map(async (f) => {
      const source = `${RUN_DIR}/${f.name}`
      const text = await tryReadText(host, source, { maxBytes: 256 })
      const utun = text.ok ? text.value.trim() : ''
      return /^utun\d+$/.test(utun) ? [{ name: f.name.slice(0, -'.name'.length), utun, source }] : []
    }),
  )
  return read.flat()
}

function ncProvider(s: NcService): Provider {
  if (/wireguard/i.test(s.type)) return 'wireguard'
  if (/mullvad/i.test(s.type)) return 'mullvad'
  if (/proton/i.test(s.type)) return 'protonvpn'
  if (/tailscale/i.test(s.type)) return 'tailscale'
  return 'vpn'
}

const TUNNEL_LIKE = /^(utun|ipsec|ppp|tun|tap)\d+$/

export async function gatherDarwin(host: Host, signal: AbortSignal): Promise<NetFacts> {
  const [ifaces, nc, names, route4, route6, dns] = await Promise.all([
    runTool(host, '/sbin/ifconfig', ['-l'], { timeoutMs: COMMAND_TIMEOUT_MS, signal }),
    runTool(host, '/usr/sbin/scutil', ['--nc', 'list'], { timeoutMs: COMMAND_TIMEOUT_MS, signal }),
    wgQuickNames(host),
    darwinRoute(host, ['-n', 'get', '1.1.1.1'], t('evRoute4'), signal),
    darwinRoute(host, ['-n', 'get', '-inet6', '2606:4700:4700::1111'], t('evRoute6'), signal),
    darwinDnsRoutes(host, signal),
  ])
  const routes = { route4: route4.lookup, route6: route6.lookup, dns: dns.routes }
  const list = parseToolOutput(ifaces, parseIfconfigList)
  if (!list.ok) {
    return {
      tunnels: list.reason.reason,
      foreign: [],
      ...routes,
      evidence: [
        { label: t('evLinks'), source: commandOf(ifaces), observed: observedUnknown(list.reason.reason) },
        route4.evidence,
        route6.evidence,
        ...dns.evidence,
      ],
    }
  }
  const up = new Set(list.value)
  const mapped = names.filter((n) => up.has(n.utun))
  const tunnels: Tunnel[] = mapped.map((n) => ({ label: n.name, provider: providerByName(n.name), iface: n.utun }))
  const services = parseToolOutput(nc, parseScutilNcList)
  const connected = services.ok ? services.value.filter((s) => s.status === 'Connected') : []
  tunnels.push(...connected.map((s) => ({ label: s.name, provider: ncProvider(s), iface: null })))
  const foreign = list.value.filter((n) => TUNNEL_LIKE.test(n) && !mapped.some((m) => m.utun === n))
  const killSwitch = await Promise.all(mapped.map((n) => wgQuickKillSwitch(host, n.name, DARWIN_WG_DIRS)))
  return {
    tunnels,
    foreign,
    ...routes,
    evidence: [
      { label: t('evLinks'), source: commandOf(ifaces), observed: list.value.join(' ') },
      ...mapped.map((n) => ({ label: t('evWgQuickName'), source: n.source, observed: n.utun })),
      {
        label: t('evNcList'),
        source: commandOf(nc),
        observed: services.ok
          ? services.value.map((s) => `${s.name} [${s.type}]: ${s.status}`).join('; ') || t('obsNoneConfigured')
          : observedUnknown(services.reason.reason),
      },
      route4.evidence,
      route6.evidence,
      ...dns.evidence,
      ...killSwitch.filter((e): e is Evidence => e !== null),
    ],
  }
}
