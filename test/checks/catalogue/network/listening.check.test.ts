import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createListeningCheck } from '../../../../checks/catalogue/network/listening.check.js'
import type { FamilyFilter, InboundFacts, InboundRule } from '../../../../checks/catalogue/network/inbound.verdict.js'
import { LSOF_TCP, LSOF_UDP } from '../../../../checks/catalogue/network/sockets.darwin.io.js'
import { SS_ARGS } from '../../../../checks/catalogue/network/sockets.linux.io.js'
import { WIN_SOCKETS_ARGS } from '../../../../checks/catalogue/network/sockets.win32.io.js'
import { PROFILE_ARGS } from '../../../../checks/catalogue/network/inbound.win32.io.js'
import { listeningCheck } from '../../../../checks/catalogue/network/listening.check.js'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import { verbatim } from '../../../../checks/core/i18n/message.js'
import type { Platform } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureHostOptions } from '../../../support/fixture-host.js'
import { keyed } from '../../../support/seen.js'
import { expectOutcome, type CheckCase } from '../tor/check-case.js'

const fixture = (p: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/network.listening/${p}`, import.meta.url)), 'utf8')

const SS = `ss ${SS_ARGS.join(' ')}`
const LSOF_T = `lsof ${LSOF_TCP.join(' ')}`
const LSOF_U = `lsof ${LSOF_UDP.join(' ')}`
const POWERSHELL = `powershell ${WIN_SOCKETS_ARGS.join(' ')}`
const UDP_HEADER = '   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n'

/** The zabbix server of goss-org/goss#804, with ss's programs (hand-matched to its inodes). */
const zabbix: Omit<FixtureHostOptions, 'platform'> = {
  files: { '/proc/net/tcp': fixture('linux/proc-net-tcp.txt'), '/proc/net/udp': UDP_HEADER },
  commands: { [SS]: fixture('linux/ss.txt') },
}
/** The test namespace recorded on this build machine (python3 listeners on 0.0.0.0, ::, UDP and loopback). */
const netns: Omit<FixtureHostOptions, 'platform'> = {
  files: Object.fromEntries(['tcp', 'tcp6', 'udp', 'udp6'].map((f) => [`/proc/net/${f}`, fixture(`linux/netns/${f}`)])),
  commands: { [SS]: fixture('linux/netns/ss.txt') },
}
const mac = (uid: string): Omit<FixtureHostOptions, 'platform'> => ({
  commands: { [LSOF_T]: fixture('darwin/lsof-tcp.txt'), [LSOF_U]: fixture('darwin/lsof-udp.txt'), 'id -u': `${uid}\n` },
})
const windows: Omit<FixtureHostOptions, 'platform'> = { commands: { [POWERSHELL]: fixture('win32/sockets.json') } }

const rule = (over: Partial<InboundRule>): InboundRule => ({
  transports: ['tcp'],
  ports: [{ from: 22, to: 22 }],
  applies: 'always',
  action: 'accept',
  origin: 'tcp dport 22 accept',
  ...over,
})
const both = (f: FamilyFilter): InboundFacts => ({ ipv4: f, ipv6: f, evidence: [] })
const OPEN = both({ kind: 'read', chains: [] })
const DROP = both({ kind: 'read', chains: [{ source: 'inet filter input', rules: [], otherwise: 'drop' }] })
const SSH_ONLY = both({ kind: 'read', chains: [{ source: 'inet filter input', rules: [rule({})], otherwise: 'drop' }] })
const UNREAD = both({ kind: 'unread', reason: verbatim('nft: Operation not permitted') })

type Case = CheckCase & { platform: Platform; firewall: InboundFacts }

const cases: Case[] = [
  {
    name: 'Linux, no firewall: zabbix, SSH and apache reach the network; the loopback postgres does not count',
    platform: 'linux',
    host: zabbix,
    firewall: OPEN,
    status: 'warn',
    summary: 'letIn',
    params: { count: '4' },
    evidence: [
      ['evTable', '/proc/net/tcp', '8 listening or bound'],
      ['evTable', '/proc/net/tcp6', 'absent (IPv6 is off)'],
      ['evOwners', SS, '5 sockets with a program'],
    ],
  },
  {
    name: 'Linux, policy drop with SSH opened: only SSH is let in (a warn: remote.access judges its login)',
    platform: 'linux',
    host: zabbix,
    firewall: SSH_ONLY,
    status: 'warn',
    summary: 'letIn',
    params: { count: '1' },
  },
  {
    name: 'Linux, policy drop: everything listening is refused',
    platform: 'linux',
    host: zabbix,
    firewall: DROP,
    status: 'pass',
    summary: 'refused',
    params: { count: '4' },
  },
  {
    name: 'Linux, firewall unreadable: the finding is "if your firewall lets it in"',
    platform: 'linux',
    host: zabbix,
    firewall: UNREAD,
    status: 'unknown',
    summary: 'ifLetIn',
  },
  {
    name: 'Linux test namespace, no firewall: a python3 dev server on 0.0.0.0:8000 fails',
    platform: 'linux',
    host: netns,
    firewall: OPEN,
    status: 'fail',
    summary: 'letIn',
    evidence: [['evTable', '/proc/net/udp', '2 listening or bound']],
  },
  {
    name: 'Linux test namespace, firewall unreadable: a dev server that may be let in warns',
    platform: 'linux',
    host: netns,
    firewall: UNREAD,
    status: 'warn',
    summary: 'ifLetIn',
  },
  {
    name: 'Linux, only loopback listeners: pass',
    platform: 'linux',
    host: {
      files: {
        '/proc/net/tcp': fixture('linux/proc-net-tcp.txt')
          .split('\n')
          .filter((l, i) => i === 0 || l.includes('0100007F') || l.includes('3500007F'))
          .join('\n'),
        '/proc/net/udp': UDP_HEADER,
      },
      commands: { [SS]: '' },
    },
    firewall: OPEN,
    status: 'pass',
    summary: 'nothing',
  },
  {
    name: 'Linux, /proc/net/tcp unreadable: unknown, naming the file',
    platform: 'linux',
    host: { files: { '/proc/net/tcp': { error: 'permission_denied' } } },
    firewall: DROP,
    status: 'unknown',
    summary: 'unreadable',
    evidence: [['evTable', '/proc/net/tcp', 'permission denied']],
  },
  {
    name: 'Linux, /proc/net/tcp holding junk: unknown',
    platform: 'linux',
    host: { files: { '/proc/net/tcp': 'hello\nworld\n', '/proc/net/udp': UDP_HEADER } },
    firewall: DROP,
    status: 'unknown',
    summary: 'unreadable',
  },
  {
    name: 'Linux, ss missing: listeners are still judged, their programs unnamed',
    platform: 'linux',
    host: { files: zabbix.files ?? {}, commands: { [SS]: { error: 'not_found' } } },
    firewall: OPEN,
    status: 'warn',
    summary: 'letIn',
    evidence: [['evOwners', SS, 'not found']],
  },
  {
    name: 'macOS as root, no firewall: AirPlay, Continuity, a node dev server and mDNS are let in',
    platform: 'darwin',
    host: mac('0'),
    firewall: OPEN,
    status: 'fail',
    summary: 'letIn',
    params: { count: '5' },
    evidence: [['evAccount', 'id -u', '0']],
  },
  {
    name: 'macOS as root, firewall drops everything: pass',
    platform: 'darwin',
    host: mac('0'),
    firewall: DROP,
    status: 'pass',
    summary: 'refused',
  },
  {
    name: 'macOS as a user, firewall drops everything: the listing may be partial, so unknown',
    platform: 'darwin',
    host: mac('501'),
    firewall: DROP,
    status: 'unknown',
    summary: 'partial',
  },
  {
    name: 'macOS, nothing listening (lsof exits 1 with no output) as root: pass',
    platform: 'darwin',
    host: { commands: { [LSOF_T]: { code: 1, stdout: '' }, [LSOF_U]: { code: 1, stdout: '' }, 'id -u': '0\n' } },
    firewall: OPEN,
    status: 'pass',
    summary: 'nothing',
  },
  {
    name: 'macOS, lsof missing: unknown',
    platform: 'darwin',
    host: { commands: { [LSOF_T]: { error: 'not_found' }, [LSOF_U]: { error: 'not_found' }, 'id -u': '0\n' } },
    firewall: OPEN,
    status: 'unknown',
    summary: 'unreadable',
  },
  {
    name: 'Windows, no firewall: SMB and RPC reach the network; file sharing fails',
    platform: 'win32',
    host: windows,
    firewall: OPEN,
    status: 'fail',
    summary: 'letIn',
  },
  {
    name: 'Windows, Public profile blocking inbound: pass',
    platform: 'win32',
    host: windows,
    firewall: DROP,
    status: 'pass',
    summary: 'refused',
  },
  {
    name: 'Windows, PowerShell printed junk: unknown',
    platform: 'win32',
    host: { commands: { [POWERSHELL]: '{"Tcp": [{"LocalAddress": 5}]' } },
    firewall: DROP,
    status: 'unknown',
    summary: 'unreadable',
  },
  {
    name: 'Windows, nothing listening: pass',
    platform: 'win32',
    host: { commands: { [POWERSHELL]: '{"Tcp":null,"Udp":null,"Processes":null}' } },
    firewall: OPEN,
    status: 'pass',
    summary: 'nothing',
  },
]

describe('network.listening on each OS', () => {
  it.each(cases)('$platform: $name', async (c) => {
    const check = createListeningCheck({ inbound: async () => c.firewall })
    const r = await runCheck(check, createFixtureHost({ platform: c.platform, ...c.host }))
    expectOutcome(r, c)
  })

  it('names each listener with its port, address, program, pid and the firewall decision', async () => {
    const check = createListeningCheck({ inbound: async () => SSH_ONLY })
    const r = await runCheck(check, createFixtureHost({ platform: 'linux', ...zabbix }))
    const ssh = r.evidence.find((e) => e.source === 'tcp 0.0.0.0:22')
    expect(keyed(ssh?.observed)).toBe(
      'network.listening.obsListener(service=network.listening.serviceAt(service=network.listening.kindRemoteLogin(protocol=SSH), transport=TCP, port=22, program=sshd), program=network.listening.obsProgram(name=sshd, pid=705), decisions=network.listening.obsFamily(family=IPv4, decision=network.listening.decLetIn(by=tcp dport 22 accept)))',
    )
    expect(keyed(r.evidence.find((e) => e.source === 'tcp 0.0.0.0:80')?.observed)).toContain('decRefused(by=inet filter input: drop)')
    expect(r.evidence.some((e) => e.source.includes('127.0.0.1'))).toBe(false)
  })

  it('judges a :: socket by IPv4 too when ss says it is dual-stack, and IPv6 only when v6only:1', async () => {
    const v6Open: InboundFacts = { ipv4: DROP.ipv4, ipv6: OPEN.ipv6, evidence: [] }
    const r = await runCheck(createListeningCheck({ inbound: async () => v6Open }), createFixtureHost({ platform: 'linux', ...netns }))
    const dual = keyed(r.evidence.find((e) => e.source === 'tcp [::]:8001')?.observed)
    expect(dual).toContain('family=IPv4, decision=network.listening.decRefused')
    expect(dual).toContain('family=IPv6, decision=network.listening.decLetIn')
    const v6only = keyed(r.evidence.find((e) => e.source === 'tcp [fd00:b1::10]:8003')?.observed)
    expect(v6only).not.toContain('IPv4')
    // ::ffff:192.0.2.10 takes IPv4 only, and is shown as the IPv4 address it is.
    expect(keyed(r.evidence.find((e) => e.source === 'tcp 192.0.2.10:8002')?.observed)).toContain(
      'family=IPv4, decision=network.listening.decRefused',
    )
    expect(r.evidence.some((e) => /:(9000|9001|5300)$/.test(e.source))).toBe(false)
  })

  it('counts the UDP discovery and the connected UDP socket correctly on macOS', async () => {
    const r = await runCheck(createListeningCheck({ inbound: async () => OPEN }), createFixtureHost({ platform: 'darwin', ...mac('0') }))
    const sources = r.evidence.filter((e) => e.label.key === 'network.listening.evListener').map((e) => e.source)
    expect(sources).toEqual(expect.arrayContaining(['udp 0.0.0.0:5353, [::]:5353', 'tcp 0.0.0.0:7000, [::]:7000', 'tcp [::]:4211']))
    expect(sources.some((s) => s.includes('51012') || s.includes('44960'))).toBe(false)
  })

  it('says when a firewall reader fails, instead of an error', async () => {
    const check = createListeningCheck({
      inbound: async () => {
        throw new Error('the firewall reader for darwin is not written yet')
      },
    })
    const r = await runCheck(check, createFixtureHost({ platform: 'darwin', ...mac('0') }))
    expect(r.status).toBe('warn')
    expect(r.summary.key).toBe('network.listening.ifLetIn')
    expect(keyed(r.summary.params?.reason)).toContain('network.listening.firewallUnread')
  })

  it.each([
    ['the Public profile blocks and allows no rule: every listener refused', 'True', 'Block', 'False', 'pass', 'refused'],
    ['the Public profile is off: SMB on :: and NetBIOS on the LAN are let in', 'False', 'Block', 'True', 'fail', 'letIn'],
    // Per-app allow rules are not followed one by one: each port may be let in, so SMB is a warning, said why.
    ['the Public profile blocks but allows its rules', 'True', 'Block', 'True', 'warn', 'ifLetIn'],
  ])('Windows with the shared firewall reading: %s', async (_name, enabled, inbound, allow, status, summary) => {
    const profile = (name: string) => ({ Name: name, Enabled: enabled, DefaultInboundAction: inbound, AllowInboundRules: allow })
    const host = createFixtureHost({
      platform: 'win32',
      commands: {
        [POWERSHELL]: fixture('win32/sockets.json'),
        [`powershell ${PROFILE_ARGS.join(' ')}`]: JSON.stringify(['Domain', 'Private', 'Public'].map(profile)),
      },
    })
    const r = await runCheck(listeningCheck, host)
    expect(r.status, JSON.stringify(r.evidence, null, 1)).toBe(status)
    expect(r.summary.key).toBe(`network.listening.${summary}`)
  })
})
