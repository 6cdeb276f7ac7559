import { type Msg } from '../../core/i18n/message.js'
import { verdictText as t } from './browsers.messages.js'

/** The verdicts a per-browser or per-profile assessment can reach before it becomes a check Outcome. */
export type BrowserVerdict = 'pass' | 'warn' | 'fail' | 'unknown'

/** One browser's or profile's verdict as the value seen in evidence, in words. */
export function verdictSeen(verdict: BrowserVerdict): Msg {
  return t(`verdict_${verdict}`)
}

/** What a policy file showed: its note, after the value it holds when there is one beyond the note. */
export function policyNoteSeen(value: string | null, note: Msg): Msg {
  return value === null ? note : t('policyNote', { value, note })
}

const RANK: Record<BrowserVerdict, number> = { pass: 0, unknown: 1, warn: 2, fail: 3 }

/**
 * The overall verdict is the worst one. An unknown outranks only a pass: a known weakness is
 * reported as such, and a pass is never claimed while anything is unknown.
 */
export function worstVerdict(verdicts: readonly BrowserVerdict[]): BrowserVerdict {
  return verdicts.reduce<BrowserVerdict>((worst, v) => (RANK[v] > RANK[worst] ? v : worst), 'pass')
}

/**
 * The overall verdict of several assessed items and the first item that has it. When discovery was
 * incomplete (something could not be listed) that counts as one unknown, which has no item.
 */
export function overallOf<T extends { verdict: BrowserVerdict }>(
  items: readonly T[],
  incomplete: boolean,
): { verdict: BrowserVerdict; worst: T | undefined } {
  const verdict = worstVerdict([...items.map((i) => i.verdict), ...(incomplete ? (['unknown'] as const) : [])])
  return { verdict, worst: items.find((i) => i.verdict === verdict) }
}

/** An absolute https:// URL with a host: the only kind of DNS-over-HTTPS address browsers use. */
export function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' && url.hostname !== ''
  } catch {
    return false
  }
}
