/**
 * The part nftables and iptables share: chains of rules that jump, go to and return, flattened into the one
 * ordered list per input-hook chain that inbound.verdict.ts judges. Pure, bounded (depth and rule count).
 */
import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/i18n/message.js'
import { t } from './inbound.messages.js'
import type { Action, InboundChain, InboundRule, PortRange, Transport } from './inbound.verdict.js'

/** What a rule's matchers select of the new connections another machine could open. */
export interface Scope {
  transports: readonly Transport[] | 'any'
  ports: readonly PortRange[] | 'any'
  applies: 'always' | 'maybe'
}

export type GraphVerdict =
  | { kind: 'accept' | 'drop' | 'return' | 'none' }
  /** A verdict the model cannot follow (a queue to a program, an unknown target): it could go either way. */
  | { kind: 'unknown' }
  | { kind: 'jump' | 'goto'; target: string }

export interface GraphRule {
  /** `never`: the rule cannot match a new connection from another machine (loopback, established, ICMP only). */
  scope: Scope | 'never'
  verdict: GraphVerdict
  origin: string
}

/** A table's chains by name, each with its rules in order. */
export type RuleGraph = ReadonlyMap<string, readonly GraphRule[]>

export const ANY_SCOPE: Scope = { transports: 'any', ports: 'any', applies: 'always' }
export const TRANSPORTS: readonly Transport[] = ['tcp', 'udp']
const MAX_DEPTH = 16
const MAX_RULES = 20_000

function intersectTransports(a: Scope['transports'], b: Scope['transports']): Scope['transports'] | null {
  if (a === 'any') return b
  if (b === 'any') return a
  const both = a.filter((x) => b.includes(x))
  return both.length > 0 ? both : null
}

function intersectPorts(a: Scope['ports'], b: Scope['ports']): Scope['ports'] | null {
  if (a === 'any') return b
  if (b === 'any') return a
  const both: PortRange[] = []
  for (const x of a)
    for (const y of b) {
      const from = Math.max(x.from, y.from)
      const to = Math.min(x.to, y.to)
      if (from <= to) both.push({ from, to })
    }
  return both.length > 0 ? both : null
}

/** Both matchers together: null when no connection satisfies both. */
export function intersectScope(a: Scope, b: Scope): Scope | null {
  const transports = intersectTransports(a.transports, b.transports)
  const ports = transports && intersectPorts(a.ports, b.ports)
  if (!transports || !ports) return null
  return { transports, ports, applies: a.applies === 'always' && b.applies === 'always' ? 'always' : 'maybe' }
}

/** The ports a `!=` match leaves: the complement of the ranges within 0–65535. */
export function complementPorts(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((x, y) => x.from - y.from)
  const out: PortRange[] = []
  let next = 0
  for (const r of sorted) {
    if (r.from > next) out.push({ from: next, to: r.from - 1 })
    next = Math.max(next, r.to + 1)
  }
  if (next <= 65535) out.push({ from: next, to: 65535 })
  return out
}

const unconditional = (s: Scope): boolean => s.applies === 'always' && s.transports === 'any' && s.ports === 'any'

/**
 * A rule that may send some connections out of the chain early (a `return` or `goto` that only sometimes
 * applies): for those, the rules after it in the chain are never reached, so they become `maybe` — except
 * the rules the early exit itself already ran (firewalld's zone dispatch goes to the same zone chain on a
 * matching interface and then by default: running it twice decides the same way).
 */
interface EarlyExit {
  scope: Scope
  ran: ReadonlySet<string>
}

interface Walk {
  graph: RuleGraph
  out: InboundRule[]
  /** The chain names on the way here, so a loop in hostile input stops. */
  path: string[]
}

function emitted(walk: Walk, from: number): Set<string> {
  return new Set(walk.out.slice(from).map((r) => r.origin))
}

function scoped(scope: Scope, exits: readonly EarlyExit[], origin: string): Scope {
  const doubtful = exits.some((e) => !e.ran.has(origin) && intersectScope(e.scope, scope) !== null)
  return doubtful ? { ...scope, applies: 'maybe' } : scope
}

/** Walks one chain; true when every connection in `scope` leaves it (an unconditional goto or return). */
function walkChain(walk: Walk, name: string, scope: Scope, inherited: readonly EarlyExit[]): Result<boolean, Msg> {
  const rules = walk.graph.get(name)
  if (!rules) return failed(t('pMissingChain', { name }))
  if (walk.path.includes(name) || walk.path.length >= MAX_DEPTH) return failed(t('pLoop', { name }))
  walk.path.push(name)
  const exits: EarlyExit[] = [...inherited]
  try {
    for (const rule of rules) {
      if (rule.scope === 'never') continue
      const joined = intersectScope(scope, rule.scope)
      if (!joined) continue
      const s = scoped(joined, exits, rule.origin)
      const { verdict } = rule
      if (walk.out.length > MAX_RULES) return failed(t('pTooManyRules', { count: MAX_RULES }))
      if (verdict.kind === 'accept' || verdict.kind === 'drop') {
        walk.out.push({ ...s, action: verdict.kind, origin: rule.origin })
      } else if (verdict.kind === 'unknown') {
        // Either way is possible: a later decision in either direction is left in doubt.
        for (const action of ['accept', 'drop'] as const) walk.out.push({ ...s, applies: 'maybe', action, origin: rule.origin })
      } else if (verdict.kind === 'jump' || verdict.kind === 'goto') {
        const start = walk.out.length
        // The early exits before this rule are checked on each rule the target emits (against what they ran).
        const inner = walkChain(walk, verdict.target, joined, exits)
        if (!inner.ok) return inner
        if (verdict.kind === 'goto') {
          if (unconditional(rule.scope)) return ok(true)
          exits.push({ scope: joined, ran: emitted(walk, start) })
        }
      } else if (verdict.kind === 'return') {
        if (unconditional(rule.scope)) return ok(true)
        exits.push({ scope: joined, ran: new Set() })
      }
    }
    return ok(false)
  } finally {
    walk.path.pop()
  }
}

/** One base chain on the input hook as the model's chain: every reachable rule in order, then the policy. */
export function flattenChain(graph: RuleGraph, name: string, policy: Action, source: string): Result<InboundChain, Msg> {
  const walk: Walk = { graph, out: [], path: [] }
  const walked = walkChain(walk, name, ANY_SCOPE, [])
  if (!walked.ok) return walked
  return ok({ source, rules: walk.out, otherwise: policy })
}
