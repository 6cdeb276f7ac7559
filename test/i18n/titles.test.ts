/**
 * A check's title names what is checked, never the state it hopes to find: "Tor is running and
 * verified" above a warning that says Tor is not running reads as the machine's state. The
 * status word and the summary carry the verdict.
 */
import { describe, expect, it } from 'vitest'
import { CHECKS } from '../../checks/registry.js'
import { LOCALES, render } from '../../checks/core/i18n/locale.js'

/** Words that turn a name into a claim: verbs of state, negations and "only". */
const CLAIM =
  /\b(is|are|was|were|be|been|uses?|carries|carry|runs?|running|verified|protected|allowed|readable|only|not|no|never|has|have)\b/i

describe('check titles', () => {
  it.each(CHECKS.map((c) => [c.id, c.title.en] as const))('%s names its subject and claims no state: %s', (_id, title) => {
    expect(title).not.toMatch(CLAIM)
    expect(title).not.toMatch(/[.!?:]$/)
  })

  it.each(CHECKS.flatMap((c) => LOCALES.map((l) => [c.id, l, c.title] as const)))('%s has a title in %s', (_id, locale, title) => {
    expect(render(title, locale).trim()).not.toBe('')
  })
})
