/**
 * dns.system on every OS: plain DNS that only travels inside a VPN tunnel is not "sent unencrypted".
 * The tunnel encrypts it to the VPN server; the provider (or whoever runs the resolver past it) still
 * reads every lookup. Decided from the route the system would use for each nameserver. Pure.
 */
import type { Outcome } from '../../core/types.js'
import { dnsPath, isPrivateAddress } from '../vpn/dns-routes.verdict.js'
import type { NetFacts } from '../vpn/net.verdict.js'
import { t } from './system.messages.js'

/** The verdicts that say "the lookups leave in plain text": the only ones a tunnel can change. */
const PLAIN_VERDICTS = new Set(
  ['linuxPlainOnly', 'linuxResolvedNo', 'winNone', 'winPartial', 'winPolicyProhibit', 'macNothingVisible'].map((k) => `dns.system.${k}`),
)

export function judgeWithTunnel(outcome: Outcome, net: Pick<NetFacts, 'tunnels' | 'foreign' | 'dns'>): Outcome {
  // Routes that could not be looked up say nothing a person can check; the rest are evidence either way.
  const known = net.dns.filter((r) => r.lookup.kind !== 'unknown')
  const evidence = [...outcome.evidence, ...known.map((r) => r.evidence)]
  if (!PLAIN_VERDICTS.has(outcome.summary.key) || !Array.isArray(net.tunnels) || net.dns.length === 0) return { ...outcome, evidence }
  const tunnels = net.tunnels
  const paths = net.dns.map((r) => ({ server: r.target.server, path: dnsPath(r.lookup, tunnels, net.foreign) }))
  const via = paths.flatMap((p) => (p.path.kind === 'tunnel' ? [p.path.via] : []))
  if (via.length !== paths.length) return { ...outcome, evidence }
  const servers = [...new Set(paths.map((p) => p.server))].join(', ')
  const names = [...new Set(via)].join(', ')
  const open = [...new Set(paths.map((p) => p.server).filter((s) => !isPrivateAddress(s)))]
  if (open.length === 0) return { ...outcome, evidence, status: 'pass', summary: t('viaTunnel', { servers, tunnels: names }) }
  return { ...outcome, evidence, status: 'warn', summary: t('viaTunnelPublic', { servers, tunnels: names, public: open.join(', ') }) }
}
