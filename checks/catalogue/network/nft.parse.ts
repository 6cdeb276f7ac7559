/**
 * `nft -j list ruleset` (libnftables-json(5)): every field checked, then the base chains on the input hook
 * (filter type; ip, ip6 and inet tables, the inet ones for both families) flattened into the model's chains,
 * lowest priority first. A matcher the model does not follow makes its rule `maybe`, never a guess. Pure.
 */
import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/i18n/message.js'
import { t } from './inbound.messages.js'
import type { Action, Family, InboundChain, PortRange } from './inbound.verdict.js'
import {
  ANY_SCOPE,
  complementPorts,
  flattenChain,
  intersectScope,
  TRANSPORTS,
  type GraphRule,
  type GraphVerdict,
  type Scope,
} from './rule-graph.parse.js'

export interface NftChain {
  family: string
  table: string
  name: string
  /** Base chains only. */
  hook?: string
  type?: string
  prio: number
  policy: Action
}

export interface NftRule {
  family: string
  table: string
  chain: string
  handle: number
  expr: readonly Record<string, unknown>[]
}

export interface NftRuleset {
  chains: NftChain[]
  rules: NftRule[]
  /** Named sets by `family table name`: their elements, when every one is a port or a port range. */
  portSets: ReadonlyMap<string, readonly PortRange[]>
  /** The ruleset rewrites destinations (dnat, redirect), so `ct status dnat` can match. */
  rewrites: boolean
}

const MAX_TEXT = 16 * 1024 * 1024
const MAX_OBJECTS = 200_000
const MAX_EXPR = 256

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isPort = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 65535
const str = (o: Record<string, unknown>, k: string): string | undefined => (typeof o[k] === 'string' ? o[k] : undefined)

function portRangesOf(items: readonly unknown[]): PortRange[] | null {
  const out: PortRange[] = []
  for (const item of items) {
    if (isPort(item)) out.push({ from: item, to: item })
    else if (
      isRecord(item) &&
      Array.isArray(item.range) &&
      isPort(item.range[0]) &&
      isPort(item.range[1]) &&
      item.range[0] <= item.range[1]
    )
      out.push({ from: item.range[0], to: item.range[1] })
    else return null
  }
  return out
}

function parseChain(c: Record<string, unknown>): Result<NftChain, Msg> {
  const family = str(c, 'family')
  const table = str(c, 'table')
  const name = str(c, 'name')
  if (!family || !table || !name) return failed(t('pBadChain', { name: name ?? '?', key: 'family, table or name' }))
  const chain: NftChain = { family, table, name, prio: 0, policy: 'accept' }
  if (c.hook === undefined) return ok(chain)
  const hook = str(c, 'hook')
  const type = str(c, 'type')
  if (!hook || !type) return failed(t('pBadChain', { name, key: 'hook or type' }))
  if (c.prio !== undefined && (typeof c.prio !== 'number' || !Number.isFinite(c.prio))) return failed(t('pBadChain', { name, key: 'prio' }))
  const policy = c.policy ?? 'accept'
  if (policy !== 'accept' && policy !== 'drop') return failed(t('pBadChain', { name, key: 'policy' }))
  return ok({ ...chain, hook, type, prio: typeof c.prio === 'number' ? c.prio : 0, policy })
}

function parseRule(r: Record<string, unknown>): Result<NftRule, Msg> {
  const family = str(r, 'family')
  const table = str(r, 'table')
  const chain = str(r, 'chain')
  if (!family || !table || !chain) return failed(t('pBadRule', { name: chain ?? '?' }))
  const handle = typeof r.handle === 'number' ? r.handle : 0
  if (!Array.isArray(r.expr) || r.expr.length > MAX_EXPR || !r.expr.every(isRecord)) return failed(t('pBadRule', { name: chain }))
  return ok({ family, table, chain, handle, expr: r.expr })
}

/** The ruleset's objects, validated. */
export function parseNftJson(text: string): Result<NftRuleset, Msg> {
  if (text.length > MAX_TEXT) return failed(t('pTooLarge'))
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch {
    return failed(t('pNotJson'))
  }
  if (!isRecord(root) || !Array.isArray(root.nftables)) return failed(t('pNoList'))
  if (root.nftables.length > MAX_OBJECTS) return failed(t('pTooManyEntries', { count: MAX_OBJECTS }))
  const ruleset: NftRuleset = {
    chains: [],
    rules: [],
    portSets: new Map(),
    rewrites: /"(dnat|redirect)":/.test(text),
  }
  const sets = new Map<string, readonly PortRange[]>()
  for (const item of root.nftables) {
    if (!isRecord(item)) return failed(t('pBadEntry'))
    if (isRecord(item.chain)) {
      const chain = parseChain(item.chain)
      if (!chain.ok) return chain
      ruleset.chains.push(chain.value)
    } else if (isRecord(item.rule)) {
      const rule = parseRule(item.rule)
      if (!rule.ok) return rule
      ruleset.rules.push(rule.value)
    } else if (isRecord(item.set) && Array.isArray(item.set.elem)) {
      const s = item.set
      const ranges = portRangesOf(s.elem as unknown[])
      if (ranges) sets.set(`${str(s, 'family') ?? ''} ${str(s, 'table') ?? ''} ${str(s, 'name') ?? ''}`, ranges)
    }
  }
  return ok({ ...ruleset, portSets: sets })
}

// ---- what one rule selects of a new connection from another machine ----

interface RuleContext {
  family: Family
  table: string
  nftFamily: string
  ruleset: NftRuleset
}

const MAYBE: Scope = { ...ANY_SCOPE, applies: 'maybe' }
const NEVER = 'never' as const
type Selects = Scope | typeof NEVER

/** The values of a match's right side: a value, a list, an anonymous set, or a named set of ports. */
function valuesOf(right: unknown, ctx: RuleContext): readonly unknown[] | null {
  if (typeof right === 'string' && right.startsWith('@')) {
    const ports = ctx.ruleset.portSets.get(`${ctx.nftFamily} ${ctx.table} ${right.slice(1)}`)
    return ports ? ports.map((p) => ({ range: [p.from, p.to] })) : null
  }
  if (Array.isArray(right)) return right
  if (isRecord(right) && Array.isArray(right.set)) return right.set
  return [right]
}

function transportsOf(values: readonly unknown[], negated: boolean): Selects {
  const named = values.map((v) => (v === 6 ? 'tcp' : v === 17 ? 'udp' : v))
  const listed = TRANSPORTS.filter((t) => named.includes(t) !== negated)
  return listed.length > 0 ? { ...ANY_SCOPE, transports: listed } : NEVER
}

function familyOnly(protocol: string, ctx: RuleContext): boolean {
  return (protocol === 'ip' && ctx.family === 'ipv6') || (protocol === 'ip6' && ctx.family === 'ipv4')
}

function payloadMatch(protocol: string, field: string, op: string, right: unknown, ctx: RuleContext): Selects {
  if (familyOnly(protocol, ctx)) return NEVER
  if (protocol === 'icmp' || protocol === 'icmpv6') return NEVER
  const values = valuesOf(right, ctx)
  if ((protocol === 'ip' && field === 'protocol') || (protocol === 'ip6' && field === 'nexthdr')) {
    return values && (op === '==' || op === 'in' || op === '!=') ? transportsOf(values, op === '!=') : MAYBE
  }
  const transport: Partial<Scope> = protocol === 'tcp' || protocol === 'udp' ? { transports: [protocol] } : {}
  if (field === 'dport' && (protocol === 'tcp' || protocol === 'udp' || protocol === 'th')) {
    const ports = values && portRangesOf(values)
    if (!ports || (op !== '==' && op !== 'in' && op !== '!=')) return { ...MAYBE, ...transport }
    const selected = op === '!=' ? complementPorts(ports) : ports
    return selected.length > 0 ? { ...ANY_SCOPE, ...transport, ports: selected } : NEVER
  }
  // A source address or port, a flag: the rule may or may not apply, but only to its transport.
  return { ...MAYBE, ...transport }
}

function stateMatch(op: string, values: readonly unknown[] | null): Selects {
  if (!values || !values.every((v) => typeof v === 'string')) return MAYBE
  const hasNew = values.includes('new')
  if (op === '!=') return hasNew ? NEVER : ANY_SCOPE
  return hasNew ? ANY_SCOPE : NEVER
}

function metaMatch(key: string, op: string, right: unknown, ctx: RuleContext): Selects {
  const values = valuesOf(right, ctx)
  if (key === 'iifname' || key === 'iif') {
    // Loopback is this machine talking to itself, never another machine.
    const onlyLo = values !== null && values.length > 0 && values.every((v) => v === 'lo')
    if (onlyLo && (op === '==' || op === 'in')) return NEVER
    if (onlyLo && op === '!=') return ANY_SCOPE
    return MAYBE
  }
  if (key === 'l4proto' && values && (op === '==' || op === 'in' || op === '!=')) return transportsOf(values, op === '!=')
  if ((key === 'nfproto' || key === 'protocol') && values && op === '==') {
    const wanted = ctx.family === 'ipv4' ? ['ipv4', 'ip'] : ['ipv6', 'ip6']
    return values.some((v) => typeof v === 'string' && wanted.includes(v)) ? ANY_SCOPE : NEVER
  }
  if (key === 'pkttype' && values && op === '==') return values.includes('host') ? ANY_SCOPE : NEVER
  return MAYBE
}

function fibMatch(left: Record<string, unknown>, op: string, values: readonly unknown[] | null): Selects {
  const flags = Array.isArray(left.flags) ? left.flags : [left.flags]
  if (left.result !== 'type' || !flags.includes('daddr') || !values) return MAYBE
  // A connection to this machine is addressed to one of its own (local) addresses.
  const local = values.includes('local')
  const onlyOther = values.every((v) => v === 'multicast' || v === 'broadcast' || v === 'anycast')
  if (op === '==' || op === 'in') return local ? ANY_SCOPE : onlyOther ? NEVER : MAYBE
  if (op === '!=') return local ? NEVER : onlyOther ? ANY_SCOPE : MAYBE
  return MAYBE
}

function matchSelects(m: Record<string, unknown>, ctx: RuleContext): Selects {
  const op = typeof m.op === 'string' ? m.op : ''
  const left = m.left
  if (!isRecord(left)) return MAYBE
  if (isRecord(left.payload)) {
    const protocol = str(left.payload, 'protocol')
    const field = str(left.payload, 'field')
    return protocol && field ? payloadMatch(protocol, field, op, m.right, ctx) : MAYBE
  }
  if (isRecord(left.meta)) {
    const key = str(left.meta, 'key')
    return key ? metaMatch(key, op, m.right, ctx) : MAYBE
  }
  if (isRecord(left.ct)) {
    const key = str(left.ct, 'key')
    if (key === 'state') return stateMatch(op, valuesOf(m.right, ctx))
    // Only a connection a nat rule rewrote has this status; with no such rule it never matches.
    if (key === 'status' && m.right === 'dnat' && op !== '!=') return ctx.ruleset.rewrites ? MAYBE : NEVER
    return MAYBE
  }
  if (isRecord(left.fib)) return fibMatch(left.fib, op, valuesOf(m.right, ctx))
  return MAYBE
}

const VERDICTS: Readonly<Record<string, GraphVerdict>> = {
  accept: { kind: 'accept' },
  drop: { kind: 'drop' },
  reject: { kind: 'drop' },
  return: { kind: 'return' },
  continue: { kind: 'none' },
  queue: { kind: 'unknown' },
}
// Statements that neither decide nor select (they count, log or set a value for later rules).
const NEUTRAL = new Set(['counter', 'log', 'mangle', 'notrack', 'ct helper', 'set', 'dup'])

function verdictOf(e: Record<string, unknown>): GraphVerdict | null {
  for (const key of ['jump', 'goto'] as const) {
    const v = e[key]
    if (isRecord(v) && typeof v.target === 'string') return { kind: key, target: v.target }
  }
  for (const [key, verdict] of Object.entries(VERDICTS)) if (key in e) return verdict
  return null
}

/** One rule's exprs as graph rules: a verdict map becomes one rule per entry. */
function graphRules(rule: NftRule, ctx: RuleContext): GraphRule[] {
  const origin = `${rule.family} ${rule.table} ${rule.chain}: ${describeExprs(rule.expr)} (handle ${rule.handle})`
  let scope: Selects = ANY_SCOPE
  let verdict: GraphVerdict = { kind: 'none' }
  const out: GraphRule[] = []
  for (const e of rule.expr) {
    const v = verdictOf(e)
    if (v) {
      verdict = v
      continue
    }
    if (isRecord(e.match)) {
      const m = matchSelects(e.match, ctx)
      scope = scope === NEVER || m === NEVER ? NEVER : (intersectScope(scope, m) ?? NEVER)
    } else if (isRecord(e.vmap) && isRecord(e.vmap.data) && Array.isArray(e.vmap.data.set) && scope !== NEVER) {
      const base = scope
      for (const entry of e.vmap.data.set as unknown[]) {
        const v = Array.isArray(entry) && isRecord(entry[1]) ? verdictOf(entry[1]) : null
        const m = v && Array.isArray(entry) ? matchSelects({ op: '==', left: e.vmap.key, right: entry[0] }, ctx) : MAYBE
        const s = m === NEVER ? NEVER : (intersectScope(base, m) ?? NEVER)
        out.push({ scope: s, verdict: v ?? { kind: 'unknown' }, origin })
      }
      return out
    } else if (!Object.keys(e).some((k) => NEUTRAL.has(k))) {
      // limit, quota, xt (iptables-nft's untranslated matches), anything newer: a condition not followed.
      scope = scope === NEVER ? NEVER : { ...scope, applies: 'maybe' }
      if (isRecord(e.xt) && e.xt.type === 'target') verdict = { kind: 'unknown' }
    }
  }
  return [{ scope, verdict, origin }]
}

// ---- origin text, close to `nft list ruleset` ----

// nft quotes interface names (`iifname "lo"`), not keywords (`ct state { new, untracked }`).
function describeValue(v: unknown, quote: boolean): string {
  if (typeof v === 'string') return quote && !v.startsWith('@') ? `"${v}"` : v
  if (typeof v === 'number') return String(v)
  if (Array.isArray(v)) return v.map((x) => describeValue(x, quote)).join(',')
  if (isRecord(v) && Array.isArray(v.set))
    return `{ ${v.set
      .slice(0, 12)
      .map((x) => describeValue(x, quote))
      .join(', ')}${v.set.length > 12 ? ', …' : ''} }`
  if (isRecord(v) && Array.isArray(v.range)) return `${String(v.range[0])}-${String(v.range[1])}`
  return '…'
}

function describeLeft(l: unknown): string {
  if (!isRecord(l)) return '…'
  if (isRecord(l.payload)) return `${str(l.payload, 'protocol') ?? '?'} ${str(l.payload, 'field') ?? '?'}`
  if (isRecord(l.meta)) return str(l.meta, 'key') ?? 'meta'
  if (isRecord(l.ct)) return `ct ${str(l.ct, 'key') ?? '?'}`
  if (isRecord(l.fib)) return 'fib'
  return '…'
}

function describeExprs(exprs: readonly Record<string, unknown>[]): string {
  const parts: string[] = []
  for (const e of exprs) {
    const v = verdictOf(e)
    if (v) parts.push(v.kind === 'jump' || v.kind === 'goto' ? `${v.kind} ${v.target}` : (Object.keys(e)[0] ?? ''))
    else if (isRecord(e.match)) {
      const op = e.match.op === '!=' ? '!= ' : ''
      const left = describeLeft(e.match.left)
      parts.push(`${left} ${op}${describeValue(e.match.right, /^(iif|oif)(name)?$/.test(left))}`)
    } else if (isRecord(e.vmap)) parts.push(`${describeLeft(e.vmap.key)} vmap { … }`)
    else if (!('counter' in e)) parts.push(Object.keys(e)[0] ?? '')
  }
  return parts
    .join(' ')
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 200)
}

const FAMILIES: Readonly<Record<Family, readonly string[]>> = { ipv4: ['ip', 'inet'], ipv6: ['ip6', 'inet'] }

/**
 * The input-hook filter chains of one family, lowest priority first. `skip` leaves out tables another reader
 * covers (the iptables-nft tables `iptables-save` prints with every match spelled out).
 */
export function nftInputChains(
  ruleset: NftRuleset,
  family: Family,
  skip: (nftFamily: string, table: string) => boolean,
): Result<InboundChain[], Msg> {
  const bases = ruleset.chains
    .filter((c) => c.hook === 'input' && c.type === 'filter' && FAMILIES[family].includes(c.family) && !skip(c.family, c.table))
    .sort((a, b) => a.prio - b.prio)
  const out: InboundChain[] = []
  for (const base of bases) {
    const ctx: RuleContext = { family, table: base.table, nftFamily: base.family, ruleset }
    const graph = new Map<string, GraphRule[]>()
    for (const c of ruleset.chains) if (c.family === base.family && c.table === base.table) graph.set(c.name, [])
    for (const r of ruleset.rules) {
      if (r.family !== base.family || r.table !== base.table) continue
      graph.get(r.chain)?.push(...graphRules(r, ctx))
    }
    const chain = flattenChain(graph, base.name, base.policy, `nft list ruleset: ${base.family} ${base.table} ${base.name}`)
    if (!chain.ok) return chain
    out.push(chain.value)
  }
  return ok(out)
}

/** The nft tables (family and name) in a ruleset, for evidence and for knowing which belong to whom. */
export function nftTables(ruleset: NftRuleset): string[] {
  return [...new Set(ruleset.chains.map((c) => `${c.family} ${c.table}`))]
}
