import { describe, expect, it } from 'vitest'
import {
  ANY_SCOPE,
  complementPorts,
  flattenChain,
  intersectScope,
  type GraphRule,
  type Scope,
} from '../../../../checks/catalogue/network/rule-graph.parse.js'

const tcp = (from: number, to = from): Scope => ({ transports: ['tcp'], ports: [{ from, to }], applies: 'always' })
const r = (scope: GraphRule['scope'], verdict: GraphRule['verdict'], origin: string): GraphRule => ({ scope, verdict, origin })

describe('the rule graph: scopes and flattening', () => {
  it('intersects transports and port ranges, and keeps doubt', () => {
    expect(intersectScope(tcp(20, 30), tcp(25, 40))).toEqual(tcp(25, 30))
    expect(intersectScope(tcp(22), { ...ANY_SCOPE, transports: ['udp'] })).toBeNull()
    expect(intersectScope(tcp(22), { ...ANY_SCOPE, applies: 'maybe' })?.applies).toBe('maybe')
  })

  it('complements port lists within 0-65535', () => {
    expect(complementPorts([{ from: 22, to: 22 }])).toEqual([
      { from: 0, to: 21 },
      { from: 23, to: 65535 },
    ])
    expect(complementPorts([{ from: 0, to: 65535 }])).toEqual([])
    expect(
      complementPorts([
        { from: 10, to: 20 },
        { from: 15, to: 30 },
      ]),
    ).toEqual([
      { from: 0, to: 9 },
      { from: 31, to: 65535 },
    ])
  })

  it('a jump narrows the rules of its target to its own scope', () => {
    const graph = new Map([
      ['INPUT', [r(tcp(1, 1024), { kind: 'jump', target: 'low' }, 'jump low')]],
      ['low', [r(ANY_SCOPE, { kind: 'accept' }, 'accept all')]],
    ])
    const chain = flattenChain(graph, 'INPUT', 'drop', 'test')
    expect(chain.ok && chain.value.rules).toEqual([{ ...tcp(1, 1024), action: 'accept', origin: 'accept all' }])
  })

  it('rules after an unconditional goto are never reached; after a conditional one they are in doubt', () => {
    const graph = new Map([
      [
        'INPUT',
        [
          r({ ...ANY_SCOPE, applies: 'maybe' }, { kind: 'goto', target: 'z' }, 'goto z if eth0'),
          r(tcp(80), { kind: 'accept' }, 'accept 80'),
          r(ANY_SCOPE, { kind: 'goto', target: 'z' }, 'goto z'),
          r(tcp(443), { kind: 'accept' }, 'unreachable'),
        ],
      ],
      ['z', [r(tcp(22), { kind: 'accept' }, 'accept 22')]],
    ])
    const chain = flattenChain(graph, 'INPUT', 'drop', 'test')
    expect(chain.ok && chain.value.rules.map((x) => [x.origin, x.applies])).toEqual([
      ['accept 22', 'maybe'],
      ['accept 80', 'maybe'],
      // Run again by the default goto: the same rule, so no doubt.
      ['accept 22', 'always'],
    ])
  })

  it('an unknown verdict leaves both answers possible', () => {
    const chain = flattenChain(new Map([['INPUT', [r(tcp(22), { kind: 'unknown' }, 'NFQUEUE')]]]), 'INPUT', 'drop', 'test')
    expect(chain.ok && chain.value.rules.map((x) => [x.action, x.applies])).toEqual([
      ['accept', 'maybe'],
      ['drop', 'maybe'],
    ])
  })

  it('rules that never apply are left out', () => {
    const chain = flattenChain(new Map([['INPUT', [r('never', { kind: 'accept' }, 'lo')]]]), 'INPUT', 'accept', 'test')
    expect(chain.ok && chain.value).toEqual({ source: 'test', rules: [], otherwise: 'accept' })
  })

  it('a missing base chain, a loop and depth beyond 16 are refused with a reason', () => {
    expect(flattenChain(new Map(), 'INPUT', 'drop', 'test')).toMatchObject({ ok: false, reason: { key: 'network.inbound.pMissingChain' } })
    const deep = new Map(Array.from({ length: 40 }, (_, i) => [`c${i}`, [r(ANY_SCOPE, { kind: 'jump', target: `c${i + 1}` }, `j${i}`)]]))
    expect(flattenChain(deep, 'c0', 'drop', 'test')).toMatchObject({ ok: false, reason: { key: 'network.inbound.pLoop' } })
  })
})
