import { commandOf, parseToolOutput, type Result, type ToolRun } from '../../core/host/toolkit.js'
import type { Evidence } from '../../core/types.js'
import type { ParseFailure, RouteTarget } from './parsed.parse.js'
import { describeLookup, type RouteLookup } from './net.verdict.js'

/** Everything a route-lookup tool said, for telling "no route" from a failure. */
export const toolWords = (out: { stdout: string; stderr: string }): string => `${out.stderr}\n${out.stdout}`.trim()

/**
 * Turns a route-lookup command into where traffic goes. The tools exit non-zero when no route
 * matches; that is an answer (nothing leaves that way), not an error: the run accepts exactly those exits.
 */
export function lookupFrom(ran: ToolRun, parse: (stdout: string) => Result<RouteTarget, ParseFailure>): RouteLookup {
  if (ran.ok && ran.value.code !== 0) return { kind: 'none', why: toolWords(ran.value).split('\n')[0] ?? '' }
  const parsed = parseToolOutput(ran, parse)
  return parsed.ok ? parsed.value : { kind: 'unknown', reason: parsed.reason.reason }
}

/** lookupFrom, with the command and the answer as evidence. */
export function routeFrom(
  ran: ToolRun,
  parse: (stdout: string) => Result<RouteTarget, ParseFailure>,
  label: Evidence['label'],
): { lookup: RouteLookup; evidence: Evidence } {
  const lookup = lookupFrom(ran, parse)
  return { lookup, evidence: { label, source: commandOf(ran), observed: describeLookup(lookup) } }
}
