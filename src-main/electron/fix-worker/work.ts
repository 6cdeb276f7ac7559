/**
 * The part of the app's fix path that runs checks and writes files: offers, planning with its preview, applying
 * with the verification after it, verifying after the administrator helper, and undo. It runs in a thread of its
 * own (supervisor.ts), so a check that blocks while a fix is planned or verified never freezes the window; the
 * fix service in main keeps the plans previewed, the administrator prompt and the journal's list.
 */
import { t as fixText } from '../../../checks/core/fix/messages.js'
import type { FixPlan } from '../../../checks/core/fix/model.js'
import { offersFor, withheldFor, type FixChoices } from '../../../checks/core/fix/offer.js'
import { planFix } from '../../../checks/core/fix/plan.js'
import { describeDifferences, previewOf, type FixPreview } from '../../../checks/core/fix/preview.js'
import { verifyFix } from '../../../checks/core/fix/verify.js'
import type { Msg } from '../../../checks/core/i18n/message.js'
import type { Check, Host } from '../../../checks/core/types.js'
import { applyPlan, undoFix } from '../../node/fix/apply.js'
import type { FixJournal } from '../../node/fix/journal.js'
import type { FixWriter } from '../../node/fix/writer.js'
import type { FixApplyView, FixOfferView, FixUndoView } from '../../shared/fix-contract.js'
import { t } from '../fix-messages.js'

export interface FixWorkDeps {
  checks: readonly Check[]
  createHost: () => Host
  writer: FixWriter
  journal: FixJournal
}

/** What one job asks; `timeoutMs` is how long each check run may take, as for scans. */
export type FixJob =
  | { kind: 'offers'; checkId: string; timeoutMs: number }
  | { kind: 'plan'; checkId: string; offers: string[]; choices: FixChoices; uid: number | null; timeoutMs: number }
  | { kind: 'apply'; checkId: string; plan: FixPlan; choices: FixChoices; timeoutMs: number }
  | { kind: 'verify'; checkId: string; fixId: string; plan: FixPlan; choices: FixChoices; timeoutMs: number }
  | { kind: 'undo'; fixId: string; force: boolean }

export type PlanAnswer = { kind: 'nothing'; reason: Msg } | { kind: 'planned'; plan: FixPlan; preview: FixPreview }

export interface FixAnswers {
  offers: { offers: FixOfferView[] }
  plan: PlanAnswer
  apply: FixApplyView
  verify: FixApplyView
  undo: FixUndoView
}

export type FixAnswer<K extends FixJob['kind']> = FixAnswers[K]
export type JobOf<K extends FixJob['kind']> = Extract<FixJob, { kind: K }>

/** Told as soon as a plan is journalled and applied: a verification cut off after it still has a fix to undo. */
export type OnApplied = (fixId: string) => void

/**
 * A job's answer, or that its thread was given up on (stuck past its limit, or crashed), with the fix it had
 * applied by then, if any.
 */
export type WorkOutcome<K extends FixJob['kind']> =
  { kind: 'answer'; answer: FixAnswer<K> } | { kind: 'stopped'; reason: 'stuck' | 'crashed'; fixId: string | null }

/** Runs jobs: in a thread that can be given up on (supervisor.ts), or here (tests on a fixture host). */
export interface FixWork {
  run<K extends FixJob['kind']>(job: JobOf<K>): Promise<WorkOutcome<K>>
}

export function createFixWork(deps: FixWorkDeps) {
  const find = (id: string): Check => {
    const check = deps.checks.find((c) => c.id === id)
    // Main checked the id against the same list before it sent the job.
    if (!check) throw new Error(`no check ${id}`)
    return check
  }
  const signal = (timeoutMs: number): AbortSignal => AbortSignal.timeout(timeoutMs)

  async function verify(check: Check, id: string, plan: FixPlan, choices: FixChoices, timeoutMs: number): Promise<FixApplyView> {
    const verified = await verifyFix(check, deps.createHost(), plan, choices, signal(timeoutMs))
    if (verified.remaining.length > 0) {
      deps.journal.mark(id, 'unverified', verified.remaining.join(', '))
      return { kind: 'unverified', fixId: id, message: t('unverified', { summary: verified.outcome.summary }) }
    }
    deps.journal.mark(id, 'verified', verified.outcome.status)
    return { kind: 'verified', fixId: id, message: t('verified', { status: verified.outcome.status }) }
  }

  const jobs = {
    /** The offers for what the check finds now. */
    async offers(job: JobOf<'offers'>): Promise<FixAnswers['offers']> {
      const check = find(job.checkId)
      const outcome = await check.run(deps.createHost(), signal(job.timeoutMs))
      return { offers: offersFor(check.fixes, outcome).map(({ key, title, protects, mayBreak }) => ({ key, title, protects, mayBreak })) }
    },

    /** Reads the machine and plans the chosen offers, with the preview a person sees of it. */
    async plan(job: JobOf<'plan'>): Promise<PlanAnswer> {
      const check = find(job.checkId)
      const host = deps.createHost()
      const outcome = await check.run(host, signal(job.timeoutMs))
      const wanted = offersFor(check.fixes, outcome, job.choices).filter((o) => job.offers.includes(o.key))
      if (wanted.length === 0) {
        const reason = withheldFor(check.fixes, outcome, job.choices) ?? fixText('notOffered', { status: outcome.status })
        return { kind: 'nothing', reason: fixText('nothingToFix', { check: check.title, reason }) }
      }
      const planned = await planFix(host, check.id, wanted, { uid: job.uid })
      if (!planned.ok) return { kind: 'nothing', reason: planned.reason }
      if (!planned.value)
        return { kind: 'nothing', reason: fixText('nothingToFix', { check: check.title, reason: fixText('alreadyDone') }) }
      return { kind: 'planned', plan: planned.value, preview: previewOf(planned.value, check.title) }
    },

    async apply(job: JobOf<'apply'>, onApplied: OnApplied): Promise<FixApplyView> {
      const check = find(job.checkId)
      const applied = await applyPlan(job.plan, deps.writer, deps.journal)
      switch (applied.kind) {
        case 'applied':
          onApplied(applied.id)
          return verify(check, applied.id, job.plan, job.choices, job.timeoutMs)
        case 'changed':
          return {
            kind: 'refused',
            message: fixText('changedSincePreview', { path: applied.path, what: describeDifferences(applied.differences) }),
          }
        case 'failed':
          return { kind: 'failed', fixId: applied.id, message: fixText('writeFailed', { path: applied.path, reason: applied.reason }) }
        case 'unreadable':
          return { kind: 'refused', message: fixText('readFailed', { path: applied.path, reason: applied.reason }) }
        case 'unsupported':
          return { kind: 'refused', message: t('notSupported') }
      }
    },

    /** After the administrator helper applied the plan (and journalled it as `fixId`). */
    verify: (job: JobOf<'verify'>): Promise<FixApplyView> => verify(find(job.checkId), job.fixId, job.plan, job.choices, job.timeoutMs),

    async undo(job: JobOf<'undo'>): Promise<FixUndoView> {
      const { records } = deps.journal.list()
      const record = records.find((r) => r.entry.id === job.fixId)
      if (!record) return { kind: 'refused', message: t('unknownFix'), canForce: false }
      const result = await undoFix(record, records, deps.writer, deps.journal, { force: job.force })
      switch (result.kind) {
        case 'undone':
          return { kind: 'undone', message: t('undone') }
        case 'already-undone':
          return { kind: 'undone', message: t('alreadyUndone') }
        case 'changed':
          return {
            kind: 'refused',
            message: t('undoChanged', { path: result.path, what: describeDifferences(result.differences) }),
            canForce: true,
          }
        case 'newer-first':
          return { kind: 'refused', message: t('undoNewerFirst', { path: result.path }), canForce: false }
        case 'unsupported':
          return { kind: 'refused', message: t('notSupported'), canForce: false }
        case 'unreadable':
          return {
            kind: 'refused',
            message: fixText('undoReadFailed', { id: job.fixId, path: result.path, reason: result.reason }),
            canForce: false,
          }
        case 'failed':
          return { kind: 'failed', message: t('undoFailed', { path: result.path, reason: result.reason }) }
      }
    },
  }

  /** One job, by kind; `onApplied` hears of an applied plan before its verification starts. */
  function run(job: FixJob, onApplied: OnApplied = () => undefined): Promise<FixAnswers[FixJob['kind']]> {
    switch (job.kind) {
      case 'offers':
        return jobs.offers(job)
      case 'plan':
        return jobs.plan(job)
      case 'apply':
        return jobs.apply(job, onApplied)
      case 'verify':
        return jobs.verify(job)
      case 'undo':
        return jobs.undo(job)
    }
  }
  return { run }
}

/** The jobs run in the calling thread: for tests of the service on a fixture host, never in the app's main. */
export function inProcessFixWork(deps: FixWorkDeps): FixWork {
  const work = createFixWork(deps)
  return {
    async run<K extends FixJob['kind']>(job: JobOf<K>): Promise<WorkOutcome<K>> {
      return { kind: 'answer', answer: (await work.run(job)) as FixAnswer<K> }
    },
  }
}
