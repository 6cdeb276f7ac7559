import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseIfconfigList, parseRouteGet, parseScutilNcList } from '../../../../checks/catalogue/vpn/darwin-net.parse.js'
import { isNoRouteError, parseIpLinks, parseIpRouteGet } from '../../../../checks/catalogue/vpn/ip-json.parse.js'
import { isWireGuardAdapter, parseWinNet } from '../../../../checks/catalogue/vpn/windows-net.parse.js'
import { parseMullvadLockdown, parseMullvadStatus, parseTailscaleStatus } from '../../../../checks/catalogue/vpn/vpn-clients.parse.js'

const FIX = path.resolve(__dirname, '../../../fixtures/vpn.wireguard')
const fx = (rel: string): string => readFileSync(path.join(FIX, rel), 'utf8')

const MALFORMED = [
  ['empty', ''],
  ['binary', '\u0000\u0001\u0002\u00ff'],
  ['truncated JSON', '[{"ifname":"wg0","flags":["UP"'],
  ['HTML error page', '<html><body>oops</body></html>'],
] as const

describe('ip -j parsers', () => {
  it('reads recorded wireguard-go links: tun kind, UP flag', () => {
    const links = parseIpLinks(fx('linux/link-wg-go-up.json'))
    expect(links.ok && links.value.find((l) => l.name === 'wg0')).toEqual({ name: 'wg0', kind: 'tun', up: true })
    const down = parseIpLinks(fx('linux/link-wg-go-down.json'))
    expect(down.ok && down.value.find((l) => l.name === 'wg0')?.up).toBe(false)
  })

  it('reads the kernel kind', () => {
    const links = parseIpLinks(fx('linux/link-kernel-mullvad.json'))
    expect(links.ok && links.value.find((l) => l.kind === 'wireguard')?.name).toBe('wg0-mullvad')
  })

  it('reads route get: the table 51820 answer, not the main table', () => {
    expect(parseIpRouteGet(fx('linux/route4-wg-quick.json'))).toEqual({
      ok: true,
      value: { kind: 'dev', dev: 'wg0', route: '1.1.1.1 dev wg0 table 51820 src 10.99.0.1' },
    })
    expect(parseIpRouteGet(fx('linux/route6-eth0.json'))).toEqual({
      ok: true,
      value: { kind: 'dev', dev: 'eth0', route: '2606:4700:4700::1111 via fd00:a::2 dev eth0 src fd00:a::1' },
    })
  })

  it('treats blackhole/unreachable routes as "nothing leaves"', () => {
    expect(parseIpRouteGet('[{"type":"blackhole","dst":"1.1.1.1","dev":"lo"}]')).toEqual({
      ok: true,
      value: { kind: 'none', why: 'blackhole' },
    })
    expect(isNoRouteError('RTNETLINK answers: Network is unreachable')).toBe(true)
    expect(isNoRouteError('Error: any valid prefix is expected rather than "x".')).toBe(false)
  })

  it.each(MALFORMED)('%s → not ok, no throw', (_n, text) => {
    expect(parseIpLinks(text).ok).toBe(false)
    expect(parseIpRouteGet(text).ok).toBe(false)
  })

  it('rejects JSON of the wrong shape', () => {
    expect(parseIpLinks('{"ifname":"wg0"}')).toEqual({ ok: false, reason: 'bad_shape' })
    expect(parseIpRouteGet('[]')).toEqual({ ok: false, reason: 'bad_shape' })
    expect(parseIpRouteGet('[{"dst":"1.1.1.1"}]')).toEqual({ ok: false, reason: 'bad_shape' })
  })

  it('copes with a BOM', () => {
    expect(parseIpRouteGet(`\ufeff${fx('linux/route4-eth0.json')}`).ok).toBe(true)
  })
})

describe('macOS parsers', () => {
  it('reads a real route -n get (kairos-io/kairos#4431): the interface and the route as printed', () => {
    expect(parseRouteGet(fx('darwin/route-get-default-kairos.txt'))).toEqual({
      ok: true,
      value: { kind: 'dev', dev: 'en1', route: 'destination: default, mask: default, gateway: 192.168.68.1, interface: en1' },
    })
  })

  it('reads ifconfig -l, route get and scutil --nc list', () => {
    const ifl = parseIfconfigList(fx('darwin/ifconfig-l.txt'))
    expect(ifl.ok && ifl.value).toContain('utun4')
    expect(parseRouteGet(fx('darwin/route-get-utun4.txt'))).toEqual({
      ok: true,
      value: { kind: 'dev', dev: 'utun4', route: 'destination: 0.0.0.0, mask: 128.0.0.0, interface: utun4' },
    })
    expect(parseRouteGet(fx('darwin/route6-get-en0.txt'))).toEqual({
      ok: true,
      value: { kind: 'dev', dev: 'en0', route: 'destination: default, mask: default, gateway: fe80::1%en0, interface: en0' },
    })
    const nc = parseScutilNcList(fx('darwin/scutil-nc-list-wireguard-connected.txt'))
    expect(nc.ok && nc.value).toEqual([
      { status: 'Connected', name: 'Home tunnel', type: 'com.wireguard.macos' },
      { status: 'Disconnected', name: 'vpn.example.org', type: 'com.wireguard.macos' },
      { status: 'Disconnected', name: 'My VPN', type: 'PPP:L2TP' },
    ])
    expect(parseScutilNcList(fx('darwin/scutil-nc-list-none.txt'))).toEqual({ ok: true, value: [] })
  })

  it('treats a REJECT route as nothing leaving', () => {
    expect(parseRouteGet('   route to: 1.1.1.1\n  interface: lo0\n      flags: <UP,DONE,REJECT>\n')).toEqual({
      ok: true,
      value: { kind: 'none', why: '<UP,DONE,REJECT>' },
    })
  })

  it.each(MALFORMED)('%s → not ok', (_n, text) => {
    expect(parseRouteGet(text).ok).toBe(false)
    expect(parseScutilNcList(text).ok).toBe(false)
  })

  it('refuses ifconfig output that is not a name list', () => {
    expect(parseIfconfigList('').ok).toBe(false)
    expect(parseIfconfigList('en0: flags=8863<UP> mtu 1500').ok).toBe(false)
  })
})

describe('Windows parser', () => {
  it('reads adapters, services and route aliases, bare objects included', () => {
    const up = parseWinNet(fx('win32/winnet-wireguard-up.json'))
    expect(up.ok && up.value.route4).toEqual({ alias: 'home', route: null, error: null })
    expect(up.ok && up.value.services).toEqual([{ name: 'WireGuardTunnel$home', status: 'Running' }])
    const nothing = parseWinNet(fx('win32/winnet-nothing.json'))
    expect(nothing.ok && nothing.value.adapters.length).toBe(1)
    expect(nothing.ok && nothing.value.route6).toEqual({ alias: null, route: null, error: null })
  })

  it('keeps the error Find-NetRoute wrote instead of an answer', () => {
    const text =
      '{"Adapters":[],"Services":[],"Route4":{"Routes":[],"Error":{"Category":"ObjectNotFound","Message":"No matching MSFT_NetRoute objects found"}},"Route6":{"Routes":null,"Error":{"Category":"PermissionDenied","Message":"Access denied"}}}'
    const parsed = parseWinNet(text)
    expect(parsed.ok && parsed.value.route4).toEqual({
      alias: null,
      route: null,
      error: { category: 'ObjectNotFound', message: 'No matching MSFT_NetRoute objects found' },
    })
    expect(parsed.ok && parsed.value.route6).toEqual({
      alias: null,
      route: null,
      error: { category: 'PermissionDenied', message: 'Access denied' },
    })
  })

  it('matches wireguard-nt by hardware id, not by description', () => {
    const base = { name: 'x', status: 'Up' }
    expect(isWireGuardAdapter({ ...base, description: 'Acme Tunnel', componentId: 'wireguard', driverDescription: '' })).toBe(true)
    expect(
      isWireGuardAdapter({ ...base, description: 'Mullvad Tunnel', componentId: 'SWD\\MullvadWireGuard', driverDescription: '' }),
    ).toBe(true)
    expect(
      isWireGuardAdapter({ ...base, description: 'WireGuard Tunnel', componentId: 'tap0901', driverDescription: 'TAP-Windows Adapter V9' }),
    ).toBe(false)
  })

  it.each(MALFORMED)('%s → not ok', (_n, text) => {
    expect(parseWinNet(text).ok).toBe(false)
  })

  it('rejects a wrong field type', () => {
    expect(parseWinNet('{"Adapters":[{"Name":42}],"Services":[],"Route4":{"Routes":[]},"Route6":{"Routes":[]}}')).toEqual({
      ok: false,
      reason: 'bad_shape',
    })
    expect(parseWinNet('{"Adapters":[],"Services":[],"Route4":[{"InterfaceAlias":"Wi-Fi"}],"Route6":[]}')).toEqual({
      ok: false,
      reason: 'bad_shape',
    })
  })
})

describe('VPN client parsers', () => {
  it('reads Tailscale exit node and mesh states', () => {
    expect(parseTailscaleStatus(fx('clients/tailscale-exit-node.json'))).toEqual({
      ok: true,
      value: { backendState: 'Running', exitNode: { name: 'home-router', online: true } },
    })
    expect(parseTailscaleStatus(fx('clients/tailscale-mesh.json'))).toEqual({
      ok: true,
      value: { backendState: 'Running', exitNode: null },
    })
  })

  it.each([
    ['clients/mullvad-status-connected.txt', 'connected'],
    ['clients/mullvad-status-connected-old.txt', 'connected'],
    ['clients/mullvad-status-disconnected.txt', 'disconnected'],
    ['clients/mullvad-status-blocked.txt', 'blocked'],
  ])('mullvad status %s → %s', (file, state) => {
    expect(parseMullvadStatus(fx(file))).toEqual({ ok: true, value: state })
  })

  it('reads lockdown mode on/off', () => {
    expect(parseMullvadLockdown(fx('clients/mullvad-lockdown-on.txt'))).toEqual({ ok: true, value: true })
    expect(parseMullvadLockdown(fx('clients/mullvad-lockdown-off.txt'))).toEqual({ ok: true, value: false })
  })

  it.each(MALFORMED)('%s → not ok', (_n, text) => {
    expect(parseTailscaleStatus(text).ok).toBe(false)
    expect(parseMullvadStatus(text).ok).toBe(false)
    expect(parseMullvadLockdown(text).ok).toBe(false)
  })
})
