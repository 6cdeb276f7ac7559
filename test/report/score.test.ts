// The score is part of the report contract, and the text always has a score line (issue 11, item 10).
import { describe, expect, it } from 'vitest'
import { render } from '../../checks/core/i18n/locale.js'
import { contractScore, renderJson } from '../../checks/core/report/json.js'
import { t } from '../../checks/core/report/messages.js'
import type { ReportResult, ScanReport } from '../../checks/core/report/model.js'
import { formatReportText } from '../../checks/core/report/text.js'
import type { Severity, Status } from '../../checks/core/types.js'
import { scanReportSchema } from '../support/report-schema.js'

function result(id: string, status: Status, severity: Severity): ReportResult {
  return {
    id,
    title: id,
    category: 'test',
    severity,
    status,
    summary: 'Seen.',
    evidence: [],
    durationMs: 1,
    rationale: 'Because.',
    observer: 'Little.',
    effort: 1,
    remediation: { steps: [], references: [] },
  }
}

function report(results: ReportResult[], extra: Partial<ScanReport> = {}): ScanReport {
  return {
    schemaVersion: 1,
    tool: { name: 'bulwark', version: '0.0.0' },
    host: { platform: 'linux', release: '6.1', arch: 'x64' },
    startedAt: '2026-12-01T00:00:00.000Z',
    durationMs: 3,
    locale: 'en',
    results,
    ...extra,
  }
}

describe('the score in the JSON contract', () => {
  it('gives the value, the weights and each check’s points, without a profile', () => {
    const json = JSON.parse(
      renderJson(report([result('a.x', 'pass', 'high'), result('b.x', 'warn', 'medium'), result('c.x', 'fail', 'low')])),
    )
    expect(scanReportSchema.parse(json).score).toEqual({
      status: 'scored',
      value: 71,
      profile: null,
      weights: { high: 4, medium: 2, low: 1, info: 0 },
      credit: { pass: 1, warn: 0.5, fail: 0, unknown: 0, error: 0 },
      earned: 5,
      possible: 7,
      checks: [
        { id: 'a.x', weight: 4, earned: 4 },
        { id: 'b.x', weight: 2, earned: 1 },
        { id: 'c.x', weight: 1, earned: 0 },
      ],
    })
    // Between the report's description and its results, so a person reading the file meets it early.
    expect(Object.keys(json)).toEqual(['schemaVersion', 'tool', 'host', 'startedAt', 'durationMs', 'locale', 'score', 'results'])
  })

  it('names the profile whose weights were used', () => {
    expect(contractScore(report([result('a.x', 'pass', 'low')], { profile: 'high-risk' })).profile).toBe('high-risk')
  })

  it.each([
    ['no results', []],
    ['only checks that do not apply', [result('a.x', 'not_applicable', 'high')]],
    ['only checks without weight', [result('a.x', 'fail', 'info')]],
  ])('with %s says "not enough results", never 0 or 100', (_name, results) => {
    const json = scanReportSchema.parse(JSON.parse(renderJson(report(results))))
    expect(json.score).toMatchObject({ status: 'not_enough_results', value: null, checks: [] })
  })
})

describe('the score line of the text report', () => {
  it.each(['en', 'es', 'zh-CN', 'fa'] as const)('says "not enough results" in %s instead of dropping the line', (locale) => {
    const lines = formatReportText(report([result('a.x', 'not_applicable', 'high')], { locale }), { colour: false }).split('\n')
    expect(lines).toContain(render(t('noScore'), locale))
  })

  it('gives the value when there is one', () => {
    const lines = formatReportText(report([result('a.x', 'pass', 'high')]), { colour: false }).split('\n')
    expect(lines).toContain(render(t('score', { score: 100 }), 'en'))
  })
})
