/** After a fix, the check runs again: the fix is done only when none of the findings it closed is offered again. */
import type { Host } from '../host/host.js'
import type { Check, Outcome } from '../types.js'
import type { FixPlan } from './model.js'
import { offersFor, type FixChoices } from './offer.js'

export interface Verification {
  outcome: Outcome
  /** Keys of the plan's offers the check still makes: the findings still there. */
  remaining: string[]
}

export async function verifyFix(check: Check, host: Host, plan: FixPlan, chosen: FixChoices, signal: AbortSignal): Promise<Verification> {
  const outcome = await check.run(host, signal)
  const again = new Set(offersFor(check.fixes, outcome, chosen).map((o) => o.key))
  return { outcome, remaining: plan.offers.map((o) => o.key).filter((key) => again.has(key)) }
}
