/**
 * dns.system on Linux: the verdict from facts already read. Pure: no I/O.
 *
 * The resolver chain starts at resolv.conf's first nameserver: 127.0.0.53/54 is systemd-resolved
 * (whose own upstream may in turn be stubby or dnscrypt-proxy), a stubby or dnscrypt-proxy listen address
 * is that proxy, any other loopback address is a local resolver Bulwark cannot judge, and anything
 * else is plain DNS. Later nameservers are fallbacks glibc uses when the first does not answer.
 */
import type { Msg, Status } from '../../core/types.js'
import type { DotMode, EffectiveResolved } from './resolved-conf.parse.js'
import { RESOLVED_STUBS, type ResolvConf } from './resolv-conf.parse.js'
import type { ResolvectlStatus } from './resolvectl.parse.js'
import type { NmConnection, NmDot } from './nmcli.parse.js'
import type { StubbyConfig } from './stubby.parse.js'
import type { DnscryptConfig } from './dnscrypt.parse.js'
import type { Read } from './system.io.js'
import { t } from './system.messages.js'
import { isLoopbackAddress } from '../../core/host/toolkit.js'
import { formatSocketAddress, parseSocketAddress, reaches, type SocketAddress } from './resolver-text.parse.js'

export type Listening = 'yes' | 'no' | 'unknown'

export interface LinuxFacts {
  resolvConf: Read<ResolvConf>
  /** The link target when resolv.conf is a symbolic link ("" when the target could not be read). */
  resolvConfLink: string | null
  resolvedFiles: Array<Read<{ dnsOverTls: string[]; rejected: string[] }>>
  resolved: EffectiveResolved
  resolvectl: { state: 'ok'; command: string; value: ResolvectlStatus } | { state: 'unavailable'; command: string; reason: Msg }
  nm:
    | { state: 'ok'; connections: Array<{ connection: NmConnection; dot: NmDot | undefined; command: string }> }
    | { state: 'unavailable'; command: string; reason: Msg }
  stubby: Read<StubbyConfig>
  dnscrypt: Read<DnscryptConfig>
  dnscryptSocket: { path: string; listen: SocketAddress[] } | null
  cloudflared: Array<{ source: string; observed: string }>
  /** Keyed by formatSocketAddress(). */
  listeners: Record<string, Listening>
  /** Names of resolver daemons seen running; null when the process list could not be read. */
  processes: string[] | null
}

export { RESOLVED_STUBS }

type Proxy = { tool: 'stubby' | 'dnscrypt-proxy'; at: SocketAddress }

function proxyAt(f: LinuxFacts, target: SocketAddress): Proxy | undefined {
  if (f.stubby.state === 'ok' && f.stubby.value.listen.some((l) => reaches(target, l))) return { tool: 'stubby', at: target }
  const dnscryptListen = [...(f.dnscrypt.state === 'ok' ? (f.dnscrypt.value.listen ?? []) : []), ...(f.dnscryptSocket?.listen ?? [])]
  if (dnscryptListen.some((l) => reaches(target, l))) return { tool: 'dnscrypt-proxy', at: target }
  return undefined
}

/** The addresses worth a connect probe: every loopback listen address of a configured proxy. */
export function probeTargets(f: Pick<LinuxFacts, 'stubby' | 'dnscrypt' | 'dnscryptSocket'>): SocketAddress[] {
  const all = [
    ...(f.stubby.state === 'ok' ? f.stubby.value.listen : []),
    ...(f.dnscrypt.state === 'ok' ? (f.dnscrypt.value.listen ?? []) : []),
    ...(f.dnscryptSocket?.listen ?? []),
  ].map((a) =>
    isLoopbackAddress(a.address) ? a : { address: a.address.includes(':') || a.address === '' ? '::1' : '127.0.0.1', port: a.port },
  )
  const seen = new Set<string>()
  return all.filter((a) => {
    const key = formatSocketAddress(a)
    if (seen.has(key) || !isLoopbackAddress(a.address)) return false
    seen.add(key)
    return true
  })
}

function listening(f: LinuxFacts, p: Proxy): Listening {
  const direct = f.listeners[formatSocketAddress(p.at)]
  if (direct) return direct
  // A wildcard listener was probed on the matching loopback address.
  const probed = Object.entries(f.listeners).find(([key]) => {
    const a = parseSocketAddress(key)
    return a !== undefined && a.port === p.at.port
  })
  return probed?.[1] ?? 'unknown'
}

export interface Verdict {
  status: Status
  summary: Msg
}

function judgeProxy(f: LinuxFacts, p: Proxy): Verdict {
  const address = formatSocketAddress(p.at)
  // A refused connect is decisive; a running process of the same name may serve another address.
  if (listening(f, p) === 'no') return { status: 'warn', summary: t('linuxProxyNotListening', { tool: p.tool, address }) }
  if (p.tool === 'dnscrypt-proxy') return { status: 'pass', summary: t('linuxDnscrypt', { address }) }
  if (f.stubby.state !== 'ok') return { status: 'unknown', summary: t('linuxLocalUnknown', { address }) }
  const cfg = f.stubby.value
  const transports = cfg.transports ?? ['GETDNS_TRANSPORT_UDP', 'GETDNS_TRANSPORT_TCP']
  const shown = cfg.transports === null ? '(not set: UDP, then TCP)' : transports.join(', ') || '(empty)'
  if (!transports.includes('GETDNS_TRANSPORT_TLS'))
    return { status: 'fail', summary: t('linuxStubbyNoTls', { address, transports: shown }) }
  if (transports.some((x) => x !== 'GETDNS_TRANSPORT_TLS'))
    return { status: 'warn', summary: t('linuxStubbyFallback', { address, transports: shown }) }
  if (cfg.tlsAuthentication !== 'GETDNS_AUTHENTICATION_REQUIRED') {
    return { status: 'warn', summary: t('linuxStubbyNoAuth', { address, auth: cfg.tlsAuthentication ?? '(not set)' }) }
  }
  return { status: 'pass', summary: t('linuxStubbyStrict', { address }) }
}

const DOT_RANK: Record<DotMode, number> = { no: 0, opportunistic: 1, yes: 2 }

/** The DoT modes resolvectl reports for the scopes that carry DNS servers (all scopes if none has servers). */
function resolvectlModes(f: LinuxFacts): Array<{ scope: string; mode: DotMode }> {
  if (f.resolvectl.state !== 'ok') return []
  const s = f.resolvectl.value
  const scopes = [...(s.global ? [s.global] : []), ...s.links]
  const withServers = scopes.filter((x) => x.servers.length > 0 && x.dnsOverTls)
  const chosen = withServers.length > 0 ? withServers : scopes.filter((x) => x.dnsOverTls)
  return chosen.map((x) => ({ scope: x.name, mode: x.dnsOverTls ?? 'no' }))
}

/** The weakest DoT mode among the scopes that carry DNS servers, from resolvectl or else configuration. */
function resolvedModes(f: LinuxFacts): Array<{ scope: string; mode: DotMode }> {
  const fromStatus = resolvectlModes(f)
  // Output that names no DNSOverTLS state at all proves nothing: judge by the configuration instead.
  if (fromStatus.length > 0) return fromStatus
  const out: Array<{ scope: string; mode: DotMode }> = []
  const nm = f.nm.state === 'ok' ? f.nm.connections : []
  for (const c of nm) {
    const dot = c.dot === undefined || c.dot === 'default' ? f.resolved.dnsOverTls : c.dot
    out.push({ scope: c.connection.device || c.connection.name, mode: dot })
  }
  if (out.length === 0 || f.resolved.dns.length > 0) out.push({ scope: 'Global', mode: f.resolved.dnsOverTls })
  return out
}

function resolvedUpstreams(f: LinuxFacts): string[] {
  if (f.resolvectl.state === 'ok') {
    const s = f.resolvectl.value
    return [...(s.global?.servers ?? []), ...s.links.flatMap((l) => l.servers)]
  }
  return f.resolved.dns
}

function judgeResolved(f: LinuxFacts): Verdict {
  const configUnreadable = f.resolvedFiles.find((r) => r.state === 'unreadable')
  // A connection's own dns-over-tls overrides the global mode, so one that could not be read leaves it open.
  const nmUnread = f.nm.state === 'ok' ? f.nm.connections.find((c) => c.dot === undefined) : undefined
  const unread = configUnreadable?.state === 'unreadable' ? configUnreadable.path : nmUnread?.command
  if (resolvectlModes(f).length === 0 && unread !== undefined) {
    return { status: 'unknown', summary: t('linuxResolvedUnverified', { path: unread }) }
  }
  const upstreams = resolvedUpstreams(f)
  const parsed = upstreams.map((u) => ({ raw: u, addr: parseSocketAddress(u) }))
  const proxies = parsed.flatMap((p) => (p.addr ? [proxyAt(f, p.addr)] : [])).filter((p): p is Proxy => p !== undefined)
  const first = proxies[0]
  if (first) {
    const verdict = judgeProxy(f, first)
    const others = parsed.filter((p) => !p.addr || !proxyAt(f, p.addr)).map((p) => p.raw)
    const modes = resolvedModes(f)
    if (others.length > 0 && modes.some((m) => m.mode !== 'yes') && verdict.status === 'pass') {
      return {
        status: 'warn',
        summary: t('linuxResolvedPlainUpstream', { proxy: `${first.tool} ${formatSocketAddress(first.at)}`, others: others.join(', ') }),
      }
    }
    return verdict
  }
  const modes = resolvedModes(f)
  const worst = modes.reduce<DotMode>((w, m) => (DOT_RANK[m.mode] < DOT_RANK[w] ? m.mode : w), 'yes')
  const scopes =
    modes
      .filter((m) => m.mode === worst)
      .map((m) => m.scope)
      .join(', ') || 'Global'
  if (worst === 'yes') return { status: 'pass', summary: t('linuxResolvedYes', { scopes }) }
  if (worst === 'opportunistic') return { status: 'warn', summary: t('linuxResolvedOpportunistic', { scopes }) }
  return { status: 'fail', summary: t('linuxResolvedNo', { mode: worst, scopes }) }
}

type Hop = { kind: 'resolved' } | { kind: 'proxy'; proxy: Proxy } | { kind: 'local'; address: string } | { kind: 'plain'; address: string }

function classify(f: LinuxFacts, nameserver: string): Hop {
  const addr = parseSocketAddress(nameserver)
  if (!addr) return { kind: 'plain', address: nameserver }
  if (RESOLVED_STUBS.includes(addr.address)) return { kind: 'resolved' }
  const proxy = proxyAt(f, addr)
  if (proxy) return { kind: 'proxy', proxy }
  if (isLoopbackAddress(addr.address)) return { kind: 'local', address: nameserver }
  return { kind: 'plain', address: nameserver }
}

function judgeHop(f: LinuxFacts, hop: Hop): Verdict {
  switch (hop.kind) {
    case 'resolved':
      return judgeResolved(f)
    case 'proxy':
      return judgeProxy(f, hop.proxy)
    case 'local': {
      // A loopback nameserver whose proxy configuration could not be read may well be that proxy.
      const unreadable = [f.stubby, f.dnscrypt].find((r) => r.state === 'unreadable')
      if (unreadable?.state === 'unreadable') {
        return {
          status: 'unknown',
          summary: t('linuxProxyConfigUnreadable', {
            address: hop.address,
            tool: unreadable === f.stubby ? 'stubby' : 'dnscrypt-proxy',
            path: unreadable.path,
          }),
        }
      }
      return { status: 'unknown', summary: t('linuxLocalUnknown', { address: hop.address }) }
    }
    case 'plain':
      return { status: 'fail', summary: t('linuxPlainOnly', { servers: hop.address }) }
  }
}

export function decideLinux(f: LinuxFacts): Verdict {
  const cloudflared = f.cloudflared[0]
  if (cloudflared) return { status: 'fail', summary: t('linuxCloudflared', { source: cloudflared.source }) }
  if (f.resolvConf.state === 'unreadable') return { status: 'unknown', summary: f.resolvConf.reason }
  // With no nameserver line (or no file) glibc asks 127.0.0.1.
  const listed = f.resolvConf.state === 'ok' ? f.resolvConf.value.nameservers.slice(0, 3) : []
  const nameservers = listed.length > 0 ? listed : ['127.0.0.1']
  const hops = nameservers.map((n) => classify(f, n))
  const firstHop = hops[0] ?? { kind: 'plain', address: '' }
  if (hops.every((h) => h.kind === 'plain')) return { status: 'fail', summary: t('linuxPlainOnly', { servers: nameservers.join(', ') }) }
  const verdict = judgeHop(f, firstHop)
  const plainLater = hops.slice(1).flatMap((h) => (h.kind === 'plain' ? [h.address] : []))
  if (plainLater.length > 0 && (verdict.status === 'pass' || verdict.status === 'warn')) {
    return { status: 'warn', summary: t('linuxPlainFallback', { first: nameservers[0] ?? '', others: plainLater.join(', ') }) }
  }
  return verdict
}
