import type { Msg } from '../../core/i18n/message.js'
import type { Evidence } from '../../core/types.js'

// What the firewall does with a new connection from another machine, reduced to one model every OS's
// firewall is read into (nftables and iptables rules, ufw and firewalld, the macOS application firewall
// and pf, Windows Firewall profiles). network.firewall judges it; network.listening and remote.access ask
// it whether a port that listens is let in. Pure.

export type Family = 'ipv4' | 'ipv6'
export type Transport = 'tcp' | 'udp'
export type Action = 'accept' | 'drop'

export interface PortRange {
  from: number
  to: number
}

/** One rule as it applies to a new incoming connection, reduced to what decides it. */
export interface InboundRule {
  transports: readonly Transport[] | 'any'
  ports: readonly PortRange[] | 'any'
  /**
   * `always`: every other matcher of the rule matches any connection from another machine. `maybe`: it has
   * matchers the model does not follow (an interface, a source address or set, a mark, a per-app rule), so
   * it may or may not apply; a `maybe` rule never decides on its own.
   */
  applies: 'always' | 'maybe'
  action: Action
  /** The rule as its tool printed it (`tcp dport 22 accept`, `-A INPUT -p tcp --dport 22 -j ACCEPT`). */
  origin: string
}

/**
 * One chain (or profile) a new connection passes through. A connection is let in only when every chain
 * of its family accepts it: nftables runs every base chain on the input hook, and any one may drop.
 */
export interface InboundChain {
  /** Where it was read and its name, for evidence: `nft list ruleset: inet filter input`. */
  source: string
  rules: readonly InboundRule[]
  /** What happens to a connection no rule decides: the chain's policy, or a final catch-all rule. */
  otherwise: Action
}

/** One family's chains: an empty list means nothing filters it (every port is let in). */
export type FamilyFilter = { kind: 'read'; chains: readonly InboundChain[] } | { kind: 'unread'; reason: Msg }

/** A firewall front end and what its own state and files say (ufw's ENABLED, firewalld's --state), for steps. */
export interface Frontend {
  name: 'ufw' | 'firewalld' | 'socketfilterfw' | 'pf' | 'windows-firewall'
  on: boolean
  /** Where it is off although `on` (Windows Firewall's Domain or Private profile while Public is on). */
  offFor?: readonly string[]
}

export interface InboundFacts {
  ipv4: FamilyFilter
  ipv6: FamilyFilter
  /** What was read (the firewall's own state, files and commands), for network.firewall's report. */
  evidence: Evidence[]
  /** The front ends found installed, whatever the rules say (absent: none found or not looked for). */
  frontends?: readonly Frontend[]
}

/** The chain source that stands for "IPv6 is off": no connection arrives over IPv6, so none is let in. */
export const IPV6_OFF_SOURCE = '/proc/net/if_inet6: no IPv6 address but loopback'

export type Admission = { kind: 'refused'; by: string } | { kind: 'let-in'; by: string } | { kind: 'unknown'; reason: Msg | string }

const covers = (rule: InboundRule, transport: Transport, port: number): boolean =>
  (rule.transports === 'any' || rule.transports.includes(transport)) &&
  (rule.ports === 'any' || rule.ports.some((r) => port >= r.from && port <= r.to))

/** One chain's answer: the first rule that surely applies decides, unless a `maybe` rule before it could differ. */
function chainAdmits(chain: InboundChain, transport: Transport, port: number): Admission {
  let doubt: InboundRule | undefined
  for (const rule of chain.rules) {
    if (!covers(rule, transport, port)) continue
    if (rule.applies === 'maybe') {
      doubt ??= rule
      continue
    }
    return decided(rule.action, rule.origin, doubt)
  }
  return decided(chain.otherwise, `${chain.source}: ${chain.otherwise}`, doubt)
}

function decided(action: Action, by: string, doubt: InboundRule | undefined): Admission {
  if (doubt && doubt.action !== action) return { kind: 'unknown', reason: doubt.origin }
  return action === 'accept' ? { kind: 'let-in', by } : { kind: 'refused', by }
}

/** Whether a new connection from another machine to `port` is let in: refused when any chain surely drops it. */
export function admissionOf(facts: InboundFacts, family: Family, transport: Transport, port: number): Admission {
  const filter = facts[family]
  if (filter.kind === 'unread') return { kind: 'unknown', reason: filter.reason }
  const answers = filter.chains.map((chain) => chainAdmits(chain, transport, port))
  const refused = answers.find((a) => a.kind === 'refused')
  if (refused) return refused
  const unsure = answers.find((a) => a.kind === 'unknown')
  if (unsure) return unsure
  return answers[0] ?? { kind: 'let-in', by: `${family}: no firewall chain` }
}
