import { exists, observedError, observedUnknown, pathsFor, which } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { commandOf, parseToolOutput, runTool } from '../../core/host/toolkit.js'
import type { Evidence, Platform } from '../../core/types.js'
import { parseMullvadLockdown, parseMullvadStatus, parseTailscaleStatus, type TailscaleStatus } from './vpn-clients.parse.js'
import { type Provider, type Tunnel } from './net.verdict.js'
import { t } from './net.messages.js'
import { programFiles } from './wg-files.io.js'

/** Where wg/wg-quick and VPN CLIs live besides PATH (detection.md §2; GUI apps get a minimal PATH). */
/** Every command here is a local lookup; a slow one must not hold up the scan. */
export const COMMAND_TIMEOUT_MS = 2000

export const UNIX_BIN_DIRS = ['/usr/bin', '/opt/homebrew/bin', '/usr/local/bin']

type Where = { bin: string; extra?: string[] } | { path: string }

interface Software {
  label: string
  provider: Provider
  where: Where[]
}

function catalogue(host: Host): { software: Software[]; mullvadCli: Where[]; tailscaleCli: Where[] } {
  const bin = (name: string, extra: string[] = []): Where => ({ bin: name, extra: [...UNIX_BIN_DIRS, ...extra] })
  const platform: Platform = host.platform
  if (platform === 'win32') {
    const pf = (...parts: string[]): Where => ({ path: pathsFor('win32').join(programFiles(host), ...parts) })
    const mullvadCli = [pf('Mullvad VPN', 'resources', 'mullvad.exe')]
    return {
      software: [
        { label: 'WireGuard', provider: 'wireguard', where: [pf('WireGuard', 'wireguard.exe'), pf('WireGuard', 'wg.exe')] },
        { label: 'Mullvad VPN', provider: 'mullvad', where: [pf('Mullvad VPN', 'Mullvad VPN.exe'), ...mullvadCli] },
        {
          label: 'Proton VPN',
          provider: 'protonvpn',
          where: [pf('Proton', 'VPN', 'ProtonVPN.Launcher.exe'), pf('Proton Technologies', 'ProtonVPN', 'ProtonVPN.exe')],
        },
      ],
      mullvadCli,
      tailscaleCli: [pf('Tailscale', 'tailscale.exe')],
    }
  }
  if (platform === 'darwin') {
    const app = (name: string): Where => ({ path: `/Applications/${name}.app` })
    return {
      software: [
        { label: 'WireGuard', provider: 'wireguard', where: [app('WireGuard'), bin('wg'), bin('wg-quick')] },
        { label: 'Mullvad VPN', provider: 'mullvad', where: [app('Mullvad VPN'), bin('mullvad')] },
        { label: 'Proton VPN', provider: 'protonvpn', where: [app('ProtonVPN'), app('Proton VPN')] },
      ],
      mullvadCli: [bin('mullvad')],
      tailscaleCli: [bin('tailscale'), { path: '/Applications/Tailscale.app/Contents/MacOS/Tailscale' }],
    }
  }
  return {
    software: [
      { label: 'WireGuard', provider: 'wireguard', where: [bin('wg'), bin('wg-quick')] },
      { label: 'Mullvad VPN', provider: 'mullvad', where: [bin('mullvad')] },
      { label: 'Proton VPN', provider: 'protonvpn', where: [bin('protonvpn-app'), bin('protonvpn')] },
    ],
    mullvadCli: [bin('mullvad')],
    tailscaleCli: [bin('tailscale')],
  }
}

async function locate(host: Host, where: Where): Promise<string | null> {
  if ('path' in where) return (await exists(host, where.path)) ? where.path : null
  return which(host, where.bin, where.extra)
}

async function locateAll(host: Host, where: readonly Where[]): Promise<string[]> {
  const found = await Promise.all(where.map((w) => locate(host, w)))
  return found.filter((p): p is string => p !== null)
}

export interface ClientFacts {
  /** Installed privacy-VPN software, by label. */
  installed: string[]
  /** Tunnels only a client can vouch for (Mullvad connected, Tailscale running). */
  tunnels: Tunnel[]
  tailscale: TailscaleStatus | null
  evidence: Evidence[]
}

async function mullvad(host: Host, cli: string, signal: AbortSignal): Promise<{ tunnels: Tunnel[]; evidence: Evidence[] }> {
  const [status, lockdown] = await Promise.all([
    runTool(host, cli, ['status'], { timeoutMs: COMMAND_TIMEOUT_MS, signal }),
    runTool(host, cli, ['lockdown-mode', 'get'], { timeoutMs: COMMAND_TIMEOUT_MS, signal }),
  ])
  const state = parseToolOutput(status, parseMullvadStatus)
  const locked = parseToolOutput(lockdown, parseMullvadLockdown)
  return {
    tunnels: state.ok && state.value === 'connected' ? [{ label: 'Mullvad', provider: 'mullvad', iface: null }] : [],
    evidence: [
      { label: t('evMullvad'), source: commandOf(status), observed: state.ok ? state.value : observedUnknown(state.reason.reason) },
      {
        label: t('evKillSwitch'),
        source: commandOf(lockdown),
        observed: locked.ok ? t(locked.value ? 'obsLockdownOn' : 'obsLockdownOff') : observedUnknown(locked.reason.reason),
      },
    ],
  }
}

/** The interface Tailscale's tunnel shows up as; on macOS it is an anonymous utun. */
function tailscaleIface(platform: Platform): string | null {
  return platform === 'linux' ? 'tailscale0' : platform === 'win32' ? 'Tailscale' : null
}

async function tailscale(
  host: Host,
  cli: string,
  signal: AbortSignal,
): Promise<{ status: TailscaleStatus | null; tunnels: Tunnel[]; evidence: Evidence[] }> {
  const ran = await runTool(host, cli, ['status', '--json'], { timeoutMs: COMMAND_TIMEOUT_MS, signal })
  const parsed = parseToolOutput(ran, parseTailscaleStatus)
  if (!parsed.ok) {
    return {
      status: null,
      tunnels: [],
      evidence: [
        { label: t('evTailscale'), source: commandOf(ran), observed: t('obsTailscaleUnreadable', { reason: parsed.reason.reason }) },
      ],
    }
  }
  const s = parsed.value
  const state = s.backendState
  const exit = s.exitNode
    ? t(s.exitNode.online ? 'obsTailscaleExit' : 'obsTailscaleExitOffline', { state, node: s.exitNode.name || t('obsTailscaleUnnamed') })
    : t('obsTailscaleMesh', { state })
  return {
    status: s,
    tunnels: s.backendState === 'Running' ? [{ label: 'Tailscale', provider: 'tailscale', iface: tailscaleIface(host.platform) }] : [],
    evidence: [{ label: t('evTailscale'), source: commandOf(ran), observed: exit }],
  }
}

/** Installed VPN software and what the Mullvad and Tailscale CLIs report. */
export async function detectClients(host: Host, signal: AbortSignal): Promise<ClientFacts> {
  const cat = catalogue(host)
  const [found, mullvadCli, tailscaleCli] = await Promise.all([
    Promise.all(cat.software.map(async (s) => ({ software: s, paths: await locateAll(host, s.where) }))),
    locateAll(host, cat.mullvadCli),
    locateAll(host, cat.tailscaleCli),
  ])
  const [mv, ts] = await Promise.all([
    mullvadCli[0] ? mullvad(host, mullvadCli[0], signal) : null,
    tailscaleCli[0] ? tailscale(host, tailscaleCli[0], signal) : null,
  ])
  const present = found.filter((f) => f.paths.length > 0)
  // One line per program, however many of its binaries were found (wg and wg-quick are one WireGuard).
  const evidence: Evidence[] = present.map((f) => ({ label: t('evInstalled'), source: f.paths.join(', '), observed: f.software.label }))
  if (present.length === 0) {
    const wheres = cat.software.flatMap((s) => s.where)
    const bins = wheres.flatMap((w) => ('bin' in w ? [w.bin] : []))
    const paths = wheres.flatMap((w) => ('path' in w ? [w.path] : []))
    // Names and places only, no English: "wg, wg-quick (PATH, /usr/bin, …); /Applications/…".
    const looked = [...(bins.length ? [`${bins.join(', ')} (PATH, ${UNIX_BIN_DIRS.join(', ')})`] : []), ...paths].join('; ')
    evidence.push({ label: t('evInstalledNone'), source: looked, observed: observedError('not_found') })
  }
  return {
    installed: present.map((f) => f.software.label),
    tunnels: [...(mv?.tunnels ?? []), ...(ts?.tunnels ?? [])],
    tailscale: ts?.status ?? null,
    evidence: [...evidence, ...(mv?.evidence ?? []), ...(ts?.evidence ?? [])],
  }
}
