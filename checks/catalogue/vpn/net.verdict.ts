import { observedUnknown } from '../../core/host/helpers.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Evidence } from '../../core/types.js'
import type { NameserverRoute } from './dns-routes.verdict.js'
import { t } from './net.messages.js'
import type { RouteTarget } from './parsed.parse.js'

// The network facts vpn.wireguard judges and dns.system reads the nameserver routes of. Pure.

export type Provider = 'wireguard' | 'mullvad' | 'protonvpn' | 'tailscale' | 'vpn'

export interface Tunnel {
  /** What the user knows it by: "wg0", "Mullvad", the Network Extension's service name. */
  label: string
  provider: Provider
  /**
   * The interface a route lookup returns for it, or null when only the client knows it is up
   * (a macOS Network Extension, Mullvad's status): it then claims any unrecognised tunnel interface.
   */
  iface: string | null
}

export type RouteLookup = RouteTarget | { kind: 'unknown'; reason: Msg }

/** What one OS's interface listing and route lookups found. */
export interface NetFacts {
  /** Tunnels that are up; a Msg when the interfaces could not be listed. */
  tunnels: Tunnel[] | Msg
  /** Up tunnel-like interfaces that are none of `tunnels` (OpenVPN tun0, a macOS utun, a Wintun adapter). */
  foreign: string[]
  route4: RouteLookup
  route6: RouteLookup
  /** The nameservers in use and the route to each (empty when none could be read). */
  dns: NameserverRoute[]
  evidence: Evidence[]
}

/** Vendors name their WireGuard interfaces: wg0-mullvad, proton0, tailscale0, the "Mullvad" adapter. */
export function providerByName(name: string): Provider {
  if (/mullvad/i.test(name)) return 'mullvad'
  if (/^(proton|pvpn)/i.test(name)) return 'protonvpn'
  if (/^tailscale/i.test(name)) return 'tailscale'
  return 'wireguard'
}

/** A route lookup as the value seen: the interface as `ip route` prints it, or why there is none. */
export function describeLookup(lookup: RouteLookup): string | Msg {
  if (lookup.kind === 'dev') return `dev ${lookup.dev}`
  if (lookup.kind === 'none') return t('obsNoRoute', { why: lookup.why })
  return observedUnknown(lookup.reason)
}
