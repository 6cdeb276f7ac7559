import type { Evidence } from '../../core/types.js'
import type { Parsed, RouteTarget } from './parsed.parse.js'
import { parseRun, type Ran } from './run.io.js'
import { describeLookup, type RouteLookup } from './wireguard.verdict.js'

/**
 * Turns a route-lookup command into where traffic goes. The tools exit non-zero when no route
 * matches; that is an answer (nothing leaves that way), not an error.
 */
export function routeFrom(
  ran: Ran,
  parse: (stdout: string) => Parsed<RouteTarget>,
  isNoRoute: (output: string) => boolean,
  label: Evidence['label'],
): { lookup: RouteLookup; evidence: Evidence } {
  let lookup: RouteLookup
  const output = ran.ok ? `${ran.result.stderr}\n${ran.result.stdout}`.trim() : ''
  if (ran.ok && ran.result.code !== 0 && isNoRoute(output)) {
    lookup = { kind: 'none', why: output.split('\n')[0] ?? '' }
  } else {
    const parsed = parseRun(ran, parse)
    lookup = parsed.ok ? parsed.value : { kind: 'unknown', reason: parsed.reason }
  }
  return { lookup, evidence: { label, source: ran.command, observed: describeLookup(lookup) } }
}
