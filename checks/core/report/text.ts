import { PROFILES } from '../guidance/profiles.js'
import { computeScore } from '../guidance/score.js'
import { render, type Locale } from '../i18n/locale.js'
import { STATUS_ORDER, type ReportResult, type ScanReport } from './model.js'
import type { Status } from '../types.js'
import { STATUS_WORD, t } from '../../../src-main/cli/messages.js'

const COLOURS: Record<Status, string> = {
  fail: '\x1b[31m',
  warn: '\x1b[33m',
  error: '\x1b[35m',
  unknown: '\x1b[36m',
  pass: '\x1b[32m',
  not_applicable: '\x1b[90m',
}
const RESET = '\x1b[0m'
const BOLD = '\x1b[1m'

export interface TextStyle {
  colour: boolean
}

function paint(text: string, code: string, style: TextStyle): string {
  return style.colour ? `${code}${text}${RESET}` : text
}

function formatObserved(value: ReportResult['evidence'][number]['observed']): string {
  if (value === null) return '—'
  return typeof value === 'string' ? value : String(value)
}

function formatResult(r: ReportResult, locale: Locale, style: TextStyle): string[] {
  const word = render(t(STATUS_WORD[r.status]), locale)
  const lines = [`${paint(`[${word}]`, COLOURS[r.status], style)} ${paint(r.title, BOLD, style)} (${r.id})`, `    ${r.summary}`]
  if (r.evidence.length > 0) {
    lines.push(`    ${render(t('evidence'), locale)}:`)
    for (const e of r.evidence) {
      const expected = e.expected ? ` (${e.expected})` : ''
      lines.push(`      - ${e.label}: ${formatObserved(e.observed)}${expected}`, `        ${e.source}`)
    }
  }
  const needsAction = r.status === 'fail' || r.status === 'warn' || r.status === 'unknown'
  if (needsAction && r.remediation.steps.length > 0) {
    lines.push(`    ${render(t('steps'), locale)}:`)
    r.remediation.steps.forEach((s, i) => {
      const admin = s.requiresAdmin ? ` [${render(t('admin'), locale)}]` : ''
      lines.push(`      ${i + 1}. ${s.text}${admin}`)
      if (s.command) lines.push(`         $ ${s.command.line}`)
      if (s.link) lines.push(`         ${s.link}`)
    })
  }
  return lines
}

export function countByStatus(results: readonly ReportResult[]): Record<Status, number> {
  const counts: Record<Status, number> = { pass: 0, warn: 0, fail: 0, unknown: 0, not_applicable: 0, error: 0 }
  for (const r of results) counts[r.status] += 1
  return counts
}

/** Pure: a localized report → the human-readable text the CLI prints. */
export function formatReportText(report: ScanReport, style: TextStyle): string {
  const { locale } = report
  const out = [
    paint(
      render(t('heading', { platform: report.host.platform, release: report.host.release, date: report.startedAt }), locale),
      BOLD,
      style,
    ),
  ]
  if (report.profile) out.push(render(t('profileLine', { profile: render(PROFILES[report.profile].title, locale) }), locale))
  const score = computeScore(report.results).value
  if (score !== null) out.push(render(t('scoreLine', { score }), locale))
  out.push('')
  const sorted = [...report.results].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status))
  for (const r of sorted) out.push(...formatResult(r, locale, style), '')
  const c = countByStatus(report.results)
  out.push(
    render(
      t('totals', {
        pass: c.pass,
        warn: c.warn,
        fail: c.fail,
        unknown: c.unknown,
        error: c.error,
        na: c.not_applicable,
        ms: report.durationMs,
      }),
      locale,
    ),
  )
  return out.join('\n') + '\n'
}
