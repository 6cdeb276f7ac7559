import { describe, expect, it } from 'vitest'
import { buildPlan, type AcceptedRisk, type PlanInput } from '../../../../checks/core/guidance/plan.js'
import { findCheck } from '../../../../checks/registry.js'

const r = (
  id: string,
  status: PlanInput['status'],
  severity: PlanInput['severity'] = 'medium',
  effort = findCheck(id)?.effort ?? 2,
): PlanInput => ({
  id,
  status,
  severity,
  effort,
})
const now = new Date('2026-11-23T12:00:00Z')

describe('buildPlan', () => {
  it('puts most protection for least effort first', () => {
    const plan = buildPlan(
      [
        r('keys.hardware', 'fail', 'high'), // 4 / effort 3
        r('dns.firefox', 'fail', 'high'), // 4 / effort 1
        r('permissions.apps', 'warn', 'high'), // 2.4 / effort 1
        r('dns.system', 'unknown', 'medium'), // 0.8 / effort 2
      ],
      [],
      now,
    )
    expect(plan.todo.map((i) => i.result.id)).toEqual(['dns.firefox', 'permissions.apps', 'keys.hardware', 'dns.system'])
  })

  it('keeps registry order on ties', () => {
    const plan = buildPlan([r('dns.chromium', 'fail'), r('dns.firefox', 'fail')], [], now)
    expect(plan.todo.map((i) => i.result.id)).toEqual(['dns.chromium', 'dns.firefox'])
  })

  it('moves accepted risks out of the plan until their review date, then brings them back', () => {
    const risk: AcceptedRisk = { id: 'dns.firefox', reason: 'work proxy', acceptedAt: '2026-11-01', reviewAt: '2026-12-01T00:00:00Z' }
    const before = buildPlan([r('dns.firefox', 'fail')], [risk], now)
    expect(before.todo).toEqual([])
    expect(before.accepted[0]?.risk.reason).toBe('work proxy')
    const after = buildPlan([r('dns.firefox', 'fail')], [risk], new Date('2026-12-02T00:00:00Z'))
    expect(after.todo.map((i) => i.result.id)).toEqual(['dns.firefox'])
  })

  it('lists passes as done and leaves not-applicable checks out', () => {
    const plan = buildPlan([r('a.b', 'pass'), r('c.d', 'not_applicable')], [], now)
    expect(plan.done.map((x) => x.id)).toEqual(['a.b'])
    expect(plan.todo).toEqual([])
  })
})
