import { describe, expect, it } from 'vitest'
import {
  admissionOf,
  type FamilyFilter,
  type InboundChain,
  type InboundFacts,
  type InboundRule,
} from '../../../../checks/catalogue/network/inbound.verdict.js'
import { verbatim } from '../../../../checks/core/i18n/message.js'

const rule = (over: Partial<InboundRule>): InboundRule => ({
  transports: ['tcp'],
  ports: [{ from: 22, to: 22 }],
  applies: 'always',
  action: 'accept',
  origin: 'tcp dport 22 accept',
  ...over,
})
const chain = (otherwise: InboundChain['otherwise'], ...rules: InboundRule[]): InboundChain => ({
  source: 'nft list ruleset: inet filter input',
  rules,
  otherwise,
})
const facts = (ipv4: FamilyFilter, ipv6: FamilyFilter = ipv4): InboundFacts => ({ ipv4, ipv6, evidence: [] })
const read = (...chains: InboundChain[]): FamilyFilter => ({ kind: 'read', chains })

describe('admissionOf: what the firewall does with a new connection to a port', () => {
  it.each([
    ['no chain at all lets every port in', read(), 'tcp', 8080, 'let-in'],
    ['policy drop refuses a port no rule opens', read(chain('drop', rule({}))), 'tcp', 8080, 'refused'],
    ['a rule that opens the port lets it in', read(chain('drop', rule({}))), 'tcp', 22, 'let-in'],
    ['the rule is for TCP only: UDP 22 falls to the policy', read(chain('drop', rule({}))), 'udp', 22, 'refused'],
    ['a range covers its ends', read(chain('drop', rule({ ports: [{ from: 6000, to: 6010 }] }))), 'tcp', 6010, 'let-in'],
    ['the first rule that applies decides', read(chain('accept', rule({ action: 'drop' }), rule({}))), 'tcp', 22, 'refused'],
    ['any chain that drops refuses', read(chain('accept'), chain('drop')), 'tcp', 22, 'refused'],
    [
      'a maybe-rule that could open a dropped port leaves it unknown',
      read(chain('drop', rule({ applies: 'maybe' }))),
      'tcp',
      22,
      'unknown',
    ],
    [
      'a maybe-rule that agrees with the answer does not',
      read(chain('drop', rule({ applies: 'maybe', action: 'drop' }))),
      'tcp',
      22,
      'refused',
    ],
    [
      'a surely dropping chain outweighs another chain in doubt',
      read(chain('drop', rule({ applies: 'maybe' })), chain('drop')),
      'tcp',
      22,
      'refused',
    ],
  ] as const)('%s', (_name, filter, transport, port, kind) => {
    expect(admissionOf(facts(filter), 'ipv4', transport, port).kind).toBe(kind)
  })

  it('names the rule or policy that decided', () => {
    expect(admissionOf(facts(read(chain('drop', rule({})))), 'ipv4', 'tcp', 22)).toEqual({ kind: 'let-in', by: 'tcp dport 22 accept' })
    expect(admissionOf(facts(read(chain('drop'))), 'ipv4', 'tcp', 22)).toEqual({
      kind: 'refused',
      by: 'nft list ruleset: inet filter input: drop',
    })
  })

  it('a family whose rules could not be read is unknown with the reason, the other family still decides', () => {
    const reason = verbatim('permission denied')
    const mixed = facts(read(chain('drop')), { kind: 'unread', reason })
    expect(admissionOf(mixed, 'ipv6', 'tcp', 22)).toEqual({ kind: 'unknown', reason })
    expect(admissionOf(mixed, 'ipv4', 'tcp', 22).kind).toBe('refused')
  })
})
