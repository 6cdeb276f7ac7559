import { describe, expect, it } from 'vitest'
import { computeScore, type ScoreInput } from '../../../../checks/core/guidance/score.js'

const r = (id: string, status: ScoreInput['status'], severity: ScoreInput['severity'] = 'medium'): ScoreInput => ({ id, status, severity })

describe('computeScore', () => {
  it.each([
    ['everything passes', [r('a', 'pass'), r('b', 'pass')], 100],
    ['a warning earns half', [r('a', 'pass'), r('b', 'warn')], 75],
    ['a fail earns nothing', [r('a', 'pass'), r('b', 'fail')], 50],
    ['unknown is never counted as pass', [r('a', 'pass'), r('b', 'unknown')], 50],
    ['error is never counted as pass', [r('a', 'pass'), r('b', 'error')], 50],
    ['not applicable is left out', [r('a', 'pass'), r('b', 'not_applicable')], 100],
    ['weights follow severity (high 4, low 1)', [r('a', 'pass', 'low'), r('b', 'fail', 'high')], 20],
    ['info checks are not scored', [r('a', 'fail', 'info'), r('b', 'pass', 'low')], 100],
  ])('%s', (_label, results, expected) => {
    expect(computeScore(results).value).toBe(expected)
  })

  it('is null, not 0 or 100, when nothing applies', () => {
    expect(computeScore([r('a', 'not_applicable')]).value).toBeNull()
    expect(computeScore([]).value).toBeNull()
  })

  it('lists what moved the score, biggest loss first, and the losses add up', () => {
    const s = computeScore([r('a', 'pass', 'low'), r('b', 'warn', 'high'), r('c', 'fail', 'high')])
    expect(s.lines.map((l) => l.id)).toEqual(['c', 'b', 'a'])
    const lost = s.lines.reduce((sum, l) => sum + l.lost, 0)
    expect(Math.round(100 - lost)).toBe(s.value)
    expect(s.lines.find((l) => l.id === 'a')?.lost).toBe(0)
  })
})
