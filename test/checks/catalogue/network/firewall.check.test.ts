import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { firewallCheck } from '../../../../checks/catalogue/network/firewall.check.js'
import { gatherInbound } from '../../../../checks/catalogue/network/inbound.io.js'
import { admissionOf } from '../../../../checks/catalogue/network/inbound.verdict.js'
import { STATE_ARGS, SOCKETFILTERFW } from '../../../../checks/catalogue/network/inbound.darwin.io.js'
import { PROFILE_ARGS } from '../../../../checks/catalogue/network/inbound.win32.io.js'
import type { Platform } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureCommand, type FixtureFile } from '../../../support/fixture-host.js'
import { keyed } from '../../../support/seen.js'

const FIXTURES = path.resolve(__dirname, '../../../fixtures/network.firewall')
const rec = (os: Platform, name: string): string => readFileSync(path.join(FIXTURES, os, name), 'utf8')
const signal = new AbortController().signal

// ---- Linux: the tools live in /usr/sbin, found by path as on Debian for a user without sbin on PATH ----

const SBIN = (tools: readonly string[]): Record<string, FixtureFile> => Object.fromEntries(tools.map((t) => [`/usr/sbin/${t}`, '']))
const EMPTY_SAVE = ''

interface LinuxCase {
  nft?: FixtureCommand
  v4?: FixtureCommand
  v6?: FixtureCommand
  ufw?: { conf: string; status?: FixtureCommand }
  firewalld?: boolean
  /** /proc/net/if_inet6; by default a link-local address on wlan0 (IPv6 on). */
  ifInet6?: FixtureFile
}

const IF_INET6_ON = '00000000000000000000000000000001 01 80 10 80       lo\nfe80000000000000021122fffe334455 03 40 20 80    wlan0\n'

function linuxHost(c: LinuxCase) {
  const tools = ['nft', 'iptables-save', 'ip6tables-save', 'iptables-legacy-save', 'ip6tables-legacy-save', ...(c.ufw ? ['ufw'] : [])]
  const commands: Record<string, FixtureCommand> = {
    '/usr/sbin/nft -j list ruleset': c.nft ?? rec('linux', 'nft-empty.json'),
    '/usr/sbin/iptables-save': c.v4 ?? EMPTY_SAVE,
    '/usr/sbin/ip6tables-save': c.v6 ?? EMPTY_SAVE,
    '/usr/sbin/iptables-legacy-save': EMPTY_SAVE,
    '/usr/sbin/ip6tables-legacy-save': EMPTY_SAVE,
  }
  const files: Record<string, FixtureFile> = { ...SBIN(tools), '/proc/net/if_inet6': c.ifInet6 ?? IF_INET6_ON }
  if (c.ufw) {
    files['/etc/ufw/ufw.conf'] = c.ufw.conf
    files['/etc/default/ufw'] = rec('linux', 'default-ufw')
    commands['/usr/sbin/ufw status verbose'] = c.ufw.status ?? { code: 1, stderr: 'ERROR: You need to be root to run this script\n' }
  }
  if (c.firewalld) {
    files['/usr/bin/firewall-cmd'] = ''
    commands['/usr/bin/firewall-cmd --state'] = 'running\n'
    commands['/usr/bin/firewall-cmd --get-default-zone'] = 'public\n'
    commands['/usr/bin/firewall-cmd --zone=public --list-all'] = rec('linux', 'firewalld-list-all.txt')
  }
  return createFixtureHost({ platform: 'linux', env: { PATH: '/usr/bin:/bin' }, files, commands })
}

const DENIED = {
  code: 1,
  stderr: 'Operation not permitted (you must be root)\nnetlink: Error: cache initialization failed: Operation not permitted\n',
}
const SAVE_DENIED = {
  code: 4,
  stderr: 'iptables-save v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n',
}

describe('network.firewall on Linux (recordings from nft, iptables-save and ufw in a network namespace)', () => {
  it.each<[string, LinuxCase, string, string]>([
    ['no rules at all', {}, 'fail', 'network.firewall.openBoth'],
    [
      'an inet chain with policy drop, SSH and a jumped-to web chain',
      { nft: rec('linux', 'nft-drop-ssh.json') },
      'pass',
      'network.firewall.filtered',
    ],
    ['an ip table only: IPv6 left open', { nft: rec('linux', 'nft-ipv4-only.json') }, 'fail', 'network.firewall.gap'],
    [
      'ufw enabled (iptables-nft), its rules read from iptables-save',
      {
        v4: rec('linux', 'ufw-iptables-save.txt'),
        v6: rec('linux', 'ufw-ip6tables-save.txt'),
        ufw: { conf: rec('linux', 'ufw.conf'), status: rec('linux', 'ufw-status-verbose.txt') },
      },
      'pass',
      'network.firewall.filtered',
    ],
    [
      'a firewalld ruleset (zone dispatch by goto, a final reject)',
      { nft: rec('linux', 'nft-firewalld-like.json'), firewalld: true },
      'pass',
      'network.firewall.filtered',
    ],
    [
      'not root: nft and iptables-save refuse, ufw.conf still says enabled',
      { nft: DENIED, v4: SAVE_DENIED, v6: SAVE_DENIED, ufw: { conf: 'ENABLED=yes\n' } },
      'unknown',
      'network.firewall.unread',
    ],
    ['nft prints junk', { nft: '{"nftables": [1, 2' }, 'unknown', 'network.firewall.unread'],
    [
      'an ip table only, with IPv6 off (loopback the only IPv6 address): no gap',
      { nft: rec('linux', 'nft-ipv4-only.json'), ifInet6: '00000000000000000000000000000001 01 80 10 80       lo\n' },
      'pass',
      'network.firewall.filteredNone',
    ],
    [
      'an ip table only, with no IPv6 in the kernel',
      { nft: rec('linux', 'nft-ipv4-only.json'), ifInet6: { error: 'not_found' } },
      'pass',
      'network.firewall.filteredNone',
    ],
    ['no rules and IPv6 off: IPv4 is still open', { ifInet6: { error: 'not_found' } }, 'fail', 'network.firewall.openBoth'],
  ])('%s', async (_name, c, status, summary) => {
    const outcome = await firewallCheck.run(linuxHost(c), signal)
    expect(outcome.status).toBe(status)
    expect(outcome.summary.key).toBe(summary)
    expect(outcome.evidence.length).toBeGreaterThan(0)
  })

  it('names the openings, and follows the jump into the web chain', async () => {
    const host = linuxHost({ nft: rec('linux', 'nft-drop-ssh.json') })
    const facts = await gatherInbound(host, signal)
    expect(admissionOf(facts, 'ipv6', 'tcp', 443)).toEqual({
      kind: 'let-in',
      by: expect.stringMatching(/^inet filter services: tcp dport \{ 80, 443 \} accept \(handle \d+\)$/),
    })
    expect(admissionOf(facts, 'ipv4', 'udp', 53).kind).toBe('refused')
    const outcome = await firewallCheck.run(host, signal)
    expect(outcome.summary.params).toMatchObject({ values: 'tcp 22; tcp 80, 443', line: 'nft list ruleset: inet filter input: drop' })
  })

  it('firewalld: SSH is let in on either zone path, an unlisted port meets the final reject', async () => {
    const facts = await gatherInbound(linuxHost({ nft: rec('linux', 'nft-firewalld-like.json'), firewalld: true }), signal)
    expect(admissionOf(facts, 'ipv4', 'tcp', 22).kind).toBe('let-in')
    expect(admissionOf(facts, 'ipv4', 'tcp', 8080)).toMatchObject({ kind: 'refused' })
    expect(facts.frontends).toContainEqual({ name: 'firewalld', on: true })
    expect(facts.evidence.map((e) => `${e.source} = ${keyed(e.observed)}`)).toContain(
      '/usr/bin/firewall-cmd --zone=public --list-all = target: default; interfaces: eth0; services: dhcpv6-client ssh; ports: -; rich rules: -',
    )
  })

  it('without root: the reason names the command and the sudo line; the evidence keeps what was readable', async () => {
    const outcome = await firewallCheck.run(
      linuxHost({ nft: DENIED, v4: SAVE_DENIED, v6: SAVE_DENIED, ufw: { conf: 'ENABLED=yes\n' } }),
      signal,
    )
    expect(keyed(outcome.summary)).toContain('network.inbound.needsRoot(command=/usr/sbin/nft -j list ruleset')
    expect(outcome.evidence.map((e) => `${e.source} = ${keyed(e.observed)}`)).toContain('/etc/ufw/ufw.conf: ENABLED = yes')
    expect(outcome.steps?.map((s) => s.command?.line)).toEqual(['sudo bulwark scan --only network.firewall'])
  })

  it('a gap with ufw on says how to make ufw filter IPv6', async () => {
    const outcome = await firewallCheck.run(linuxHost({ nft: rec('linux', 'nft-ipv4-only.json'), ufw: { conf: 'ENABLED=yes\n' } }), signal)
    expect(outcome.summary.params).toMatchObject({ open: 'IPv6', closed: 'IPv4' })
    expect(outcome.steps?.[0]?.text.key).toBe('network.firewall.stepUfwIpv6')
  })

  it('reads the ruleset once per scan, however many checks ask', async () => {
    const host = linuxHost({ nft: rec('linux', 'nft-drop-ssh.json') })
    await Promise.all([gatherInbound(host, signal), gatherInbound(host, signal), firewallCheck.run(host, signal)])
    expect(host.calls.filter((c) => c.includes('nft -j list ruleset'))).toHaveLength(1)
  })
})

// ---- macOS ----

function darwinHost(
  state: FixtureCommand,
  apps: FixtureCommand = rec('darwin', 'listapps-kolide.txt'),
  pf: FixtureCommand = { error: 'permission_denied' },
) {
  return createFixtureHost({
    platform: 'darwin',
    commands: {
      [`${SOCKETFILTERFW} ${STATE_ARGS.join(' ')}`]: state,
      [`${SOCKETFILTERFW} --listapps`]: apps,
      '/sbin/pfctl -s info': pf,
    },
  })
}

describe('network.firewall on macOS (socketfilterfw recordings)', () => {
  it.each<[string, FixtureCommand, string, string]>([
    ['application firewall off', rec('darwin', 'af-off.txt'), 'fail', 'network.firewall.openBoth'],
    ['on, apps allowed per app', rec('darwin', 'af-on.txt'), 'pass', 'network.firewall.filteredNone'],
    ['on (State = 2, older wording)', rec('darwin', 'af-state2-kolide.txt'), 'pass', 'network.firewall.filteredNone'],
    ['block all incoming connections', rec('darwin', 'af-block-all.txt'), 'pass', 'network.firewall.filteredNone'],
    ['socketfilterfw missing', { error: 'not_found' }, 'unknown', 'network.firewall.unread'],
    ['socketfilterfw prints something else', 'usage: socketfilterfw [-h]\n', 'unknown', 'network.firewall.unread'],
  ])('%s', async (_name, state, status, summary) => {
    const outcome = await firewallCheck.run(darwinHost(state), signal)
    expect(outcome.status).toBe(status)
    expect(outcome.summary.key).toBe(summary)
  })

  it('the allowed apps and the signed-software allowance are doubts, named in the evidence', async () => {
    const host = darwinHost(rec('darwin', 'af-on.txt'))
    const facts = await gatherInbound(host, signal)
    expect(admissionOf(facts, 'ipv4', 'tcp', 22).kind).toBe('unknown')
    const outcome = await firewallCheck.run(host, signal)
    const doubts = outcome.evidence.filter((e) => e.label.key === 'network.firewall.evDoubt').map((e) => e.observed)
    expect(doubts).toContain('socketfilterfw --listapps: com.docker.backend (allowed)')
    expect(doubts).toContain('socketfilterfw: built-in signed software allowed automatically')
    expect(doubts).not.toContain('socketfilterfw --listapps: Google Chrome (allowed)')
  })

  it('block all refuses everything but the essential services Apple names', async () => {
    const facts = await gatherInbound(darwinHost(rec('darwin', 'af-block-all.txt')), signal)
    expect(admissionOf(facts, 'ipv6', 'tcp', 22).kind).toBe('refused')
    expect(admissionOf(facts, 'ipv4', 'udp', 5353).kind).toBe('unknown')
  })

  it('pf enabled with a block-in-all rule filters even with the application firewall off', async () => {
    const host = createFixtureHost({
      platform: 'darwin',
      commands: {
        [`${SOCKETFILTERFW} ${STATE_ARGS.join(' ')}`]: rec('darwin', 'af-off.txt'),
        [`${SOCKETFILTERFW} --listapps`]: '',
        '/sbin/pfctl -s info': 'Status: Enabled for 0 days 00:12:34           Debug: Urgent\n',
        '/sbin/pfctl -s rules':
          'scrub-anchor "com.apple/*" all fragment reassemble\nblock drop in all\npass in proto tcp from any to any port = 22 flags S/SA keep state\n',
      },
    })
    const outcome = await firewallCheck.run(host, signal)
    expect(outcome.status).toBe('pass')
    expect(admissionOf(await gatherInbound(host, signal), 'ipv4', 'tcp', 8080).kind).toBe('refused')
  })
})

// ---- Windows ----

const winHost = (out: FixtureCommand) =>
  createFixtureHost({ platform: 'win32', commands: { [['powershell', ...PROFILE_ARGS].join(' ')]: out } })

describe('network.firewall on Windows (Get-NetFirewallProfile as JSON)', () => {
  it.each<[string, FixtureCommand, string, string]>([
    [
      'every profile on, NotConfigured inbound (Block by default)',
      rec('win32', 'profiles-default.json'),
      'pass',
      'network.firewall.filteredNone',
    ],
    ['enums as numbers (Windows PowerShell 5.1)', rec('win32', 'profiles-numbers.json'), 'pass', 'network.firewall.filteredNone'],
    ['block all incoming, even allowed apps', rec('win32', 'profiles-block-all.json'), 'pass', 'network.firewall.filteredNone'],
    ['Private profile off', rec('win32', 'profiles-private-off.json'), 'warn', 'network.firewall.profilesOff'],
    ['Public profile off', rec('win32', 'profiles-public-off.json'), 'fail', 'network.firewall.openBoth'],
    ['Public lets in by default', rec('win32', 'profile-public-allow.json'), 'fail', 'network.firewall.openBoth'],
    ['PowerShell fails', { code: 1, stderr: 'Get-NetFirewallProfile : Access is denied.' }, 'unknown', 'network.firewall.unread'],
    ['junk', 'Name : Public', 'unknown', 'network.firewall.unread'],
  ])('%s', async (_name, out, status, summary) => {
    const outcome = await firewallCheck.run(winHost(out), signal)
    expect(outcome.status).toBe(status)
    expect(outcome.summary.key).toBe(summary)
  })

  it('the Public profile is the chain; its allow rules (not read one by one) leave listening ports in doubt', async () => {
    const facts = await gatherInbound(winHost(rec('win32', 'profiles-default.json')), signal)
    expect(admissionOf(facts, 'ipv4', 'tcp', 445).kind).toBe('unknown')
    const blockAll = await gatherInbound(winHost(rec('win32', 'profiles-block-all.json')), signal)
    expect(admissionOf(blockAll, 'ipv6', 'tcp', 445).kind).toBe('refused')
  })

  it('a Domain or Private profile that is off is named', async () => {
    const outcome = await firewallCheck.run(winHost(rec('win32', 'profiles-private-off.json')), signal)
    expect(outcome.summary.params).toEqual({ names: 'Private' })
  })
})
