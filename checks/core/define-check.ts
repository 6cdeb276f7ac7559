import type { Check } from './types.js'

/** Identity helper that gives check modules full type inference and one place to add invariants. */
export function defineCheck(check: Check): Check {
  if (!/^[a-z]+(\.[a-z0-9-]+)+$/.test(check.id)) throw new Error(`Bad check id: ${check.id}`)
  if (check.platforms.length === 0) throw new Error(`Check ${check.id} names no platform`)
  return check
}
