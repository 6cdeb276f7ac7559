import type { ProfileId } from '../guidance/profiles.js'
import { computeScore, SEVERITY_WEIGHT, STATUS_CREDIT } from '../guidance/score.js'
import type { Severity, Status } from '../types.js'
import type { ScanReport } from './model.js'
import { buildDocument } from './document.js'

/**
 * The hardening score as the contract gives it: the value and everything needed to recompute it (the
 * profile that weighed the results, the weight of each severity, the credit of each status, and each
 * check's weight and points). With nothing that carries weight the value is null and `status` says
 * "not enough results", never a 0 or a 100 that would be a lie either way.
 */
export interface ContractScore {
  status: 'scored' | 'not_enough_results'
  value: number | null
  /** The profile whose weights were used; null for the checks' own severities (a scan without --profile). */
  profile: ProfileId | null
  weights: Readonly<Record<Severity, number>>
  credit: Readonly<Record<Exclude<Status, 'not_applicable'>, number>>
  earned: number
  possible: number
  checks: { id: string; weight: number; earned: number }[]
}

/** The report contract: the localized report with its score. Fields are only ever added within a schema version. */
export type ReportContract = Omit<ScanReport, 'results'> & { score: ContractScore; results: ScanReport['results'] }

export function contractScore(report: ScanReport): ContractScore {
  const score = computeScore(report.results)
  return {
    status: score.value === null ? 'not_enough_results' : 'scored',
    value: score.value,
    profile: report.profile ?? null,
    weights: SEVERITY_WEIGHT,
    credit: STATUS_CREDIT,
    earned: score.earned,
    possible: score.possible,
    // In the order of the results, so a reader can line them up.
    checks: report.results.flatMap((r) => {
      const line = score.lines.find((l) => l.id === r.id)
      return line ? [{ id: line.id, weight: line.weight, earned: line.earned }] : []
    }),
  }
}

/** The contract object, keys in a reader's order: what the report is, then its score, then the results. */
export function reportContract(report: ScanReport): ReportContract {
  const { results, ...head } = buildDocument(report).contract
  return { ...head, score: contractScore(report), results }
}

/** The report contract as JSON: what `bulwark scan --json`, `bulwark report --format json` and the JSON export print. */
export function renderJson(report: ScanReport): string {
  return JSON.stringify(reportContract(report), null, 2) + '\n'
}
