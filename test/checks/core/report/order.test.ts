import { describe, expect, it } from 'vitest'
import type { ReportResult, ScanReport } from '../../../../checks/core/report/model.js'
import { STATUS_ORDER } from '../../../../checks/core/report/model.js'
import type { Status } from '../../../../checks/core/types.js'
import { renderHtml } from '../../../../checks/core/report/html.js'
import { renderMarkdown } from '../../../../checks/core/report/markdown.js'
import { renderJson } from '../../../../checks/core/report/json.js'
import { formatReportText } from '../../../../checks/core/report/text.js'
import { buildDocument } from '../../../../checks/core/report/document.js'
import { statusWord } from '../../../../checks/core/report/messages.js'
import { groupEntries, initialScanState } from '../../../../src-renderer/features/scan/scan-state.js'

function result(id: string, status: Status): ReportResult {
  return {
    id,
    title: `Title of ${id}`,
    category: 'dns',
    severity: 'medium',
    status,
    summary: `Summary of ${id}`,
    evidence: [],
    durationMs: 1,
    rationale: 'Why',
    observer: 'What an observer learns: little.',
    effort: 1,
    remediation: { steps: [{ text: `Fix ${id}`, requiresAdmin: true }], references: [] },
  }
}

// Run order deliberately unlike the status order, with two results of one status kept in run order.
const statuses: Status[] = ['pass', 'error', 'not_applicable', 'unknown', 'fail', 'warn', 'fail']
const report: ScanReport = {
  schemaVersion: 1,
  tool: { name: 'bulwark', version: '0.1.0' },
  host: { platform: 'linux', release: '6.1', arch: 'x64' },
  startedAt: '2026-11-23T10:00:00.000Z',
  durationMs: 12,
  locale: 'en',
  results: statuses.map((s, i) => result(`area.check-${i}`, s)),
}

const ids = report.results.map((r) => r.id)
/** The check ids in the order they first appear in a rendered report. */
function orderIn(text: string): string[] {
  return ids
    .map((id) => ({ id, at: text.indexOf(id) }))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.id)
}

describe('one document model for every format', () => {
  const expected = ['area.check-4', 'area.check-6', 'area.check-5', 'area.check-1', 'area.check-3', 'area.check-0', 'area.check-2']

  it('orders results worst first by STATUS_ORDER, keeping run order within a status', () => {
    const doc = buildDocument(report)
    expect(doc.results.map((r) => r.id)).toEqual(expected)
    expect([...new Set(doc.results.map((r) => r.status))]).toEqual(STATUS_ORDER)
  })

  it('lists the results in the same order in CLI text, HTML and Markdown', () => {
    const text = formatReportText(report, { colour: false })
    for (const out of [text, renderHtml(report), renderMarkdown(report)]) {
      for (const id of ids) expect(out).toContain(id)
      expect(orderIn(out)).toEqual(expected)
    }
  })

  it('names every status with the same word in CLI text, HTML and Markdown', () => {
    const text = formatReportText(report, { colour: false })
    const html = renderHtml(report)
    const md = renderMarkdown(report)
    for (const s of STATUS_ORDER) {
      const word = statusWord(s).en
      expect(text).toContain(`[${word}]`)
      expect(html).toContain(`>${word}</span>`)
      expect(md).toContain(`## ${word}: `)
    }
  })

  it('prints the counts, the score and the report words from the document', () => {
    const doc = buildDocument(report)
    const text = formatReportText(report, { colour: false })
    expect(text).toContain(doc.totals)
    expect(doc.totals).toBe('1 passed, 1 warnings, 2 failed, 1 unknown, 1 errors, 1 not applicable · 12 ms')
    expect(text).toContain('[Needs administrator]')
    expect(doc.counts.map((c) => c.status)).toEqual(STATUS_ORDER)
    expect(doc.counts.find((c) => c.status === 'fail')).toEqual({ status: 'fail', word: 'Fail', count: 2 })
  })

  it('JSON is the report contract as given, in run order', () => {
    const json = renderJson(report)
    expect(json.endsWith('}\n')).toBe(true)
    // The contract adds the score (test/report/score.test.ts proves it); the rest is the report as given.
    const { score, ...rest } = JSON.parse(json) as typeof report & { score: unknown }
    expect(rest).toEqual(report)
    expect(score).toMatchObject({ status: expect.any(String) })
  })

  it('renders status words in the report language', () => {
    const doc = buildDocument({ ...report, locale: 'es' })
    expect(doc.results[0]?.statusWord).toBe('Falla')
    expect(formatReportText({ ...report, locale: 'es' }, { colour: false })).toContain('[Falla]')
  })

  it('the app groups results in the reports’ status order (its words are statusWord itself)', () => {
    const raw = report.results.map((r) => ({ ...r, title: { key: '', en: r.title } }))
    const entries = Object.fromEntries(raw.map((r) => [r.id, { id: r.id, title: r.title, phase: 'done' as const, result: r }]))
    const state = { ...initialScanState, order: raw.map((r) => r.id), entries }
    expect(groupEntries(state).map((g) => g.key)).toEqual(STATUS_ORDER)
  })

  it('follows the order the README promises for text output', () => {
    expect(STATUS_ORDER).toEqual(['fail', 'warn', 'error', 'unknown', 'pass', 'not_applicable'])
  })
})
