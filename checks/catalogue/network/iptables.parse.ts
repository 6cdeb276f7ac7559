/**
 * `iptables-save` / `ip6tables-save` (iptables-save(8)): tables, chain policies and `-A` rules, read into the
 * rule graph and flattened from each table's INPUT chain (filter, mangle and security all sit on the input
 * hook). An option the model does not follow makes its rule `maybe`. Linear, capped. Pure.
 */
import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/i18n/message.js'
import { t } from './inbound.messages.js'
import type { Action, InboundChain, PortRange } from './inbound.verdict.js'
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

export interface IptablesTable {
  /** Built-in chains have a policy; user chains `-`. */
  chains: Map<string, Action | null>
  rules: Array<{ chain: string; words: string[]; line: string }>
}

export interface IptablesSave {
  /** `nf_tables` when the header says so (iptables-nft: the same tables nft lists), else `legacy`. */
  backend: 'nf_tables' | 'legacy'
  tables: Map<string, IptablesTable>
}

const MAX_TEXT = 16 * 1024 * 1024
const MAX_LINE = 8192
const MAX_RULES = 100_000

/** Splits a rule line as iptables-save quotes it ("a b" is one word, \" a quote inside). */
function words(line: string): string[] | null {
  const out: string[] = []
  let i = 0
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++
    if (i >= line.length) break
    let word = ''
    if (line[i] === '"') {
      i++
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) i++
        word += line[i]
        i++
      }
      if (line[i] !== '"') return null
      i++
    } else {
      while (i < line.length && line[i] !== ' ' && line[i] !== '\t') word += line[i++]
    }
    out.push(word)
  }
  return out
}

export function parseIptablesSave(text: string): Result<IptablesSave, Msg> {
  if (text.length > MAX_TEXT) return failed(t('pTooLarge'))
  const save: IptablesSave = { backend: /\(nf_tables\)/.test(text.slice(0, 400)) ? 'nf_tables' : 'legacy', tables: new Map() }
  let table: IptablesTable | null = null
  let count = 0
  const lines = text.split('\n')
  for (let n = 0; n < lines.length; n++) {
    const line = (lines[n] ?? '').replace(/\r$/, '')
    const where = n + 1
    if (line === '' || line.startsWith('#')) continue
    if (line.length > MAX_LINE) return failed(t('pLongLine', { line: where }))
    if (line.startsWith('*')) {
      table = { chains: new Map(), rules: [] }
      save.tables.set(line.slice(1).trim(), table)
    } else if (line === 'COMMIT') {
      table = null
    } else if (!table) {
      return failed(t('pOutsideTable', { line: where }))
    } else if (line.startsWith(':')) {
      const m = /^:(\S+) (\S+)(?: \[\d+:\d+\])?$/.exec(line)
      if (!m?.[1] || !m[2]) return failed(t('pBadLine', { line: where }))
      const policy = m[2] === 'ACCEPT' ? 'accept' : m[2] === 'DROP' ? 'drop' : m[2] === '-' ? null : undefined
      if (policy === undefined) return failed(t('pBadPolicy', { line: where, value: m[2].slice(0, 20) }))
      table.chains.set(m[1], policy)
    } else if (line.startsWith('-A ')) {
      const w = words(line)
      if (!w || w.length < 2 || !w[1]) return failed(t('pBadLine', { line: where }))
      if (++count > MAX_RULES) return failed(t('pTooManyRules', { count: MAX_RULES }))
      table.rules.push({ chain: w[1], words: w.slice(2), line })
    } else {
      return failed(t('pBadLine', { line: where }))
    }
  }
  if (table) return failed(t('pNoCommit'))
  return ok(save)
}

// ---- what one rule selects ----

const MAYBE: Scope = { ...ANY_SCOPE, applies: 'maybe' }
type Selects = Scope | 'never'

const and = (a: Selects, b: Selects): Selects => (a === 'never' || b === 'never' ? 'never' : (intersectScope(a, b) ?? 'never'))

function portList(text: string): PortRange[] | null {
  const out: PortRange[] = []
  for (const part of text.split(',')) {
    const m = /^(\d{1,5})(?::(\d{1,5}))?$/.exec(part)
    if (!m) return null
    const from = Number(m[1])
    const to = m[2] === undefined ? from : Number(m[2])
    if (from > 65535 || to > 65535 || from > to) return null
    out.push({ from, to })
  }
  return out
}

const NEUTRAL_TARGETS = new Set([
  'LOG',
  'NFLOG',
  'ULOG',
  'MARK',
  'CONNMARK',
  'CT',
  'TCPMSS',
  'CLASSIFY',
  'DSCP',
  'TOS',
  'TTL',
  'HL',
  'SET',
  'AUDIT',
  'TRACE',
  'CHECKSUM',
])
const NEUTRAL_OPTIONS = new Set(['-m', '--comment'])
const ANY_ADDRESS = new Set(['0.0.0.0/0', '::/0'])

function targetOf(name: string, table: IptablesTable, go: boolean): GraphVerdict {
  if (name === 'ACCEPT') return { kind: 'accept' }
  if (name === 'DROP' || name === 'REJECT') return { kind: 'drop' }
  if (name === 'RETURN') return { kind: 'return' }
  if (table.chains.has(name)) return { kind: go ? 'goto' : 'jump', target: name }
  if (NEUTRAL_TARGETS.has(name)) return { kind: 'none' }
  return { kind: 'unknown' }
}

/** One option and its value, as the model reads it for a new connection from another machine. */
function optionSelects(option: string, value: string, negated: boolean, transport: Scope['transports']): Selects {
  switch (option) {
    case '-p':
    case '--protocol': {
      if (value === 'all' || value === '0') return negated ? 'never' : ANY_SCOPE
      const named = value === '6' ? 'tcp' : value === '17' ? 'udp' : value
      const listed = TRANSPORTS.filter((t) => (t === named) !== negated)
      return listed.length > 0 ? { ...ANY_SCOPE, transports: listed } : 'never'
    }
    case '-i':
    case '--in-interface':
      if (value === 'lo') return negated ? ANY_SCOPE : 'never'
      return MAYBE
    case '-s':
    case '--source':
    case '-d':
    case '--destination':
      return ANY_ADDRESS.has(value) && !negated ? ANY_SCOPE : MAYBE
    case '--dport':
    case '--destination-port':
    case '--dports':
    case '--destination-ports': {
      const ports = portList(value)
      if (!ports) return { ...MAYBE, transports: transport }
      const selected = negated ? complementPorts(ports) : ports
      return selected.length > 0 ? { ...ANY_SCOPE, transports: transport, ports: selected } : 'never'
    }
    case '--ctstate':
    case '--state': {
      const hasNew = value.split(',').includes('NEW')
      return hasNew !== negated ? ANY_SCOPE : 'never'
    }
    case '--dst-type': {
      // A connection to this machine is addressed to one of its own (LOCAL) addresses.
      const types = value.split(',')
      const local = types.includes('LOCAL')
      const other = types.every((x) => x === 'MULTICAST' || x === 'BROADCAST' || x === 'ANYCAST')
      if (local) return negated ? 'never' : ANY_SCOPE
      if (other) return negated ? ANY_SCOPE : 'never'
      return MAYBE
    }
    // ICMP only; or a type 0 routing header (deprecated by RFC 5095), which an ordinary connection never carries.
    case '--icmp-type':
    case '--icmpv6-type':
    case '--rt-type':
      return 'never'
    default:
      return NEUTRAL_OPTIONS.has(option) ? ANY_SCOPE : { ...MAYBE, transports: transport }
  }
}

/** Options that take no value. */
const FLAGS = new Set([
  '--syn',
  '--log-uid',
  '--log-tcp-options',
  '--log-ip-options',
  '--log-tcp-sequence',
  '--rcheck',
  '--update',
  '--set',
])

function ruleOf(words: readonly string[], table: IptablesTable, origin: string): GraphRule {
  let scope: Selects = ANY_SCOPE
  let transport: Scope['transports'] = 'any'
  let verdict: GraphVerdict = { kind: 'none' }
  for (let i = 0; i < words.length; i++) {
    let word = words[i] ?? ''
    const negated = word === '!'
    if (negated) word = words[++i] ?? ''
    if (word === '-j' || word === '--jump' || word === '-g' || word === '--goto') {
      // The target's own options follow it (--reject-with, --log-prefix): they decide nothing here.
      verdict = targetOf(words[i + 1] ?? '', table, word === '-g' || word === '--goto')
      break
    }
    if (FLAGS.has(word)) {
      scope = and(scope, MAYBE)
      continue
    }
    const value = words[++i] ?? ''
    const selects = optionSelects(word, value, negated, transport)
    if ((word === '-p' || word === '--protocol') && selects !== 'never') transport = selects.transports
    scope = and(scope, selects)
  }
  return { scope, verdict, origin }
}

// The tables whose INPUT chain is on the input hook (nat's INPUT rewrites, it does not filter).
const INPUT_TABLES = ['mangle', 'filter', 'security']

/** The INPUT chains of one `*-save` output, as the model's chains; `label` names the command for evidence. */
export function iptablesInputChains(save: IptablesSave, label: string): Result<InboundChain[], Msg> {
  const out: InboundChain[] = []
  for (const name of INPUT_TABLES) {
    const table = save.tables.get(name)
    const policy = table?.chains.get('INPUT')
    if (!table || !policy) continue
    const graph = new Map<string, GraphRule[]>([...table.chains.keys()].map((c) => [c, []]))
    for (const r of table.rules) {
      const origin = `${label} ${name}: ${r.line}`.replace(/[^\x20-\x7e]/g, '?').slice(0, 240)
      graph.get(r.chain)?.push(ruleOf(r.words, table, origin))
    }
    const chain = flattenChain(graph, 'INPUT', policy, `${label}: ${name} INPUT`)
    if (!chain.ok) return chain
    out.push(chain.value)
  }
  return ok(out)
}
