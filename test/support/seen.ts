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
