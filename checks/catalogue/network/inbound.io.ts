/**
 * The one reading of this machine's firewall every network check shares: what it does with a new
 * connection from another machine, per family (inbound.verdict.ts judges it). Read once per scan.
 */
import type { Host } from '../../core/host/host.js'
import { perHost } from '../../core/host/toolkit.js'
import type { InboundFacts } from './inbound.verdict.js'
import { gatherLinux } from './inbound.linux.io.js'

const read = perHost(async (host: Host): Promise<InboundFacts> => {
  if (host.platform === 'linux') return gatherLinux(host)
  throw new Error(`the firewall reader for ${host.platform} is not written yet`)
})

/**
 * This host's firewall facts. One reading serves every check of a scan, so it is not tied to the signal of
 * the check that asked first (one check's timeout must not cut the others' answer); each tool has its own limit.
 */
export function gatherInbound(host: Host, signal: AbortSignal): Promise<InboundFacts> {
  void signal
  return read(host)
}
