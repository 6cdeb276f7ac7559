/** The route-lookup commands vpn.wireguard and the nameserver routes share: `ip` on Linux, route(8) on macOS. */
import type { Host } from '../../core/host/host.js'
import { runTool, type ToolOptions, type ToolRun } from '../../core/host/toolkit.js'
import type { Evidence } from '../../core/types.js'
import { isDarwinNoRoute, parseRouteGet } from './darwin-net.parse.js'
import { isNoRouteError } from './ip-json.parse.js'
import { routeFrom, toolWords } from './route-lookup.verdict.js'
import { COMMAND_TIMEOUT_MS } from './vpn-clients.io.js'

/** Where iproute2 lives when PATH lacks the sbin directories (a desktop session on some distributions). */
const IP_FALLBACKS = ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip']

/** `ip route get` exits non-zero when no route matches: an answer, not a failure. */
export const ipNoRoute: ToolOptions['acceptExit'] = (_code, out) => isNoRouteError(toolWords(out))

export async function ip(
  host: Host,
  args: readonly string[],
  signal: AbortSignal,
  acceptExit?: ToolOptions['acceptExit'],
): Promise<ToolRun> {
  const options: ToolOptions = { timeoutMs: COMMAND_TIMEOUT_MS, signal, ...(acceptExit ? { acceptExit } : {}) }
  const first = await runTool(host, 'ip', args, options)
  if (first.ok || first.reason.code !== 'not_found') return first
  for (const file of IP_FALLBACKS) {
    const ran = await runTool(host, file, args, options)
    if (ran.ok || ran.reason.code !== 'not_found') return ran
  }
  return first
}

/** `route -n get ...` on macOS; "not in table" is the answer "no route". */
export function darwinRouteRun(host: Host, args: readonly string[], signal: AbortSignal): Promise<ToolRun> {
  const acceptExit = (_code: number | null, out: { stdout: string; stderr: string }): boolean => isDarwinNoRoute(toolWords(out))
  return runTool(host, '/sbin/route', args, { timeoutMs: COMMAND_TIMEOUT_MS, signal, acceptExit })
}

export function darwinRoute(
  host: Host,
  args: string[],
  label: Evidence['label'],
  signal: AbortSignal,
): Promise<ReturnType<typeof routeFrom>> {
  return darwinRouteRun(host, args, signal).then((r) => routeFrom(r, parseRouteGet, label))
}
