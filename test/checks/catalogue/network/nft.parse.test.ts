import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { admissionOf, type InboundFacts } from '../../../../checks/catalogue/network/inbound.verdict.js'
import { nftInputChains, parseNftJson } from '../../../../checks/catalogue/network/nft.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const FIXTURES = path.resolve(__dirname, '../../../fixtures/network.firewall/linux')
const nft = (...items: unknown[]): string => JSON.stringify({ nftables: [{ metainfo: { json_schema_version: 1 } }, ...items] })
const chain = (name: string, extra: Record<string, unknown> = {}) => ({ chain: { family: 'inet', table: 't', name, handle: 1, ...extra } })
const base = (policy = 'drop', extra: Record<string, unknown> = {}) =>
  chain('input', { type: 'filter', hook: 'input', prio: 0, policy, ...extra })
let handle = 10
const rule = (chainName: string, ...expr: unknown[]) => ({ rule: { family: 'inet', table: 't', chain: chainName, handle: handle++, expr } })
const match = (left: unknown, right: unknown, op = '==') => ({ match: { op, left, right } })
const dport = (proto: string, right: unknown, op = '==') => match({ payload: { protocol: proto, field: 'dport' } }, right, op)
const ACCEPT = { accept: null }

function answer(text: string, family: 'ipv4' | 'ipv6', transport: 'tcp' | 'udp', port: number): string {
  const parsed = parseNftJson(text)
  if (!parsed.ok) return `bad: ${parsed.reason.key}`
  const chains = nftInputChains(parsed.value, family, () => false)
  if (!chains.ok) return `bad: ${chains.reason.key}`
  const facts: InboundFacts = { ipv4: { kind: 'read', chains: chains.value }, ipv6: { kind: 'read', chains: chains.value }, evidence: [] }
  return admissionOf(facts, family, transport, port).kind
}

describe('nftInputChains: what an nftables ruleset does with a new connection from another machine', () => {
  it.each([
    ['policy drop refuses', nft(base()), 'ipv4', 'tcp', 80, 'refused'],
    ['a missing policy is accept', nft(chain('input', { type: 'filter', hook: 'input', prio: 0 })), 'ipv4', 'tcp', 80, 'let-in'],
    [
      'a nat chain on the input hook does not filter',
      nft(chain('input', { type: 'nat', hook: 'input', prio: 100, policy: 'accept' })),
      'ipv4',
      'tcp',
      80,
      'let-in',
    ],
    [
      'a forward chain does not filter this machine',
      nft(chain('fwd', { type: 'filter', hook: 'forward', prio: 0, policy: 'drop' })),
      'ipv4',
      'tcp',
      80,
      'let-in',
    ],
    [
      'established,related opens nothing to new connections',
      nft(base(), rule('input', match({ ct: { key: 'state' } }, ['established', 'related'], 'in'), ACCEPT)),
      'ipv4',
      'tcp',
      80,
      'refused',
    ],
    ['ct state new opens', nft(base(), rule('input', match({ ct: { key: 'state' } }, 'new', 'in'), ACCEPT)), 'ipv4', 'tcp', 80, 'let-in'],
    [
      'ct state != established opens',
      nft(base(), rule('input', match({ ct: { key: 'state' } }, 'established', '!='), ACCEPT)),
      'ipv4',
      'tcp',
      80,
      'let-in',
    ],
    [
      'iifname lo is not another machine',
      nft(base(), rule('input', match({ meta: { key: 'iifname' } }, 'lo'), ACCEPT)),
      'ipv4',
      'tcp',
      80,
      'refused',
    ],
    [
      'iifname != lo is every other machine',
      nft(base(), rule('input', match({ meta: { key: 'iifname' } }, 'lo', '!='), ACCEPT)),
      'ipv4',
      'tcp',
      80,
      'let-in',
    ],
    [
      'another interface is a doubt',
      nft(base(), rule('input', match({ meta: { key: 'iifname' } }, 'wlan0'), ACCEPT)),
      'ipv4',
      'tcp',
      80,
      'unknown',
    ],
    [
      'a port in an anonymous set',
      nft(base(), rule('input', dport('tcp', { set: [22, { range: [8000, 8010] }] }), ACCEPT)),
      'ipv4',
      'tcp',
      8005,
      'let-in',
    ],
    [
      'a port in a named set',
      nft(
        { set: { family: 'inet', table: 't', name: 'web', type: 'inet_service', elem: [443] } },
        base(),
        rule('input', dport('tcp', '@web'), ACCEPT),
      ),
      'ipv6',
      'tcp',
      443,
      'let-in',
    ],
    [
      'a named set of addresses is a doubt',
      nft(base(), rule('input', match({ payload: { protocol: 'ip', field: 'saddr' } }, '@friends'), ACCEPT)),
      'ipv4',
      'tcp',
      80,
      'unknown',
    ],
    [
      'an ip match never applies to IPv6',
      nft(base(), rule('input', match({ payload: { protocol: 'ip', field: 'saddr' } }, '@friends'), ACCEPT)),
      'ipv6',
      'tcp',
      80,
      'refused',
    ],
    ['dport != 22 opens every other port', nft(base(), rule('input', dport('tcp', 22, '!='), ACCEPT)), 'ipv4', 'tcp', 23, 'let-in'],
    ['dport != 22 not 22', nft(base(), rule('input', dport('tcp', 22, '!='), ACCEPT)), 'ipv4', 'tcp', 22, 'refused'],
    ['th dport covers both transports', nft(base(), rule('input', dport('th', 53), ACCEPT)), 'ipv4', 'udp', 53, 'let-in'],
    [
      'l4proto udp accept opens UDP',
      nft(base(), rule('input', match({ meta: { key: 'l4proto' } }, 'udp'), ACCEPT)),
      'ipv4',
      'udp',
      9,
      'let-in',
    ],
    [
      'l4proto icmp opens no port',
      nft(base(), rule('input', match({ meta: { key: 'l4proto' } }, 'icmp'), ACCEPT)),
      'ipv4',
      'tcp',
      9,
      'refused',
    ],
    [
      'nfproto ipv6 accept leaves IPv4 refused',
      nft(base(), rule('input', match({ meta: { key: 'nfproto' } }, 'ipv6'), ACCEPT)),
      'ipv4',
      'tcp',
      9,
      'refused',
    ],
    ['reject counts as drop', nft(base('accept'), rule('input', { reject: { type: 'icmpx' } })), 'ipv4', 'tcp', 9, 'refused'],
    [
      'fib daddr type local is every connection to this machine',
      nft(base(), rule('input', match({ fib: { flags: ['daddr'], result: 'type' } }, 'local'), ACCEPT)),
      'ipv4',
      'tcp',
      9,
      'let-in',
    ],
    ['a limit is a doubt', nft(base(), rule('input', dport('tcp', 22), { limit: { rate: 3 } }, ACCEPT)), 'ipv4', 'tcp', 22, 'unknown'],
    ['queue to a program is a doubt', nft(base(), rule('input', dport('tcp', 22), { queue: { num: 1 } })), 'ipv4', 'tcp', 22, 'unknown'],
    [
      'ct status dnat with no nat rule never matches',
      nft(base(), rule('input', match({ ct: { key: 'status' } }, 'dnat', 'in'), ACCEPT)),
      'ipv4',
      'tcp',
      9,
      'refused',
    ],
    [
      'a verdict map on ct state: new has no entry',
      nft(
        base(),
        rule('input', {
          vmap: {
            key: { ct: { key: 'state' } },
            data: {
              set: [
                ['established', ACCEPT],
                ['invalid', { drop: null }],
              ],
            },
          },
        }),
      ),
      'ipv4',
      'tcp',
      9,
      'refused',
    ],
    [
      'a verdict map on ports',
      nft(base(), rule('input', { vmap: { key: { payload: { protocol: 'tcp', field: 'dport' } }, data: { set: [[22, ACCEPT]] } } })),
      'ipv4',
      'tcp',
      22,
      'let-in',
    ],
    [
      'a goto whose chain ends falls to the policy, not back',
      nft(base(), chain('g'), rule('input', { goto: { target: 'g' } }), rule('input', ACCEPT)),
      'ipv4',
      'tcp',
      9,
      'refused',
    ],
    [
      'a jump whose chain ends comes back',
      nft(base(), chain('j'), rule('input', { jump: { target: 'j' } }), rule('input', ACCEPT)),
      'ipv4',
      'tcp',
      9,
      'let-in',
    ],
    [
      'return ends the jumped chain',
      nft(base(), chain('j'), rule('input', { jump: { target: 'j' } }), rule('j', { return: null }), rule('j', ACCEPT)),
      'ipv4',
      'tcp',
      9,
      'refused',
    ],
    [
      'a conditional return leaves what follows in doubt',
      nft(
        base(),
        chain('j'),
        rule('input', { jump: { target: 'j' } }),
        rule('j', match({ meta: { key: 'iifname' } }, 'eth0'), { return: null }),
        rule('j', ACCEPT),
      ),
      'ipv4',
      'tcp',
      9,
      'unknown',
    ],
    [
      'two base chains: any that drops refuses',
      nft(base('accept'), chain('second', { type: 'filter', hook: 'input', prio: 10, policy: 'drop' })),
      'ipv4',
      'tcp',
      9,
      'refused',
    ],
  ] as const)('%s', (_name, text, family, transport, port, kind) => {
    expect(answer(text, family, transport, port)).toBe(kind)
  })

  it('reads the recorded ruleset and names each rule as nft prints it', () => {
    const parsed = parseNftJson(readFileSync(path.join(FIXTURES, 'nft-drop-ssh.json'), 'utf8'))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const chains = nftInputChains(parsed.value, 'ipv4', () => false)
    expect(
      chains.ok && chains.value.map((c) => [c.source, c.otherwise, c.rules.map((r) => r.origin.replace(/ \(handle \d+\)$/, ''))]),
    ).toEqual([
      [
        'nft list ruleset: inet filter input',
        'drop',
        ['inet filter input: tcp dport 22 accept', 'inet filter services: tcp dport { 80, 443 } accept'],
      ],
    ])
  })

  it('leaves out the tables another reader covers', () => {
    const text = nft(base())
    const parsed = parseNftJson(text)
    expect(parsed.ok && nftInputChains(parsed.value, 'ipv4', (f, t) => f === 'inet' && t === 't')).toEqual({ ok: true, value: [] })
  })

  it.each([
    ['not JSON', '{"nftables": [', 'network.inbound.pNotJson'],
    ['no list', '{"x": 1}', 'network.inbound.pNoList'],
    ['an entry that is not an object', '{"nftables": [1]}', 'network.inbound.pBadEntry'],
    ['a chain without a name', nft({ chain: { family: 'inet', table: 't' } }), 'network.inbound.pBadChain'],
    ['a base chain with an odd policy', nft(base('maybe')), 'network.inbound.pBadChain'],
    ['a priority that is not a number', nft(base('drop', { prio: 'high' })), 'network.inbound.pBadChain'],
    [
      'expressions that are not objects',
      nft({ rule: { family: 'inet', table: 't', chain: 'input', expr: [1] } }),
      'network.inbound.pBadRule',
    ],
    ['over 16 MiB', 'x'.repeat(16 * 1024 * 1024 + 1), 'network.inbound.pTooLarge'],
  ])('refuses %s with a reason', (_name, text, key) => {
    const parsed = parseNftJson(text)
    expect(parsed.ok ? 'ok' : parsed.reason.key).toBe(key)
  })

  it.each([
    ['a jump to a chain that does not exist', nft(base(), rule('input', { jump: { target: 'nowhere' } })), 'network.inbound.pMissingChain'],
    [
      'a jump loop',
      nft(
        base(),
        chain('a'),
        chain('b'),
        rule('input', { jump: { target: 'a' } }),
        rule('a', { jump: { target: 'b' } }),
        rule('b', { jump: { target: 'a' } }),
      ),
      'network.inbound.pLoop',
    ],
  ])('a hostile ruleset: %s is refused, not followed for ever', (_name, text, key) => {
    expect(answer(text, 'ipv4', 'tcp', 1)).toBe(`bad: ${key}`)
  })

  it('a ruleset is read in time linear in its size (256 KiB, 512 KiB, 1 MiB) and answered', () => {
    const big = (scale: number): string =>
      nft(base(), ...Array.from({ length: 1_800 * scale }, (_, i) => rule('input', dport('tcp', (i % 60_000) + 1), ACCEPT)))
    const huge = big(4)
    expect(huge.length).toBeGreaterThan(1000 * 1024)
    expect(answer(huge, 'ipv4', 'tcp', 65_000)).toBe('refused')
    expectLinearTime(big, (text) => answer(text, 'ipv4', 'tcp', 65_000))
  })

  it('a 4 MiB ruleset, or a chain fanning out to many jumps, stops at the rule cap', () => {
    const many = Array.from({ length: 30_000 }, (_, i) => rule('input', dport('tcp', (i % 60_000) + 1), ACCEPT))
    const text = nft(base(), ...many)
    expect(text.length).toBeGreaterThan(3 * 1024 * 1024)
    expect(answer(text, 'ipv4', 'tcp', 65_000)).toBe('bad: network.inbound.pTooManyRules')
    // Each level jumps twice into the next: 2^16 paths, cut off by the rule cap rather than walked.
    const levels = Array.from({ length: 16 }, (_, i) => [
      chain(`l${i}`),
      rule(`l${i}`, { jump: { target: `l${i + 1}` } }),
      rule(`l${i}`, { jump: { target: `l${i + 1}` } }),
    ]).flat()
    const fan = nft(base(), ...levels, chain('l16'), rule('l16', dport('tcp', 1), ACCEPT), rule('input', { jump: { target: 'l0' } }))
    expect(answer(fan, 'ipv4', 'tcp', 1)).toMatch(/^bad: network\.inbound\.(pTooManyRules|pLoop)$/)
  })

  it('control characters in names never reach the origin text', () => {
    const text = nft(base(), rule('input', match({ meta: { key: 'iifname' } }, 'eth0\u001b[31m'), ACCEPT))
    const parsed = parseNftJson(text)
    const chains = parsed.ok ? nftInputChains(parsed.value, 'ipv4', () => false) : null
    const origin = chains?.ok ? (chains.value[0]?.rules[0]?.origin ?? '') : ''
    expect(origin).toContain('eth0?[31m')
    expect(origin).not.toMatch(/[\u0000-\u001f]/)
  })
})
