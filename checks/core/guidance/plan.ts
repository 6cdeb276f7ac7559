import type { Effort, Severity, Status } from '../types.js'
import { SEVERITY_WEIGHT } from './score.js'

/** How urgently a status asks for action; pass and not_applicable ask for none. */
const URGENCY: Readonly<Partial<Record<Status, number>>> = { fail: 1, warn: 0.6, unknown: 0.4, error: 0.3 }

export interface PlanInput {
  id: string
  status: Status
  severity: Severity
  effort: Effort
}

export interface AcceptedRisk {
  id: string
  reason: string
  acceptedAt: string
  /** ISO date after which the app asks again. */
  reviewAt: string
}

export interface PlanItem<R extends PlanInput> {
  result: R
  effort: Effort
  priority: number
}

export interface Plan<R extends PlanInput> {
  /** Ordered: most protection for least effort first; the first is "do this first". */
  todo: PlanItem<R>[]
  accepted: { result: R; risk: AcceptedRisk }[]
  done: R[]
}

/** A risk acceptance lapses on its review date, so the finding comes back to the plan. */
export function activeRisk(risks: readonly AcceptedRisk[], id: string, now: Date): AcceptedRisk | undefined {
  return risks.find((r) => r.id === id && Date.parse(r.reviewAt) > now.getTime())
}

/** Pure: results (already adjusted by a profile) → the plan. Ties keep the registry order. */
export function buildPlan<R extends PlanInput>(results: readonly R[], risks: readonly AcceptedRisk[], now: Date): Plan<R> {
  const todo: PlanItem<R>[] = []
  const accepted: Plan<R>['accepted'] = []
  const done: R[] = []
  for (const result of results) {
    const urgency = URGENCY[result.status]
    if (urgency === undefined) {
      if (result.status === 'pass') done.push(result)
      continue
    }
    const risk = activeRisk(risks, result.id, now)
    if (risk) {
      accepted.push({ result, risk })
      continue
    }
    const { effort } = result
    todo.push({ result, effort, priority: (SEVERITY_WEIGHT[result.severity] * urgency) / effort })
  }
  todo.sort((a, b) => b.priority - a.priority)
  return { todo, accepted, done }
}
