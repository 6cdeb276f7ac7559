/**
 * network.firewall: does the firewall refuse a new connection from another machine unless a rule allows
 * it, for IPv4 and for IPv6? Judged on the shared inbound model (inbound.verdict.ts). Pure.
 */
import type { Evidence, Outcome, Step } from '../../core/types.js'
import {
  admissionOf,
  IPV6_OFF_SOURCE,
  type Admission,
  type Family,
  type FamilyFilter,
  type InboundChain,
  type InboundFacts,
  type InboundRule,
  type PortRange,
  type Transport,
} from './inbound.verdict.js'
import { t } from './firewall.messages.js'

const NAMES: Readonly<Record<Family, string>> = { ipv4: 'IPv4', ipv6: 'IPv6' }
const MAX_LISTED = 8

export type FamilyView =
  | { kind: 'unread'; family: Family; filter: Extract<FamilyFilter, { kind: 'unread' }> }
  /** A connection to a port no rule names is refused. */
  | { kind: 'filtered'; family: Family; by: string; openings: string[]; doubts: string[] }
  /** It is let in, and nothing the model follows could drop it. */
  | { kind: 'open'; family: Family; by: string }
  /** It is let in unless a rule the model cannot follow (an interface, an address) drops it. */
  | { kind: 'leaky'; family: Family; by: string; rule: string }

/** A port no rule of any chain names, so its answer is the chains' default. */
function unnamedPort(chains: readonly InboundChain[]): number {
  const named: PortRange[] = chains.flatMap((c) => c.rules.flatMap((r) => (r.ports === 'any' ? [] : r.ports)))
  let port = 1
  for (const r of [...named].sort((a, b) => a.from - b.from)) if (r.from <= port && r.to >= port) port = r.to + 1
  return Math.min(port, 65535)
}

const sure = (chain: InboundChain): InboundChain => ({ ...chain, rules: chain.rules.filter((r) => r.applies === 'always') })

function portsText(r: InboundRule): string {
  const transports = r.transports === 'any' ? 'tcp/udp' : r.transports.join('/')
  const ports = r.ports === 'any' ? '0-65535' : r.ports.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`)).join(', ')
  return `${transports} ${ports}`
}

function admission(facts: InboundFacts, family: Family, port: number): Admission[] {
  return (['tcp', 'udp'] as const satisfies readonly Transport[]).map((transport) => admissionOf(facts, family, transport, port))
}

export function viewOf(facts: InboundFacts, family: Family): FamilyView {
  const filter = facts[family]
  if (filter.kind === 'unread') return { kind: 'unread', family, filter }
  const port = unnamedPort(filter.chains)
  const sureFacts: InboundFacts = { ...facts, [family]: { kind: 'read', chains: filter.chains.map(sure) } }
  const byDefault = admission(sureFacts, family, port)
  const letIn = byDefault.find((a) => a.kind === 'let-in')
  if (letIn && letIn.kind === 'let-in') {
    const full = admission(facts, family, port).find((a) => a.kind === 'unknown')
    if (full && full.kind === 'unknown')
      return { kind: 'leaky', family, by: letIn.by, rule: typeof full.reason === 'string' ? full.reason : letIn.by }
    return { kind: 'open', family, by: letIn.by }
  }
  const refused = byDefault.find((a) => a.kind === 'refused')
  const by = refused && refused.kind === 'refused' ? refused.by : ''
  const openings: string[] = []
  const doubts: string[] = []
  for (const rule of filter.chains.flatMap((c) => c.rules)) {
    if (rule.action !== 'accept') continue
    if (rule.applies === 'maybe') {
      doubts.push(rule.origin)
      continue
    }
    const first = rule.ports === 'any' ? port : (rule.ports[0]?.from ?? port)
    const transport = rule.transports === 'any' ? 'tcp' : (rule.transports[0] ?? 'tcp')
    const answer = admissionOf(facts, family, transport, first)
    // The default refuses, so a port let in is opened by this rule or an earlier one for the same port.
    if (answer.kind === 'let-in') openings.push(portsText(rule))
  }
  return { kind: 'filtered', family, by, openings: [...new Set(openings)], doubts: [...new Set(doubts)] }
}

function listed(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join('; ')
  return items.length > MAX_LISTED ? `${shown} (+${items.length - MAX_LISTED})` : shown
}

function viewEvidence(v: FamilyView): Evidence[] {
  if (v.kind === 'unread') return []
  const label = t('evDefault', { family: NAMES[v.family] })
  const out: Evidence[] = [{ label, source: v.by, observed: v.kind === 'filtered' ? t('refusedWord') : t('letInWord') }]
  if (v.kind === 'filtered') {
    for (const o of v.openings.slice(0, MAX_LISTED)) out.push({ label: t('evOpening'), source: NAMES[v.family], observed: o })
    for (const d of v.doubts.slice(0, MAX_LISTED)) out.push({ label: t('evDoubt'), source: NAMES[v.family], observed: d })
  }
  return out
}

/** Steps that fit what was found, when they differ from the platform's usual ones. */
function stepsFor(facts: InboundFacts, gapFamily: Family | null): Step[] | undefined {
  const ufw = facts.frontends?.find((f) => f.name === 'ufw')
  if (gapFamily === 'ipv6' && ufw?.on) {
    return [
      {
        text: t('stepUfwIpv6'),
        command: { shell: 'sh', line: 'sudo sed -i "s/^IPV6=.*/IPV6=yes/" /etc/default/ufw && sudo ufw reload' },
        requiresAdmin: true,
      },
    ]
  }
  return undefined
}

export function judgeFirewall(facts: InboundFacts): Outcome {
  const v4 = viewOf(facts, 'ipv4')
  const v6 = viewOf(facts, 'ipv6')
  const views = [v4, v6]
  const evidence = [...facts.evidence, ...views.flatMap(viewEvidence)]
  const open = views.filter((v) => v.kind === 'open')
  const filtered = views.filter((v) => v.kind === 'filtered')
  const [firstOpen] = open
  if (firstOpen && firstOpen.kind === 'open') {
    if (open.length === 2) return { status: 'fail', summary: t('openBoth', { line: firstOpen.by }), evidence }
    const other = views.find((v) => v !== firstOpen)
    const otherName = NAMES[other?.family ?? 'ipv4']
    // IPv6 off is no filter that could have a gap: IPv4 open is then all there is.
    if (other?.kind === 'filtered' && other.by.startsWith(IPV6_OFF_SOURCE))
      return { status: 'fail', summary: t('openBoth', { line: firstOpen.by }), evidence }
    if (other?.kind === 'filtered') {
      const steps = stepsFor(facts, firstOpen.family)
      return {
        status: 'fail',
        summary: t('gap', { open: NAMES[firstOpen.family], closed: otherName, line: firstOpen.by }),
        evidence,
        ...(steps ? { steps } : {}),
      }
    }
    return { status: 'fail', summary: t('openOne', { open: NAMES[firstOpen.family], line: firstOpen.by, other: otherName }), evidence }
  }
  const unread = views.find((v) => v.kind === 'unread')
  if (unread && unread.kind === 'unread') {
    return {
      status: 'unknown',
      summary: t('unread', { reason: unread.filter.reason }),
      evidence,
      steps: [{ text: t('stepRoot'), command: { shell: 'sh', line: 'sudo bulwark scan --only network.firewall' }, requiresAdmin: true }],
    }
  }
  const leaky = views.find((v) => v.kind === 'leaky')
  if (leaky && leaky.kind === 'leaky')
    return { status: 'warn', summary: t('leaky', { family: NAMES[leaky.family], line: leaky.by, value: leaky.rule }), evidence }
  const offFor = facts.frontends?.find((f) => f.name === 'windows-firewall')?.offFor ?? []
  if (offFor.length > 0) return { status: 'warn', summary: t('profilesOff', { names: offFor.join(', ') }), evidence }
  const by = [...new Set(filtered.map((v) => (v.kind === 'filtered' ? v.by : '')))].join('; ')
  // An opening in both families is named once; one in a single family says which.
  const families = new Map<string, Family[]>()
  for (const v of filtered) if (v.kind === 'filtered') for (const o of v.openings) families.set(o, [...(families.get(o) ?? []), v.family])
  const openings = [...families].map(([o, fs]) => (fs.length === 2 ? o : `${o} (${fs.map((f) => NAMES[f]).join('')})`))
  if (openings.length === 0) return { status: 'pass', summary: t('filteredNone', { line: by }), evidence }
  return { status: 'pass', summary: t('filtered', { line: by, values: listed(openings) }), evidence }
}
