import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { render } from '../../../../checks/core/i18n/locale.js'
import { interpolate } from '../../../../checks/core/i18n/message.js'
import type { Outcome } from '../../../../checks/core/types.js'
import { WIN_NET_ARGS } from '../../../../checks/catalogue/vpn/net.win32.io.js'
import { wireguardCheck } from '../../../../checks/catalogue/vpn/wireguard.check.js'
import { createFixtureHost, type FixtureCommand, type FixtureFile, type FixtureHostOptions } from '../../../support/fixture-host.js'
import { seen as shown } from '../../../support/seen.js'

/** The value seen as an English reader sees it (Bulwark's own words are messages). */

const FIX = path.resolve(__dirname, '../../../fixtures/vpn.wireguard')
const fx = (rel: string): string => readFileSync(path.join(FIX, rel), 'utf8')
const text = (o: Outcome): string => interpolate(o.summary.en, o.summary.params)
const observed = (o: Outcome): string => o.evidence.map((e) => `${e.source} => ${shown(e.observed)}`).join('\n')

const run = (options: FixtureHostOptions): Promise<Outcome> => wireguardCheck.run(createFixtureHost(options), new AbortController().signal)

// ---------------------------------------------------------------- Linux
const LINK = 'ip -d -j link show'
const R4 = 'ip -j route get 1.1.1.1'
const R6 = 'ip -j -6 route get 2606:4700:4700::1111'
const UNREACHABLE: FixtureCommand = { code: 2, stderr: 'RTNETLINK answers: Network is unreachable\n' }
const WG_SOCK = { '/var/run/wireguard/wg0.sock': '' }
const WG_BIN = { '/usr/bin/wg': '', '/usr/bin/wg-quick': '' }

const UP_BOTH: Record<string, FixtureCommand> = {
  [LINK]: fx('linux/link-wg-go-up.json'),
  [R4]: fx('linux/route4-wg-quick.json'),
  [R6]: fx('linux/route6-wg-quick.json'),
}

interface Case {
  name: string
  commands: Record<string, FixtureCommand>
  files?: Record<string, FixtureFile>
  status: Outcome['status']
  summary: RegExp
  /** The summary's message name (after "vpn.wireguard.") and its text parameters. */
  key: string
  params?: Record<string, string>
  evidence?: RegExp
}

const linuxCases: Case[] = [
  {
    name: 'wireguard-go tunnel with wg-quick policy routing carrying v4 and v6 → pass (route get, not the main table)',
    key: 'pass',
    params: { tunnels: 'wg0' },
    commands: { [LINK]: fx('linux/link-wg-go-up.json'), [R4]: fx('linux/route4-wg-quick.json'), [R6]: fx('linux/route6-wg-quick.json') },
    files: { ...WG_SOCK, ...WG_BIN },
    status: 'pass',
    summary: /wg0 is up and carries both IPv4 and IPv6/,
    evidence: /\/var\/run\/wireguard\/wg0\.sock => present[\s\S]*ip -j route get 1\.1\.1\.1 => dev wg0/,
  },
  {
    name: 'tunnel carries IPv4, no IPv6 route at all → pass',
    key: 'passNoV6',
    params: { tunnels: 'wg0' },
    commands: { [LINK]: fx('linux/link-wg-go-up.json'), [R4]: fx('linux/route4-wg-quick.json'), [R6]: UNREACHABLE },
    files: WG_SOCK,
    status: 'pass',
    summary: /no IPv6 route, so nothing can leak/,
    evidence: /2606:4700:4700::1111 => no route \(RTNETLINK answers: Network is unreachable\)/,
  },
  {
    name: 'IPv4 through the tunnel, IPv6 via the NIC → warn IPv6 leak',
    key: 'ipv6Leak',
    params: { tunnels: 'wg0', dev6: 'eth0' },
    commands: { [LINK]: fx('linux/link-wg-go-up.json'), [R4]: fx('linux/route4-wg-quick.json'), [R6]: fx('linux/route6-eth0.json') },
    files: WG_SOCK,
    status: 'warn',
    summary: /IPv6 goes out directly through eth0.*IPv6 leak/,
  },
  {
    name: 'tunnel up but default route via eth0 → warn split tunnel',
    key: 'splitTunnel',
    params: { tunnels: 'wg0', dev4: 'eth0' },
    commands: { [LINK]: fx('linux/link-wg-go-up.json'), [R4]: fx('linux/route4-eth0.json'), [R6]: fx('linux/route6-eth0.json') },
    files: WG_SOCK,
    status: 'warn',
    summary: /wg0 is up, but the default route goes through eth0.*split tunnel/,
  },
  {
    name: 'a TUN device without the UAPI socket is not WireGuard (ARPHRD_NONE/tun alone is not enough) → fail',
    key: 'nothing',
    commands: { [LINK]: fx('linux/link-wg-go-up.json'), [R4]: fx('linux/route4-eth0.json'), [R6]: fx('linux/route6-eth0.json') },
    status: 'fail',
    summary: /No VPN is installed or running.*moves the same trust to the VPN provider/,
    evidence: /ip -d -j link show => wg0 \(other tunnel\)/,
  },
  {
    name: 'unrecognised tunnel carries the default route → unknown, says why',
    key: 'foreignTunnel',
    params: { dev4: 'wg0' },
    commands: { [LINK]: fx('linux/link-wg-go-up.json'), [R4]: fx('linux/route4-wg-quick.json'), [R6]: fx('linux/route6-wg-quick.json') },
    status: 'unknown',
    summary: /wg0, a tunnel Bulwark does not recognise/,
  },
  {
    name: 'tunnel link down, tools installed → warn installed but idle',
    key: 'installedIdle',
    params: { installed: 'WireGuard' },
    commands: { [LINK]: fx('linux/link-wg-go-down.json'), [R4]: fx('linux/route4-eth0.json'), [R6]: fx('linux/route6-eth0.json') },
    files: { ...WG_SOCK, ...WG_BIN },
    status: 'warn',
    summary: /WireGuard is installed, but no VPN tunnel is up/,
    // One line for the program, naming every binary found, not one "installed" line per binary.
    evidence: /^\/usr\/bin\/wg, \/usr\/bin\/wg-quick => WireGuard$/m,
  },
  {
    name: 'kernel WireGuard (info_kind wireguard) named by Mullvad, connected, lockdown on → pass',
    key: 'passNoV6',
    params: { tunnels: 'wg0-mullvad' },
    commands: {
      [LINK]: fx('linux/link-kernel-mullvad.json'),
      [R4]: fx('linux/route4-wg-quick.json').replace(/"wg0"/g, '"wg0-mullvad"'),
      [R6]: UNREACHABLE,
      '/usr/bin/mullvad status': fx('clients/mullvad-status-connected.txt'),
      '/usr/bin/mullvad lockdown-mode get': fx('clients/mullvad-lockdown-on.txt'),
    },
    files: { '/usr/bin/mullvad': '' },
    status: 'pass',
    summary: /wg0-mullvad is up/,
    evidence: /mullvad status => connected[\s\S]*lockdown-mode get => lockdown mode on/,
  },
  {
    name: 'Tailscale without exit node is a mesh, not a VPN → fail that says so',
    key: 'nothingButMesh',
    commands: {
      [LINK]: fx('linux/link-wg-go-up.json').replace(/"wg0"/g, '"tailscale0"'),
      [R4]: fx('linux/route4-eth0.json'),
      [R6]: fx('linux/route6-eth0.json'),
      '/usr/bin/tailscale status --json': fx('clients/tailscale-mesh.json'),
    },
    files: { '/usr/bin/tailscale': '' },
    status: 'fail',
    summary: /without an exit node it is a mesh network/,
    evidence: /tailscale status --json => Running, no exit node/,
  },
  {
    name: 'Tailscale exit node carrying the default route → pass',
    key: 'pass',
    params: { tunnels: 'Tailscale' },
    commands: {
      [LINK]: fx('linux/link-wg-go-up.json').replace(/"wg0"/g, '"tailscale0"'),
      [R4]: fx('linux/route4-wg-quick.json').replace(/"wg0"/g, '"tailscale0"'),
      [R6]: fx('linux/route6-wg-quick.json').replace(/"wg0"/g, '"tailscale0"'),
      '/usr/bin/tailscale status --json': fx('clients/tailscale-exit-node.json'),
    },
    files: { '/usr/bin/tailscale': '' },
    status: 'pass',
    summary: /Tailscale is up and carries both/,
    evidence: /exit node home-router/,
  },
  {
    name: 'ip missing → unknown with the reason',
    key: 'unknownLinks',
    commands: {},
    status: 'unknown',
    summary: /could not list network interfaces.*Not found: ip/,
  },
  {
    name: 'ip prints garbage → unknown naming the command',
    key: 'unknownLinks',
    commands: { [LINK]: '\u0000\u0001garbage', [R4]: fx('linux/route4-eth0.json'), [R6]: UNREACHABLE },
    status: 'unknown',
    summary: /ip -d -j link show printed something Bulwark could not read \(not_json\)/,
  },
  {
    name: 'tunnel up but route lookup times out → unknown, never pass',
    key: 'unknownRoute',
    params: { tunnels: 'wg0' },
    commands: { [LINK]: fx('linux/link-wg-go-up.json'), [R4]: { error: 'timeout' }, [R6]: UNREACHABLE },
    files: WG_SOCK,
    status: 'unknown',
    summary: /wg0 is up, but Bulwark could not look up where traffic goes.*did not answer in time/,
  },
  {
    name: 'readable wg-quick config without PostUp rule → kill switch evidence "none"',
    key: 'passNoV6',
    params: { tunnels: 'wg0' },
    commands: { [LINK]: fx('linux/link-wg-go-up.json'), [R4]: fx('linux/route4-wg-quick.json'), [R6]: UNREACHABLE },
    files: { ...WG_SOCK, '/etc/wireguard/wg0.conf': '[Interface]\nPrivateKey = x\n[Peer]\nAllowedIPs = 0.0.0.0/0\n' },
    status: 'pass',
    summary: /wg0 is up/,
    evidence: /\/etc\/wireguard\/wg0\.conf => none \(wg-quick adds no kill switch/,
  },
  {
    name: 'root-only wg-quick config → kill switch unknown, verdict still from the route',
    key: 'passNoV6',
    params: { tunnels: 'wg0' },
    commands: { [LINK]: fx('linux/link-wg-go-up.json'), [R4]: fx('linux/route4-wg-quick.json'), [R6]: UNREACHABLE },
    files: { ...WG_SOCK, '/etc/wireguard/wg0.conf': { error: 'permission_denied' } },
    status: 'pass',
    summary: /wg0 is up/,
    evidence: /\/etc\/wireguard\/wg0\.conf => unknown: only root can read/,
  },
  {
    name: 'DNS to the VPN resolver inside the tunnel → pass, the route to it shown',
    key: 'pass',
    params: { tunnels: 'wg0' },
    commands: { ...UP_BOTH, 'ip -j route get 10.64.0.1': fx('linux/route-ns-wg0.json') },
    files: { ...WG_SOCK, '/etc/resolv.conf': 'nameserver 10.64.0.1\n' },
    status: 'pass',
    summary: /wg0 is up and carries both/,
    evidence: /ip -j route get 10\.64\.0\.1 => 10\.64\.0\.1 dev wg0 table 51820 src 10\.64\.0\.2/,
  },
  {
    name: 'the LAN router as nameserver while the tunnel has the default route → warn DNS leak naming server, interface and route',
    key: 'dnsLeak',
    params: { tunnels: 'wg0', server: '192.168.1.1', dev: 'eth0', route: '192.168.1.1 dev eth0 src 192.168.1.23' },
    commands: { ...UP_BOTH, 'ip -j route get 192.168.1.1': fx('linux/route-ns-eth0.json') },
    files: { ...WG_SOCK, '/etc/resolv.conf': '# Generated by NetworkManager\nnameserver 192.168.1.1\n' },
    status: 'warn',
    summary: /DNS lookups to 192\.168\.1\.1 leave through eth0, outside the tunnel.*DNS leak/,
  },
  {
    name: 'an IPv6 nameserver reached via the NIC → warn DNS leak',
    key: 'dnsLeak',
    params: { server: 'fd00::1', dev: 'eth0' },
    commands: { ...UP_BOTH, 'ip -j route get fd00::1': '[{"dst":"fd00::1","dev":"eth0","prefsrc":"fd00::23","flags":[]}]' },
    files: { ...WG_SOCK, '/etc/resolv.conf': 'nameserver 10.64.0.1\nnameserver fd00::1\n' },
    status: 'warn',
    summary: /DNS lookups to fd00::1 leave through eth0/,
  },
  {
    name: "systemd-resolved: the tunnel link's ~. domain takes every lookup, eth0's server is not asked → pass",
    key: 'pass',
    commands: {
      ...UP_BOTH,
      'resolvectl status': fx('linux/resolvectl-wg-catchall.txt'),
      'ip -j route get 10.64.0.1 oif wg0': fx('linux/route-ns-wg0.json'),
      'ip -j route get 192.168.1.1 oif eth0': fx('linux/route-ns-eth0.json'),
    },
    files: { ...WG_SOCK, '/etc/resolv.conf': 'nameserver 127.0.0.53\noptions edns0 trust-ad\n' },
    status: 'pass',
    summary: /wg0 is up and carries both/,
    evidence: /ip -j route get 10\.64\.0\.1 oif wg0 => 10\.64\.0\.1 dev wg0/,
  },
  {
    name: "systemd-resolved: eth0 keeps +DefaultRoute and no link has ~., so eth0's per-link server gets lookups → DNS leak",
    key: 'dnsLeak',
    params: { server: '192.168.1.1', dev: 'eth0' },
    commands: {
      ...UP_BOTH,
      'resolvectl status': fx('linux/resolvectl-wg-no-catchall.txt'),
      'ip -j route get 10.64.0.1 oif wg0': fx('linux/route-ns-wg0.json'),
      'ip -j route get 192.168.1.1 oif eth0': fx('linux/route-ns-eth0.json'),
    },
    files: { ...WG_SOCK, '/etc/resolv.conf': 'nameserver 127.0.0.53\n' },
    status: 'warn',
    summary: /lookups to 192\.168\.1\.1 leave through eth0/,
    evidence: /ip -j route get 192\.168\.1\.1 oif eth0 => 192\.168\.1\.1 dev eth0 src/,
  },
  {
    name: "Mullvad's tunnel with the LAN router still in resolv.conf → no leak claimed: Mullvad's firewall only lets DNS into the tunnel",
    key: 'passNoV6',
    params: { tunnels: 'wg0-mullvad' },
    commands: {
      [LINK]: fx('linux/link-kernel-mullvad.json'),
      [R4]: fx('linux/route4-wg-quick.json').replace(/"wg0"/g, '"wg0-mullvad"'),
      [R6]: UNREACHABLE,
      'ip -j route get 192.168.1.1': fx('linux/route-ns-eth0.json'),
    },
    files: { '/etc/resolv.conf': 'nameserver 192.168.1.1\n' },
    status: 'pass',
    summary: /wg0-mullvad is up/,
    evidence: /ip -j route get 192\.168\.1\.1 => 192\.168\.1\.1 dev eth0/,
  },
  {
    name: 'the route to the nameserver cannot be looked up → no leak claimed, verdict from the default routes',
    key: 'pass',
    commands: { ...UP_BOTH, 'ip -j route get 192.168.1.1': { error: 'timeout' } },
    files: { ...WG_SOCK, '/etc/resolv.conf': 'nameserver 192.168.1.1\n' },
    status: 'pass',
    summary: /wg0 is up and carries both/,
    evidence: /ip -j route get 192\.168\.1\.1 => unknown/,
  },
  {
    name: 'no tunnel: a LAN nameserver is no "leak", the verdict stays split/none',
    key: 'splitTunnel',
    commands: {
      [LINK]: fx('linux/link-wg-go-up.json'),
      [R4]: fx('linux/route4-eth0.json'),
      [R6]: fx('linux/route6-eth0.json'),
      'ip -j route get 192.168.1.1': fx('linux/route-ns-eth0.json'),
    },
    files: { ...WG_SOCK, '/etc/resolv.conf': 'nameserver 192.168.1.1\n' },
    status: 'warn',
    summary: /split tunnel/,
  },
]

// ---------------------------------------------------------------- macOS
const IFL = '/sbin/ifconfig -l'
const NC = '/usr/sbin/scutil --nc list'
const MR4 = '/sbin/route -n get 1.1.1.1'
const MR6 = '/sbin/route -n get -inet6 2606:4700:4700::1111'
const NOT_IN_TABLE: FixtureCommand = { code: 1, stderr: 'route: writing to routing socket: not in table\n' }

const SCUTIL_DNS = '/usr/sbin/scutil --dns'
const MAC_UP: Record<string, FixtureCommand> = {
  [IFL]: fx('darwin/ifconfig-l.txt'),
  [NC]: fx('darwin/scutil-nc-list-none.txt'),
  [MR4]: fx('darwin/route-get-utun4.txt'),
  [MR6]: fx('darwin/route6-get-utun4.txt'),
}

const darwinCases: Case[] = [
  {
    name: 'wg-quick utun4 (from /var/run/wireguard/wg0.name) carries v4 and v6 → pass',
    key: 'pass',
    params: { tunnels: 'wg0' },
    commands: {
      [IFL]: fx('darwin/ifconfig-l.txt'),
      [NC]: fx('darwin/scutil-nc-list-none.txt'),
      [MR4]: fx('darwin/route-get-utun4.txt'),
      [MR6]: fx('darwin/route6-get-utun4.txt'),
    },
    files: { '/var/run/wireguard/wg0.name': 'utun4\n', '/opt/homebrew/bin/wg': '' },
    status: 'pass',
    summary: /wg0 is up and carries both/,
    evidence: /wg0\.name => utun4/,
  },
  {
    name: 'App Store WireGuard (Network Extension) Connected, route via a utun → pass',
    key: 'passNoV6',
    params: { tunnels: 'Home tunnel' },
    commands: {
      [IFL]: fx('darwin/ifconfig-l.txt'),
      [NC]: fx('darwin/scutil-nc-list-wireguard-connected.txt'),
      [MR4]: fx('darwin/route-get-utun4.txt'),
      [MR6]: NOT_IN_TABLE,
    },
    files: { '/Applications/WireGuard.app': { content: '' } },
    status: 'pass',
    summary: /Home tunnel is up and carries IPv4 traffic; this computer has no IPv6 route/,
    evidence: /Home tunnel \[com\.wireguard\.macos\]: Connected/,
  },
  {
    name: 'Network Extension connected but IPv6 via en0 → warn IPv6 leak',
    key: 'ipv6Leak',
    params: { tunnels: 'Home tunnel', dev6: 'en0' },
    commands: {
      [IFL]: fx('darwin/ifconfig-l.txt'),
      [NC]: fx('darwin/scutil-nc-list-wireguard-connected.txt'),
      [MR4]: fx('darwin/route-get-utun4.txt'),
      [MR6]: fx('darwin/route6-get-en0.txt'),
    },
    status: 'warn',
    summary: /IPv6 goes out directly through en0/,
  },
  {
    name: 'app installed, nothing connected, route via en0 → warn',
    key: 'installedIdle',
    params: { installed: 'WireGuard' },
    commands: {
      [IFL]: fx('darwin/ifconfig-l.txt'),
      [NC]: fx('darwin/scutil-nc-list-none.txt'),
      [MR4]: fx('darwin/route-get-en0.txt'),
      [MR6]: fx('darwin/route6-get-en0.txt'),
    },
    files: { '/Applications/WireGuard.app': { content: '' } },
    status: 'warn',
    summary: /WireGuard is installed, but no VPN tunnel is up/,
  },
  {
    name: 'nothing installed → fail with the trust explanation',
    key: 'nothing',
    commands: {
      [IFL]: fx('darwin/ifconfig-l.txt'),
      [NC]: fx('darwin/scutil-nc-list-none.txt'),
      [MR4]: fx('darwin/route-get-en0.txt'),
      [MR6]: fx('darwin/route6-get-en0.txt'),
    },
    status: 'fail',
    summary: /moves the same trust to the VPN provider/,
  },
  {
    name: "the VPN's resolver (scutil --dns resolver #1 on utun4) routed into the tunnel → pass",
    key: 'pass',
    commands: {
      ...MAC_UP,
      [SCUTIL_DNS]: fx('darwin/scutil-dns-wireguard.txt'),
      '/sbin/route -n get 10.64.0.1': fx('darwin/route-get-ns-utun4.txt'),
    },
    files: { '/var/run/wireguard/wg0.name': 'utun4\n' },
    status: 'pass',
    summary: /wg0 is up and carries both/,
    evidence: /route -n get 10\.64\.0\.1 => destination: 0\.0\.0\.0, mask: 128\.0\.0\.0, interface: utun4/,
  },
  {
    name: 'the default resolver on the LAN (real scutil --dns) reached via en0 while utun4 has the default route → DNS leak',
    key: 'dnsLeak',
    params: { server: '10.5.3.211', dev: 'en0', route: 'destination: 10.5.3.0, mask: 255.255.255.0, interface: en0' },
    commands: {
      ...MAC_UP,
      [SCUTIL_DNS]: fx('darwin/scutil-dns-lan.txt'),
      '/sbin/route -n get 10.5.3.211': fx('darwin/route-get-ns-en0.txt'),
      '/sbin/route -n get 10.5.3.210': fx('darwin/route-get-ns-en0.txt'),
    },
    files: { '/var/run/wireguard/wg0.name': 'utun4\n' },
    status: 'warn',
    summary: /lookups to 10\.5\.3\.211 leave through en0/,
  },
  {
    name: "a split-tunnel VPN's Supplemental resolver is not the default one (real scutil --dns): 8.8.8.8 is judged",
    key: 'dnsLeak',
    params: { server: '8.8.8.8', dev: 'en0' },
    commands: {
      ...MAC_UP,
      [SCUTIL_DNS]: fx('darwin/scutil-dns-split-tunnel.txt'),
      '/sbin/route -n get 8.8.8.8': fx('darwin/route-get-en0.txt'),
      '/sbin/route -n get 8.8.4.4': fx('darwin/route-get-en0.txt'),
    },
    files: { '/var/run/wireguard/wg0.name': 'utun4\n' },
    status: 'warn',
    summary: /lookups to 8\.8\.8\.8 leave through en0/,
  },
]

// ---------------------------------------------------------------- Windows
const PS = ['powershell', ...WIN_NET_ARGS].join(' ')
const PF = 'C:\\Program Files'

/** The same recording, but Find-NetRoute wrote this error for the IPv6 lookup. */
function withRoute6(json: string, error: { Category: string; Message: string }): string {
  return JSON.stringify({ ...(JSON.parse(json) as object), Route6: { Routes: [], Error: error } })
}

/** What the script's DnsRoutes part prints for one server: Find-NetRoute's MSFT_NetIPAddress and MSFT_NetRoute. */
function dnsRoute(server: string, adapter: string, prefix: string, nextHop: string, via: string): object {
  return {
    Server: server,
    InterfaceAlias: adapter,
    Route: {
      Routes: [
        { InterfaceAlias: via, NextHop: null, DestinationPrefix: null },
        { InterfaceAlias: via, NextHop: nextHop, DestinationPrefix: prefix },
      ],
      Error: null,
    },
  }
}

function withDnsRoutes(json: string, routes: object[]): string {
  return JSON.stringify({ ...(JSON.parse(json) as object), DnsRoutes: routes })
}

const win32Cases: Case[] = [
  {
    name: 'official client tunnel (hardware id WireGuard) carries v4 and v6 → pass, kill switch unknown (dpapi)',
    key: 'pass',
    params: { tunnels: 'home' },
    commands: { [PS]: fx('win32/winnet-wireguard-up.json') },
    files: { [`${PF}\\WireGuard\\wireguard.exe`]: '' },
    status: 'pass',
    summary: /home is up and carries both/,
    evidence: /home\.conf\.dpapi => unknown: the config is DPAPI-encrypted/,
  },
  {
    name: 'vendor TunnelType ("Acme Tunnel") still matched by hardware id; IPv6 via Wi-Fi → warn leak',
    key: 'ipv6Leak',
    params: { tunnels: 'Acme', dev6: 'Wi-Fi' },
    commands: { [PS]: fx('win32/winnet-vendor-tunnel-v6-leak.json') },
    status: 'warn',
    summary: /Acme carries IPv4, but IPv6 goes out directly through Wi-Fi/,
  },
  {
    name: 'IPv6 lookup answered "no such route" (ObjectNotFound) → pass, nothing leaks over IPv6',
    key: 'passNoV6',
    params: { tunnels: 'home' },
    commands: {
      [PS]: withRoute6(fx('win32/winnet-wireguard-up.json'), {
        Category: 'ObjectNotFound',
        Message: 'No matching MSFT_NetRoute objects found',
      }),
    },
    files: { [`${PF}\\WireGuard\\wireguard.exe`]: '' },
    status: 'pass',
    summary: /no IPv6 route/,
  },
  {
    name: 'IPv6 lookup failed for another reason → unknown with the error, never pass',
    key: 'unknownRoute',
    params: { tunnels: 'home' },
    commands: {
      [PS]: withRoute6(fx('win32/winnet-wireguard-up.json'), { Category: 'NotSpecified', Message: 'The service cannot be started' }),
    },
    files: { [`${PF}\\WireGuard\\wireguard.exe`]: '' },
    status: 'unknown',
    summary: /could not look up where traffic goes: Find-NetRoute failed \(NotSpecified\): The service cannot be started/,
  },
  {
    name: 'nothing installed, bare-object JSON → fail',
    key: 'nothing',
    commands: { [PS]: fx('win32/winnet-nothing.json') },
    status: 'fail',
    summary: /No VPN is installed or running/,
  },
  {
    name: 'Tailscale exit node via the "Tailscale" adapter → pass',
    key: 'pass',
    params: { tunnels: 'Tailscale' },
    commands: {
      [PS]: fx('win32/winnet-tailscale-exit.json'),
      [`${PF}\\Tailscale\\tailscale.exe status --json`]: fx('clients/tailscale-exit-node.json'),
    },
    files: { [`${PF}\\Tailscale\\tailscale.exe`]: '' },
    status: 'pass',
    summary: /Tailscale is up/,
  },
  {
    name: 'PowerShell missing → unknown',
    key: 'unknownLinks',
    commands: {},
    status: 'unknown',
    summary: /could not list network interfaces.*Not found: powershell/,
  },
  {
    name: 'PowerShell prints a non-object → unknown (bad_shape)',
    key: 'unknownLinks',
    commands: { [PS]: '[1,2,3]' },
    status: 'unknown',
    summary: /could not read \(bad_shape\)/,
  },
  {
    name: "the tunnel adapter's DNS server routed into the tunnel (Find-NetRoute) → pass",
    key: 'pass',
    commands: {
      [PS]: withDnsRoutes(fx('win32/winnet-wireguard-up.json'), [dnsRoute('10.64.0.1', 'home', '0.0.0.0/0', '0.0.0.0', 'home')]),
    },
    status: 'pass',
    summary: /home is up and carries both/,
    evidence: /Find-NetRoute -RemoteIPAddress 10\.64\.0\.1 => 0\.0\.0\.0\/0 via 0\.0\.0\.0 \(home\)/,
  },
  {
    name: "Ethernet's own DNS server reached on Ethernet while the tunnel has the default route → DNS leak unless the client blocks it",
    key: 'dnsLeakWindows',
    params: { server: '192.168.1.1', dev: 'Ethernet', route: '192.168.1.0/24 via 0.0.0.0 (Ethernet)' },
    commands: {
      [PS]: withDnsRoutes(fx('win32/winnet-wireguard-up.json'), [
        dnsRoute('10.64.0.1', 'home', '0.0.0.0/0', '0.0.0.0', 'home'),
        dnsRoute('192.168.1.1', 'Ethernet', '192.168.1.0/24', '0.0.0.0', 'Ethernet'),
        dnsRoute('fec0:0:0:ffff::1', 'Ethernet', '::/0', 'fe80::1', 'Ethernet'),
      ]),
    },
    status: 'warn',
    summary: /192\.168\.1\.1, the DNS server of Ethernet, is reached outside the tunnel.*Block untunneled traffic/,
  },
  {
    name: "Windows's placeholder fec0:0:0:ffff::1 servers are not counted as a leak",
    key: 'pass',
    commands: {
      [PS]: withDnsRoutes(fx('win32/winnet-wireguard-up.json'), [
        dnsRoute('fec0:0:0:ffff::1%1', 'Ethernet', '::/0', 'fe80::1', 'Ethernet'),
      ]),
    },
    status: 'pass',
    summary: /home is up/,
  },
]

describe.each([
  ['linux' as const, linuxCases],
  ['darwin' as const, darwinCases],
  ['win32' as const, win32Cases],
])('vpn.wireguard on %s', (platform, cases) => {
  it.each(cases)('$name', async (c) => {
    const env = platform === 'win32' ? { ProgramFiles: PF, Path: 'C:\\Windows\\System32' } : { PATH: '/usr/bin:/bin' }
    const outcome = await run({ platform, env, commands: c.commands, files: c.files ?? {} })
    expect(outcome.status, text(outcome)).toBe(c.status)
    expect(text(outcome)).toMatch(c.summary)
    expect(outcome.summary.key).toBe(`vpn.wireguard.${c.key}`)
    if (c.params) expect(outcome.summary.params).toMatchObject(c.params)
    if (c.evidence) expect(observed(outcome)).toMatch(c.evidence)
    for (const e of outcome.evidence) expect(e.source).not.toBe('')
  })
})

describe("vpn.wireguard evidence in the reader's language", () => {
  it('shows its own words translated and values as read untouched', async () => {
    const o = await run({
      platform: 'linux',
      env: { PATH: '/usr/bin:/bin' },
      commands: { [LINK]: fx('linux/link-wg-go-up.json'), [R4]: fx('linux/route4-wg-quick.json'), [R6]: UNREACHABLE },
      files: { ...WG_SOCK, '/etc/wireguard/wg0.conf': { error: 'permission_denied' } },
    })
    const es = (source: string): string | undefined => {
      const seen = o.evidence.find((e) => e.source === source)?.observed
      return typeof seen === 'object' && seen !== null ? render(seen, 'es') : undefined
    }
    expect(es('/etc/wireguard/wg0.conf')).toBe('desconocido: solo root puede leer esta configuración')
    expect(es(R6)).toBe('sin ruta (RTNETLINK answers: Network is unreachable)')
    expect(es('/var/run/wireguard/wg0.sock')).toBe('presente')
    expect(o.evidence.find((e) => e.source === R4)?.observed).toBe('dev wg0')
  })
})

describe('vpn.wireguard contract', () => {
  it('has remediation steps for every platform it supports, with real references', () => {
    for (const p of wireguardCheck.platforms) expect(wireguardCheck.remediation.byPlatform[p]?.length).toBeGreaterThan(0)
    for (const r of wireguardCheck.remediation.references) expect(r.url).toMatch(/^https:\/\//)
  })
})
