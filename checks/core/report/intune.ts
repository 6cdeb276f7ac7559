import type { Status } from '../types.js'
import type { ScanReport } from './model.js'

/** The setting that counts the checks Bulwark could not verify (unknown or error): its own Intune rule, apart from failures. */
export const INTUNE_UNVERIFIED = 'bulwark.unverified'

/** Intune refuses a discovery script's output over 1 MB (custom compliance discovery scripts). */
export const INTUNE_OUTPUT_LIMIT = 1024 * 1024

const UNVERIFIED: ReadonlySet<Status> = new Set<Status>(['unknown', 'error'])

/**
 * `--format intune`: the compact JSON an Intune custom compliance discovery script returns, one string
 * setting per check (its status, as the report has it) and the count of checks that could not be verified.
 * Ids and statuses are ASCII, so no control character can reach the output.
 */
export function renderIntune(report: ScanReport): string {
  const settings: Record<string, string | number> = {}
  for (const r of report.results) settings[r.id] = r.status
  settings[INTUNE_UNVERIFIED] = report.results.filter((r) => UNVERIFIED.has(r.status)).length
  return JSON.stringify(settings) + '\n'
}
