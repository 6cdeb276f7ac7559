import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { firewalldOpenings, parseFirewalldState } from '../../../../checks/catalogue/network/firewalld.parse.js'
import { parsePfRules, parsePfStatus } from '../../../../checks/catalogue/network/pf.parse.js'
import { parseListApps, parseSocketfilterfw } from '../../../../checks/catalogue/network/socketfilterfw.parse.js'
import { parseShellAssignments } from '../../../../checks/catalogue/network/ufw.parse.js'
import { parseFirewallProfiles } from '../../../../checks/catalogue/network/windows-firewall.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const FIXTURES = path.resolve(__dirname, '../../../fixtures/network.firewall')
const rec = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8')
const HUGE = 'A'.repeat(4 * 1024 * 1024)
const HOSTILE = '\u0000\u001b[2J\u001b]0;pwned\u0007\r\n'.repeat(1000)
const printable = (s: string): boolean => !/[\u0000-\u001f\u007f]/.test(s)

describe('ufw: its files', () => {
  it('reads ENABLED and the defaults as the shell would (quotes off, last one wins)', () => {
    expect(parseShellAssignments(rec('linux/ufw.conf')).get('ENABLED')).toBe('yes')
    const defaults = parseShellAssignments(rec('linux/default-ufw'))
    expect([defaults.get('DEFAULT_INPUT_POLICY'), defaults.get('IPV6')]).toEqual(['DROP', 'yes'])
    expect(parseShellAssignments('ENABLED=no\n# ENABLED=yes\nENABLED="yes"\n').get('ENABLED')).toBe('yes')
  })

  it.each([
    ['huge', HUGE],
    ['hostile', HOSTILE],
    ['malformed', '=\n==\nENABLED\n"x=\n'],
  ])('%s input gives nothing unprintable and no throw', (_name, text) => {
    const values = [...parseShellAssignments(text).values()]
    expect(values.every(printable)).toBe(true)
  })
})

describe('firewalld: --state and --list-all', () => {
  it.each([
    ['running\n', '', true],
    ['not running\n', '', false],
    ['', 'running\n', true],
    [HOSTILE, '', false],
  ])('%j', (stdout, stderr, running) => {
    expect(parseFirewalldState(stdout, stderr)).toBe(running)
  })

  it('names the zone target, interfaces, services, ports and rich rules', () => {
    expect(firewalldOpenings(rec('linux/firewalld-list-all.txt'))).toBe(
      'target: default; interfaces: eth0; services: dhcpv6-client ssh; ports: -; rich rules: -',
    )
    expect(firewalldOpenings(HUGE)).toBe('-')
    expect(printable(firewalldOpenings(`  services: ssh\u001b[2J\n`))).toBe(true)
  })

  it.each([
    ['lines of spaces', (lines: number) => `${' '.repeat(1999)}\n`.repeat(lines)],
    ['values of spaces before a stray carriage return', (lines: number) => `  services:${' '.repeat(1980)}x\ry\n`.repeat(lines)],
  ])('reads %s in time linear in their number (100, 200, 400 lines)', (_name, make) => {
    expectLinearTime((scale) => make(scale * 100), firewalldOpenings)
  })
})

describe('socketfilterfw: the application firewall', () => {
  it.each([
    ['darwin/af-on.txt', { globalState: 1, blockAll: false, stealth: false, allowBuiltInSigned: true, allowDownloadedSigned: false }],
    ['darwin/af-off.txt', { globalState: 0, blockAll: false, stealth: false }],
    ['darwin/af-state2-kolide.txt', { globalState: 2, blockAll: false, stealth: true, allowDownloadedSigned: true }],
    ['darwin/af-block-all.txt', { globalState: 2, blockAll: true, stealth: true }],
  ])('%s', (file, expected) => {
    const parsed = parseSocketfilterfw(rec(file))
    expect(parsed.ok && parsed.value).toMatchObject(expected)
  })

  it('older wordings: "Block all DISABLED!" and "Firewall is set to block all non-essential incoming connections"', () => {
    const old = parseSocketfilterfw('Firewall is enabled. (State = 1)\nBlock all DISABLED!\n')
    expect(old.ok && old.value.blockAll).toBe(false)
    const set = parseSocketfilterfw('Firewall is enabled. (State = 1)\nFirewall is set to block all non-essential incoming connections\n')
    expect(set.ok && set.value.blockAll).toBe(true)
  })

  it.each([
    ['no state line', 'Firewall has block all state set to enabled.\n'],
    ['a usage message', 'usage: /usr/libexec/ApplicationFirewall/socketfilterfw [-h]\n'],
    ['huge', HUGE],
    ['hostile', HOSTILE],
  ])('refuses %s', (_name, text) => {
    const parsed = parseSocketfilterfw(text)
    expect(parsed.ok ? 'ok' : parsed.reason.key).toBe('network.inbound.pNoState')
  })

  it('lists the apps with their allow state, in either layout', () => {
    expect(
      parseListApps(rec('darwin/listapps-kolide.txt'))
        .filter((a) => a.allowed)
        .map((a) => a.name),
    ).toEqual(['replicatord', 'rtadvd', 'com.docker.backend', 'sshd-keygen-wrapper'])
    expect(parseListApps('ALF: total number of apps = 1 \n\n1 :  /Applications/Foo.app \n \t ( Block incoming connections ) \n')).toEqual([
      { name: '/Applications/Foo.app', allowed: false },
    ])
    expect(parseListApps(HUGE)).toEqual([])
    expect(parseListApps(`x\u001b[2J (state: 1)\n`).every((a) => printable(a.name))).toBe(true)
  })
})

describe('pf: status and rules', () => {
  it('reads the status line', () => {
    expect(parsePfStatus('Status: Enabled for 0 days 00:12:34           Debug: Urgent\n')).toBe(true)
    expect(parsePfStatus('Status: Disabled                              Debug: Urgent\n')).toBe(false)
    expect(parsePfStatus(HUGE)).toBeNull()
  })

  it('a block-in-all rule filters; the pass rules after it open their ports', () => {
    const rules = parsePfRules('block drop in all\npass in proto tcp from any to any port = 22 flags S/SA keep state\npass out all\n')
    expect(rules.blockIn).toBe('block drop in all')
    expect(rules.passIn).toEqual([
      { line: 'pass in proto tcp from any to any port = 22 flags S/SA keep state', transport: 'tcp', port: 22 },
    ])
  })

  it('pass rules before the last block (not quick) no longer count; a block limited to an interface or protocol is not block-all', () => {
    expect(parsePfRules('pass in all\nblock in all\n').passIn).toEqual([])
    expect(parsePfRules('block in on en0 all\nblock in proto tcp all\n').blockIn).toBeNull()
    expect(parsePfRules('pass in quick on lo0 all\nblock in all\n').passIn.map((p) => p.line)).toEqual(['pass in quick on lo0 all'])
  })

  it('huge and hostile rules stay bounded and printable', () => {
    expect(parsePfRules(HUGE)).toEqual({ blockIn: null, passIn: [] })
    const hostile = parsePfRules(`pass in \u001b[2J all\n`.repeat(500))
    expect(hostile.passIn.length).toBeLessThanOrEqual(50)
    expect(hostile.passIn.every((p) => printable(p.line))).toBe(true)
  })
})

describe('Get-NetFirewallProfile as JSON', () => {
  it.each([
    ['win32/profiles-default.json', { enabled: true, inbound: 'Block', allowInboundRules: true }],
    ['win32/profiles-numbers.json', { enabled: true, inbound: 'Block', allowInboundRules: true }],
    ['win32/profiles-public-off.json', { enabled: false, inbound: 'Block' }],
    ['win32/profile-public-allow.json', { enabled: true, inbound: 'Allow' }],
    ['win32/profiles-block-all.json', { allowInboundRules: false }],
  ])('%s', (file, expected) => {
    const parsed = parseFirewallProfiles(rec(file))
    expect(parsed.ok && parsed.value.public).toMatchObject({ name: 'Public', ...expected })
  })

  it('accepts a byte-order mark', () => {
    expect(parseFirewallProfiles(`\uFEFF${rec('win32/profiles-default.json')}`).ok).toBe(true)
  })

  it.each([
    ['not JSON', 'Name : Public', 'network.inbound.pNotJson'],
    ['no Public profile', '[{"Name":"Domain","Enabled":"True","DefaultInboundAction":"Block"}]', 'network.inbound.pNoPublic'],
    ['an unknown value', '{"Name":"Public","Enabled":"Maybe","DefaultInboundAction":"Block"}', 'network.inbound.pBadProfile'],
    ['an unknown profile', '{"Name":"Café","Enabled":"True","DefaultInboundAction":"Block"}', 'network.inbound.pBadProfile'],
    ['an entry that is not an object', '[1]', 'network.inbound.pBadEntry'],
    ['huge', `"${HUGE}"`, 'network.inbound.pTooLarge'],
    ['hostile', HOSTILE, 'network.inbound.pNotJson'],
  ])('refuses %s', (_name, text, key) => {
    const parsed = parseFirewallProfiles(text)
    expect(parsed.ok ? 'ok' : parsed.reason.key).toBe(key)
  })
})
