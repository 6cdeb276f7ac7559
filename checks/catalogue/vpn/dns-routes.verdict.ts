/**
 * Which nameservers this computer really sends lookups to, and which interface carries the route to
 * each: shared by vpn.wireguard (a resolver outside the tunnel is a DNS leak) and dns.system (plain DNS
 * inside a tunnel is encrypted as far as the VPN provider). Pure: no I/O.
 */
import { canonicalIp, isIPv4, isIPv6, isLoopbackAddress, isWildcardAddress } from '../../core/host/toolkit.js'
import type { Evidence } from '../../core/types.js'
import { RESOLVED_STUBS, type ResolvConf } from '../dns/resolv-conf.parse.js'
import type { ResolvectlScope, ResolvectlStatus } from '../dns/resolvectl.parse.js'
import type { ScutilResolver } from '../dns/scutil-dns.parse.js'
import type { RouteLookup, Tunnel } from './net.verdict.js'

/** glibc's MAXNS; systemd-resolved and Windows lists are capped the same way, so a scan stays short. */
const MAX_TARGETS = 8

export interface NameserverTarget {
  /** The server's address, canonical (no port, no "#name", no zone). */
  server: string
  /**
   * The interface the resolver sends this server's queries out of, whatever the routing table says:
   * systemd-resolved binds a link's servers to that link. Null when the routing table decides.
   */
  link: string | null
  /** Where it was configured: a file, "resolvectl status (Link 2 eth0)", an adapter name. */
  from: string
}

export interface NameserverRoute {
  target: NameserverTarget
  lookup: RouteLookup
  evidence: Evidence
}

/** Where one nameserver's lookups go. */
export type DnsPath =
  { kind: 'tunnel'; via: string } | { kind: 'outside'; dev: string; route: string } | { kind: 'blocked' } | { kind: 'unknown' }

/** "1.1.1.1#cloudflare-dns.com", "[fd00::1]:53", "fe80::1%eth0" → the bare address, or null for anything else. */
export function serverAddress(raw: string): string | null {
  let a = raw.trim().replace(/#.*$/, '')
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a)
  if (bracketed) a = bracketed[1] ?? ''
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.replace(/:\d+$/, '')
  const ip = canonicalIp(a)
  return isIPv4(ip) || isIPv6(ip) ? ip : null
}

function add(out: NameserverTarget[], raw: string, link: string | null, from: string): void {
  const server = serverAddress(raw)
  // Loopback resolvers (stubby, dnscrypt-proxy, dnsmasq) are judged by dns.system; their traffic is theirs.
  // "::" and 0.0.0.0 are no server (Windows lists {::} on a VPN adapter without IPv6 DNS).
  if (server === null || isLoopbackAddress(server) || isWildcardAddress(server) || out.length >= MAX_TARGETS) return
  // A link-local server names its interface ("fe80::1%eth0"): queries to it can only leave there.
  const zone = /%([A-Za-z][\w.-]{0,31})$/.exec(raw.trim().replace(/#.*$/, ''))?.[1]
  const bound = link ?? (zone !== undefined && server.startsWith('fe80:') ? zone : null)
  if (!out.some((t) => t.server === server && t.link === bound)) out.push({ server, link: bound, from })
}

/**
 * The scopes systemd-resolved asks for an ordinary name: a routing domain "~." matches every name and
 * wins over DefaultRoute links (resolved picks the best-matching scopes); without one, the global servers
 * and every link with +DefaultRoute get the query (systemd-resolved.service(8), "Protocols and Routing").
 */
function generalScopes(status: ResolvectlStatus): ResolvectlScope[] {
  const all = [...(status.global ? [status.global] : []), ...status.links]
  const catchAll = all.filter((s) => s.domains?.includes('~.') && s.servers.length > 0)
  if (catchAll.length > 0) return catchAll
  return all.filter((s) => s === status.global || s.defaultRoute !== false)
}

/**
 * Linux: resolv.conf's nameservers in order (glibc uses three); the systemd-resolved stub stands for the
 * servers resolved would ask, bound to their link. Null status means resolvectl could not be read.
 */
export function linuxTargets(resolvConf: ResolvConf | null, resolvConfPath: string, status: ResolvectlStatus | null): NameserverTarget[] {
  const out: NameserverTarget[] = []
  const listed = resolvConf?.nameservers.slice(0, 3) ?? []
  for (const ns of listed) {
    if (RESOLVED_STUBS.includes(canonicalIp(ns))) {
      if (!status) continue
      const scopes = generalScopes(status)
      for (const scope of scopes) {
        const link = scope === status.global ? null : scope.name
        const from = link === null ? 'resolvectl status (Global)' : `resolvectl status (Link ${scope.ifindex ?? '?'} ${link})`
        for (const server of scope.servers) add(out, server, link, from)
      }
      // With no server anywhere, resolved asks its FallbackDNS= servers (often public ones built in).
      if (scopes.every((x) => x.servers.length === 0)) {
        for (const server of status.global?.fallbackServers ?? []) add(out, server, null, 'resolvectl status (Fallback DNS Servers)')
      }
    } else {
      add(out, ns, null, resolvConfPath)
    }
  }
  return out
}

/**
 * macOS: the default resolver's servers: "DNS configuration" resolvers for no particular domain that are
 * not Supplemental (a split-tunnel VPN's resolver is Supplemental and answers only its match domains).
 */
export function darwinTargets(resolvers: readonly ScutilResolver[]): NameserverTarget[] {
  const out: NameserverTarget[] = []
  for (const r of resolvers) {
    if (r.section !== 'DNS configuration' || r.domain !== undefined || r.supplemental) continue
    // The resolver's own interface is shown, not used: the routing table decides (a limit, see docs/checks/vpn.md).
    const from = r.interfaceName ? `scutil --dns (if_index ${r.interfaceName})` : 'scutil --dns'
    for (const ns of r.nameservers) add(out, ns, null, from)
  }
  return out
}

/** Windows lists these deprecated site-local servers (RFC 3879) on adapters with no IPv6 DNS server set. */
const WINDOWS_PLACEHOLDERS = new Set(['fec0:0:0:ffff::1', 'fec0:0:0:ffff::2', 'fec0:0:0:ffff::3'])

export function win32Targets(entries: ReadonlyArray<{ server: string; adapter: string }>): NameserverTarget[] {
  const out: NameserverTarget[] = []
  for (const e of entries) {
    const server = serverAddress(e.server)
    if (server !== null && !WINDOWS_PLACEHOLDERS.has(server)) add(out, server, null, e.adapter)
  }
  return out
}

/** The tunnel a route leads into; a tunnel only its client knows (iface null) claims unrecognised tunnel interfaces. */
export function tunnelFor(route: RouteLookup, tunnels: readonly Tunnel[], foreign: readonly string[]): Tunnel | undefined {
  if (route.kind !== 'dev') return undefined
  return tunnels.find((x) => x.iface === route.dev) ?? (foreign.includes(route.dev) ? tunnels.find((x) => x.iface === null) : undefined)
}

/**
 * A route into an up tunnel (or another tunnel-like interface) is inside; any other interface is outside.
 * Tailscale's 100.100.100.100 is answered by tailscaled itself, which may forward it anywhere: not judged.
 */
export function dnsPath(lookup: RouteLookup, tunnels: readonly Tunnel[], foreign: readonly string[]): DnsPath {
  if (lookup.kind === 'unknown') return { kind: 'unknown' }
  if (lookup.kind === 'none') return { kind: 'blocked' }
  const tunnel = tunnelFor(lookup, tunnels, foreign)
  if (tunnel?.provider === 'tailscale' || /^tailscale/i.test(lookup.dev)) return { kind: 'unknown' }
  if (tunnel) return { kind: 'tunnel', via: tunnel.label }
  if (foreign.includes(lookup.dev)) return { kind: 'tunnel', via: lookup.dev }
  return { kind: 'outside', dev: lookup.dev, route: lookup.route ?? `dev ${lookup.dev}` }
}

function inV4(ip: string, base: number, bits: number): boolean {
  const n = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0)
  const size = 2 ** (32 - bits)
  return Math.floor(n / size) === Math.floor(base / size)
}

const v4 = (a: number, b: number): number => (a * 256 + b) * 65536

/**
 * RFC 1918, shared address space (RFC 6598) and unique local IPv6 (RFC 4193): a resolver there, reached
 * through a tunnel, is on the VPN provider's side (Mullvad 10.64.0.1, Proton 10.2.0.1, a company's own).
 */
export function isPrivateAddress(address: string): boolean {
  const ip = canonicalIp(address)
  if (isIPv4(ip)) return inV4(ip, v4(10, 0), 8) || inV4(ip, v4(172, 16), 12) || inV4(ip, v4(192, 168), 16) || inV4(ip, v4(100, 64), 10)
  return isIPv6(ip) && /^f[cd][0-9a-f]{2}:/.test(ip)
}
