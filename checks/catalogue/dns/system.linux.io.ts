/** dns.system on Linux: reads the resolver chain's files and tools, then hands the facts to the rules. */
import { observedWord, processListCommand } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { Evidence, Outcome } from '../../core/types.js'
import { configEnablesProxyDns, unitRunsProxyDns } from './cloudflared.parse.js'
import { parseDnscryptToml, parseSocketUnitListen } from './dnscrypt.parse.js'
import { parseNmcliActive, parseNmcliDot } from './nmcli.parse.js'
import { parseResolvConf } from './resolv-conf.parse.js'
import { effectiveResolved, orderDropIns, parseResolvedConf, type ResolvedFile } from './resolved-conf.parse.js'
import { parseResolvectlStatus } from './resolvectl.parse.js'
import { parseStubbyConfig } from './stubby.parse.js'
import { commandOf, runTool } from '../../core/host/toolkit.js'
import { readParsed, unreadableEvidence, type Read } from './system.io.js'
import { decideLinux, probeTargets, RESOLVED_STUBS, type LinuxFacts, type Listening } from './system.linux.verdict.js'
import { t } from './system.messages.js'
import { resolvedDotFixable } from './system-fix.verdict.js'
import { formatSocketAddress } from './resolver-text.parse.js'

/** Where each file is looked for; injectable so tests (and the stubby integration test) can use a temp dir. */
export interface LinuxPaths {
  resolvConf: string
  /** The first one present is the main file. */
  resolvedMain: readonly string[]
  /** Highest priority first. */
  resolvedDropInDirs: readonly string[]
  stubbyConf: string
  dnscryptConf: string
  /** Highest priority first; searched for dnscrypt-proxy.socket and cloudflared units. */
  unitDirs: readonly string[]
  cloudflaredConfigs: readonly string[]
}

export const LINUX_PATHS: LinuxPaths = {
  resolvConf: '/etc/resolv.conf',
  resolvedMain: [
    '/etc/systemd/resolved.conf',
    '/run/systemd/resolved.conf',
    '/usr/local/lib/systemd/resolved.conf',
    '/usr/lib/systemd/resolved.conf',
  ],
  resolvedDropInDirs: [
    '/etc/systemd/resolved.conf.d',
    '/run/systemd/resolved.conf.d',
    '/usr/local/lib/systemd/resolved.conf.d',
    '/usr/lib/systemd/resolved.conf.d',
  ],
  stubbyConf: '/etc/stubby/stubby.yml',
  dnscryptConf: '/etc/dnscrypt-proxy/dnscrypt-proxy.toml',
  unitDirs: [
    '/etc/systemd/system',
    '/run/systemd/system',
    '/usr/local/lib/systemd/system',
    '/usr/lib/systemd/system',
    '/lib/systemd/system',
  ],
  cloudflaredConfigs: ['/etc/cloudflared/config.yml', '/etc/cloudflared/config.yaml', '/usr/local/etc/cloudflared/config.yml'],
}

const TOOL_TIMEOUT_MS = 1500
const PROBE_TIMEOUT_MS = 200
const MAX_NM_CONNECTIONS = 8
const RESOLVER_DAEMONS = ['stubby', 'dnscrypt-proxy']

async function listNames(host: Host, dir: string): Promise<string[]> {
  try {
    return (await host.readDir(dir)).filter((e) => e.kind !== 'dir').map((e) => e.name)
  } catch {
    return []
  }
}

async function readResolvedFiles(host: Host, paths: LinuxPaths): Promise<Array<Read<ResolvedFile>>> {
  const [mains, listings] = await Promise.all([
    Promise.all(paths.resolvedMain.map((p) => readParsed(host, p, 'systemd configuration', parseResolvedConf))),
    Promise.all(paths.resolvedDropInDirs.map(async (dir) => ({ dir, names: await listNames(host, dir) }))),
  ])
  const main = mains.find((m) => m.state !== 'absent')
  const dropIns = orderDropIns(listings, (dir, name) => `${dir}/${name}`)
  const reads = await Promise.all(dropIns.map((p) => readParsed(host, p, 'systemd configuration', parseResolvedConf)))
  return [...(main ? [main] : []), ...reads].map((r) => (r.state === 'ok' ? { ...r, value: { path: r.path, assignments: r.value } } : r))
}

async function readResolvConfLink(host: Host, path: string, signal: AbortSignal): Promise<string | null> {
  try {
    if ((await host.lstat(path)).kind !== 'symlink') return null
  } catch {
    return null
  }
  const run = await runTool(host, 'readlink', [path], { timeoutMs: TOOL_TIMEOUT_MS, signal })
  return run.ok ? run.value.stdout.trim() : ''
}

async function readNetworkManager(host: Host, signal: AbortSignal): Promise<LinuxFacts['nm']> {
  const active = await runTool(host, 'nmcli', ['-t', '-f', 'NAME,UUID,TYPE,DEVICE', 'connection', 'show', '--active'], {
    timeoutMs: TOOL_TIMEOUT_MS,
    signal,
  })
  if (!active.ok) return { state: 'unavailable', command: active.reason.command, reason: active.reason.reason }
  const connections = parseNmcliActive(active.value.stdout)
    .filter((c) => c.type !== 'loopback')
    .slice(0, MAX_NM_CONNECTIONS)
  const withDot = await Promise.all(
    connections.map(async (connection) => {
      const run = await runTool(host, 'nmcli', ['-t', '-f', 'connection.dns-over-tls', 'connection', 'show', connection.uuid], {
        timeoutMs: TOOL_TIMEOUT_MS,
        signal,
      })
      return { connection, dot: run.ok ? parseNmcliDot(run.value.stdout) : undefined, command: commandOf(run) }
    }),
  )
  return { state: 'ok', connections: withDot }
}

async function findCloudflared(host: Host, paths: LinuxPaths): Promise<LinuxFacts['cloudflared']> {
  const configs = [...paths.cloudflaredConfigs, `${host.home}/.cloudflared/config.yml`]
  const fromConfigs = await Promise.all(
    configs.map(async (p) => {
      const r = await readParsed(host, p, 'YAML', (text) => ({ ok: true, value: configEnablesProxyDns(text) }))
      return r.state === 'ok' && r.value ? [{ source: p, observed: 'proxy-dns: true' }] : []
    }),
  )
  const fromUnits = await Promise.all(
    paths.unitDirs.map(async (dir) => {
      const names = (await listNames(host, dir)).filter((n) => /cloudflared.*\.service$/.test(n))
      const found = await Promise.all(
        names.map(async (name) => {
          const r = await readParsed(host, `${dir}/${name}`, 'systemd unit', (text) => ({ ok: true, value: unitRunsProxyDns(text) }))
          return r.state === 'ok' && r.value ? [{ source: r.path, observed: r.value }] : []
        }),
      )
      return found.flat()
    }),
  )
  return [...fromConfigs.flat(), ...fromUnits.flat()]
}

async function findDnscryptSocket(host: Host, paths: LinuxPaths): Promise<LinuxFacts['dnscryptSocket']> {
  for (const dir of paths.unitDirs) {
    const path = `${dir}/dnscrypt-proxy.socket`
    const r = await readParsed(host, path, 'systemd unit', (text) => ({ ok: true, value: parseSocketUnitListen(text) }))
    if (r.state === 'ok') return { path, listen: r.value }
  }
  return null
}

async function probe(host: Host, facts: Pick<LinuxFacts, 'stubby' | 'dnscrypt' | 'dnscryptSocket'>): Promise<Record<string, Listening>> {
  const entries = await Promise.all(
    probeTargets(facts).map(async (a): Promise<[string, Listening]> => {
      try {
        // Connect and close: no DNS query is ever sent.
        await host.probeLoopback(a.port, new Uint8Array(0), { address: a.address, timeoutMs: PROBE_TIMEOUT_MS, maxBytes: 1 })
        return [formatSocketAddress(a), 'yes']
      } catch (e) {
        const code = (e as { code?: string }).code
        return [formatSocketAddress(a), code === 'refused' || code === 'timeout' ? 'no' : 'unknown']
      }
    }),
  )
  return Object.fromEntries(entries)
}

async function runningDaemons(host: Host): Promise<string[] | null> {
  try {
    const list = await host.sysinfo.processes()
    return RESOLVER_DAEMONS.filter((name) => list.some((p) => p.name === name || p.command === name || p.path.endsWith(`/${name}`)))
  } catch {
    return null
  }
}

export async function gatherLinux(host: Host, paths: LinuxPaths, signal: AbortSignal): Promise<LinuxFacts> {
  const [resolvConf, resolvConfLink, resolvedReads, resolvectlRun, nm, stubby, dnscrypt, dnscryptSocket, cloudflared] = await Promise.all([
    readParsed(host, paths.resolvConf, 'resolv.conf', parseResolvConf),
    readResolvConfLink(host, paths.resolvConf, signal),
    readResolvedFiles(host, paths),
    runTool(host, 'resolvectl', ['status'], { timeoutMs: TOOL_TIMEOUT_MS, signal }),
    readNetworkManager(host, signal),
    readParsed(host, paths.stubbyConf, 'stubby YAML', parseStubbyConfig),
    readParsed(host, paths.dnscryptConf, 'dnscrypt-proxy TOML', parseDnscryptToml),
    findDnscryptSocket(host, paths),
    findCloudflared(host, paths),
  ])
  const proxies = { stubby, dnscrypt, dnscryptSocket }
  const anyProxy = stubby.state === 'ok' || dnscrypt.state === 'ok' || dnscryptSocket !== null
  const [listeners, processes] = anyProxy ? await Promise.all([probe(host, proxies), runningDaemons(host)]) : [{}, []]
  const resolvectlCommand = commandOf(resolvectlRun)
  const parsedStatus = resolvectlRun.ok ? parseResolvectlStatus(resolvectlRun.value.stdout) : undefined
  const resolvectl: LinuxFacts['resolvectl'] = !resolvectlRun.ok
    ? { state: 'unavailable', command: resolvectlCommand, reason: resolvectlRun.reason.reason }
    : parsedStatus?.ok
      ? { state: 'ok', command: resolvectlCommand, value: parsedStatus.value }
      : { state: 'unavailable', command: resolvectlCommand, reason: t('toolOutput', { problem: parsedStatus?.reason ?? '' }) }
  const okFiles = resolvedReads.flatMap((r) => (r.state === 'ok' ? [r.value] : []))
  const resolved = effectiveResolved(okFiles)
  const resolvedFiles: LinuxFacts['resolvedFiles'] = resolvedReads.map((r) => {
    if (r.state !== 'ok') return r
    const values = r.value.assignments.filter((a) => a.key === 'DNSOverTLS').map((a) => a.value)
    const rejected = resolved.rejected.filter((x) => x.path === r.path).map((x) => x.raw)
    return { state: 'ok', path: r.path, value: { dnsOverTls: values, rejected } }
  })
  return {
    resolvConf,
    resolvConfLink,
    resolvedFiles,
    resolved,
    resolvectl,
    nm,
    stubby,
    dnscrypt,
    dnscryptSocket,
    cloudflared,
    listeners,
    processes,
  }
}

/** One entry per thing read, with the value seen. */
export function linuxEvidence(f: LinuxFacts): Evidence[] {
  const ev: Evidence[] = []
  const rc = f.resolvConf
  if (rc.state === 'ok') {
    ev.push(
      rc.value.nameservers.length > 0
        ? { label: t('evResolvNameservers'), source: rc.path, observed: rc.value.nameservers.join(', ') }
        : { label: t('evResolvNoNameservers'), source: rc.path, observed: '' },
    )
    if (rc.value.writer) ev.push({ label: t('evResolvWriter'), source: rc.path, observed: rc.value.writer })
  } else if (rc.state === 'absent') {
    ev.push({ label: t('evAbsent'), source: rc.path, observed: null })
  }
  ev.push(...unreadableEvidence(rc))
  if (f.resolvConfLink !== null)
    ev.push({ label: t('evResolvLink'), source: `readlink ${rc.path}`, observed: f.resolvConfLink || t('obsTargetNotRead') })

  const usesResolved = rc.state === 'ok' && rc.value.nameservers.some((n) => RESOLVED_STUBS.includes(n))
  for (const r of f.resolvedFiles) {
    if (r.state === 'ok') {
      if (r.value.dnsOverTls.length > 0) ev.push({ label: t('evResolvedSetting'), source: r.path, observed: r.value.dnsOverTls.join(', ') })
      for (const raw of r.value.rejected) ev.push({ label: t('evResolvedRejected'), source: r.path, observed: raw })
    }
    ev.push(...unreadableEvidence(r))
  }
  if (usesResolved || f.resolvedFiles.length > 0) {
    ev.push({
      label: t('evResolvedEffective'),
      source: f.resolved.dnsOverTlsFrom?.path ?? 'systemd-resolved built-in default',
      observed: f.resolved.dnsOverTls,
      expected: t('expDotYes'),
    })
    if (f.resolved.dns.length > 0) ev.push({ label: t('evResolvedDns'), source: 'DNS=', observed: f.resolved.dns.join(' ') })
  }
  if (f.resolvectl.state === 'ok') {
    const s = f.resolvectl.value
    for (const scope of [...(s.global ? [s.global] : []), ...s.links]) {
      if (scope.dnsOverTlsRaw === undefined) continue
      ev.push({
        label: t('evResolvectlScope', { scope: scope.name, servers: scope.servers.join(' ') || '(none)' }),
        source: f.resolvectl.command,
        observed: scope.dnsOverTlsRaw,
        expected: t('expDotYes'),
      })
    }
  } else if (usesResolved) {
    ev.push({ label: t('evResolvectlUnavailable'), source: f.resolvectl.command, observed: f.resolvectl.reason })
  }
  if (f.nm.state === 'ok') {
    for (const c of f.nm.connections) {
      ev.push({
        label: t('evNmConnection', { name: c.connection.name, device: c.connection.device || '-' }),
        source: c.command,
        observed: c.dot ?? t('obsUnreadable'),
      })
    }
  }
  const st = f.stubby
  if (st.state === 'ok') {
    ev.push(
      {
        label: t('evStubbyTransports'),
        source: st.path,
        observed: st.value.transports === null ? t('obsNotSet') : st.value.transports.join(', '),
        expected: t('expStubbyTls'),
      },
      { label: t('evStubbyAuth'), source: st.path, observed: st.value.tlsAuthentication ?? t('obsNotSet'), expected: t('expStubbyAuth') },
      { label: t('evStubbyListen'), source: st.path, observed: st.value.listen.map(formatSocketAddress).join(', ') },
    )
  }
  ev.push(...unreadableEvidence(st))
  if (f.dnscrypt.state === 'ok') {
    ev.push({
      label: t('evDnscryptListen'),
      source: f.dnscrypt.path,
      observed: f.dnscrypt.value.listenRaw.join(', ') || observedWord('none'),
    })
  }
  ev.push(...unreadableEvidence(f.dnscrypt))
  if (f.dnscryptSocket)
    ev.push({
      label: t('evDnscryptSocket'),
      source: f.dnscryptSocket.path,
      observed: f.dnscryptSocket.listen.map(formatSocketAddress).join(', ') || observedWord('none'),
    })
  for (const [address, state] of Object.entries(f.listeners)) {
    ev.push({ label: t('evListener', { address }), source: `tcp ${address}`, observed: t(`obsListening_${state satisfies Listening}`) })
  }
  for (const name of f.processes ?? [])
    ev.push({ label: t('evProcess', { name }), source: processListCommand('linux'), observed: t('obsRunning') })
  for (const c of f.cloudflared) ev.push({ label: t('evCloudflared'), source: c.source, observed: c.observed })
  return ev
}

export async function runLinux(host: Host, paths: LinuxPaths, signal: AbortSignal): Promise<Outcome> {
  const facts = await gatherLinux(host, paths, signal)
  const verdict = decideLinux(facts)
  const dropInDir = paths.resolvedDropInDirs[0] ?? '/etc/systemd/resolved.conf.d'
  return resolvedDotFixable(facts, dropInDir, { status: verdict.status, summary: verdict.summary, evidence: linuxEvidence(facts) })
}
