/**
 * Checks that misbehave the way a parser stuck on a hostile file does: one blocks its thread for good, one starts a
 * helper and then blocks; the others are well behaved and must keep their verdicts.
 */
import { defineCheck } from '../../checks/core/define-check.js'
import { defineMessages } from '../../checks/core/i18n/message.js'
import type { Check, Outcome } from '../../checks/core/types.js'

const t = defineMessages('test.stuck', {
  title: 'A test check',
  rationale: 'Because',
  observer: 'What an observer learns: little',
  found: 'Found something',
  fine: 'All good',
})

/** The helper the `test.helper` check leaves running; the test looks for it by these arguments. */
export const HELPER_ARGS = ['299.5']

/** Nested quantifiers on a long run with no match: backtracking that outlasts any test. */
function blockForGood(): never {
  ;/^(a+)+$/.test(`${'a'.repeat(64)}!`)
  throw new Error('the pattern finished: it was meant to block')
}

function check(id: string, run: Check['run']): Check {
  return defineCheck({
    id,
    texts: t,
    category: 'test',
    severity: 'high',
    platforms: ['linux', 'darwin', 'win32'],
    effort: 1,
    remediation: { byPlatform: {}, references: [] },
    run,
  })
}

const after = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export const STUCK_CHECKS: readonly Check[] = [
  check('test.stuck', async () => {
    await after(20)
    return blockForGood()
  }),
  check('test.fail', async (): Promise<Outcome> => {
    await after(100)
    return { status: 'fail', summary: t('found'), evidence: [] }
  }),
  check('test.pass', async (): Promise<Outcome> => ({ status: 'pass', summary: t('fine'), evidence: [] })),
  check('test.helper', async (host) => {
    void host.exec('sleep', HELPER_ARGS, { timeoutMs: 60_000 }).catch(() => undefined)
    await after(100)
    return blockForGood()
  }),
]
