/** One entry point to each OS's interfaces, default routes and nameserver routes: vpn.wireguard and dns.system both read them. */
import type { Host } from '../../core/host/host.js'
import { gatherDarwin } from './net.darwin.io.js'
import { gatherLinux } from './net.linux.io.js'
import { gatherWin32 } from './net.win32.io.js'
import type { NetFacts } from './net.verdict.js'

export interface NetOptions {
  /** Linux: where resolv.conf is read (dns.system's tests point it at a fixture tree). */
  resolvConf?: string
}

export function gatherNet(host: Host, signal: AbortSignal, options: NetOptions = {}): Promise<NetFacts> {
  if (host.platform === 'darwin') return gatherDarwin(host, signal)
  if (host.platform === 'win32') return gatherWin32(host, signal)
  return gatherLinux(host, signal, options.resolvConf)
}
