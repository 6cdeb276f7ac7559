import type { BulwarkApi, GuidanceState, ProgressEvent } from '../../../src-main/shared/ipc-contract.js'
import type { ReportResult, ScanReport } from '../../../src-main/shared/report.js'
import { render } from '../../../checks/core/i18n/locale.js'
import { findCheck } from '../../../checks/registry.js'
import { ok } from '../../../src-main/shared/result.js'

/** A fake window.api for component tests only; end-to-end tests bind the real engine instead. */
export interface FakeApi extends BulwarkApi {
  emit(event: ProgressEvent): void
}

export function fakeApi(overrides: Partial<BulwarkApi> = {}): FakeApi {
  const listeners = new Set<(event: ProgressEvent) => void>()
  const base: BulwarkApi = {
    listChecks: async () => ok([]),
    scan: async () => ok(report([])),
    runCheck: async () => ok(result({})),
    lastReport: async () => ok(null),
    getSettings: async () => ok({ locale: null, timeoutMs: 5000, effectiveLocale: 'en' as const }),
    setSettings: async () => ok({ locale: null, timeoutMs: 5000, effectiveLocale: 'en' as const }),
    listHistory: async () => ok([]),
    clearHistory: async () => ok(null),
    openExternal: async () => ok(null),
    listNotices: async () => ok([]),
    dismissNotice: async () => ok(null),
    getGuidance: async () => ok(guidance({})),
    setProfile: async ({ profile, answers }) => ok(guidance({ profile, answers: answers ?? {} })),
    setChecklistItem: async () => ok(guidance({})),
    acceptRisk: async () => ok(guidance({})),
    revokeRisk: async () => ok(guidance({})),
    forgetEverything: async () => ok(null),
    exportReport: async () => ok({ saved: false as const }),
    quickExit: async () => ok(null),
    onProgress: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  return {
    ...base,
    ...overrides,
    emit: (event) => {
      for (const listener of listeners) listener(event)
    },
  }
}

/** A localised result; what a check would say of itself (observer, effort) comes from its real definition. */
export function result(partial: Partial<ReportResult>): ReportResult {
  const check = findCheck(partial.id ?? 'dns.firefox')
  return {
    id: 'dns.firefox',
    title: 'Firefox encrypted DNS',
    category: 'dns',
    severity: 'high',
    status: 'fail',
    summary: 'Firefox sends DNS lookups in the clear.',
    evidence: [],
    durationMs: 12,
    rationale: 'Your network operator sees every site you look up.',
    observer: check ? render(check.observer, 'en') : 'What an observer learns: every site you look up.',
    effort: check?.effort ?? 1,
    remediation: { steps: [], references: [] },
    ...partial,
  }
}

export function report(results: ReportResult[]): ScanReport {
  return {
    schemaVersion: 1,
    tool: { name: 'bulwark', version: 'test' },
    host: { platform: 'linux', release: '6.1.0', arch: 'x64' },
    startedAt: '2026-01-02T10:00:00.000Z',
    durationMs: 420,
    locale: 'en',
    results,
  }
}

export function guidance(partial: Partial<GuidanceState>): GuidanceState {
  return { profile: null, answers: {}, checklist: {}, acceptedRisks: [], ...partial }
}
