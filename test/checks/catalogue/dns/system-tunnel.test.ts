import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dnsSystemCheck } from '../../../../checks/catalogue/dns/system.check.js'
import { NETWORK_ARGS } from '../../../../checks/catalogue/dns/system.win32.io.js'
import { WIN_NET_ARGS } from '../../../../checks/catalogue/vpn/net.win32.io.js'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import { interpolate } from '../../../../checks/core/i18n/message.js'
import type { Outcome } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureCommand, type FixtureFile } from '../../../support/fixture-host.js'
import { seen } from '../../../support/seen.js'

const VPN = path.resolve(__dirname, '../../../fixtures/vpn.wireguard')
const DNS = path.resolve(__dirname, '../../../fixtures/dns.system/recordings')
const vpn = (rel: string): string => readFileSync(path.join(VPN, rel), 'utf8')
const dns = (rel: string): string => readFileSync(path.join(DNS, rel), 'utf8')
const text = (o: Outcome): string => interpolate(o.summary.en, o.summary.params)
const observed = (o: Outcome): string => o.evidence.map((e) => `${e.source} => ${seen(e.observed)}`).join('\n')

interface Case {
  name: string
  files?: Record<string, FixtureFile>
  commands: Record<string, FixtureCommand>
  status: Outcome['status']
  /** The summary's message name after "dns.system." and its parameters. */
  key: string
  params?: Record<string, string>
  evidence?: RegExp
}

// ---------------------------------------------------------------- Linux
const WG_UP: Record<string, FixtureCommand> = {
  'ip -d -j link show': vpn('linux/link-wg-go-up.json'),
  'ip -j route get 1.1.1.1': vpn('linux/route4-wg-quick.json'),
  'ip -j -6 route get 2606:4700:4700::1111': vpn('linux/route6-wg-quick.json'),
}
const WG_SOCK = { '/var/run/wireguard/wg0.sock': '' }
const viaWg = (dst: string): string => JSON.stringify([{ dst, dev: 'wg0', table: '51820', prefsrc: '10.64.0.2', flags: [] }])

const linuxCases: Case[] = [
  {
    name: "plain DNS to the VPN's own resolver, routed into the up tunnel → pass: encrypted to the provider, who sees it",
    files: { ...WG_SOCK, '/etc/resolv.conf': 'nameserver 10.64.0.1\n' },
    commands: { ...WG_UP, 'ip -j route get 10.64.0.1': viaWg('10.64.0.1') },
    status: 'pass',
    key: 'viaTunnel',
    params: { servers: '10.64.0.1', tunnels: 'wg0' },
    evidence: /ip -j route get 10\.64\.0\.1 => 10\.64\.0\.1 dev wg0 table 51820 src 10\.64\.0\.2/,
  },
  {
    name: 'a public resolver through the tunnel → warn: plain again from the VPN server on',
    files: { ...WG_SOCK, '/etc/resolv.conf': 'nameserver 10.64.0.1\nnameserver 9.9.9.9\n' },
    commands: { ...WG_UP, 'ip -j route get 10.64.0.1': viaWg('10.64.0.1'), 'ip -j route get 9.9.9.9': viaWg('9.9.9.9') },
    status: 'warn',
    key: 'viaTunnelPublic',
    params: { servers: '10.64.0.1, 9.9.9.9', public: '9.9.9.9' },
  },
  {
    name: 'one nameserver inside the tunnel, one on the LAN → still fail: some lookups leave in plain text',
    files: { ...WG_SOCK, '/etc/resolv.conf': 'nameserver 10.64.0.1\nnameserver 192.168.1.1\n' },
    commands: { ...WG_UP, 'ip -j route get 10.64.0.1': viaWg('10.64.0.1'), 'ip -j route get 192.168.1.1': vpn('linux/route-ns-eth0.json') },
    status: 'fail',
    key: 'linuxPlainOnly',
    evidence: /ip -j route get 192\.168\.1\.1 => 192\.168\.1\.1 dev eth0/,
  },
  {
    name: 'no tunnel up: the same route into a TUN device that is not WireGuard still counts as a tunnel (OpenVPN tun0)',
    files: { '/etc/resolv.conf': 'nameserver 10.8.0.1\n' },
    commands: {
      'ip -d -j link show': vpn('linux/link-wg-go-up.json').replace(/"wg0"/g, '"tun0"'),
      'ip -j route get 10.8.0.1': JSON.stringify([{ dst: '10.8.0.1', dev: 'tun0', flags: [] }]),
    },
    status: 'pass',
    key: 'viaTunnel',
    params: { tunnels: 'tun0' },
  },
  {
    name: "systemd-resolved without DNS over TLS, the tunnel link holding ~. → pass (only the tunnel's server is asked)",
    files: { ...WG_SOCK, '/etc/resolv.conf': 'nameserver 127.0.0.53\n' },
    commands: {
      ...WG_UP,
      'resolvectl status': vpn('linux/resolvectl-wg-catchall.txt'),
      'ip -j route get 10.64.0.1 oif wg0': vpn('linux/route-ns-wg0.json'),
    },
    status: 'pass',
    key: 'viaTunnel',
    params: { servers: '10.64.0.1' },
  },
  {
    name: "systemd-resolved without ~.: eth0's server is asked too → fail stays",
    files: { ...WG_SOCK, '/etc/resolv.conf': 'nameserver 127.0.0.53\n' },
    commands: {
      ...WG_UP,
      'resolvectl status': vpn('linux/resolvectl-wg-no-catchall.txt'),
      'ip -j route get 10.64.0.1 oif wg0': vpn('linux/route-ns-wg0.json'),
      'ip -j route get 192.168.1.1 oif eth0': vpn('linux/route-ns-eth0.json'),
    },
    status: 'fail',
    key: 'linuxResolvedNo',
  },
  {
    name: 'ip is missing: nothing can be said about the route, the plain-DNS verdict stands and no route is claimed',
    files: { '/etc/resolv.conf': 'nameserver 10.64.0.1\n' },
    commands: {},
    status: 'fail',
    key: 'linuxPlainOnly',
  },
]

// ---------------------------------------------------------------- macOS
const MAC_COMMON: Record<string, FixtureCommand> = {
  'system_profiler SPConfigurationProfileDataType -json': dns('darwin/system-profiler-empty.json'),
  '/sbin/ifconfig -l': vpn('darwin/ifconfig-l.txt'),
  '/usr/sbin/scutil --nc list': vpn('darwin/scutil-nc-list-none.txt'),
  '/sbin/route -n get 1.1.1.1': vpn('darwin/route-get-utun4.txt'),
  '/sbin/route -n get -inet6 2606:4700:4700::1111': vpn('darwin/route6-get-utun4.txt'),
}
const WG_NAME = { '/var/run/wireguard/wg0.name': 'utun4\n' }

const darwinCases: Case[] = [
  {
    name: 'no profile, but the default resolver is routed into the wg-quick utun → pass',
    files: WG_NAME,
    commands: {
      ...MAC_COMMON,
      'scutil --dns': vpn('darwin/scutil-dns-wireguard.txt'),
      '/usr/sbin/scutil --dns': vpn('darwin/scutil-dns-wireguard.txt'),
      '/sbin/route -n get 10.64.0.1': vpn('darwin/route-get-ns-utun4.txt'),
    },
    status: 'pass',
    key: 'viaTunnel',
    params: { servers: '10.64.0.1', tunnels: 'wg0' },
    evidence: /route -n get 10\.64\.0\.1 => destination: 0\.0\.0\.0, mask: 128\.0\.0\.0, interface: utun4/,
  },
  {
    name: 'no profile and the resolver on the LAN (real scutil --dns) → unknown stays',
    files: WG_NAME,
    commands: {
      ...MAC_COMMON,
      'scutil --dns': vpn('darwin/scutil-dns-lan.txt'),
      '/usr/sbin/scutil --dns': vpn('darwin/scutil-dns-lan.txt'),
      '/sbin/route -n get 10.5.3.211': vpn('darwin/route-get-ns-en0.txt'),
      '/sbin/route -n get 10.5.3.210': vpn('darwin/route-get-ns-en0.txt'),
    },
    status: 'unknown',
    key: 'macNothingVisible',
    evidence: /route -n get 10\.5\.3\.211 => destination: 10\.5\.3\.0, mask: 255\.255\.255\.0, interface: en0/,
  },
]

// ---------------------------------------------------------------- Windows
const POLICY = 'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\DNSClient /s'
const IFACES = 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\InterfaceSpecificParameters /s'
const notFound: FixtureCommand = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.' }
/** dns.system's own script: the tunnel adapter "home" holds the default route and has the VPN's DNS server. */
const DNS_NET = JSON.stringify({
  adapters: [{ Name: 'home', InterfaceGuid: '{2A1B5B8E-0C3D-4A7F-8E1B-5C9D2E3F4A10}', ifIndex: 21 }],
  dns: [{ InterfaceAlias: 'home', InterfaceIndex: 21, AddressFamily: 2, ServerAddresses: ['10.64.0.1'] }],
  routes: [{ ifIndex: 21, RouteMetric: 0, DestinationPrefix: '0.0.0.0/0' }],
})
function winNet(routes: Array<[server: string, adapter: string, prefix: string, via: string]>): string {
  const base = JSON.parse(vpn('win32/winnet-wireguard-up.json')) as object
  const DnsRoutes = routes.map(([Server, InterfaceAlias, DestinationPrefix, via]) => ({
    Server,
    InterfaceAlias,
    Route: { Routes: [{ InterfaceAlias: via, NextHop: '0.0.0.0', DestinationPrefix }], Error: null },
  }))
  return JSON.stringify({ ...base, DnsRoutes })
}
const WIN_COMMON: Record<string, FixtureCommand> = {
  [POLICY]: notFound,
  [IFACES]: dns('win32/reg-interfaces-empty.txt'),
  [['powershell', ...NETWORK_ARGS].join(' ')]: DNS_NET,
}
const VPN_PS = ['powershell', ...WIN_NET_ARGS].join(' ')

const win32Cases: Case[] = [
  {
    name: "no DoH, but the tunnel adapter's DNS server is routed into the tunnel → pass",
    commands: { ...WIN_COMMON, [VPN_PS]: winNet([['10.64.0.1', 'home', '0.0.0.0/0', 'home']]) },
    status: 'pass',
    key: 'viaTunnel',
    params: { servers: '10.64.0.1', tunnels: 'home' },
    evidence: /Find-NetRoute -RemoteIPAddress 10\.64\.0\.1 => 0\.0\.0\.0\/0 via 0\.0\.0\.0 \(home\)/,
  },
  {
    name: "no DoH, and Ethernet's DNS server is reached on Ethernet → fail stays",
    commands: {
      ...WIN_COMMON,
      [VPN_PS]: winNet([
        ['10.64.0.1', 'home', '0.0.0.0/0', 'home'],
        ['192.168.1.1', 'Ethernet', '192.168.1.0/24', 'Ethernet'],
      ]),
    },
    status: 'fail',
    key: 'winNone',
  },
]

describe.each([
  ['linux' as const, linuxCases],
  ['darwin' as const, darwinCases],
  ['win32' as const, win32Cases],
])('dns.system with a VPN tunnel on %s', (platform, cases) => {
  it.each(cases)('$name', async (c) => {
    const env = platform === 'win32' ? { ProgramFiles: 'C:\\Program Files', Path: 'C:\\Windows\\System32' } : { PATH: '/usr/bin:/bin' }
    const host = createFixtureHost({ platform, env, files: c.files ?? {}, commands: c.commands })
    const o = await runCheck(dnsSystemCheck, host)
    expect(o.status, text(o)).toBe(c.status)
    expect(o.summary.key).toBe(`dns.system.${c.key}`)
    if (c.params) expect(o.summary.params).toMatchObject(c.params)
    if (c.evidence) expect(observed(o)).toMatch(c.evidence)
  })
})
