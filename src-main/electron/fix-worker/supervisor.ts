import { Worker } from 'node:worker_threads'
import { adoptHelpers } from '../../node/adapters/exec.js'
import { answerSchemas, fromFixThreadSchema, type FixThreadData } from './protocol.js'
import type { FixJob, FixWork, JobOf, WorkOutcome } from './work.js'

export interface FixThreadLimits {
  /** How long a new thread may take to load the checks before its job's clock starts anyway. */
  startupMs: number
  /** Past a check's own limit, how long the thread may take to answer before it counts as stuck. */
  graceMs: number
  /** How long a job's file changes (apply, undo: a few files of at most 4 MiB, synced) may take. */
  filesMs: number
}

export const DEFAULT_FIX_LIMITS: FixThreadLimits = { startupMs: 10_000, graceMs: 1000, filesMs: 60_000 }

const WRITES: ReadonlySet<FixJob['kind']> = new Set(['apply', 'undo'])

/** How long a job may take in all before its thread is given up on: its check run, its writes, and the margins. */
export function jobLimitMs(job: FixJob, limits: FixThreadLimits): number {
  const check = 'timeoutMs' in job ? job.timeoutMs + limits.graceMs : 0
  return limits.startupMs + check + (WRITES.has(job.kind) ? limits.filesMs : 0)
}

/**
 * Runs each fix job in a thread of its own, as scans run (src-main/node/scan-worker): a check that blocks while a
 * fix is planned or verified holds up only its thread, which is ended at the job's limit, with the helpers its
 * checks started; main, and the window with it, keeps answering meanwhile.
 */
export function threadFixWork(entry: URL, storeDir: string, limits: FixThreadLimits = DEFAULT_FIX_LIMITS): FixWork {
  return {
    run<K extends FixJob['kind']>(job: JobOf<K>): Promise<WorkOutcome<K>> {
      const data: FixThreadData = { job, storeDir }
      const helpers = adoptHelpers()
      let fixId: string | null = null
      return new Promise((resolve) => {
        const worker = new Worker(entry, { workerData: data })
        const settle = (outcome: WorkOutcome<K>): void => {
          clearTimeout(watchdog)
          worker.removeAllListeners()
          // Helpers of a thread given up on would otherwise outlive it: it can no longer end them itself.
          helpers.killAll()
          void worker.terminate()
          resolve(outcome)
        }
        const stopped = (reason: 'stuck' | 'crashed'): void => settle({ kind: 'stopped', reason, fixId })
        const watchdog = setTimeout(() => stopped('stuck'), jobLimitMs(job, limits))
        worker.on('message', (raw: unknown) => {
          const parsed = fromFixThreadSchema.safeParse(raw)
          if (!parsed.success) return stopped('crashed')
          const message = parsed.data
          switch (message.type) {
            case 'applied':
              fixId = message.fixId
              return
            case 'helper':
              return helpers.report(message.pid, message.running)
            case 'answer': {
              const schema = answerSchemas[job.kind]
              const answer = schema.safeParse(message.answer)
              return answer.success ? settle({ kind: 'answer', answer: answer.data }) : stopped('crashed')
            }
          }
        })
        worker.on('error', () => stopped('crashed'))
        worker.on('exit', () => stopped('crashed'))
      })
    },
  }
}
