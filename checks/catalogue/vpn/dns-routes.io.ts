/**
 * Reads which nameservers are in use and asks the routing table where each one's lookups go, with
 * the command a person can re-run as evidence. Only the routing table is consulted: nothing is sent.
 */
import { describeHostError, observedUnknown, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { canonicalIp, commandOf, isIPv6, runTool } from '../../core/host/toolkit.js'
import type { Evidence } from '../../core/types.js'
import { parseResolvConf, RESOLVED_STUBS } from '../dns/resolv-conf.parse.js'
import { parseResolvectlStatus, type ResolvectlStatus } from '../dns/resolvectl.parse.js'
import { parseScutilDns } from '../dns/scutil-dns.parse.js'
import { parseRouteGet } from './darwin-net.parse.js'
import { parseIpRouteGet } from './ip-json.parse.js'
import { darwinRouteRun, ip, ipNoRoute } from './route-lookup.io.js'
import { lookupFrom } from './route-lookup.verdict.js'
import { COMMAND_TIMEOUT_MS } from './vpn-clients.io.js'
import { darwinTargets, linuxTargets, type NameserverRoute, type NameserverTarget } from './dns-routes.verdict.js'
import { describeLookup, type RouteLookup } from './net.verdict.js'
import { t } from './net.messages.js'

export const RESOLV_CONF = '/etc/resolv.conf'

export interface DnsRouteFacts {
  routes: NameserverRoute[]
  /** One line per route looked up, plus why the nameservers could not be read when they could not. */
  evidence: Evidence[]
}

/** The route as the tool describes it ("10.64.0.1 dev wg0 table 51820 src 10.64.0.2"), else the lookup in words. */
export function routeSeen(lookup: RouteLookup): Evidence['observed'] {
  return lookup.kind === 'dev' && lookup.route ? lookup.route : describeLookup(lookup)
}

export function nameserverEvidence(target: NameserverTarget, source: string, lookup: RouteLookup): Evidence {
  return { label: t('evDnsRoute', { server: target.server, from: target.from }), source, observed: routeSeen(lookup) }
}

async function resolvectl(host: Host, signal: AbortSignal): Promise<{ status: ResolvectlStatus | null; evidence: Evidence[] }> {
  const ran = await runTool(host, 'resolvectl', ['status'], { timeoutMs: COMMAND_TIMEOUT_MS, signal })
  const parsed = ran.ok ? parseResolvectlStatus(ran.value.stdout) : null
  if (parsed?.ok) return { status: parsed.value, evidence: [] }
  const reason = ran.ok ? t('obsToolOutput', { problem: parsed && !parsed.ok ? parsed.reason : '' }) : ran.reason.reason
  return { status: null, evidence: [{ label: t('evDnsServers'), source: commandOf(ran), observed: observedUnknown(reason) }] }
}

export async function linuxDnsRoutes(host: Host, signal: AbortSignal, resolvConfPath = RESOLV_CONF): Promise<DnsRouteFacts> {
  const read = await tryReadText(host, resolvConfPath)
  if (!read.ok) {
    // No resolv.conf: glibc asks 127.0.0.1, a local resolver whose upstreams are not ours to see.
    if (read.reason.code === 'not_found') return { routes: [], evidence: [] }
    return {
      routes: [],
      evidence: [
        { label: t('evDnsServers'), source: resolvConfPath, observed: observedUnknown(describeHostError(read.reason, resolvConfPath)) },
      ],
    }
  }
  const conf = parseResolvConf(read.value)
  if (!conf.ok)
    return {
      routes: [],
      evidence: [{ label: t('evDnsServers'), source: resolvConfPath, observed: observedUnknown(conf.reason) }],
    }
  const nameservers = conf.value.nameservers
  const usesStub = nameservers.slice(0, 3).some((n) => RESOLVED_STUBS.includes(canonicalIp(n)))
  const resolved = usesStub ? await resolvectl(host, signal) : { status: null, evidence: [] }
  const targets = linuxTargets(conf.value, resolvConfPath, resolved.status)
  const routes = await Promise.all(
    targets.map(async (target): Promise<NameserverRoute> => {
      const args = ['-j', 'route', 'get', target.server, ...(target.link ? ['oif', target.link] : [])]
      const ran = await ip(host, args, signal, ipNoRoute)
      const lookup = lookupFrom(ran, parseIpRouteGet)
      return { target, lookup, evidence: nameserverEvidence(target, commandOf(ran), lookup) }
    }),
  )
  return { routes, evidence: [...resolved.evidence, ...routes.map((r) => r.evidence)] }
}

export async function darwinDnsRoutes(host: Host, signal: AbortSignal): Promise<DnsRouteFacts> {
  const ran = await runTool(host, '/usr/sbin/scutil', ['--dns'], { timeoutMs: COMMAND_TIMEOUT_MS, signal })
  if (!ran.ok)
    return { routes: [], evidence: [{ label: t('evDnsServers'), source: commandOf(ran), observed: observedUnknown(ran.reason.reason) }] }
  const targets = darwinTargets(parseScutilDns(ran.value.stdout))
  const routes = await Promise.all(
    targets.map(async (target): Promise<NameserverRoute> => {
      const args = ['-n', 'get', ...(isIPv6(target.server) ? ['-inet6'] : []), target.server]
      const ran = await darwinRouteRun(host, args, signal)
      const lookup = lookupFrom(ran, parseRouteGet)
      return { target, lookup, evidence: nameserverEvidence(target, commandOf(ran), lookup) }
    }),
  )
  return { routes, evidence: routes.map((r) => r.evidence) }
}
