import type { BulwarkApi, GuidanceState, ProgressEvent } from '../../../src-main/shared/ipc-contract.js'
import type { CheckInfo } from '../../../src-main/shared/ipc-contract.js'
import type { RawReport, RawResult, ReportResult } from '../../../src-main/shared/report.js'
import { render } from '../../../checks/core/i18n/locale.js'
import { verbatim } from '../../../checks/core/i18n/message.js'
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
    runCheck: async () => ok(raw(result({}))),
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
    checklistHints: async () => ok([]),
    acceptRisk: async () => ok(guidance({})),
    revokeRisk: async () => ok(guidance({})),
    forgetEverything: async () => ok(null),
    exportReport: async () => ok({ saved: false as const }),
    quickExit: async () => ok(null),
    fixOffers: async () => ok({ offers: [], choices: [] }),
    previewFix: async () => ok({ kind: 'nothing' as const, reason: verbatim('Nothing to fix.') }),
    applyFix: async () => ok({ kind: 'refused' as const, message: verbatim('Nothing was changed.') }),
    listFixes: async () => ok({ folder: '/fixes', fixes: [], damaged: [] }),
    undoFix: async () => ok({ kind: 'undone' as const, message: verbatim('Undone.') }),
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

/**
 * What main sends for a result: messages, not text. The test's English becomes verbatim messages, so it
 * shows unchanged in every language; a test of translation uses a real check's messages instead.
 */
export function raw(r: ReportResult): RawResult {
  return {
    ...r,
    title: verbatim(r.title),
    summary: verbatim(r.summary),
    evidence: r.evidence.map(({ expected, ...e }) => ({
      ...e,
      label: verbatim(e.label),
      ...(expected ? { expected: verbatim(expected) } : {}),
    })),
    rationale: verbatim(r.rationale),
    observer: verbatim(r.observer),
    remediation: { steps: r.remediation.steps.map((s) => ({ ...s, text: verbatim(s.text) })), references: r.remediation.references },
  }
}

const isShown = (r: ReportResult | RawResult): r is ReportResult => typeof r.title === 'string'

/** A report as main sends it, of results written as the reader sees them. */
export function report(results: Array<ReportResult | RawResult>): RawReport {
  return {
    schemaVersion: 1,
    tool: { name: 'bulwark', version: 'test' },
    host: { platform: 'linux', release: '6.1.0', arch: 'x64' },
    startedAt: '2026-01-02T10:00:00.000Z',
    durationMs: 420,
    results: results.map((r) => (isShown(r) ? raw(r) : r)),
  }
}

/** A catalogue entry as main lists it. */
export function checkInfo(id: string, title: string, category = id.split('.')[0] ?? id): CheckInfo {
  return { id, title: verbatim(title), category, severity: 'medium', applicable: true }
}

export function guidance(partial: Partial<GuidanceState>): GuidanceState {
  return { profile: null, answers: {}, checklist: {}, acceptedRisks: [], ...partial }
}
