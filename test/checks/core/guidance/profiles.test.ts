import { describe, expect, it } from 'vitest'
import { applyProfile, PROFILES, PROFILE_IDS } from '../../../../checks/core/guidance/profiles.js'
import { recommendProfile, type Answers } from '../../../../checks/core/guidance/questionnaire.js'
import { CHECKS } from '../../../../checks/registry.js'

describe('profiles', () => {
  it.each(PROFILE_IDS)('%s only names checks that exist', (id) => {
    const registered = CHECKS.map((c) => c.id)
    for (const checkId of Object.keys(PROFILES[id].rules)) expect(registered).toContain(checkId)
  })

  it('leaves Tor out for everyday use and makes its absence a warning for high-risk users', () => {
    const results = [{ id: 'tor.service', status: 'fail' as const, severity: 'info' as const }]
    expect(applyProfile(results, PROFILES.everyday)).toEqual([])
    expect(applyProfile(results, PROFILES['high-risk'])).toEqual([{ id: 'tor.service', status: 'warn', severity: 'medium' }])
  })

  it('never turns a non-fail status into something else', () => {
    for (const status of ['pass', 'warn', 'unknown', 'error', 'not_applicable'] as const) {
      expect(applyProfile([{ id: 'tor.service', status, severity: 'low' }], PROFILES['high-risk'])[0]?.status).toBe(status)
    }
  })
})

describe('recommendProfile', () => {
  it.each<[Answers, string]>([
    [{}, 'everyday'],
    [{ targeted: 'no', borders: 'no', sources: 'no', managed: 'no', shared: 'yes' }, 'everyday'],
    [{ targeted: 'yes' }, 'high-risk'],
    [{ targeted: 'not-sure' }, 'high-risk'],
    [{ borders: 'yes' }, 'high-risk'],
    [{ sources: 'yes', managed: 'yes' }, 'high-risk'],
    [{ managed: 'yes' }, 'it-baseline'],
  ])('%j → %s', (answers, expected) => {
    expect(recommendProfile(answers)).toBe(expected)
  })
})
