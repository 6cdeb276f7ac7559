import { describe, expect, it } from 'vitest'
import { parseResolvConf } from '../../../../checks/catalogue/dns/resolv-conf.parse.js'
import { parseResolvectlStatus } from '../../../../checks/catalogue/dns/resolvectl.parse.js'
import { parseScutilDns } from '../../../../checks/catalogue/dns/scutil-dns.parse.js'
import {
  darwinTargets,
  dnsPath,
  isPrivateAddress,
  linuxTargets,
  serverAddress,
  win32Targets,
} from '../../../../checks/catalogue/vpn/dns-routes.verdict.js'
import { parseIpRouteGet } from '../../../../checks/catalogue/vpn/ip-json.parse.js'
import { parseWinNet } from '../../../../checks/catalogue/vpn/windows-net.parse.js'
import type { Tunnel } from '../../../../checks/catalogue/vpn/net.verdict.js'
import { readFileSync } from 'node:fs'
import path from 'node:path'

const FIX = path.resolve(__dirname, '../../../fixtures/vpn.wireguard')
const fx = (rel: string): string => readFileSync(path.join(FIX, rel), 'utf8')
const conf = (text: string) => {
  const r = parseResolvConf(text)
  if (!r.ok) throw new Error(r.reason.key)
  return r.value
}
const status = (text: string) => {
  const r = parseResolvectlStatus(text)
  if (!r.ok) throw new Error(r.reason.key)
  return r.value
}

describe('which nameservers are in use on Linux', () => {
  it.each([
    [
      'plain resolv.conf, first three only, loopback skipped',
      'nameserver 10.64.0.1\nnameserver 127.0.0.1\nnameserver fd00::1\nnameserver 9.9.9.9\n',
      null,
      [
        ['10.64.0.1', null],
        ['fd00::1', null],
      ],
    ],
    [
      'the resolved stub with a ~. link: only that link',
      'nameserver 127.0.0.53\n',
      fx('linux/resolvectl-wg-catchall.txt'),
      [['10.64.0.1', 'wg0']],
    ],
    [
      'the resolved stub without ~.: every +DefaultRoute link, bound to it',
      'nameserver 127.0.0.53\n',
      fx('linux/resolvectl-wg-no-catchall.txt'),
      [
        ['192.168.1.1', 'eth0'],
        ['10.64.0.1', 'wg0'],
      ],
    ],
    ['the resolved stub but resolvectl unreadable: nothing claimed', 'nameserver 127.0.0.53\n', null, []],
  ] as const)('%s', (_name, resolv, resolvectl, expected) => {
    const targets = linuxTargets(conf(resolv), '/etc/resolv.conf', resolvectl === null ? null : status(resolvectl))
    expect(targets.map((t) => [t.server, t.link])).toEqual(expected)
  })

  it('skips a -DefaultRoute link and keeps the global servers, without port or SNI name', () => {
    const text =
      'Global\n       DNS Servers: 1.1.1.1#cloudflare-dns.com [2606:4700::1111]:853\n\nLink 3 (corp0)\n     Protocols: -DefaultRoute\n   DNS Servers: 10.1.1.1\n'
    expect(linuxTargets(conf('nameserver 127.0.0.53'), '/etc/resolv.conf', status(text)).map((t) => t.server)).toEqual([
      '1.1.1.1',
      '2606:4700::1111',
    ])
  })

  it("falls back to resolved's Fallback DNS Servers only when no scope has a server", () => {
    const none =
      'Global\n  Fallback DNS Servers: 1.1.1.1#cloudflare-dns.com\n                        8.8.8.8\n\nLink 2 (eth0)\n  Protocols: +DefaultRoute\n'
    expect(linuxTargets(conf('nameserver 127.0.0.53'), '/etc/resolv.conf', status(none)).map((t) => t.server)).toEqual([
      '1.1.1.1',
      '8.8.8.8',
    ])
    const some = `${none}  DNS Servers: 192.168.1.1\n`
    expect(linuxTargets(conf('nameserver 127.0.0.53'), '/etc/resolv.conf', status(some)).map((t) => t.server)).toEqual(['192.168.1.1'])
  })

  it('binds a link-local nameserver to the interface its zone names', () => {
    const targets = linuxTargets(conf('nameserver fe80::1%wlan0\nnameserver fe80::2%3\n'), '/etc/resolv.conf', null)
    expect(targets.map((t) => [t.server, t.link])).toEqual([
      ['fe80::1', 'wlan0'],
      ['fe80::2', null],
    ])
  })

  it('caps the list however many servers a hostile resolvectl prints', () => {
    const many = `Global\n       DNS Servers: ${Array.from({ length: 5000 }, (_, i) => `10.0.${i >> 8}.${i & 255}`).join(' ')}\n`
    const s = status(many)
    expect(s.global?.servers.length).toBe(64)
    expect(linuxTargets(conf('nameserver 127.0.0.53'), '/etc/resolv.conf', s)).toHaveLength(8)
  })
})

describe('which nameservers are in use on macOS (scutil --dns)', () => {
  it.each([
    ['a real LAN resolver (Tunnelblick #589)', 'darwin/scutil-dns-lan.txt', ['10.5.3.211', '10.5.3.210']],
    [
      'a real split tunnel: the Supplemental VPN resolver is skipped (eduvpn #250)',
      'darwin/scutil-dns-split-tunnel.txt',
      ['8.8.8.8', '8.8.4.4'],
    ],
    ['WireGuard: the default resolver on utun4; scoped resolvers are skipped', 'darwin/scutil-dns-wireguard.txt', ['10.64.0.1']],
  ])('%s', (_name, file, expected) => {
    expect(darwinTargets(parseScutilDns(fx(file))).map((t) => t.server)).toEqual(expected)
  })

  it('reads nothing from garbage, binary or a huge output without growing without bound', () => {
    expect(darwinTargets(parseScutilDns('\u0000\u0001\u0002binary'))).toEqual([])
    expect(darwinTargets(parseScutilDns('resolver #1\n  nameserver[0] : \u001b[31m1.2.3.4\n'))).toEqual([])
    const huge = `DNS configuration\n\n${'resolver #1\n  nameserver[0] : 10.0.0.1\n'.repeat(20000)}`
    const parsed = parseScutilDns(huge)
    expect(parsed.length).toBe(64)
    expect(darwinTargets(parsed)).toHaveLength(1)
  })
})

describe('which nameservers are in use on Windows', () => {
  it('drops the fec0:0:0:ffff::N placeholders and zone ids, keeps the adapter as the origin', () => {
    const t = win32Targets([
      { server: 'fec0:0:0:ffff::1%1', adapter: 'Ethernet' },
      { server: '192.168.1.1', adapter: 'Ethernet' },
      { server: 'not an address', adapter: 'Ethernet' },
    ])
    expect(t).toEqual([{ server: '192.168.1.1', link: null, from: 'Ethernet' }])
  })

  it('on a real Get-DnsClientServerAddress listing keeps only real servers: no placeholders, no {::}', () => {
    // The table as PowerShell prints it (test/fixtures/vpn.wireguard/win32/SOURCE.md); the check reads the same fields as JSON.
    const rows = fx('win32/get-dnsclientserveraddress.txt')
      .split('\n')
      .flatMap((line) => {
        const m = /^(.+?)\s+\d+ IPv[46]\s+\{(.*)\}\s*$/.exec(line)
        return m
          ? (m[2] ?? '')
              .split(', ')
              .filter(Boolean)
              .map((server) => ({ server, adapter: (m[1] ?? '').trim() }))
          : []
      })
    expect(rows.length).toBeGreaterThan(20)
    expect(win32Targets(rows).map((t) => [t.server, t.from])).toEqual([
      ['8.8.8.8', 'Ethernet'],
      ['8.8.4.4', 'Ethernet'],
    ])
  })

  it('parses the DnsRoutes part of the script, bare objects and hostile types included', () => {
    const base = JSON.parse(fx('win32/winnet-wireguard-up.json')) as object
    const one = {
      Server: '10.64.0.1',
      InterfaceAlias: 'home',
      Route: { Routes: { InterfaceAlias: 'home', NextHop: '0.0.0.0', DestinationPrefix: '0.0.0.0/0' }, Error: null },
    }
    const parsed = parseWinNet(JSON.stringify({ ...base, DnsRoutes: one }))
    expect(parsed.ok && parsed.value.dnsRoutes).toEqual([
      { server: '10.64.0.1', adapter: 'home', route: { alias: 'home', route: '0.0.0.0/0 via 0.0.0.0 (home)', error: null } },
    ])
    expect(parseWinNet(JSON.stringify({ ...base, DnsRoutes: [{ Server: 42 }] })).ok).toBe(false)
    const many = parseWinNet(JSON.stringify({ ...base, DnsRoutes: Array.from({ length: 10000 }, () => one) }))
    expect(many.ok && many.value.dnsRoutes.length).toBe(32)
  })
})

describe('where one nameserver’s lookups go', () => {
  const wg: Tunnel = { label: 'wg0', provider: 'wireguard', iface: 'wg0' }
  const ts: Tunnel = { label: 'Tailscale', provider: 'tailscale', iface: 'tailscale0' }
  it.each([
    ['into the tunnel', { kind: 'dev', dev: 'wg0' }, { kind: 'tunnel', via: 'wg0' }],
    ['into another tunnel-like interface (OpenVPN tun0)', { kind: 'dev', dev: 'tun0' }, { kind: 'tunnel', via: 'tun0' }],
    [
      'out of the NIC, with the route seen',
      { kind: 'dev', dev: 'eth0', route: '192.168.1.1 dev eth0' },
      { kind: 'outside', dev: 'eth0', route: '192.168.1.1 dev eth0' },
    ],
    ['nowhere (unreachable)', { kind: 'none', why: 'unreachable' }, { kind: 'blocked' }],
    ["to Tailscale's own resolver: not judged", { kind: 'dev', dev: 'tailscale0' }, { kind: 'unknown' }],
  ] as const)('%s', (_name, lookup, expected) => {
    expect(dnsPath(lookup, [wg, ts], ['tun0'])).toEqual(expected)
  })
})

describe('addresses', () => {
  it.each([
    ['10.64.0.1', true],
    ['172.31.255.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['100.64.0.7', true],
    ['100.128.0.1', false],
    ['fd99::2', true],
    ['fc00::1', true],
    ['fd::1', false],
    ['2001:db8::53', false],
    ['9.9.9.9', false],
  ])('%s private: %s', (a, expected) => expect(isPrivateAddress(a)).toBe(expected))

  it.each([
    ['1.1.1.1#cloudflare-dns.com', '1.1.1.1'],
    ['[2606:4700::1111]:853', '2606:4700::1111'],
    ['192.168.1.1:53', '192.168.1.1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['dns.example', null],
    ['', null],
  ])('%s → %s', (raw, expected) => expect(serverAddress(raw)).toBe(expected))

  it('rebuilds the ip route get line from JSON, capped, and refuses a shape without dev', () => {
    const r = parseIpRouteGet(JSON.stringify([{ dst: '10.0.0.1', gateway: 'x'.repeat(10000), dev: 'eth0' }]))
    expect(r.ok && r.value.kind === 'dev' && r.value.route?.length).toBe(200)
    expect(parseIpRouteGet('[{"dst":"10.0.0.1"}]')).toEqual({ ok: false, reason: 'bad_shape' })
  })
})
