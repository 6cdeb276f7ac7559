/**
 * The one reading of this machine's firewall every network check shares: what it does with a new
 * connection from another machine, per family (inbound.verdict.ts judges it). Read once per scan.
 */
import type { Host } from '../../core/host/host.js'
import { perHost } from '../../core/host/toolkit.js'
import type { InboundFacts } from './inbound.verdict.js'
import { gatherDarwin } from './inbound.darwin.io.js'
import { gatherLinux } from './inbound.linux.io.js'
import { gatherWin32 } from './inbound.win32.io.js'

const read = perHost((host: Host): Promise<InboundFacts> =>
  host.platform === 'darwin' ? gatherDarwin(host) : host.platform === 'win32' ? gatherWin32(host) : gatherLinux(host),
)

/**
 * This host's firewall facts. One reading serves every check of a scan, so it is not tied to the signal of
 * the check that asked first (one check's timeout must not cut the others' answer); each tool has its own limit.
 */
export function gatherInbound(host: Host, signal: AbortSignal): Promise<InboundFacts> {
  void signal
  return read(host)
}
