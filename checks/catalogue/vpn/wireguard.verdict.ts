import type { Msg } from '../../core/i18n/message.js'
import type { Outcome, Platform, Step } from '../../core/types.js'
import { dnsPath, tunnelFor } from './dns-routes.verdict.js'
import type { TailscaleStatus } from './vpn-clients.parse.js'
import { t } from './wireguard.messages.js'
import type { NetFacts, Tunnel } from './net.verdict.js'

export interface VpnFacts extends NetFacts {
  platform: Platform
  /** Installed VPN software (Tailscale excluded: on its own it is a mesh network). */
  installed: string[]
  tailscale: TailscaleStatus | null
}

function names(tunnels: readonly Tunnel[]): string {
  return [...new Set(tunnels.map((x) => x.label))].join(', ')
}

/** The verdict, from facts already gathered. Pure. */
const mullvadLockdown = (shell: 'sh' | 'powershell'): Step => ({
  text: t('fixMullvadLockdown'),
  command: { shell, line: 'mullvad lockdown-mode set on' },
})
const tailscaleExit: Step = { text: t('fixTailscaleExit'), link: 'https://tailscale.com/kb/1103/exit-nodes' }

/** What to do on each platform; the first step of each installs WireGuard. */
export const DEFAULT_STEPS: Record<Platform, Step[]> = {
  linux: [
    { text: t('fixInstallWg'), command: { shell: 'sh', line: 'sudo apt install wireguard-tools' }, requiresAdmin: true },
    { text: t('fixUpLinux'), command: { shell: 'sh', line: 'sudo wg-quick up wg0' }, requiresAdmin: true },
    { text: t('fixAllowedIps') },
    { text: t('fixKillSwitchLinux'), link: 'https://git.zx2c4.com/wireguard-tools/about/src/man/wg-quick.8' },
    mullvadLockdown('sh'),
    tailscaleExit,
  ],
  darwin: [
    { text: t('fixInstallMac'), link: 'https://apps.apple.com/app/wireguard/id1451685025' },
    { text: t('fixNcMac'), link: 'x-apple.systempreferences:com.apple.Network-Settings.extension' },
    { text: t('fixAllowedIps') },
    mullvadLockdown('sh'),
    tailscaleExit,
  ],
  win32: [
    { text: t('fixInstallWin'), link: 'https://www.wireguard.com/install/' },
    { text: t('fixAllowedIps') },
    { text: t('fixKillSwitchWin'), link: 'https://git.zx2c4.com/wireguard-windows/about/docs/netquirk.md' },
    mullvadLockdown('powershell'),
    tailscaleExit,
  ],
}

/** What stops a DNS leak: the VPN's own resolver, and on systemd-resolved the tunnel link taking every lookup. */
export function dnsLeakSteps(platform: Platform, tunnelIface: string | null): Step[] {
  const conf: Step = { text: t('fixDnsInTunnel') }
  if (platform === 'linux') {
    const link = tunnelIface !== null && /^[\w.-]{1,15}$/.test(tunnelIface) ? tunnelIface : 'wg0'
    return [
      conf,
      { text: t('fixDnsResolvedDomain'), command: { shell: 'sh', line: `sudo resolvectl domain ${link} '~.'` }, requiresAdmin: true },
    ]
  }
  if (platform === 'win32') return [conf, DEFAULT_STEPS.win32.find((x) => x.text.key === t('fixKillSwitchWin').key) ?? conf]
  return [conf]
}

/** The platform's steps without "install WireGuard" once a VPN client or tunnel is already there. */
export function stepsFor(platform: Platform, somethingInstalled: boolean): Step[] | undefined {
  return somethingInstalled ? DEFAULT_STEPS[platform].slice(1) : undefined
}

export function judgeVpn(facts: VpnFacts): Outcome {
  const { evidence, route4, route6, foreign } = facts
  const installed = Array.isArray(facts.tunnels) && (facts.tunnels.length > 0 || facts.installed.length > 0)
  const steps = stepsFor(facts.platform, installed)
  const outcome = (status: Outcome['status'], summary: Msg): Outcome => ({ status, summary, evidence, ...(steps ? { steps } : {}) })
  if (!Array.isArray(facts.tunnels)) return outcome('unknown', t('unknownLinks', { reason: facts.tunnels }))

  // Tailscale only counts as a privacy VPN with an exit node that really carries the default route.
  const exitNodeActive = facts.tailscale?.backendState === 'Running' && facts.tailscale.exitNode !== null
  const tunnels = facts.tunnels.filter(
    (x) => x.provider !== 'tailscale' || (exitNodeActive && tunnelFor(route4, [x], foreign) !== undefined),
  )
  const meshOnly = facts.tailscale?.backendState === 'Running' && !exitNodeActive

  if (tunnels.length === 0) {
    if (route4.kind === 'dev' && foreign.includes(route4.dev)) return outcome('unknown', t('foreignTunnel', { dev4: route4.dev }))
    if (facts.installed.length > 0) {
      return outcome('warn', t('installedIdle', { installed: [...new Set(facts.installed)].join(', ') }))
    }
    return outcome('fail', t(meshOnly ? 'nothingButMesh' : 'nothing'))
  }

  const label = names(tunnels)
  if (route4.kind === 'unknown') return outcome('unknown', t('unknownRoute', { tunnels: label, reason: route4.reason }))
  if (route4.kind === 'none') return outcome('warn', t('noDefaultRoute', { tunnels: label, why: route4.why }))
  const via4 = tunnelFor(route4, tunnels, foreign)
  if (!via4) return outcome('warn', t('splitTunnel', { tunnels: label, dev4: route4.dev }))
  const carried = names([via4])
  // The tunnel carries the default route, yet lookups to this resolver leave another way: the network there sees them.
  // Mullvad's firewall lets DNS out only into its tunnel (mullvadvpn-app docs/split-tunneling.md), so none leaks there.
  for (const ns of via4.provider === 'mullvad' ? [] : facts.dns) {
    const path = dnsPath(ns.lookup, tunnels, foreign)
    if (path.kind === 'outside') {
      // The official Windows client's kill switch limits port 53 to the tunnel's servers (netquirk.md), which Bulwark cannot read.
      const key = facts.platform === 'win32' ? 'dnsLeakWindows' : 'dnsLeak'
      return {
        ...outcome('warn', t(key, { tunnels: carried, server: ns.target.server, dev: path.dev, route: path.route })),
        steps: dnsLeakSteps(facts.platform, via4.iface),
      }
    }
  }
  if (route6.kind === 'unknown') return outcome('unknown', t('unknownRoute', { tunnels: carried, reason: route6.reason }))
  if (route6.kind === 'none') return outcome('pass', t('passNoV6', { tunnels: carried }))
  if (!tunnelFor(route6, tunnels, foreign)) return outcome('warn', t('ipv6Leak', { tunnels: carried, dev6: route6.dev }))
  return outcome('pass', t('pass', { tunnels: carried }))
}
