import { render, type Locale } from '../../checks/i18n/locale.js'
import type { Msg } from '../../checks/i18n/message.js'
import type { Evidence, Outcome } from '../../checks/types.js'

type Value = Exclude<Evidence['observed'], Msg>

/** The value seen as a reader of `locale` sees it: a value as read is unchanged, Bulwark's own words are rendered. */
export function seenAs(observed: Evidence['observed'], locale: Locale = 'en'): Value {
  return typeof observed === 'object' && observed !== null ? render(observed, locale) : observed
}

/** The value seen as English text, for matching evidence lines. */
export function seen(observed: Evidence['observed']): string {
  return String(seenAs(observed))
}

/** The outcome with every value seen as an English reader sees it. */
export function seenInEnglish(o: Outcome): Outcome {
  return { ...o, evidence: o.evidence.map((e) => ({ ...e, observed: seenAs(e.observed) })) }
}
