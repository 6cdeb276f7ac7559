// Promise: the walk-through never marks an undo step or another way to the same end as done, which it can only keep
// if the catalogue says which steps those are. Every default step worded as an undo or an "Or, …" carries its kind.
import { describe, expect, it } from 'vitest'
import { render } from '../../../checks/core/i18n/locale.js'
import type { Platform } from '../../../checks/core/types.js'
import { CHECKS } from '../../../checks/registry.js'

const PLATFORMS: readonly Platform[] = ['linux', 'darwin', 'win32']

const rows = CHECKS.flatMap((check) =>
  PLATFORMS.flatMap((platform) =>
    (check.remediation.byPlatform[platform] ?? []).map((step, i) => ({ id: `${check.id} ${platform} #${i + 1}`, step })),
  ),
)

describe('default remediation steps say which are undo steps and which are alternatives', () => {
  it('there are steps of each kind to hold to this', () => {
    expect(rows.filter((r) => r.step.kind === 'undo').length).toBeGreaterThan(0)
    expect(rows.filter((r) => r.step.kind === 'alternative').length).toBeGreaterThan(0)
  })

  /** What the English wording says a step is; steps worded otherwise may still carry a kind ("With NetworkManager … instead"). */
  const worded = rows.flatMap(({ id, step }) => {
    const text = render(step.text, 'en')
    const kind = /^(To undo|Undo)\b/.test(text) ? 'undo' : /^Or\b/.test(text) ? 'alternative' : undefined
    return kind ? [{ id, kind, step }] : []
  })

  it.each(worded)('$id reads as $kind and is marked so', ({ kind, step }) => {
    expect(step.kind).toBe(kind)
  })

  it.each(PLATFORMS)('dns.firefox on %s: one way through the settings page, the others marked as such', (platform) => {
    const steps = CHECKS.find((c) => c.id === 'dns.firefox')?.remediation.byPlatform[platform] ?? []
    expect(steps.map((s) => s.kind ?? 'fix')).toEqual(['fix', 'alternative', 'undo', 'alternative'])
  })
})
