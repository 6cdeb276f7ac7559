import type { Locale } from '../../../checks/core/i18n/locale.js'
import { verbatim, type Msg } from '../../../checks/core/i18n/message.js'
import { localizeResult } from '../../../checks/core/report/model.js'
import type { CheckInfo, ProgressEvent } from '../../../src-main/shared/ipc-contract.js'
import type { HostSummary, RawReport, RawResult, ReportResult, Status } from '../../../src-main/shared/report.js'
import { renderForWindow } from '../../i18n/i18n.js'
import { STATUS_ORDER } from '../../../checks/core/report/model.js'

/**
 * idle: never checked in this session and no saved report; waiting: queued in the running scan;
 * running: started; done: finished. A re-run keeps the last result alongside, so the detail panel
 * never goes blank while a check runs again.
 */
export type Phase = 'idle' | 'waiting' | 'running' | 'done'

/** One check's row. The reducer keeps messages (RawEntry); what components see is localised (Entry). */
export interface EntryOf<R, T> {
  id: string
  title: T
  phase: Phase
  result?: R
}
export type RawEntry = EntryOf<RawResult, Msg>
export type Entry = EntryOf<ReportResult, string>

export interface ScanProgress {
  ids: string[]
  finished: string[]
}

export interface ScanStateOf<E> {
  /** Catalogue order; results for ids the catalogue lacks are appended. */
  order: string[]
  entries: Record<string, E>
  /** Set while a full scan runs. */
  scan: ScanProgress | null
  /** Ids re-run alone right now. */
  rerunning: string[]
  lastScan: { startedAt: string; durationMs: number; host: HostSummary } | null
}
export type RawScanState = ScanStateOf<RawEntry>
export type ScanState = ScanStateOf<Entry>
/** What the read-only helpers below need of either state. */
type AnyScanState = ScanStateOf<EntryOf<{ status: Status }, unknown>>

export type ScanAction =
  | { type: 'catalogue'; checks: CheckInfo[] }
  | { type: 'report'; report: RawReport }
  | { type: 'scan-requested' }
  | { type: 'scan-failed' }
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'check-requested'; id: string }
  | { type: 'check-result'; result: RawResult }
  | { type: 'check-failed'; id: string }

/** Empty, so it starts either state. */
export const initialScanState: ScanStateOf<never> = { order: [], entries: {}, scan: null, rerunning: [], lastScan: null }

function withEntry(state: RawScanState, id: string, update: (entry: RawEntry) => RawEntry): RawScanState {
  const entry = state.entries[id] ?? { id, title: verbatim(id), phase: 'idle' }
  const order = state.order.includes(id) ? state.order : [...state.order, id]
  return { ...state, order, entries: { ...state.entries, [id]: update(entry) } }
}

function finish(state: RawScanState, result: RawResult): RawScanState {
  const next = withEntry(state, result.id, () => ({ id: result.id, title: result.title, phase: 'done', result }))
  const scan =
    next.scan && !next.scan.finished.includes(result.id) ? { ...next.scan, finished: [...next.scan.finished, result.id] } : next.scan
  return { ...next, scan, rerunning: next.rerunning.filter((id) => id !== result.id) }
}

/** Back to what was known before the run: the last result if there is one. */
function settle(entry: RawEntry): RawEntry {
  return entry.phase === 'done' ? entry : { ...entry, phase: entry.result ? 'done' : 'idle' }
}

function applyProgress(state: RawScanState, event: ProgressEvent): RawScanState {
  switch (event.type) {
    case 'scan-started': {
      let next: RawScanState = { ...state, scan: { ids: event.ids, finished: [] } }
      for (const id of event.ids) next = withEntry(next, id, (e) => ({ ...e, phase: 'waiting' }))
      return next
    }
    case 'check-started':
      return withEntry(state, event.id, (e) =>
        e.phase === 'done' && state.scan?.finished.includes(event.id) ? e : { ...e, phase: 'running' },
      )
    case 'check-finished':
      return finish(state, event.result)
    case 'scan-finished':
      // The scan's resolved report is authoritative; this only guards against a lost reply.
      return state
  }
}

export function scanReducer(state: RawScanState, action: ScanAction): RawScanState {
  switch (action.type) {
    case 'catalogue': {
      let next = state
      for (const check of action.checks) next = withEntry(next, check.id, (e) => ({ ...e, title: e.result?.title ?? check.title }))
      return next
    }
    case 'report': {
      let next: RawScanState = {
        ...state,
        scan: null,
        lastScan: { startedAt: action.report.startedAt, durationMs: action.report.durationMs, host: action.report.host },
      }
      for (const result of action.report.results) next = finish(next, result)
      const entries = Object.fromEntries(Object.entries(next.entries).map(([id, e]) => [id, settle(e)]))
      return { ...next, scan: null, entries }
    }
    case 'scan-requested': {
      // Shown at once, before the first progress event arrives over IPC.
      const ids = state.order
      let next: RawScanState = { ...state, scan: { ids, finished: [] } }
      for (const id of ids) next = withEntry(next, id, (e) => ({ ...e, phase: 'waiting' }))
      return next
    }
    case 'scan-failed': {
      const entries = Object.fromEntries(Object.entries(state.entries).map(([id, e]) => [id, settle(e)]))
      return { ...state, scan: null, entries }
    }
    case 'progress':
      return applyProgress(state, action.event)
    case 'check-requested':
      return withEntry({ ...state, rerunning: [...state.rerunning, action.id] }, action.id, (e) => ({ ...e, phase: 'running' }))
    case 'check-result':
      return finish(state, action.result)
    case 'check-failed': {
      const next = withEntry(state, action.id, settle)
      return { ...next, rerunning: next.rerunning.filter((id) => id !== action.id) }
    }
  }
}

export function isBusy(state: AnyScanState): boolean {
  return state.scan !== null || state.rerunning.length > 0
}

export function scanCounts(state: AnyScanState): { done: number; total: number } {
  if (!state.scan) return { done: 0, total: 0 }
  return { done: state.scan.finished.length, total: state.scan.ids.length }
}

export function statusCounts(state: AnyScanState): Record<Status, number> {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>
  for (const id of state.order) {
    const status = state.entries[id]?.result?.status
    if (status && state.entries[id]?.phase === 'done') counts[status] += 1
  }
  return counts
}

export type GroupKey = Status | 'in_progress' | 'not_checked'

export interface Group<E = Entry> {
  key: GroupKey
  entries: E[]
}

/** In-progress first (that is where the eye goes during a scan), then worst status first; catalogue order within a group. */
export function groupEntries<E extends EntryOf<{ status: Status }, unknown>>(state: ScanStateOf<E>): Group<E>[] {
  const keys: GroupKey[] = ['in_progress', ...STATUS_ORDER, 'not_checked']
  const groups = new Map<GroupKey, E[]>(keys.map((k) => [k, []]))
  for (const id of state.order) {
    const entry = state.entries[id]
    if (!entry) continue
    const key: GroupKey =
      entry.phase === 'waiting' || entry.phase === 'running'
        ? 'in_progress'
        : entry.phase === 'done' && entry.result
          ? entry.result.status
          : 'not_checked'
    groups.get(key)?.push(entry)
  }
  return keys.flatMap((key) => {
    const entries = groups.get(key) ?? []
    return entries.length > 0 ? [{ key, entries }] : []
  })
}

/** The state as the reader sees it, in their language; computed again on a language change, never re-run. */
export function localizeScanState(state: RawScanState, locale: Locale): ScanState {
  const entries = Object.fromEntries(
    Object.entries(state.entries).map(([id, e]): [string, Entry] => {
      const { result, ...rest } = e
      const text = (msg: Msg): string => renderForWindow(msg, locale)
      return [id, { ...rest, title: text(e.title), ...(result ? { result: localizeResult(result, locale, text) } : {}) }]
    }),
  )
  return { ...state, entries }
}
