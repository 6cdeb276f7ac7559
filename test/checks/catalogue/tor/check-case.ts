import { expect } from 'vitest'
import type { RawResult } from '../../../../checks/core/report/model.js'
import type { MsgParams } from '../../../../checks/core/i18n/message.js'
import type { FixtureHostOptions } from '../../../support/fixture-host.js'
import { seenAs } from '../../../support/seen.js'

/** One row of a table-driven check test: a fixture host and the outcome it must give. */
export interface CheckCase {
  name: string
  host: Omit<FixtureHostOptions, 'platform'>
  status: string
  /** Message name within the check's namespace. */
  summary: string
  params?: MsgParams
  /** [message name of the label, source, observed] entries that must be present; a message observed is matched as English text. */
  evidence?: [string, string, string | number | boolean | null][]
  /** Message names of the steps, in order, when the outcome gives its own. */
  steps?: string[]
}

export function expectOutcome(r: RawResult, c: CheckCase): void {
  expect(r.status, JSON.stringify(r.evidence, null, 1)).toBe(c.status)
  expect(r.summary.key).toBe(`${r.id}.${c.summary}`)
  if (c.params) expect(r.summary.params).toMatchObject(c.params)
  const seen = r.evidence.map((e) => [e.label.key.split('.').pop(), e.source, seenAs(e.observed)])
  for (const entry of c.evidence ?? []) expect(seen).toContainEqual(entry)
  if (c.steps) expect(r.remediation.steps.map((s) => s.text.key.split('.').pop())).toEqual(c.steps)
}
