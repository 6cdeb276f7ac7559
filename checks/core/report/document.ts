import { render, type Locale } from '../i18n/locale.js'
import { PROFILES } from '../guidance/profiles.js'
import { computeScore, SCORE_FORMULA } from '../guidance/score.js'
import { STATUS_ORDER, type ReportResult, type ScanReport } from './model.js'
import type { Status } from '../types.js'
import { STATUS_WORD, t as cli } from '../../../src-main/cli/messages.js'
import { t } from './messages.js'

export interface ReportOptions {
  redacted?: boolean
}

/** The localized parts every document format shares, computed once. */
export interface ReportDocument {
  locale: Locale
  title: string
  generated: string
  profile?: string
  score: string
  formula: string
  redactedNote?: string
  counts: { status: Status; word: string; count: number }[]
  results: (ReportResult & { statusWord: string })[]
  labels: Record<
    | 'counts'
    | 'evidence'
    | 'what'
    | 'where'
    | 'seen'
    | 'expected'
    | 'why'
    | 'steps'
    | 'admin'
    | 'references'
    | 'noEvidence'
    | 'formulaHeading',
    string
  >
}

export function statusWord(status: Status, locale: Locale): string {
  return render(cli(STATUS_WORD[status]), locale)
}

export function buildDocument(report: ScanReport, options: ReportOptions = {}): ReportDocument {
  const { locale } = report
  const r = (m: Parameters<typeof render>[0]): string => render(m, locale)
  const score = computeScore(report.results)
  const sorted = [...report.results].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status))
  return {
    locale,
    title: r(t('title')),
    generated: r(
      t('generated', {
        date: report.startedAt,
        platform: report.host.platform,
        release: report.host.release,
        arch: report.host.arch,
        version: report.tool.version,
      }),
    ),
    ...(report.profile ? { profile: r(t('profile', { profile: r(PROFILES[report.profile].title) })) } : {}),
    score: score.value === null ? r(t('noScore')) : r(t('score', { score: score.value })),
    formula: r(SCORE_FORMULA),
    ...(options.redacted ? { redactedNote: r(t('redacted')) } : {}),
    counts: STATUS_ORDER.map((status) => ({
      status,
      word: statusWord(status, locale),
      count: report.results.filter((x) => x.status === status).length,
    })).filter((c) => c.count > 0),
    results: sorted.map((x) => ({ ...x, statusWord: statusWord(x.status, locale) })),
    labels: {
      counts: r(t('counts')),
      evidence: r(t('evidence')),
      what: r(t('what')),
      where: r(t('where')),
      seen: r(t('seen')),
      expected: r(t('expected')),
      why: r(t('why')),
      steps: r(t('steps')),
      admin: r(t('admin')),
      references: r(t('references')),
      noEvidence: r(t('noEvidence')),
      formulaHeading: r(t('formula')),
    },
  }
}
