import { defineMessages, type Msg } from '../i18n/message.js'
import type { RawReport, RawResult } from '../report/model.js'
import type { Check, Host, Outcome } from '../types.js'

export const DEFAULT_TIMEOUT_MS = 5000

const t = defineMessages('engine', {
  notApplicable: 'This check does not apply to {platform}.',
  threw: 'The check stopped with an error: {message}',
  timedOut: 'The check did not finish within {ms} ms and was stopped.',
  cancelled: 'The scan was cancelled before this check finished.',
  cut: 'The check stopped responding and was cut off after {ms} ms. The other checks were not affected.',
  crashed: 'The check could not be run: {message}',
  moreLabel: 'More findings of this check',
  moreCount: 'and {count} more, not listed',
})

/**
 * Evidence kept per result. A machine can hold 20,000 site grants or 30,000 key files: listing them
 * all would flood every report and the history, so the rest is counted in one last line.
 */
export const MAX_EVIDENCE = 100

function capEvidence<T extends { evidence: Outcome['evidence'] }>(outcome: T): T {
  if (outcome.evidence.length <= MAX_EVIDENCE) return outcome
  const kept = outcome.evidence.slice(0, MAX_EVIDENCE - 1)
  const more = { label: t('moreLabel'), source: '', observed: t('moreCount', { count: outcome.evidence.length - kept.length }) }
  return { ...outcome, evidence: [...kept, more] }
}

export type ProgressEvent =
  | { type: 'scan-started'; ids: string[] }
  | { type: 'check-started'; id: string }
  | { type: 'check-finished'; id: string; result: RawResult }
  | { type: 'scan-finished'; durationMs: number }

export interface RunOptions {
  /** The person's limit per check (`--timeout`): it overrides every check's own. */
  timeoutMs?: number
  /** The limit for a check that names none of its own (the app's stored setting). */
  defaultTimeoutMs?: number
  signal?: AbortSignal
  onProgress?: (event: ProgressEvent) => void
  /** Injected for deterministic tests. */
  now?: () => number
  tool?: { name: string; version: string }
}

/** Runs a scan: in this process, or somewhere a stuck check can be abandoned (see src-main/node/scan-worker). */
export type ScanRunner = (checks: readonly Check[], options: RunOptions) => Promise<RawReport>

/** The limit a check runs under: the person's `--timeout`, else the check's own, else the app's setting. */
export function timeoutFor(check: Check, options: Pick<RunOptions, 'timeoutMs' | 'defaultTimeoutMs'>): number {
  return options.timeoutMs ?? check.timeoutMs ?? options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS
}

/** Why a check that never returned has no verdict of its own. */
export type Abandoned = { kind: 'cut'; ms: number } | { kind: 'cancelled' } | { kind: 'crashed'; message: string }

function abandonedSummary(why: Abandoned): Msg {
  switch (why.kind) {
    case 'cut':
      return t('cut', { ms: why.ms })
    case 'cancelled':
      return t('cancelled')
    case 'crashed':
      return t('crashed', { message: why.message })
  }
}

class CheckTimeout extends Error {}

function withTimeout(check: Check, host: Host, ms: number, outer: AbortSignal | undefined): Promise<Outcome> {
  const controller = new AbortController()
  const onOuterAbort = (): void => controller.abort(outer?.reason)
  outer?.addEventListener('abort', onOuterAbort, { once: true })
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new CheckTimeout())
      reject(new CheckTimeout())
    }, ms)
  })
  const cancelled = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true })
  })
  // A check may return immediately (sync throw), resolve, reject, or ignore the signal and hang:
  // racing against the deadline covers all of them.
  const work = Promise.resolve().then(() => check.run(host, controller.signal))
  return Promise.race([work, deadline, cancelled]).finally(() => {
    clearTimeout(timer)
    outer?.removeEventListener('abort', onOuterAbort)
  })
}

function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name
  return String(e)
}

/** A check's result around an outcome: the check's own words, its steps and effort unless the outcome brings its own. */
function resultOf(check: Check, platform: Host['platform'], outcome: Outcome, durationMs: number): RawResult {
  // What a fix could change stays with the fix path: a report carries no fix targets.
  const { steps, effort, fixable: _fixable, ...verdict } = capEvidence(outcome)
  return {
    id: check.id,
    title: check.title,
    category: check.category,
    severity: check.severity,
    rationale: check.rationale,
    observer: check.observer,
    ...verdict,
    effort: effort ?? check.effort,
    remediation: { steps: steps ?? check.remediation.byPlatform[platform] ?? [], references: check.remediation.references },
    durationMs: Math.max(0, Math.round(durationMs)),
  }
}

/** The result of a check that was given up on: an `error` that says why. */
export function abandonedResult(check: Check, platform: Host['platform'], why: Abandoned, durationMs: number): RawResult {
  return resultOf(check, platform, { status: 'error', summary: abandonedSummary(why), evidence: [] }, durationMs)
}

export async function runCheck(check: Check, host: Host, options: RunOptions = {}): Promise<RawResult> {
  const now = options.now ?? Date.now
  const started = now()
  let outcome: Outcome
  if (!check.platforms.includes(host.platform)) {
    outcome = { status: 'not_applicable', summary: t('notApplicable', { platform: host.platform }), evidence: [] }
  } else {
    const ms = timeoutFor(check, options)
    try {
      outcome = await withTimeout(check, host, ms, options.signal)
    } catch (e) {
      if (e instanceof CheckTimeout) {
        outcome = { status: 'error', summary: t('timedOut', { ms }), evidence: [] }
      } else if (options.signal?.aborted) {
        outcome = { status: 'error', summary: t('cancelled'), evidence: [] }
      } else {
        outcome = { status: 'error', summary: t('threw', { message: errorMessage(e) }), evidence: [] }
      }
    }
  }
  return resultOf(check, host.platform, outcome, now() - started)
}

/** The progress listener, called so that a failing one (a closed window, a broken pipe) never loses the scan. */
export function progressTo(onProgress: RunOptions['onProgress']): (event: ProgressEvent) => void {
  return (event) => {
    try {
      onProgress?.(event)
    } catch {
      /* progress is advisory */
    }
  }
}

/** Says the scan finished and wraps its results, in check order, as the report every scan runner returns. */
export function endScan(
  results: RawResult[],
  host: Pick<Host, 'platform' | 'release' | 'arch'>,
  started: number,
  options: RunOptions,
  emit: (event: ProgressEvent) => void,
): RawReport {
  const now = options.now ?? Date.now
  const durationMs = Math.max(0, Math.round(now() - started))
  emit({ type: 'scan-finished', durationMs })
  return {
    schemaVersion: 1,
    tool: options.tool ?? { name: 'bulwark', version: '0.0.0' },
    host: { platform: host.platform, release: host.release, arch: host.arch },
    startedAt: new Date(started).toISOString(),
    durationMs,
    results,
  }
}

/**
 * The order a scan starts its checks in: the costliest first (Check.costMs), the rest as given. Started last, a
 * check that waits on programs and probes ended last too, after the quick ones had taken the cores.
 */
export function startOrder<T extends Pick<Check, 'costMs'>>(checks: readonly T[]): { check: T; index: number }[] {
  return checks.map((check, index) => ({ check, index })).sort((a, b) => (b.check.costMs ?? 0) - (a.check.costMs ?? 0))
}

/** Runs every check in parallel, the costliest started first; never rejects: each failure is a result. */
export async function runScan(checks: readonly Check[], host: Host, options: RunOptions = {}): Promise<RawReport> {
  const now = options.now ?? Date.now
  const started = now()
  const emit = progressTo(options.onProgress)
  emit({ type: 'scan-started', ids: checks.map((c) => c.id) })
  // Each result goes where its check was given (the registry's order), whatever order they started or ended in.
  const pending = new Array<Promise<RawResult>>(checks.length)
  for (const { check, index } of startOrder(checks)) {
    emit({ type: 'check-started', id: check.id })
    pending[index] = runCheck(check, host, options).then((result) => {
      emit({ type: 'check-finished', id: check.id, result })
      return result
    })
  }
  const results = await Promise.all(pending)
  return endScan(results, host, started, options, emit)
}
