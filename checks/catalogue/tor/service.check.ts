import { defineCheck } from '../../core/define-check.js'
import { detectIsolation } from '../../readers/system/isolation.io.js'
import type { Host } from '../../core/host/host.js'
import { endpointText, probeControl, probeSocks, type ControlProbe, type Endpoint, type SocksProbe } from './probe.io.js'
import { DEFAULT_STEPS, serviceOutcome } from './service.verdict.js'
import { t } from './service.messages.js'
import { discoverTor, effectiveLines, loadTorConfigs } from './tor-install.io.js'
import { parsePortSpec, type PortSpec } from './torrc.parse.js'
import { attempt } from '../../core/host/helpers.js'
import { noticeLogFile, parseBootstrapLog } from './log.parse.js'
import type { LogReading } from './service.verdict.js'

/** A notice log rotates daily on Debian; 8 MiB is weeks of a client's log and still a quick read. */
const MAX_LOG_BYTES = 8 * 1024 * 1024

/** tor's own notice logs, read for its progress when no control port tells it. */
async function readLogs(host: Host, files: string[]): Promise<LogReading[]> {
  return Promise.all(
    [...new Set(files)].map(async (path) => {
      const text = await attempt(path, () => host.readText(path, { maxBytes: MAX_LOG_BYTES }))
      return text.ok ? { path, ok: true as const, log: parseBootstrapLog(text.value) } : { path, ok: false as const, error: text.reason }
    }),
  )
}

/** The daemon's and Tor Browser's usual ports (detection.md §3). */
const DEFAULT_SOCKS = [9050, 9150]
const DEFAULT_CONTROL = [9051, 9151]

/** Where a port spec can be reached from this machine through loopback, if anywhere. */
function loopbackEndpoint(spec: PortSpec): Endpoint | null {
  if (spec.kind !== 'tcp') return null
  const a = spec.address.toLowerCase()
  if (a === 'localhost') return { address: '127.0.0.1', port: spec.port }
  if (spec.loopback) return { address: a, port: spec.port }
  // A wildcard bind also listens on loopback; a specific LAN address does not, and is not probed.
  if (a === '0.0.0.0') return { address: '127.0.0.1', port: spec.port }
  if (a === '::') return { address: '::1', port: spec.port }
  return null
}

/** Probes each endpoint once, however many sources name it. */
function prober<T>(probe: (e: Endpoint) => Promise<T>) {
  const started = new Map<string, Promise<T>>()
  return {
    add(e: Endpoint | null): void {
      if (e && !started.has(endpointText(e))) started.set(endpointText(e), probe(e))
    },
    all: (): Promise<T[]> => Promise.all(started.values()),
  }
}

async function run(host: Host, signal: AbortSignal) {
  const socks = prober<SocksProbe>((e) => probeSocks(host, e))
  const control = prober<ControlProbe>((e) => probeControl(host, e))
  // The usual ports go out at once, in parallel with finding installs and reading torrc files.
  for (const port of DEFAULT_SOCKS) socks.add({ address: '127.0.0.1', port })
  for (const port of DEFAULT_CONTROL) control.add({ address: '127.0.0.1', port })

  const [isolation, discovery, configs] = await Promise.all([detectIsolation(host), discoverTor(host), loadTorConfigs(host)])
  signal.throwIfAborted()
  const logFiles: string[] = []
  for (const set of configs) {
    for (const line of effectiveLines(set, 'log')) {
      const file = noticeLogFile(line.value)
      if (file) logFiles.push(file)
    }
    for (const line of effectiveLines(set, 'socksport')) socks.add(loopbackEndpoint(parsePortSpec(line.value, 9050)))
    for (const line of effectiveLines(set, 'controlport')) control.add(loopbackEndpoint(parsePortSpec(line.value, 9051)))
  }
  for (const p of discovery.processes) {
    for (const v of p.args.socksPorts) socks.add(loopbackEndpoint(parsePortSpec(v, 9050)))
    for (const v of p.args.controlPorts) control.add(loopbackEndpoint(parsePortSpec(v, 9051)))
  }
  const [socksResults, controlResults, logs] = await Promise.all([socks.all(), control.all(), readLogs(host, logFiles)])
  return serviceOutcome({ platform: host.platform, isolation, discovery, socks: socksResults, control: controlResults, logs })
}

export const torServiceCheck = defineCheck({
  id: 'tor.service',
  texts: t,
  category: 'tor',
  severity: 'medium',
  effort: 2,
  costMs: 50, // loopback probes and the process list
  timeoutMs: 4000,
  remediation: {
    byPlatform: DEFAULT_STEPS,
    references: [
      { title: 'Tor Browser download', url: 'https://www.torproject.org/download/' },
      { title: 'Tor control protocol: PROTOCOLINFO and authentication', url: 'https://spec.torproject.org/control-spec/' },
      {
        title: 'tor(1) manual: SocksPort, ControlPort, CookieAuthentication',
        url: 'https://manpages.debian.org/bookworm/tor/tor.1.en.html',
      },
      { title: 'Whonix: Tor runs on the Gateway', url: 'https://www.whonix.org/wiki/About' },
    ],
  },
  run,
})
