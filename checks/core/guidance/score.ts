import { defineMessages } from '../i18n/message.js'
import type { Severity, Status } from '../types.js'

const t = defineMessages('guidance.score', {
  formula:
    'Score = 100 × (weight of checks that pass + half the weight of warnings) ÷ (weight of every check that applies). Weights: high 4, medium 2, low 1. Unknown and error count as not passing; checks that do not apply are left out.',
})

export const SCORE_FORMULA = t('formula')

export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = { high: 4, medium: 2, low: 1, info: 0 }

/** Share of a check's weight each status earns. `unknown` and `error` earn nothing: never counted as pass. */
export const STATUS_CREDIT: Readonly<Record<Exclude<Status, 'not_applicable'>, number>> = {
  pass: 1,
  warn: 0.5,
  fail: 0,
  unknown: 0,
  error: 0,
}

export interface ScoreInput {
  id: string
  status: Status
  severity: Severity
}

export interface ScoreLine {
  id: string
  status: Status
  weight: number
  earned: number
  /** Points of the 100 this check costs: what moved the score. */
  lost: number
}

export interface Score {
  /** 0–100, or null when nothing applies (a score of nothing would be a lie either way). */
  value: number | null
  earned: number
  possible: number
  lines: ScoreLine[]
}

/** Pure: results (already adjusted by a profile) → an honest, explainable score. */
export function computeScore(results: readonly ScoreInput[]): Score {
  const scored = results.filter((r) => r.status !== 'not_applicable' && SEVERITY_WEIGHT[r.severity] > 0)
  const possible = scored.reduce((sum, r) => sum + SEVERITY_WEIGHT[r.severity], 0)
  const lines = scored.map((r) => {
    const weight = SEVERITY_WEIGHT[r.severity]
    const earned = weight * STATUS_CREDIT[r.status as Exclude<Status, 'not_applicable'>]
    return { id: r.id, status: r.status, weight, earned, lost: possible === 0 ? 0 : (100 * (weight - earned)) / possible }
  })
  const earned = lines.reduce((sum, l) => sum + l.earned, 0)
  return {
    value: possible === 0 ? null : Math.round((100 * earned) / possible),
    earned,
    possible,
    lines: lines.sort((a, b) => b.lost - a.lost),
  }
}
