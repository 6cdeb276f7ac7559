/**
 * Fixes in the app: main runs the check, turns its offers into a plan, sends the preview, and applies only the
 * plan whose hash the person confirmed; then it runs the check again. A plan that needs an administrator is saved
 * and handed to the helper through the OS's own prompt (elevate.ts); everything else goes through the writer here.
 */
import fs from 'node:fs'
import { t as fixText } from '../../checks/core/fix/messages.js'
import { needsAdmin, type FixPlan } from '../../checks/core/fix/model.js'
import { offersFor, type FixChoices } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { describeDifferences, previewOf } from '../../checks/core/fix/preview.js'
import { verifyFix } from '../../checks/core/fix/verify.js'
import type { Msg } from '../../checks/core/i18n/message.js'
import type { Check, Host } from '../../checks/core/types.js'
import { applyPlan, undoFix } from '../node/fix/apply.js'
import type { FixJournal, FixRecord } from '../node/fix/journal.js'
import { savePlanFile } from '../node/fix/saved-plan.js'
import { fixStateWord } from '../node/fix/words.js'
import type { FixWriter } from '../node/fix/writer.js'
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

export interface FixServiceDeps {
  checks: readonly Check[]
  createHost: () => Host
  writer: FixWriter
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
  const signal = (): AbortSignal => AbortSignal.timeout(deps.timeoutMs())
  const elevated = (plan: FixPlan): boolean => needsAdmin(plan) && deps.uid !== 0

  const remember = (hash: string, entry: Pending): void => {
    pending.delete(hash)
    pending.set(hash, entry)
    while (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value as string)
  }

  async function verify(check: Check, id: string, entry: Pending): Promise<FixApplyView> {
    const verified = await verifyFix(check, deps.createHost(), entry.plan, entry.choices, signal())
    if (verified.remaining.length > 0) {
      deps.journal.mark(id, 'unverified', verified.remaining.join(', '))
      return { kind: 'unverified', fixId: id, message: t('unverified', { summary: verified.outcome.summary }) }
    }
    deps.journal.mark(id, 'verified', verified.outcome.status)
    return { kind: 'verified', fixId: id, message: t('verified', { status: verified.outcome.status }) }
  }

  /** The helper journals the fix itself: its record is the newest with this plan's hash. */
  const recordOf = (hash: string): FixRecord | undefined =>
    [...deps.journal.list().records].reverse().find((r) => r.entry.hash === hash && r.state !== 'undone')

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
        return record ? verify(check, record.entry.id, entry) : { kind: 'failed', fixId: null, message: t('adminFailed') }
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
      const outcome = await check.run(deps.createHost(), signal())
      const offers = offersFor(check.fixes, outcome)
      const choices = offers.length === 0 ? [] : Object.entries(check.fixes.choices ?? {})
      return ok({
        offers: offers.map(({ key, title, protects, mayBreak }) => ({ key, title, protects, mayBreak })),
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
      const host = deps.createHost()
      const outcome = await check.run(host, signal())
      const offered = offersFor(check.fixes, outcome, request.choices)
      const wanted = offered.filter((o) => request.offers.includes(o.key))
      if (wanted.length === 0) {
        return ok({
          kind: 'nothing',
          reason: fixText('nothingToFix', { check: check.title, reason: fixText('notOffered', { status: outcome.status }) }),
        })
      }
      const planned = await planFix(host, check.id, wanted, { uid: deps.uid })
      if (!planned.ok) return ok({ kind: 'nothing', reason: planned.reason })
      if (!planned.value)
        return ok({ kind: 'nothing', reason: fixText('nothingToFix', { check: check.title, reason: fixText('alreadyDone') }) })
      const plan = planned.value
      const preview = previewOf(plan, check.title)
      remember(preview.hash, { checkId: check.id, plan, choices: request.choices })
      return ok({
        kind: 'ready',
        hash: preview.hash,
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
      const applied = await applyPlan(entry.plan, deps.writer, deps.journal)
      switch (applied.kind) {
        case 'applied':
          return ok(await verify(check, applied.id, entry))
        case 'changed':
          return ok({
            kind: 'refused',
            message: fixText('changedSincePreview', { path: applied.path, what: describeDifferences(applied.differences) }),
          })
        case 'failed':
          return ok({ kind: 'failed', fixId: applied.id, message: fixText('writeFailed', { path: applied.path, reason: applied.reason }) })
        default:
          // A change this system cannot make (refused before anything was written).
          return ok({ kind: 'refused', message: t('notSupported') })
      }
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
      const result = await undoFix(record, records, deps.writer, deps.journal, { force: request.force })
      switch (result.kind) {
        case 'undone':
          return ok({ kind: 'undone', message: t('undone') })
        case 'already-undone':
          return ok({ kind: 'undone', message: t('alreadyUndone') })
        case 'changed':
          return ok({
            kind: 'refused',
            message: t('undoChanged', { path: result.path, what: describeDifferences(result.differences) }),
            canForce: true,
          })
        case 'newer-first':
          return ok({ kind: 'refused', message: t('undoNewerFirst', { path: result.path }), canForce: false })
        case 'failed':
          return ok({ kind: 'failed', message: t('undoFailed', { path: result.path, reason: result.reason }) })
      }
    },

    /** Forget everything: the fix records and their backups go too (the renderer warned that undo goes with them). */
    forget(): void {
      pending.clear()
      fs.rmSync(deps.journal.folder, { recursive: true, force: true })
    },
  }
}

export type FixService = ReturnType<typeof createFixService>
