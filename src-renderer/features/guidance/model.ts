import { buildPlan, type Plan } from '../../../checks/core/guidance/plan.js'
import { applyProfile, PROFILES, type Profile, type ProfileId } from '../../../checks/core/guidance/profiles.js'
import { computeScore, type Score } from '../../../checks/core/guidance/score.js'
import type { Msg } from '../../../checks/core/i18n/message.js'
import type { Effort } from '../../../checks/core/types.js'
import type { GuidanceState } from '../../../src-main/shared/ipc-contract.js'
import type { ReportResult } from '../../../src-main/shared/report.js'
import { guidanceText } from './messages.js'

export interface Weighed {
  profile: Profile
  /** Results the profile keeps, with its severities and fail-as-warn rules applied. */
  results: ReportResult[]
  score: Score
  plan: Plan<ReportResult>
}

/** Pure: the last results and what the person chose → the score and the plan the screens show. */
export function weigh(results: readonly ReportResult[], profileId: ProfileId, risks: GuidanceState['acceptedRisks'], now: Date): Weighed {
  const profile = PROFILES[profileId]
  const applied = applyProfile(results, profile)
  return { profile, results: applied, score: computeScore(applied), plan: buildPlan(applied, risks, now) }
}

/** The checklist key of step n (1-based) of a finding, as the store's contract spells it. */
export function stepKey(checkId: string, n: number): string {
  return `${checkId}#${n}`
}

export function effortLabel(effort: Effort): Msg {
  return guidanceText(effort === 1 ? 'effort1' : effort === 2 ? 'effort2' : 'effort3')
}

/** A reason as typed, ready to sit inside a sentence that ends with its own full stop. */
export function reasonInSentence(reason: string): string {
  return reason.trim().replace(/[\s.。!！?？؟]+$/u, '')
}
