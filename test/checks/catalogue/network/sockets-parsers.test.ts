import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseLsofFields } from '../../../../checks/catalogue/network/lsof.parse.js'
import { decodeAddress, parseProcNet } from '../../../../checks/catalogue/network/proc-net.parse.js'
import { serviceOf } from '../../../../checks/catalogue/network/services.data.js'
import { MAX_LISTENERS, programName, type Listener } from '../../../../checks/catalogue/network/sockets.verdict.js'
import { parseSsExtras } from '../../../../checks/catalogue/network/ss.parse.js'
import { parseWindowsSockets } from '../../../../checks/catalogue/network/windows-sockets.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const fixture = (p: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/network.listening/${p}`, import.meta.url)), 'utf8')
const HUGE = 'x'.repeat(4 * 1024 * 1024)
const TCP_HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n'
const row = (i: number, local: string, remote: string, state: string, inode: number): string =>
  `   ${i}: ${local} ${remote} ${state} 00000000:00000000 00:00000000 00000000     0        0 ${inode} 1 0000000000000000 100 0 0 10 0\n`
const reasonKey = (r: { ok: boolean; reason?: { key: string } }): string | undefined => (r.ok ? undefined : r.reason?.key)

describe('parseProcNet: /proc/net/{tcp,tcp6,udp,udp6}', () => {
  it('reads the listening rows of a real table (goss-org/goss#804), loopback included', () => {
    const r = parseProcNet(fixture('linux/proc-net-tcp.txt'), 'tcp')
    expect(r.ok && r.value.map((s) => `${s.address}:${s.port}/${s.inode}`)).toEqual([
      '0.0.0.0:10051/26222',
      '0.0.0.0:22/26636',
      '0.0.0.0:80/19250',
      '0.0.0.0:443/19251',
      '127.0.0.1:5432/24477',
      '127.0.0.1:8080/19252',
      '127.0.0.53:53/20112',
      '127.0.0.1:25/27702',
    ])
  })

  it('reads IPv6, ::1, IPv4-mapped and a ULA from the recorded test namespace', () => {
    const r = parseProcNet(fixture('linux/netns/tcp6'), 'tcp')
    expect(r.ok && r.value.map((s) => `${s.family} ${s.address}:${s.port}`)).toEqual([
      'ipv6 ::1:9001',
      'ipv4 192.0.2.10:8002',
      'ipv6 :::8001',
      'ipv6 fd00:b1::10:8003',
    ])
  })

  it('keeps UDP sockets bound with no remote end and drops connected ones', () => {
    const r = parseProcNet(fixture('linux/netns/udp'), 'udp')
    expect(r.ok && r.value.map((s) => `${s.address}:${s.port}`)).toEqual(['127.0.0.1:5300', '0.0.0.0:5353'])
  })

  it('keeps only state 0A (LISTEN) for TCP', () => {
    const text = TCP_HEADER + row(0, '0F02000A:0016', '0100000A:D431', '01', 5) + row(1, '00000000:0016', '00000000:0000', '0A', 6)
    const r = parseProcNet(text, 'tcp')
    expect(r.ok && r.value.map((s) => s.inode)).toEqual([6])
  })

  it('decodes each 32-bit word in host (little-endian) byte order', () => {
    expect(decodeAddress('0100007F')).toEqual({ address: '127.0.0.1', family: 'ipv4' })
    expect(decodeAddress('00000000000000000000000001000000')).toEqual({ address: '::1', family: 'ipv6' })
    expect(decodeAddress('0000000000000000FFFF00000501A8C0')).toEqual({ address: '192.168.1.5', family: 'ipv4' })
    expect(decodeAddress('000080FE00000000FF0F5002FEBE4C3A')).toEqual({ address: 'fe80::250:fff:3a4c:befe', family: 'ipv6' })
  })

  it.each([
    ['an empty file', '', 'network.sockets.badHeader'],
    ['no header', row(0, '00000000:0016', '00000000:0000', '0A', 1), 'network.sockets.badHeader'],
    ['a truncated row', `${TCP_HEADER}   0: 00000000:0016 00000000:00`, 'network.sockets.badRow'],
    ['a short address', `${TCP_HEADER}${row(0, '000000:0016', '00000000:0000', '0A', 1)}`, 'network.sockets.badRow'],
    ['escape codes', `${TCP_HEADER}\u001b[2J\u001b]0;pwned\u0007\n`, 'network.sockets.badRow'],
    ['4 MiB of one line', `${TCP_HEADER}${HUGE}`, 'network.sockets.badRow'],
  ])('refuses %s', (_name, text, key) => {
    expect(reasonKey(parseProcNet(text, 'tcp'))).toBe(key)
  })

  it('reads a huge real-shaped table in linear time and keeps at most MAX_LISTENERS', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) =>
      row(i, `00000000:${(1 + (i % 60000)).toString(16).toUpperCase().padStart(4, '0')}`, '00000000:0000', '0A', i + 1),
    )
    const r = parseProcNet(TCP_HEADER + rows.join(''), 'tcp')
    expectLinearTime(
      (scale) => TCP_HEADER + rows.slice(0, 7_500 * scale).join(''),
      (text) => parseProcNet(text, 'tcp'),
    )
    expect(r.ok && r.value.length).toBe(MAX_LISTENERS)
  })
})

describe('parseSsExtras: ss -H -tulpne', () => {
  it('maps inodes to programs and v6only (recorded in the test namespace)', () => {
    const r = parseSsExtras(fixture('linux/netns/ss.txt'))
    expect(r.ok && r.value.get(1315018)).toEqual({ process: { pid: 20940, name: 'python3' }, v6only: false })
    expect(r.ok && r.value.get(1315022)).toEqual({ process: { pid: 20940, name: 'python3' }, v6only: true })
    expect(r.ok && r.value.get(1315017)).toEqual({ process: { pid: 20940, name: 'python3' } })
  })

  it('keeps a socket with no visible program (another user, not root)', () => {
    const r = parseSsExtras('tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:* ino:26636 sk:2 <->\n')
    expect(r.ok && r.value.get(26636)).toEqual({})
  })

  it('reads a quoted program name with escapes and control characters as a safe value', () => {
    const r = parseSsExtras('tcp LISTEN 0 1 0.0.0.0:1 0.0.0.0:* users:(("a\\"b\u001b[2J",pid=7,fd=3)) ino:9 <->\n')
    expect(r.ok && r.value.get(9)?.process?.name).toBe('a"b?[2J')
  })

  it.each([
    ['junk', '{"a": 1}\n', 'network.sockets.notSsLine'],
    ['4 MiB of one line', HUGE, 'network.sockets.notSsLine'],
    ['nothing at all', '', undefined],
    ['escape codes', '\u001b[31mtcp\n', 'network.sockets.notSsLine'],
  ])('handles %s', (_name, text, key) => {
    const r = parseSsExtras(text)
    if (key) expect(reasonKey(r)).toBe(key)
    else expect(r.ok && r.value.size).toBe(0)
  })
})

describe('parseLsofFields: lsof -F pcPtn', () => {
  it('reads listening TCP sockets with their programs (macOS, after mondoohq/mql#382 and portracker#5)', () => {
    const r = parseLsofFields(fixture('darwin/lsof-tcp.txt'))
    expect(r.ok && r.value.map((l) => `${l.transport} ${l.address}:${l.port} ${l.process?.name}/${l.process?.pid}`)).toEqual([
      'tcp 0.0.0.0:56863 rapportd/512',
      'tcp :::56863 rapportd/512',
      'tcp 0.0.0.0:7000 ControlCenter/533',
      'tcp :::7000 ControlCenter/533',
      'tcp 0.0.0.0:5000 ControlCenter/533',
      'tcp :::5000 ControlCenter/533',
      'tcp :::4211 node/56079',
      'tcp 127.0.0.1:44960 Code Helper/1201',
    ])
  })

  it('drops connected UDP sockets and unbound *:*', () => {
    const r = parseLsofFields(fixture('darwin/lsof-udp.txt'))
    expect(r.ok && r.value.map((l) => `${l.address}:${l.port}`)).toEqual(['0.0.0.0:5353', ':::5353'])
  })

  it('reads files even without the fd field that opens each one', () => {
    const r = parseLsofFields('p7\ncsshd\ntIPv4\nPTCP\nn*:22\ntIPv6\nPTCP\nn*:22\n')
    expect(r.ok && r.value.map((l) => `${l.family} ${l.address}:${l.port}`)).toEqual(['ipv4 0.0.0.0:22', 'ipv6 :::22'])
  })

  it('reads [::1] and an empty answer', () => {
    const r = parseLsofFields('p1\nccupsd\nf5\ntIPv6\nPTCP\nn[::1]:631\n')
    expect(r.ok && r.value[0]).toMatchObject({ address: '::1', port: 631, family: 'ipv6' })
    expect(parseLsofFields('')).toEqual({ ok: true, value: [] })
  })

  it.each([
    ['junk', '{"a": [1, \n', 'network.sockets.badLsofField'],
    ['a bad pid', 'pabc\n', 'network.sockets.badPid'],
    ['escape codes before any process', '\u001b[2J\n', 'network.sockets.badLsofField'],
    ['fields with no process', 'f3\ntIPv4\nPTCP\nn*:80\n', 'network.sockets.noProcess'],
  ])('refuses %s', (_name, text, key) => {
    expect(reasonKey(parseLsofFields(text))).toBe(key)
  })

  it('survives 4 MiB and hostile names: control characters never reach the value', () => {
    expect(parseLsofFields(`p1\nc${HUGE}\nf3\ntIPv4\nPTCP\nn*:80\n`)).toMatchObject({
      ok: true,
      value: [{ process: { name: 'x'.repeat(64) } }],
    })
    const r = parseLsofFields('p1\nc\u001b]0;owned\u0007\nf3\ntIPv4\nPTCP\nn*:80\n')
    expect(r.ok && r.value[0]?.process?.name).toBe('?]0;owned?')
    expect(parseLsofFields('p1\ncx\nf3\ntIPv4\nPTCP\nn999.1.1.1:80\n')).toEqual({ ok: true, value: [] })
  })
})

describe('parseWindowsSockets: Get-NetTCPConnection, Get-NetUDPEndpoint and Get-Process as JSON', () => {
  it('reads listeners with their program names and skips port 0', () => {
    const r = parseWindowsSockets(fixture('win32/sockets.json'))
    expect(r.ok && r.value.length).toBe(13)
    expect(r.ok && r.value.find((l) => l.port === 445)).toEqual({
      transport: 'tcp',
      family: 'ipv6',
      address: '::',
      port: 445,
      process: { pid: 4, name: 'System' },
    })
  })

  it('takes ConvertTo-Json’s bare object for a one-element list', () => {
    const r = parseWindowsSockets(
      '{"Tcp":{"LocalAddress":"0.0.0.0","LocalPort":3389,"OwningProcess":1100},"Udp":null,"Processes":{"Id":1100,"ProcessName":"svchost"}}',
    )
    expect(r.ok && r.value).toEqual([
      { transport: 'tcp', family: 'ipv4', address: '0.0.0.0', port: 3389, process: { pid: 1100, name: 'svchost' } },
    ])
  })

  it.each([
    ['empty output', '', 'network.sockets.emptyOutput'],
    ['not JSON', 'Get-NetTCPConnection : Access is denied', 'network.sockets.notJson'],
    ['a wrong shape', '{"Tcp":[{"LocalAddress":5}]}', 'network.sockets.badJson'],
    ['an address that is no address', '{"Tcp":[{"LocalAddress":"\\u001b[2J","LocalPort":1}]}', 'network.sockets.badJson'],
    ['4 MiB', `{"Tcp":"${HUGE}"}`, 'network.sockets.badJson'],
  ])('refuses %s', (_name, text, key) => {
    expect(reasonKey(parseWindowsSockets(text))).toBe(key)
  })
})

describe('serviceOf: what a listener is, in plain words', () => {
  const l = (port: number, name?: string, transport: Listener['transport'] = 'tcp'): Listener => ({
    transport,
    family: 'ipv4',
    address: '0.0.0.0',
    port,
    ...(name ? { process: { pid: 1, name } } : {}),
  })
  it.each([
    ['sshd on 22', l(22, 'sshd'), 'remote-login', 'SSH'],
    ['sshd on another port', l(2222, 'sshd'), 'remote-login', 'SSH'],
    ['VNC by port', l(5901), 'screen-sharing', 'VNC'],
    ['RDP over UDP', l(3389, 'svchost', 'udp'), 'screen-sharing', 'RDP'],
    ['SMB', l(445, 'System'), 'file-sharing', 'SMB'],
    ['CUPS', l(631, 'cupsd'), 'printer', 'IPP/CUPS'],
    ['mDNS', l(5353, 'avahi-daemon', 'udp'), 'discovery', 'mDNS/Bonjour'],
    ['LLMNR from systemd-resolved', l(5355, 'systemd-resolve'), 'discovery', 'LLMNR'],
    ['SSDP', l(1900, 'svchost', 'udp'), 'discovery', 'SSDP/UPnP'],
    ['NetBIOS', l(137, 'System', 'udp'), 'discovery', 'NetBIOS name service'],
    ['python -m http.server on 8000', l(8000, 'python3'), 'dev-server', 'HTTP'],
    ['node on an odd port', l(4211, 'node'), 'dev-server', 'HTTP'],
    ['node serving mDNS', l(5353, 'node', 'udp'), 'discovery', 'mDNS/Bonjour'],
    ['AirPlay on 5000, not a dev server', l(5000, 'ControlCenter'), 'media', 'AirPlay'],
    ['PostgreSQL', l(5432, 'postgres'), 'database', 'PostgreSQL'],
    ['DHCP client', l(68, 'dhclient', 'udp'), 'network-client', 'DHCP client'],
    ['something else', l(10051, 'zabbix_server'), 'other', ''],
  ])('%s', (_name, listener, kind, protocol) => {
    expect(serviceOf(listener)).toEqual({ kind, protocol })
  })

  it('programName strips control characters and caps the length', () => {
    expect(programName('a\u0000b\u009bc')).toBe('a?b?c')
    expect(programName('y'.repeat(100))).toHaveLength(64)
  })
})
