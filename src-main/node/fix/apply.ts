/**
 * Applying and undoing a plan through the writer, with the journal written first. Every change checks that
 * the path still holds what the plan read (so a preview is never applied to a file that changed since), and
 * undo checks that it still holds what the fix made (so it never wipes someone's later edit unless told to).
 */
import {
  differences,
  fromBase64,
  settingDifferences,
  inverseOf,
  type Difference,
  type FixOp,
  type FixPlan,
  type Snapshot,
} from '../../../checks/core/fix/model.js'
import type { FixJournal, FixRecord } from './journal.js'
import type { Found, FixWriter } from './writer.js'

export type ApplyResult =
  | { kind: 'applied'; id: string }
  /** Nothing was changed and nothing journalled: the file is no longer what the preview showed. */
  | { kind: 'changed'; path: string; differences: Difference[] }
  /** Nothing was changed and nothing journalled: this writer cannot change that setting on this system. */
  | { kind: 'unsupported'; path: string }
  /** Nothing was changed and nothing journalled: what stands at the path could not be read to compare with the preview. */
  | { kind: 'unreadable'; path: string; reason: string }
  /** A write failed part-way: the journal holds the entry, and undo puts back what was changed. */
  | { kind: 'failed'; id: string; path: string; reason: string }

export type UndoResult =
  | { kind: 'undone'; id: string }
  | { kind: 'already-undone'; id: string }
  | { kind: 'changed'; id: string; path: string; differences: Difference[] }
  | { kind: 'newer-first'; id: string; newer: string; path: string }
  /** Nothing was put back: this writer cannot change that setting on this system. */
  | { kind: 'unsupported'; id: string; path: string }
  /** Nothing was put back: what stands at the path could not be read to compare with what the fix left. */
  | { kind: 'unreadable'; id: string; path: string; reason: string }
  | { kind: 'failed'; id: string; path: string; reason: string }

/** A link or special file where a file was: one difference of kind, so it is said like any other. */
export function foundDifferences(expected: Snapshot, found: Found): Difference[] {
  if (found.kind === 'special') return [{ what: 'kind', expected: expected.kind, found: 'special' }]
  return differences(expected, found)
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** Makes what is at `op.path` go from `op.before` to `op.after`. */
async function perform(writer: FixWriter, op: FixOp): Promise<void> {
  if (op.op === 'setting') return writer.writeSetting(op.setting, op.after)
  const to = op.after
  if (to.kind === 'absent') return writer.remove(op.path)
  if (op.op === 'mode') return writer.setMode(op.path, to.mode)
  if (to.kind === 'dir') return writer.makeDir(op.path, to)
  return writer.writeFile(op.path, fromBase64(to.bytes ?? ''), to)
}

/** What differs between the state `op` expects on one side (`before` or `after`) and what stands there now. */
async function differencesAt(writer: FixWriter, op: FixOp, side: 'before' | 'after'): Promise<Difference[]> {
  if (op.op === 'setting') return settingDifferences(op[side], await writer.readSetting(op.setting))
  return foundDifferences(op[side], await writer.inspect(op.path))
}

type Comparison = { kind: 'same' } | { kind: 'changed'; differences: Difference[] } | { kind: 'unreadable'; reason: string }

/**
 * Compares without throwing: a path or setting that cannot be read (a permission, a tool that failed) must stop
 * the fix or undo with its name before anything is written, not escape as an error from the middle of it.
 */
async function compareAt(writer: FixWriter, op: FixOp, side: 'before' | 'after'): Promise<Comparison> {
  try {
    const diffs = await differencesAt(writer, op, side)
    return diffs.length > 0 ? { kind: 'changed', differences: diffs } : { kind: 'same' }
  } catch (e) {
    return { kind: 'unreadable', reason: message(e) }
  }
}

/** The first op whose path no longer holds what it expects, or cannot be read. */
async function firstChanged(writer: FixWriter, ops: readonly FixOp[]): Promise<{ op: FixOp; found: Comparison } | null> {
  for (const op of ops) {
    const found = await compareAt(writer, op, 'before')
    if (found.kind !== 'same') return { op, found }
  }
  return null
}

/** Restarts the plan's services in order; the first that fails, with why. */
async function restartAll(writer: FixWriter, plan: FixPlan): Promise<{ unit: string; reason: string } | null> {
  for (const { unit } of plan.restarts ?? []) {
    try {
      await writer.restartService(unit)
    } catch (e) {
      return { unit, reason: message(e) }
    }
  }
  return null
}

export interface ApplyHooks {
  /** Runs after the journal entry is on disk, before the first change (the app shows progress here). */
  journalled?: (id: string) => void
}

export async function applyPlan(plan: FixPlan, writer: FixWriter, journal: FixJournal, hooks: ApplyHooks = {}): Promise<ApplyResult> {
  const unsupported = plan.ops.find((op) => op.op === 'setting' && !writer.supportsSetting(op.setting))
  if (unsupported) return { kind: 'unsupported', path: unsupported.path }
  const stale = await firstChanged(writer, plan.ops)
  if (stale?.found.kind === 'changed') return { kind: 'changed', path: stale.op.path, differences: stale.found.differences }
  if (stale?.found.kind === 'unreadable') return { kind: 'unreadable', path: stale.op.path, reason: stale.found.reason }
  const { id } = journal.begin(plan)
  hooks.journalled?.(id)
  for (const op of plan.ops) {
    try {
      // Checked again right before each change: another program may have written between two of them.
      const diffs = await differencesAt(writer, op, 'before')
      if (diffs.length > 0) throw new Error(`${op.path} changed while the fix ran`)
      await perform(writer, op)
    } catch (e) {
      journal.mark(id, 'failed', `${op.path}: ${message(e)}`)
      return { kind: 'failed', id, path: op.path, reason: message(e) }
    }
  }
  const restarted = await restartAll(writer, plan)
  if (restarted) {
    journal.mark(id, 'failed', `${restarted.unit}: ${restarted.reason}`)
    return { kind: 'failed', id, path: restarted.unit, reason: restarted.reason }
  }
  journal.mark(id, 'applied')
  return { kind: 'applied', id }
}

export interface UndoOptions {
  /** Put back the saved state even where a file changed since the fix. */
  force?: boolean
}

/** Records still in effect (not undone) that came after `record` and touch one of its paths. */
function newerTouching(record: FixRecord, all: readonly FixRecord[]): { newer: string; path: string } | null {
  // By id: the record may come from an earlier reading of the journal.
  const index = all.findIndex((r) => r.entry.id === record.entry.id)
  const paths = new Set(record.entry.plan.ops.map((op) => op.path))
  for (const later of all.slice(index + 1).reverse()) {
    if (later.state === 'undone') continue
    const shared = later.entry.plan.ops.find((op) => paths.has(op.path))
    if (shared) return { newer: later.entry.id, path: shared.path }
  }
  return null
}

/**
 * Puts back what a fix changed, last change first. A path that still holds what the fix made is restored; one
 * that still holds what it found (the fix stopped before reaching it) is left; anything else is a change made
 * since, which refuses the whole undo unless forced. Nothing is written until every path has been checked.
 */
export async function undoFix(
  record: FixRecord,
  all: readonly FixRecord[],
  writer: FixWriter,
  journal: FixJournal,
  options: UndoOptions = {},
): Promise<UndoResult> {
  const id = record.entry.id
  if (record.state === 'undone') return { kind: 'already-undone', id }
  const newer = newerTouching(record, all)
  if (newer) return { kind: 'newer-first', id, ...newer }
  const unsupported = record.entry.plan.ops.find((op) => op.op === 'setting' && !writer.supportsSetting(op.setting))
  if (unsupported) return { kind: 'unsupported', id, path: unsupported.path }
  const steps: FixOp[] = []
  for (const op of [...record.entry.plan.ops].reverse()) {
    const before = await compareAt(writer, op, 'before')
    if (before.kind === 'same') continue
    const after = before.kind === 'unreadable' ? before : await compareAt(writer, op, 'after')
    if (after.kind === 'unreadable') return { kind: 'unreadable', id, path: op.path, reason: after.reason }
    if (after.kind === 'changed' && !options.force) return { kind: 'changed', id, path: op.path, differences: after.differences }
    steps.push(inverseOf(op))
  }
  for (const step of steps) {
    try {
      await perform(writer, step)
    } catch (e) {
      return { kind: 'failed', id, path: step.path, reason: message(e) }
    }
  }
  // The service read the fixed configuration: it must read the old one again (nothing put back, nothing to reread).
  const restarted = steps.length > 0 ? await restartAll(writer, record.entry.plan) : null
  if (restarted) return { kind: 'failed', id, path: restarted.unit, reason: restarted.reason }
  journal.mark(id, 'undone', options.force ? 'forced' : undefined)
  return { kind: 'undone', id }
}
