import { runScan, type ScanRunner } from '../../checks/core/engine/runner.js'
import { applyProfile, PROFILES, type ProfileId } from '../../checks/core/guidance/profiles.js'
import { computeScore } from '../../checks/core/guidance/score.js'
import { matchLocale, type Locale } from '../../checks/core/i18n/locale.js'
import type { RawReport, RawResult } from '../../checks/core/report/model.js'
import { STATUSES, type Check, type Host, type Platform } from '../../checks/core/types.js'
import type {
  CheckInfo,
  HistoryEntry,
  ProgressEvent,
  RunCheckRequest,
  ScanRequest,
  Settings,
  SettingsPatch,
  StoreNotice,
} from '../shared/ipc-contract.js'
import { err, ok, type Result } from '../shared/result.js'
import type { StorePort } from '../node/store/port.js'
import { noticeMessage } from '../node/store/notices.js'

export interface ScanServiceDeps {
  checks: readonly Check[]
  /** A fresh host per scan, so memoised system information never goes stale. */
  createHost: () => Host
  /** Runs scans and single checks; without one, in this process on `createHost()` (a check that blocks then freezes the app). */
  runScan?: ScanRunner
  platform: Platform
  store: StorePort
  /** The OS language tag (app.getLocale() in the app). */
  systemLocale: () => string
  tool: { name: string; version: string }
}

export type EffectiveSettings = Settings & { effectiveLocale: Locale }

/** One point of the score chart, weighed by today's profile so the line compares like with like. */
function historyEntry(report: RawReport, profile: ProfileId | null): HistoryEntry {
  const counts: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]))
  for (const r of report.results) counts[r.status] = (counts[r.status] ?? 0) + 1
  const scored = profile ? applyProfile(report.results, PROFILES[profile]) : report.results
  return { startedAt: report.startedAt, durationMs: report.durationMs, counts, score: computeScore(scored).value }
}

/** What the app does with the engine: run checks, keep history, report progress. The renderer localises. */
export function createScanService(deps: ScanServiceDeps) {
  let scanning = false
  const locale = (): Locale => deps.store.settings().locale ?? matchLocale(deps.systemLocale())
  const effective = (settings: Settings): EffectiveSettings => ({ ...settings, effectiveLocale: locale() })
  const unknownIds = (ids: readonly string[]): string[] => ids.filter((id) => !deps.checks.some((c) => c.id === id))
  const run: ScanRunner = deps.runScan ?? ((checks, options) => runScan(checks, deps.createHost(), options))

  return {
    locale,

    settings: (): EffectiveSettings => effective(deps.store.settings()),

    updateSettings: (patch: SettingsPatch): EffectiveSettings => effective(deps.store.updateSettings(patch)),

    listChecks: (): CheckInfo[] =>
      deps.checks.map((c) => ({
        id: c.id,
        title: c.title,
        category: c.category,
        severity: c.severity,
        applicable: c.platforms.includes(deps.platform),
      })),

    /** Runs the checks (all, or `only`), stores the report and returns it. One scan at a time. */
    async scan(request: ScanRequest, onProgress: (event: ProgressEvent) => void): Promise<Result<RawReport>> {
      const unknown = unknownIds(request.only ?? [])
      if (unknown.length > 0) return err('unknown_check', `No check with id ${unknown.join(', ')}.`)
      if (scanning) return err('busy', 'A scan is already running.')
      scanning = true
      try {
        // An empty list means every check, as in the CLI: a scan never stores an empty report.
        const only = request.only ?? []
        const selected = only.length > 0 ? deps.checks.filter((c) => only.includes(c.id)) : deps.checks
        const raw = await run(selected, {
          defaultTimeoutMs: deps.store.settings().timeoutMs,
          onProgress,
          tool: deps.tool,
        })
        deps.store.addReport(raw)
        return ok(raw)
      } finally {
        scanning = false
      }
    },

    /** Re-runs one check (after the person fixed something); the stored history is left as it is. */
    async runCheck(request: RunCheckRequest): Promise<Result<RawResult>> {
      const check = deps.checks.find((c) => c.id === request.id)
      if (!check) return err('unknown_check', `No check with id ${request.id}.`)
      const { results } = await run([check], { defaultTimeoutMs: deps.store.settings().timeoutMs, tool: deps.tool })
      const [raw] = results
      return raw ? ok(raw) : err('unknown_check', `No result for ${request.id}.`)
    },

    lastReport: (): RawReport | null => deps.store.reports()[0] ?? null,

    history: (): HistoryEntry[] => {
      const { profile } = deps.store.guidance()
      return deps.store.reports().map((r) => historyEntry(r, profile))
    },

    clearHistory: (): null => {
      deps.store.clearReports()
      return null
    },

    notices: (): StoreNotice[] =>
      deps.store.notices().map((n) => ({ id: n.id, kind: n.kind, at: n.at, movedTo: n.movedTo, message: noticeMessage(n) })),

    dismissNotice: (id: string): null => {
      deps.store.dismissNotice(id)
      return null
    },
  }
}

export type ScanService = ReturnType<typeof createScanService>
