import type { MessageFn } from './i18n/message.js'
import { PLATFORMS, type Check } from './types.js'

/** Every check's messages hold its title, why it matters and what an observer learns, under these names. */
export type CheckTexts = MessageFn<{ title: string; rationale: string; observer: string }>

/**
 * What a check module declares: its texts come from its messages, the rest is written out. A check
 * runs on every platform unless it names the ones it is for.
 */
export type CheckDefinition = Omit<Check, 'title' | 'rationale' | 'observer' | 'platforms'> & {
  texts: CheckTexts
  platforms?: Check['platforms']
}

/** Gives check modules full type inference, reads the standard texts and holds the invariants in one place. */
export function defineCheck({ texts, platforms = PLATFORMS, ...definition }: CheckDefinition): Check {
  const check: Check = { ...definition, platforms, title: texts('title'), rationale: texts('rationale'), observer: texts('observer') }
  if (!/^[a-z]+(\.[a-z0-9-]+)+$/.test(check.id)) throw new Error(`Bad check id: ${check.id}`)
  if (check.platforms.length === 0) throw new Error(`Check ${check.id} names no platform`)
  return check
}
