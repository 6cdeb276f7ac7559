/**
 * Fixes in the app: main validates what the window asks, keeps the plans it previewed, and applies only the plan
 * whose hash the person confirmed; then the check runs again. Running checks and writing files is the fix work's
 * (fix-worker/work.ts), done in a thread of its own so a check that blocks never freezes the window. A plan that
 * needs an administrator is saved and handed to the helper through the OS's own prompt (elevate.ts).
 */
import fs from 'node:fs'
import { needsAdmin, planHash, type FixPlan } from '../../checks/core/fix/model.js'
import type { FixChoices } from '../../checks/core/fix/offer.js'
import type { Msg } from '../../checks/core/i18n/message.js'
import type { Check } from '../../checks/core/types.js'
import type { FixJournal, FixRecord } from '../node/fix/journal.js'
import { savePlanFile } from '../node/fix/saved-plan.js'
import { fixStateWord } from '../node/fix/words.js'
import { t as fixText } from '../../checks/core/fix/messages.js'
import type {
  ApplyFixRequest,
  FixApplyView,
  FixListView,
  FixOffersRequest,
  FixOffersView,
  FixPreviewView,
  FixRecordView,
  FixUndoView,
  PreviewFixRequest,
  UndoFixRequest,
} from '../shared/fix-contract.js'
import { err, ok, type Result } from '../shared/result.js'
import type { Elevator } from './elevate.js'
import { t } from './fix-messages.js'
import type { FixWork } from './fix-worker/work.js'

export interface FixServiceDeps {
  checks: readonly Check[]
  /** Runs the checks and writes the files: in a thread of its own in the app (fix-worker/supervisor.ts). */
  work: FixWork
  journal: FixJournal
  /** The user the app runs as (null where the OS has no uids). */
  uid: number | null
  /** Reaches an administrator through the OS's prompt; null when this build has no helper. */
  elevator: Elevator | null
  /** How long one check may take, as for scans. */
  timeoutMs: () => number
}

interface Pending {
  checkId: string
  plan: FixPlan
  choices: FixChoices
}

/** Previews not yet confirmed: a handful at most (one per open dialog), oldest dropped first. */
const MAX_PENDING = 8

export function createFixService(deps: FixServiceDeps) {
  const pending = new Map<string, Pending>()
  const find = (id: string): Check | undefined => deps.checks.find((c) => c.id === id)
  const elevated = (plan: FixPlan): boolean => needsAdmin(plan) && deps.uid !== 0
  const seconds = (): number => Math.ceil(deps.timeoutMs() / 1000)

  const remember = (hash: string, entry: Pending): void => {
    pending.delete(hash)
    pending.set(hash, entry)
    while (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value as string)
  }

  /** The helper journals the fix itself: its record is the newest with this plan's hash. */
  const recordOf = (hash: string): FixRecord | undefined =>
    [...deps.journal.list().records].reverse().find((r) => r.entry.hash === hash && r.state !== 'undone')

  /**
   * A fix applied whose verification was given up on (its check blocked, or its thread crashed): it stays in the
   * journal, unverified, and the person is offered undo; one stopped before anything was applied says so.
   */
  function stoppedApply(fixId: string | null, hash: string): FixApplyView {
    if (fixId !== null) {
      deps.journal.mark(fixId, 'unverified', 'the check did not finish')
      return { kind: 'unverified', fixId, message: t('verifyStopped', { seconds: seconds() }) }
    }
    return { kind: 'failed', fixId: recordOf(hash)?.entry.id ?? null, message: t('fixStopped') }
  }

  async function verify(check: Check, id: string, hash: string, entry: Pending): Promise<FixApplyView> {
    const done = await deps.work.run({
      kind: 'verify',
      checkId: check.id,
      fixId: id,
      plan: entry.plan,
      choices: entry.choices,
      timeoutMs: deps.timeoutMs(),
    })
    return done.kind === 'answer' ? done.answer : stoppedApply(id, hash)
  }

  async function applyAsAdmin(check: Check, hash: string, entry: Pending): Promise<FixApplyView> {
    if (!deps.elevator) return { kind: 'refused', message: t('noHelper', { check: check.id }) }
    const saved = savePlanFile(deps.journal.folder, entry.plan)
    let outcome
    try {
      outcome = await deps.elevator.run({ file: saved.file, sha256: saved.hash, uid: deps.uid })
    } finally {
      fs.rmSync(saved.file, { force: true })
    }
    switch (outcome) {
      case 'done': {
        const record = recordOf(hash)
        return record ? verify(check, record.entry.id, hash, entry) : { kind: 'failed', fixId: null, message: t('adminFailed') }
      }
      case 'cancelled':
        return { kind: 'refused', message: t('adminCancelled') }
      case 'refused':
        return { kind: 'refused', message: t('adminRefused') }
      case 'changed':
        return { kind: 'refused', message: t('adminChanged') }
      case 'failed-part-way':
        return { kind: 'failed', fixId: recordOf(hash)?.entry.id ?? null, message: t('adminPartWay') }
      case 'failed':
        return { kind: 'failed', fixId: recordOf(hash)?.entry.id ?? null, message: t('adminFailed') }
    }
  }

  const recordView = (r: FixRecord): FixRecordView => ({
    id: r.entry.id,
    checkId: r.entry.plan.checkId,
    createdAt: r.entry.createdAt,
    state: r.state,
    stateText: fixStateWord(r.state),
    titles: r.entry.plan.offers.map((o) => o.title),
    paths: r.entry.plan.ops.map((op) => op.path),
    needsAdmin: needsAdmin(r.entry.plan),
  })

  return {
    /** The offers for what the check finds now (none when it has no fix or finds nothing to fix). */
    async offers(request: FixOffersRequest): Promise<Result<FixOffersView>> {
      const check = find(request.id)
      if (!check) return err('unknown_check', `No check with id ${request.id}.`)
      if (!check.fixes) return ok({ offers: [], choices: [] })
      const done = await deps.work.run({ kind: 'offers', checkId: check.id, timeoutMs: deps.timeoutMs() })
      if (done.kind === 'stopped') return err('check_stopped', `The check ${check.id} did not finish within ${seconds()} seconds.`)
      const { offers } = done.answer
      const choices = offers.length === 0 ? [] : Object.entries(check.fixes.choices ?? {})
      return ok({
        offers,
        choices: choices.map(([name, c]) => ({ name, label: c.label, values: [...c.values], value: c.default })),
      })
    },

    /** Reads the machine and plans the chosen offers; the plan stays here, the renderer gets its preview and hash. */
    async preview(request: PreviewFixRequest): Promise<Result<FixPreviewView>> {
      const check = find(request.id)
      if (!check?.fixes) return err('unknown_check', `No fix for ${request.id}.`)
      const choices = check.fixes.choices ?? {}
      for (const [name, value] of Object.entries(request.choices)) {
        if (!choices[name]?.values.includes(value)) return err('bad_request', `The fix for ${check.id} has no choice ${name}=${value}.`)
      }
      const done = await deps.work.run({
        kind: 'plan',
        checkId: check.id,
        offers: request.offers,
        choices: request.choices,
        uid: deps.uid,
        timeoutMs: deps.timeoutMs(),
      })
      if (done.kind === 'stopped') return ok({ kind: 'nothing', reason: t('planStopped', { seconds: seconds() }) })
      const planned = done.answer
      if (planned.kind === 'nothing') return ok(planned)
      const { plan, preview } = planned
      // The hash the person confirms must be that of the plan kept here, as it came through validation.
      const hash = planHash(plan)
      if (preview.hash !== hash) return err('internal', 'The plan read back from the fix thread is not the one it previewed.')
      remember(hash, { checkId: check.id, plan, choices: request.choices })
      return ok({
        kind: 'ready',
        hash,
        heading: preview.heading,
        offers: preview.offers,
        changes: preview.changes.map(({ line, diff }) => ({ line, diff })),
        admin: preview.admin,
        needsAdmin: elevated(plan),
      })
    },

    /** Applies the previewed plan with this hash, and no other; then the check runs again. */
    async apply(request: ApplyFixRequest): Promise<Result<FixApplyView>> {
      const entry = pending.get(request.hash)
      const check = find(request.id)
      if (!entry || !check || entry.checkId !== request.id) return ok({ kind: 'refused', message: t('stalePreview') })
      pending.delete(request.hash)
      if (elevated(entry.plan)) return ok(await applyAsAdmin(check, request.hash, entry))
      const done = await deps.work.run({
        kind: 'apply',
        checkId: check.id,
        plan: entry.plan,
        choices: entry.choices,
        timeoutMs: deps.timeoutMs(),
      })
      return ok(done.kind === 'answer' ? done.answer : stoppedApply(done.fixId, request.hash))
    },

    list(): FixListView {
      const { records, damaged } = deps.journal.list()
      return {
        folder: deps.journal.folder,
        fixes: [...records].reverse().map(recordView),
        damaged: damaged.map((d): Msg => fixText('journalDamaged', { file: d.file, reason: d.reason })),
      }
    },

    async undo(request: UndoFixRequest): Promise<Result<FixUndoView>> {
      const { records } = deps.journal.list()
      const record = records.find((r) => r.entry.id === request.id)
      if (!record) return ok({ kind: 'refused', message: t('unknownFix'), canForce: false })
      if (record.state === 'undone') return ok({ kind: 'undone', message: t('alreadyUndone') })
      if (elevated(record.entry.plan)) {
        if (!deps.elevator) return ok({ kind: 'refused', message: t('noHelper', { check: record.entry.plan.checkId }), canForce: false })
        const outcome = await deps.elevator.run({
          file: record.file,
          sha256: record.entry.hash,
          uid: deps.uid,
          undo: true,
          force: request.force,
        })
        switch (outcome) {
          case 'done':
            return ok({ kind: 'undone', message: t('undone') })
          case 'cancelled':
            return ok({ kind: 'refused', message: t('adminCancelled'), canForce: false })
          case 'changed':
            return ok({ kind: 'refused', message: t('undoChangedAdmin'), canForce: true })
          case 'refused':
            return ok({ kind: 'refused', message: t('undoAdminRefused'), canForce: false })
          case 'failed-part-way':
          case 'failed':
            return ok({ kind: 'failed', message: t('adminFailed') })
        }
      }
      const done = await deps.work.run({ kind: 'undo', fixId: record.entry.id, force: request.force })
      return ok(done.kind === 'answer' ? done.answer : { kind: 'failed', message: t('undoStopped') })
    },

    /** Forget everything: the fix records and their backups go too (the renderer warned that undo goes with them). */
    forget(): void {
      pending.clear()
      fs.rmSync(deps.journal.folder, { recursive: true, force: true })
    },
  }
}

export type FixService = ReturnType<typeof createFixService>
