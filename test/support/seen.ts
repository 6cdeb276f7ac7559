import type { Locale } from '../../checks/core/i18n/locale.js'
import { localizeObserved, type ReportEvidence } from '../../checks/core/report/model.js'
import type { Evidence, Outcome } from '../../checks/core/types.js'

/** The value seen as a reader of `locale` sees it (English unless asked), as reports show it. */
export function seenAs(observed: Evidence['observed'], locale: Locale = 'en'): ReportEvidence['observed'] {
  return localizeObserved(observed, locale)
}

/** The value seen as English text, for matching evidence lines. */
export function seen(observed: Evidence['observed']): string {
  return String(seenAs(observed))
}

/** The outcome with every value seen as an English reader sees it. */
export function seenInEnglish(o: Outcome): Outcome {
  return { ...o, evidence: o.evidence.map((e) => ({ ...e, observed: seenAs(e.observed) })) }
}

/**
 * A message as its key and parameters, never its English wording: `ns.key(a=1, b=ns.other(c=x))`.
 * A join renders its parts with ` + `, a verbatim literal as its text. For assertions that survive a copy edit.
 */
export function keyed(v: Evidence['observed'] | undefined): string {
  if (v === null || v === undefined || typeof v !== 'object') return String(v)
  const params = Object.entries(v.params ?? {})
  if (v.key === '') return params.length === 0 ? v.en : params.map(([, p]) => keyed(p)).join(' + ')
  return params.length === 0 ? v.key : `${v.key}(${params.map(([k, p]) => `${k}=${keyed(p)}`).join(', ')})`
}

/** Every evidence line as `label | source | observed[ | expected]`, each message keyed. */
export function keyedEvidence(o: Outcome): string {
  return o.evidence
    .map((e) => `${keyed(e.label)} | ${e.source} | ${keyed(e.observed)}${e.expected ? ` | ${keyed(e.expected)}` : ''}`)
    .join('\n')
}
