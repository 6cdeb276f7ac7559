import type { Evidence, Status } from '../../core/types.js'

/**
 * One thing a permissions check saw. `fail`/`warn` are grants that matter, `info` a grant that is
 * listed for review, `unknown` a store that could not be read (its evidence says why).
 */
export interface Finding {
  weight: 'fail' | 'warn' | 'info' | 'unknown'
  /** The app or site the grant belongs to (for summaries); '' for a store-level entry. */
  subject: string
  evidence: Evidence
}

export function finding(weight: Finding['weight'], subject: string, evidence: Evidence): Finding {
  return { weight, subject, evidence }
}

/** Worst first; `unknown` outranks `pass` so a half-read store never passes. */
export function verdictOf(findings: readonly Finding[]): Exclude<Status, 'error'> {
  if (findings.some((f) => f.weight === 'fail')) return 'fail'
  if (findings.some((f) => f.weight === 'warn')) return 'warn'
  if (findings.some((f) => f.weight === 'unknown')) return 'unknown'
  return 'pass'
}

/** Distinct subjects of one weight, in first-seen order, for a summary line. */
export function subjectsOf(findings: readonly Finding[], weight: Finding['weight']): string[] {
  return [...new Set(findings.filter((f) => f.weight === weight && f.subject !== '').map((f) => f.subject))]
}

/** "a, b, c (+4)": summaries stay one line however many apps there are. */
export function shortList(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(', ')
  return `${items.slice(0, max).join(', ')} (+${items.length - max})`
}
