import { render, type Locale } from '../i18n/locale.js'
import type { Msg } from '../i18n/message.js'
import { PROFILES } from '../guidance/profiles.js'
import { computeScore, SCORE_FORMULA } from '../guidance/score.js'
import { STATUS_ORDER, type ReportResult, type ScanReport } from './model.js'
import type { Status } from '../types.js'
import { statusWord, t } from './messages.js'
import { checklistText } from '../guidance/checklist.js'

export interface ReportOptions {
  redacted?: boolean
}

export interface DocumentResult extends ReportResult {
  statusWord: string
  /** Fail, warning or unknown: the person has something to do. */
  needsAction: boolean
}

/**
 * The one model every report format renders (terminal text, HTML, Markdown, JSON): the results in
 * STATUS_ORDER, the score, the status words and every label, localized once. A renderer only lays it out.
 */
export interface ReportDocument {
  locale: Locale
  title: string
  generated: string
  /** The one-line heading of the terminal report. */
  heading: string
  profile?: string
  /** The score, or null when there are too few results to score. */
  scoreValue: number | null
  score: string
  formula: string
  redactedNote?: string
  /** Statuses that occur, in STATUS_ORDER. */
  counts: { status: Status; word: string; count: number }[]
  /** Every status counted, with the scan's duration, as one line. */
  totals: string
  results: DocumentResult[]
  labels: Record<keyof typeof LABELS, string>
  /** The self-assessed checklist, apart from the results: what the person said, not what was verified. */
  checklist?: DocumentChecklist
  /** The report contract itself (DESIGN.md), as `--json` and the JSON export print it. */
  contract: ScanReport
}

export interface DocumentChecklist {
  heading: string
  intro: string
  items: { id: string; title: string; done: boolean; state: string }[]
  summary: string
}

function documentChecklist(checklist: NonNullable<ScanReport['checklist']>, locale: Locale): DocumentChecklist {
  const r = (m: Msg): string => render(m, locale)
  const done = checklist.items.filter((i) => i.doneAt !== null).length
  return {
    heading: r(checklistText('heading')),
    intro: r(checklistText('intro')),
    items: checklist.items.map((i) => ({
      id: i.id,
      title: i.title,
      done: i.doneAt !== null,
      state: i.doneAt === null ? r(checklistText('notYet')) : r(checklistText('saidDone', { date: localDateTime(i.doneAt, locale) })),
    })),
    summary: r(checklistText('summary', { done, total: checklist.items.length })),
  }
}

/** Each label a format shows, and its message. */
const LABELS = {
  counts: 'counts',
  evidence: 'evidence',
  what: 'what',
  where: 'where',
  seen: 'seen',
  expected: 'expected',
  why: 'why',
  steps: 'steps',
  admin: 'admin',
  references: 'references',
  noEvidence: 'noEvidence',
  formulaHeading: 'formula',
} as const satisfies Record<string, Parameters<typeof t>[0]>

const ACTION: ReadonlySet<Status> = new Set<Status>(['fail', 'warn', 'unknown'])

const rank = (s: Status): number => STATUS_ORDER.indexOf(s)

export function countByStatus(results: readonly { status: Status }[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>
  for (const r of results) counts[r.status] += 1
  return counts
}

/**
 * When the scan ran, as a reader of `locale` writes a date and time, in this computer's time zone
 * (named, so a report read elsewhere stays unambiguous). The JSON keeps the ISO time.
 */
export function localDateTime(iso: string, locale: Locale): string {
  const when = new Date(iso)
  if (Number.isNaN(when.getTime())) return iso
  const style = { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const
  return new Intl.DateTimeFormat(locale, style).format(when)
}

export function buildDocument(report: ScanReport, options: ReportOptions = {}): ReportDocument {
  const { locale } = report
  const r = (m: Msg): string => render(m, locale)
  const score = computeScore(report.results).value
  const tally = countByStatus(report.results)
  const sorted = [...report.results].sort((a, b) => rank(a.status) - rank(b.status))
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
    heading: r(
      t('textHeading', { platform: report.host.platform, release: report.host.release, date: localDateTime(report.startedAt, locale) }),
    ),
    ...(report.profile ? { profile: r(t('profile', { profile: r(PROFILES[report.profile].title) })) } : {}),
    scoreValue: score,
    score: score === null ? r(t('noScore')) : r(t('score', { score })),
    formula: r(SCORE_FORMULA),
    ...(options.redacted ? { redactedNote: r(t('redacted')) } : {}),
    counts: STATUS_ORDER.filter((status) => tally[status] > 0).map((status) => ({
      status,
      word: r(statusWord(status)),
      count: tally[status],
    })),
    totals: r(
      t('totals', {
        pass: tally.pass,
        warn: tally.warn,
        fail: tally.fail,
        unknown: tally.unknown,
        error: tally.error,
        na: tally.not_applicable,
        ms: report.durationMs,
      }),
    ),
    results: sorted.map((x) => ({ ...x, statusWord: r(statusWord(x.status)), needsAction: ACTION.has(x.status) })),
    labels: Object.fromEntries(Object.entries(LABELS).map(([label, key]) => [label, r(t(key))])) as ReportDocument['labels'],
    ...(report.checklist ? { checklist: documentChecklist(report.checklist, locale) } : {}),
    contract: report,
  }
}
