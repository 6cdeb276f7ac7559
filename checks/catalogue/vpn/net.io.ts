/** One entry point to each OS's interfaces, default routes and nameserver routes: vpn.wireguard and dns.system both read them. */
import type { Host } from '../../core/host/host.js'
import { RESOLV_CONF } from './dns-routes.io.js'
import { gatherDarwin } from './net.darwin.io.js'
import { gatherLinux } from './net.linux.io.js'
import { gatherWin32 } from './net.win32.io.js'
import type { NetFacts } from './net.verdict.js'

export interface NetOptions {
  /** Linux: where resolv.conf is read (dns.system's tests point it at a fixture tree). */
  resolvConf?: string
}

function gather(host: Host, signal: AbortSignal, options: NetOptions): Promise<NetFacts> {
  if (host.platform === 'darwin') return gatherDarwin(host, signal)
  if (host.platform === 'win32') return gatherWin32(host, signal)
  return gatherLinux(host, signal, options.resolvConf)
}

interface Shared {
  /** The facts, and whether the reading's own check was stopped before they were complete. */
  facts: Promise<{ net: NetFacts; cut: boolean }>
  owner: AbortSignal
}
const shared = new WeakMap<Host, Map<string, Shared>>()

/**
 * One reading per scan (per Host) for the three checks that ask (vpn.wireguard, dns.system, browser.webrtc): the
 * same `ip` runs and route lookups once instead of three times. It runs under the first asker's signal; should that
 * check be stopped while another still waits, the other reads for itself, so one check's timeout never becomes
 * another's.
 */
export async function gatherNet(host: Host, signal: AbortSignal, options: NetOptions = {}): Promise<NetFacts> {
  const key = options.resolvConf ?? RESOLV_CONF
  let byPath = shared.get(host)
  if (!byPath) shared.set(host, (byPath = new Map()))
  let reading = byPath.get(key)
  if (!reading) {
    const owner = signal
    reading = { facts: gather(host, owner, options).then((net) => ({ net, cut: owner.aborted })), owner }
    byPath.set(key, reading)
  }
  const readsAgain = (): boolean => signal !== reading.owner && !signal.aborted && reading.owner.aborted
  try {
    const { net, cut } = await reading.facts
    return cut && readsAgain() ? gather(host, signal, options) : net
  } catch (e) {
    if (readsAgain()) return gather(host, signal, options)
    throw e
  }
}
