import { describe, expect, it } from 'vitest'
import { render } from '../../checks/core/i18n/locale.js'
import { EFFORTS } from '../../checks/core/types.js'
import { CHECKS, findCheck } from '../../checks/registry.js'

describe('the registry', () => {
  it('lists each check once', () => {
    const ids = CHECKS.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(findCheck(id)?.id).toBe(id)
    expect(findCheck('no.such-check')).toBeUndefined()
  })

  it.each(CHECKS.map((c) => [c.id, c] as const))('%s says what an observer learns and how much work the fix is', (_, check) => {
    expect(check.observer.key).toBe(`${check.id}.observer`)
    expect(render(check.observer, 'en')).toMatch(/^What an observer learns: /)
    expect(EFFORTS).toContain(check.effort)
  })
})
