import { describe, expect, it } from 'vitest'
import type { InboundFacts } from '../../../../checks/catalogue/network/inbound.verdict.js'
import { listeningOutcome } from '../../../../checks/catalogue/network/listening.verdict.js'
import { gatherSockets } from '../../../../checks/catalogue/network/sockets.io.js'
import type { Listener, SocketFacts } from '../../../../checks/catalogue/network/sockets.verdict.js'
import { verbatim } from '../../../../checks/core/i18n/message.js'
import { createFixtureHost } from '../../../support/fixture-host.js'
import { keyed } from '../../../support/seen.js'

const OPEN: InboundFacts = { ipv4: { kind: 'read', chains: [] }, ipv6: { kind: 'read', chains: [] }, evidence: [] }
const DROP_CHAIN = { source: 'inet filter input', rules: [], otherwise: 'drop' as const }
const DROP: InboundFacts = { ipv4: { kind: 'read', chains: [DROP_CHAIN] }, ipv6: { kind: 'read', chains: [DROP_CHAIN] }, evidence: [] }
const at = (port: number, over: Partial<Listener> = {}): Listener => ({
  transport: 'tcp',
  family: 'ipv4',
  address: '0.0.0.0',
  port,
  ...over,
})
const facts = (listeners: Listener[], over: Partial<SocketFacts> = {}): SocketFacts => ({ listeners, evidence: [], ...over })

describe('listeningOutcome', () => {
  it.each([
    [
      'only a DHCP client listens: pass, named',
      [at(68, { transport: 'udp', process: { pid: 9, name: 'dhclient' } })],
      OPEN,
      'pass',
      'onlyClients',
    ],
    [
      'nothing but loopback (127.0.0.0/8, ::1, ::ffff:127.0.0.1)',
      [at(1, { address: '127.0.1.1' }), at(2, { family: 'ipv6', address: '::1' })],
      OPEN,
      'pass',
      'nothing',
    ],
    ['a LAN address counts like a wildcard', [at(5432, { address: '192.168.1.5' })], OPEN, 'fail', 'letIn'],
    ['a link-local IPv6 address counts', [at(3306, { family: 'ipv6', address: 'fe80::1' })], OPEN, 'fail', 'letIn'],
    ['printer sharing let in warns', [at(631, { process: { pid: 3, name: 'cupsd' } })], OPEN, 'warn', 'letIn'],
    ['printer sharing refused passes', [at(631, { process: { pid: 3, name: 'cupsd' } })], DROP, 'pass', 'refused'],
  ])('%s', (_name, listeners, inbound, status, summary) => {
    const o = listeningOutcome(facts(listeners), inbound)
    expect(o.status).toBe(status)
    expect(o.summary.key).toBe(`network.listening.${summary}`)
  })

  it('a partial listing never passes, and says why', () => {
    const partial = verbatim('lsof ran as a user')
    expect(listeningOutcome(facts([], { partial }), OPEN)).toMatchObject({
      status: 'unknown',
      summary: { key: 'network.listening.partial' },
    })
    expect(listeningOutcome(facts([at(8000)], { partial }), DROP).status).toBe('unknown')
    // What it did see let in is still the finding.
    expect(listeningOutcome(facts([at(8000)], { partial }), OPEN).status).toBe('fail')
  })

  it('lists six services in the summary and counts the rest; evidence is capped too', () => {
    const many = Array.from({ length: 60 }, (_, i) => at(20_000 + i, { process: { pid: 100 + i, name: 'svc' } }))
    const o = listeningOutcome(facts(many), OPEN)
    expect(o.summary.params?.count).toBe('60')
    expect(keyed(o.summary.params?.services)).toMatch(/^network\.listening\.more\(.*count=54\)$/)
    expect(o.evidence.filter((e) => e.label.key === 'network.listening.evListener')).toHaveLength(40)
    expect(keyed(o.evidence.find((e) => e.label.key === 'network.listening.evMore')?.observed)).toBe('network.listening.obsMore(count=20)')
  })

  it('groups one program on one port across its addresses', () => {
    const o = listeningOutcome(
      facts([at(22, { process: { pid: 1, name: 'sshd' } }), at(22, { family: 'ipv6', address: '::', process: { pid: 1, name: 'sshd' } })]),
      OPEN,
    )
    expect(o.evidence.map((e) => e.source)).toEqual(['tcp 0.0.0.0:22, [::]:22'])
    // With a 0.0.0.0 twin, the :: socket cannot be dual-stack: judged by IPv6 alone, the pair by both families once each.
    expect(keyed(o.evidence[0]?.observed).match(/family=IPv4/g)).toHaveLength(1)
  })

  it('an unread table is unknown with its reason and the reading limits', () => {
    const o = listeningOutcome(facts([], { listeners: verbatim('no table'), ownersHidden: verbatim('not root') }), OPEN)
    expect(o).toMatchObject({ status: 'unknown', summary: { key: 'network.listening.unreadable' } })
    expect(o.evidence.map((e) => e.label.key)).toContain('network.listening.evReadingLimit')
  })
})

describe('gatherSockets', () => {
  it('reads the tables once per host and lets a cancelled check stop waiting', async () => {
    const host = createFixtureHost({ platform: 'win32' })
    const a = new AbortController()
    const [one, two] = await Promise.all([gatherSockets(host, a.signal), gatherSockets(host, new AbortController().signal)])
    expect(one).toBe(two)
    expect(host.calls.filter((c) => c.startsWith('powershell'))).toHaveLength(1)
    const cancelled = new AbortController()
    cancelled.abort(new Error('cut off'))
    await expect(gatherSockets(host, cancelled.signal)).rejects.toThrow('cut off')
  })
})
