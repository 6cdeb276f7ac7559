import { describe, expect, it } from 'vitest'
import { render } from '../../../../checks/core/i18n/locale.js'
import { effortLabel, reasonInSentence, stepKey, weigh } from '../../../../src-renderer/features/guidance/model.js'
import { result } from '../../support/fake-api.js'

const now = new Date('2026-03-01T00:00:00Z')

describe('weigh', () => {
  const results = [
    result({ id: 'dns.firefox', status: 'warn', severity: 'medium' }),
    result({ id: 'tor.service', status: 'fail', severity: 'medium' }),
    result({ id: 'keys.hardware', status: 'pass', severity: 'medium' }),
    result({ id: 'not.in-any-profile', status: 'fail', severity: 'high' }),
  ]

  it('keeps only the checks the profile lists, with its severities and fail-as-warn rules', () => {
    const w = weigh(results, 'high-risk', [], now)
    expect(w.results.map((r) => [r.id, r.status, r.severity])).toEqual([
      ['dns.firefox', 'warn', 'high'],
      ['tor.service', 'warn', 'medium'],
      ['keys.hardware', 'pass', 'high'],
    ])
    expect(weigh(results, 'everyday', [], now).results.map((r) => r.id)).toEqual(['dns.firefox', 'keys.hardware'])
  })

  it('scores and plans the weighed results, leaving an accepted risk out of the to-do list until its review date', () => {
    const risk = { id: 'dns.firefox', reason: 'Corporate proxy', acceptedAt: '2026-02-01T00:00:00Z', reviewAt: '2026-06-01T00:00:00Z' }
    const w = weigh(results, 'high-risk', [risk], now)
    expect(w.score.value).toBe(Math.round((100 * (2 + 1 + 4)) / 10))
    expect(w.plan.todo.map((i) => i.result.id)).toEqual(['tor.service'])
    expect(w.plan.accepted.map((a) => a.result.id)).toEqual(['dns.firefox'])
    expect(weigh(results, 'high-risk', [risk], new Date('2026-07-01T00:00:00Z')).plan.todo.map((i) => i.result.id)).toContain('dns.firefox')
  })
})

describe('walk-through helpers', () => {
  it('spells checklist keys as the store contract does', () => {
    expect(stepKey('dns.firefox', 2)).toBe('dns.firefox#2')
    expect(stepKey('dns.firefox', 2)).toMatch(/^[a-z0-9.#-]+$/)
  })

  it('names each effort in plain words', () => {
    expect(render(effortLabel(3), 'en')).toBe('New hardware or a bigger change')
  })
})

describe('reasonInSentence', () => {
  it.each([
    ['No USB port for a key.', 'No USB port for a key'],
    ['Work VPN required!  ', 'Work VPN required'],
    ['公司要求。', '公司要求'],
    ['دلیل دارم؟', 'دلیل دارم'],
    ['v1.2 is fine', 'v1.2 is fine'],
  ])('%j → %j', (reason, expected) => {
    expect(reasonInSentence(reason)).toBe(expected)
  })
})
