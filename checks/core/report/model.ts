import { render, type Locale } from '../i18n/locale.js'
import type { Msg } from '../i18n/message.js'
import type { ProfileId } from '../guidance/profiles.js'
import type { Effort, Evidence, Platform, Reference, Severity, Status, Step, StepKind } from '../types.js'

/** Worst first: what needs attention leads every human-readable view. */
export const STATUS_ORDER: readonly Status[] = ['fail', 'warn', 'error', 'unknown', 'pass', 'not_applicable']

/**
 * The part whose status comes first in STATUS_ORDER (the first of equals): a check made of several readings leads
 * with its worst one. A warn outranks an unknown: a protection known to be off is the more useful headline.
 */
export function mostSevere<T extends { status: Status }>(first: T, ...rest: readonly T[]): T {
  const rank = (s: Status): number => STATUS_ORDER.indexOf(s)
  return rest.reduce((a, b) => (rank(b.status) < rank(a.status) ? b : a), first)
}

/** One check's result before localisation: what the engine produces and the store keeps. */
export interface RawResult {
  id: string
  title: Msg
  category: string
  severity: Severity
  status: Status
  summary: Msg
  evidence: Evidence[]
  durationMs: number
  rationale: Msg
  observer: Msg
  effort: Effort
  remediation: { steps: Step[]; references: Reference[] }
}

export interface HostSummary {
  platform: Platform
  release: string
  arch: string
}

export interface RawReport {
  schemaVersion: 1
  tool: { name: string; version: string }
  host: HostSummary
  startedAt: string
  durationMs: number
  results: RawResult[]
}

/** The report contract of DESIGN.md: what `--json` prints and the UI renders. */
export interface ReportEvidence {
  label: string
  source: string
  observed: string | number | boolean | null
  expected?: string
}

export interface ReportStep {
  text: string
  command?: { shell: 'sh' | 'powershell'; line: string }
  requiresAdmin?: boolean
  link?: string
  kind?: StepKind
}

export interface ReportResult {
  id: string
  title: string
  category: string
  severity: Severity
  status: Status
  summary: string
  evidence: ReportEvidence[]
  durationMs: number
  rationale: string
  observer: string
  effort: Effort
  remediation: { steps: ReportStep[]; references: Reference[] }
}

/** One self-assessed checklist item as a report shows it: what the person said, never a verified result. */
export interface ReportChecklistItem {
  id: string
  title: string
  /** When the person said they did it (ISO time), or null: not yet. */
  doneAt: string | null
}

/** The "you said done" section: apart from the results, and never part of the score. */
export interface ReportChecklist {
  countedInScore: false
  items: ReportChecklistItem[]
}

export interface ScanReport {
  schemaVersion: 1
  tool: { name: string; version: string }
  host: HostSummary
  startedAt: string
  durationMs: number
  locale: Locale
  /** Set when the results were weighed by a threat profile (checks outside it are left out). */
  profile?: ProfileId
  results: ReportResult[]
  /** The self-assessed checklist with the person's ticks, when the report was made with it. */
  checklist?: ReportChecklist
}

/** The value seen as a reader of `locale` sees it: a value as read is unchanged, Bulwark's own words are rendered. */
export function localizeObserved(
  observed: Evidence['observed'],
  locale: Locale,
  text: (msg: Msg) => string = (msg) => render(msg, locale),
): ReportEvidence['observed'] {
  return typeof observed === 'object' && observed !== null ? text(observed) : observed
}

/** `text` renders each message; the app passes one that isolates values inside right-to-left sentences. */
export function localizeResult(r: RawResult, locale: Locale, text: (msg: Msg) => string = (msg) => render(msg, locale)): ReportResult {
  return {
    id: r.id,
    title: text(r.title),
    category: r.category,
    severity: r.severity,
    status: r.status,
    summary: text(r.summary),
    evidence: r.evidence.map((e) => ({
      label: text(e.label),
      source: e.source,
      observed: localizeObserved(e.observed, locale, text),
      ...(e.expected ? { expected: text(e.expected) } : {}),
    })),
    durationMs: r.durationMs,
    rationale: text(r.rationale),
    observer: text(r.observer),
    effort: r.effort,
    remediation: {
      steps: r.remediation.steps.map((s) => ({ ...s, text: text(s.text) })),
      references: r.remediation.references,
    },
  }
}

export function localizeReport(raw: RawReport, locale: Locale): ScanReport {
  return { ...raw, locale, results: raw.results.map((r) => localizeResult(r, locale)) }
}
