import { describe, expect, it } from 'vitest'
import type { InboundChain, InboundFacts } from '../../../../checks/catalogue/network/inbound.verdict.js'
import type { Listener, SocketFacts } from '../../../../checks/catalogue/network/sockets.verdict.js'
import { t } from '../../../../checks/catalogue/remote/access.messages.js'
import { accessOutcome, type AccessFacts, type RemoteService } from '../../../../checks/catalogue/remote/access.verdict.js'
import { keyed } from '../../../support/seen.js'

// Hand-made facts in the shared network model: what listens, and what the firewall does with a new connection.
const sshd = { pid: 700, name: 'sshd' }
const listening = (...listeners: Listener[]): SocketFacts => ({ listeners, evidence: [] })
const wildcard = listening(
  { transport: 'tcp', family: 'ipv4', address: '0.0.0.0', port: 22, process: sshd },
  { transport: 'tcp', family: 'ipv6', address: '::', port: 22, process: sshd },
)
const loopbackOnly = listening({ transport: 'tcp', family: 'ipv4', address: '127.0.0.1', port: 22, process: sshd })
const chain = (otherwise: 'accept' | 'drop', rules: InboundChain['rules'] = []): InboundChain => ({
  source: 'nft list ruleset: inet filter input',
  rules,
  otherwise,
})
const open: InboundFacts = { ipv4: { kind: 'read', chains: [] }, ipv6: { kind: 'read', chains: [] }, evidence: [] }
const dropAll: InboundFacts = {
  ipv4: { kind: 'read', chains: [chain('drop')] },
  ipv6: { kind: 'read', chains: [chain('drop')] },
  evidence: [],
}
const unread: InboundFacts = {
  ipv4: { kind: 'unread', reason: t('reachNoSockets') },
  ipv6: { kind: 'unread', reason: t('reachNoSockets') },
  evidence: [],
}
const sshAllowed: InboundFacts = {
  ipv4: {
    kind: 'read',
    chains: [
      chain('drop', [
        { transports: ['tcp'], ports: [{ from: 22, to: 22 }], applies: 'always', action: 'accept', origin: 'tcp dport 22 accept' },
      ]),
    ],
  },
  ipv6: { kind: 'read', chains: [chain('drop')] },
  evidence: [],
}

const rootSsh: RemoteService = {
  id: 'ssh',
  name: t('serviceSsh'),
  state: 'on',
  login: { password: true, rootPassword: true, emptyPasswords: false },
  ports: [22],
  listen: [{ address: '0.0.0.0', port: 22 }],
  owns: (l) => l.process?.name === 'sshd',
}
const rdpNoNla: RemoteService = { id: 'rdp', name: t('serviceRdp'), state: 'on', nla: false, ports: [3389] }
const facts = (service: RemoteService, o: Partial<AccessFacts> = {}): AccessFacts => ({
  platform: service.id === 'rdp' ? 'win32' : 'linux',
  services: [service],
  evidence: [],
  ...o,
})

describe('remote.access: reachable means a non-loopback listener the firewall lets in', () => {
  it.each([
    [
      'root password login, listening on every address, no firewall: fail',
      rootSsh,
      { sockets: wildcard, inbound: open },
      'fail',
      'sshRootReachable',
    ],
    ['the firewall lets port 22 in for IPv4: fail', rootSsh, { sockets: wildcard, inbound: sshAllowed }, 'fail', 'sshRootReachable'],
    ['the firewall drops everything: a warning', rootSsh, { sockets: wildcard, inbound: dropAll }, 'warn', 'sshRootPassword'],
    ['listening on loopback only: a warning', rootSsh, { sockets: loopbackOnly, inbound: open }, 'warn', 'sshRootPassword'],
    [
      'the firewall could not be read: a warning, never a guessed fail',
      rootSsh,
      { sockets: wildcard, inbound: unread },
      'warn',
      'sshRootPassword',
    ],
    ['no socket facts: the configured address, and no firewall reading', rootSsh, {}, 'warn', 'sshRootPassword'],
    [
      'Remote Desktop without NLA that the network reaches: fail',
      rdpNoNla,
      {
        sockets: listening({ transport: 'tcp', family: 'ipv4', address: '0.0.0.0', port: 3389 }),
        inbound: open,
      },
      'fail',
      'rdpNoNlaReachable',
    ],
    [
      'Remote Desktop without NLA behind a firewall: a warning',
      rdpNoNla,
      {
        sockets: listening({ transport: 'tcp', family: 'ipv4', address: '0.0.0.0', port: 3389 }),
        inbound: dropAll,
      },
      'warn',
      'rdpNoNla',
    ],
  ] as const)('%s', (_name, service, network, status, summary) => {
    const o = accessOutcome(facts(service, network))
    expect(o.status).toBe(status)
    expect(o.summary.key).toBe(`remote.access.${summary}`)
  })

  it('names the port, the address and the rule that lets it in', () => {
    const o = accessOutcome(facts(rootSsh, { sockets: wildcard, inbound: sshAllowed }))
    expect(keyed(o.summary)).toBe(
      'remote.access.sshRootReachable(reach=remote.access.reachLetIn(port=22, address=0.0.0.0, by=tcp dport 22 accept))',
    )
    expect(o.evidence.map((e) => [e.source, keyed(e.observed)])).toContainEqual([
      '0.0.0.0:22',
      'remote.access.seenLetIn(by=tcp dport 22 accept)',
    ])
  })

  it('another program on port 22 is not the SSH server', () => {
    const other = listening({ transport: 'tcp', family: 'ipv4', address: '0.0.0.0', port: 22, process: { pid: 9, name: 'python3' } })
    const o = accessOutcome(facts(rootSsh, { sockets: other, inbound: open }))
    expect(keyed(o.summary)).toBe('remote.access.sshRootPassword(reach=remote.access.reachLocal)')
  })

  it('empty passwords fail unless only this computer can connect', () => {
    const empty: RemoteService = { ...rootSsh, login: { password: true, rootPassword: false, emptyPasswords: true } }
    expect(accessOutcome(facts(empty, { sockets: wildcard, inbound: unread })).status).toBe('fail')
    expect(accessOutcome(facts(empty, { sockets: loopbackOnly, inbound: open })).status).toBe('warn')
  })

  it('leads with the worst service and gives every service its steps, worst first', () => {
    const assistance: RemoteService = { id: 'remoteAssistance', name: t('serviceRemoteAssistance'), state: 'on', ports: [] }
    const o = accessOutcome({
      platform: 'win32',
      services: [assistance, rdpNoNla],
      evidence: [],
      sockets: listening({ transport: 'tcp', family: 'ipv6', address: '::', port: 3389 }),
      inbound: open,
    })
    expect(o.status).toBe('fail')
    expect(o.steps?.map((s) => s.text.key.split('.').pop())).toEqual(['stepRdpNla', 'stepRdpOff', 'stepRemoteAssistanceOff'])
  })

  it('every step that ends a remote session says so', () => {
    const o = accessOutcome(facts({ ...rootSsh }))
    for (const step of o.steps ?? []) expect(step.text.en).toMatch(/session/)
  })
})
