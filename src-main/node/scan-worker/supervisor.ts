import os from 'node:os'
import { Worker } from 'node:worker_threads'
import {
  abandonedResult,
  endScan,
  progressTo,
  timeoutFor,
  type Abandoned,
  type ProgressEvent,
  type RunOptions,
  type ScanRunner,
} from '../../../checks/core/engine/runner.js'
import type { RawResult } from '../../../checks/core/report/model.js'
import type { Check } from '../../../checks/core/types.js'
import { adoptHelpers, KILL_GRACE_MS } from '../adapters/exec.js'
import { currentPlatform } from '../adapters/node-host.js'
import { fromScanThreadSchema, type ScanRequest, type ToScanThread } from './protocol.js'

export interface IsolationLimits {
  /** Past a check's own limit, how long its thread may take to report the timeout before it counts as stuck. */
  graceMs: number
  /** How long a new scan thread may take to load before its checks' clocks start anyway. */
  startupMs: number
  /** After a cancel, how long the thread may take to wind down before it is ended. */
  cancelMs: number
}

export const DEFAULT_LIMITS: IsolationLimits = { graceMs: 1000, startupMs: 10_000, cancelMs: KILL_GRACE_MS + 500 }

const WATCH_MS = 50

type End = { kind: 'done' } | { kind: 'stuck' } | { kind: 'cancelled' } | { kind: 'crashed'; message: string }

interface Round {
  finished: RawResult[]
  unfinished: { check: Check; ranMs: number }[]
  end: End
}

type Emit = (event: ProgressEvent) => void

/** The scan thread's code: its file, or (in the standalone executable, which has no files beside it) its source. */
export type ScanThreadEntry = URL | { source: string }

const startThread = (entry: ScanThreadEntry, workerData: ScanRequest): Worker =>
  entry instanceof URL ? new Worker(entry, { workerData }) : new Worker(entry.source, { eval: true, workerData })

/** One scan thread for `checks`: resolves when it is done, crashed, cancelled, or stuck (and then ended). */
function runInThread(
  entry: ScanThreadEntry,
  checks: readonly Check[],
  options: RunOptions,
  limits: IsolationLimits,
  emit: Emit,
): Promise<Round> {
  const request: ScanRequest = {
    ids: checks.map((c) => c.id),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.defaultTimeoutMs !== undefined ? { defaultTimeoutMs: options.defaultTimeoutMs } : {}),
  }
  const spawnedAt = Date.now()
  const startedAt = new Map<string, number>()
  const finished = new Map<string, RawResult>()
  const helpers = adoptHelpers()
  return new Promise((resolve) => {
    const worker = startThread(entry, request)
    let cancelTimer: ReturnType<typeof setTimeout> | undefined
    const settle = (end: End): void => {
      clearInterval(watchdog)
      clearTimeout(cancelTimer)
      options.signal?.removeEventListener('abort', onAbort)
      worker.removeAllListeners()
      // Helpers of a thread given up on would otherwise outlive the scan: it can no longer end them itself.
      helpers.killAll()
      void worker.terminate()
      const now = Date.now()
      const unfinished = checks
        .filter((c) => !finished.has(c.id))
        .map((check) => ({ check, ranMs: now - (startedAt.get(check.id) ?? spawnedAt) }))
      resolve({ finished: [...finished.values()], unfinished, end })
    }
    const onAbort = (): void => {
      const cancel: ToScanThread = { type: 'cancel' }
      worker.postMessage(cancel)
      cancelTimer = setTimeout(() => settle({ kind: 'cancelled' }), limits.cancelMs)
    }
    // A check that blocks its thread also blocks the engine's own timer there: only this thread can still tell.
    const watchdog = setInterval(() => {
      const now = Date.now()
      const overdue = checks.some((c) => {
        if (finished.has(c.id)) return false
        const clock = startedAt.get(c.id) ?? spawnedAt + limits.startupMs
        return now - clock > timeoutFor(c, options) + limits.graceMs
      })
      if (overdue) settle({ kind: 'stuck' })
    }, WATCH_MS)
    worker.on('message', (raw: unknown) => {
      const parsed = fromScanThreadSchema.safeParse(raw)
      if (!parsed.success) return settle({ kind: 'crashed', message: parsed.error.message })
      const message = parsed.data
      switch (message.type) {
        case 'started':
          startedAt.set(message.id, Date.now())
          return emit({ type: 'check-started', id: message.id })
        case 'finished':
          finished.set(message.result.id, message.result)
          return emit({ type: 'check-finished', id: message.result.id, result: message.result })
        case 'helper':
          return helpers.report(message.pid, message.running)
        case 'done':
          return settle({ kind: 'done' })
      }
    })
    worker.on('error', (e) => settle({ kind: 'crashed', message: e.message }))
    worker.on('exit', (code) => settle({ kind: 'crashed', message: `exit ${code}` }))
    if (options.signal?.aborted) onAbort()
    else options.signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Runs scans in a thread of their own, so that a check that blocks (a parser stuck on a hostile file) is cut off at
 * its time limit instead of hanging the scan. The checks start together in one thread; if that thread gets stuck,
 * the checks it had not finished run again, each in a thread of its own, so the one that blocks is told apart from
 * those it held up and only it is reported as cut off. A scan therefore ends within about twice the longest limit.
 */
export function isolatedScans(entry: ScanThreadEntry, limits: IsolationLimits = DEFAULT_LIMITS): ScanRunner {
  return async (checks, options) => {
    const now = options.now ?? Date.now
    const started = now()
    const emit = progressTo(options.onProgress)
    const emitStarted = new Set<string>()
    const emitOnce: Emit = (event) => {
      if (event.type === 'check-started' && emitStarted.has(event.id)) return
      if (event.type === 'check-started') emitStarted.add(event.id)
      emit(event)
    }
    const platform = currentPlatform()
    const results = new Map<string, RawResult>()
    emit({ type: 'scan-started', ids: checks.map((c) => c.id) })
    let pending: readonly Check[] = checks
    for (let round = 0; pending.length > 0; round++) {
      const groups = round === 0 ? [pending] : pending.map((c) => [c])
      const rounds = await Promise.all(groups.map((group) => runInThread(entry, group, options, limits, emitOnce)))
      const again: Check[] = []
      for (const { finished, unfinished, end } of rounds) {
        for (const result of finished) results.set(result.id, result)
        if (end.kind === 'stuck' && round === 0 && unfinished.length > 1) {
          again.push(...unfinished.map((u) => u.check))
          continue
        }
        for (const { check, ranMs } of unfinished) {
          const result = abandonedResult(check, platform, abandonment(end, check, options), ranMs)
          results.set(check.id, result)
          emit({ type: 'check-finished', id: check.id, result })
        }
      }
      pending = again
    }
    const host = { platform, release: os.release(), arch: os.arch() }
    return endScan(
      checks.flatMap((c) => results.get(c.id) ?? []),
      host,
      started,
      options,
      emit,
    )
  }
}

function abandonment(end: End, check: Check, options: RunOptions): Abandoned {
  switch (end.kind) {
    case 'stuck':
      return { kind: 'cut', ms: timeoutFor(check, options) }
    case 'cancelled':
      return { kind: 'cancelled' }
    case 'crashed':
      return { kind: 'crashed', message: end.message }
    case 'done':
      return { kind: 'crashed', message: 'no result' }
  }
}
