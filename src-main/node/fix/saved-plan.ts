/**
 * The administrator helper's ground: the app saves the plan a person confirmed, and the helper (run through the
 * OS's own administrator prompt) applies that file only if it is the person's own, nobody else could have changed
 * it, and its bytes hash to the value they confirmed. Undo works the same way on the fix's journal entry. Nothing
 * here runs a command: the helper changes the machine only through the writer port.
 */
import fs from 'node:fs'
import path from 'node:path'
import { canonicalJson, planHash, sha256Hex, type FixPlan } from '../../../checks/core/fix/model.js'
import { failed, ok, type Result } from '../../../checks/core/host/result.js'
import { writeViaNewFileSync } from '../safe-write.js'
import { applyPlan, undoFix, type ApplyResult, type UndoResult } from './apply.js'
import { openFixJournal, planSchema, type FixJournal } from './journal.js'
import type { FixWriter } from './writer.js'

/** Saved plans wait in the journal's folder: `<store>/fixes/plans/<hash>.plan.json`. */
export const PLANS_FOLDER = 'plans'
const PLAN_FILE = /^([0-9a-f]{64})\.plan\.json$/
const ENTRY_FILE = /^[\w.-]+\.fix\.json$/
export const SHA256_HEX = /^[0-9a-f]{64}$/

/** A journal entry is capped at 16 MiB (journal.ts); a saved plan is no larger. */
const MAX_SAVED_BYTES = 16 * 1024 * 1024

// O_NOFOLLOW and O_NONBLOCK do not exist on Windows; there the checks below rest on lstat and the owner check is skipped.
const READ_NOFOLLOW = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0)

/**
 * Writes the plan as its canonical JSON, so the file's sha256 is the plan's hash: the helper checks one
 * against the other before it reads anything else.
 */
export function savePlanFile(journalFolder: string, plan: FixPlan): { file: string; hash: string } {
  const folder = path.join(journalFolder, PLANS_FOLDER)
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 })
  const hash = planHash(plan)
  const file = path.join(folder, `${hash}.plan.json`)
  writeViaNewFileSync(file, canonicalJson(plan), { mode: 0o600, syncFolder: true })
  return { file, hash }
}

/** Why a saved file is refused, each said plainly by the helper and mapped by the app. */
export type SavedFileProblem =
  | { kind: 'missing' }
  | { kind: 'symlink' }
  | { kind: 'not-regular' }
  | { kind: 'writable-by-others'; mode: number }
  | { kind: 'foreign-owner'; uid: number }
  | { kind: 'not-saved-here' }
  | { kind: 'too-large' }
  | { kind: 'hash'; found: string }
  | { kind: 'damaged'; reason: string }

interface Opened {
  bytes: Uint8Array
  uid: number
  gid: number
}

/** An owner whose files the helper trusts: root, or the person who asked. */
const trusted = (uid: number, invokingUid: number | null): boolean => uid === 0 || (invokingUid !== null && uid === invokingUid)

/**
 * Reads a file the helper will act on: never through a link, never a FIFO or device, never one that someone
 * other than its owner can write, never one owned by anyone but root or the person who asked; and the folder it
 * lies in must be theirs too (a folder others can write lets them swap the file in after every check).
 */
function readTrusted(file: string, invokingUid: number | null): Result<Opened, SavedFileProblem> {
  const st = fs.lstatSync(file, { throwIfNoEntry: false })
  if (!st) return failed({ kind: 'missing' })
  if (st.isSymbolicLink()) return failed({ kind: 'symlink' })
  if (!st.isFile()) return failed({ kind: 'not-regular' })
  const folder = fs.lstatSync(path.dirname(file), { throwIfNoEntry: false })
  if (!folder?.isDirectory()) return failed({ kind: 'not-saved-here' })
  const posix = process.platform !== 'win32'
  if (posix && (folder.mode & 0o022) !== 0) return failed({ kind: 'writable-by-others', mode: folder.mode & 0o7777 })
  if (posix && !trusted(folder.uid, invokingUid)) return failed({ kind: 'foreign-owner', uid: folder.uid })
  const fd = fs.openSync(file, READ_NOFOLLOW)
  try {
    const opened = fs.fstatSync(fd)
    // Checked on the opened file itself: the name may have been swapped since lstat.
    if (!opened.isFile()) return failed({ kind: 'not-regular' })
    if (posix && (opened.mode & 0o022) !== 0) return failed({ kind: 'writable-by-others', mode: opened.mode & 0o7777 })
    if (posix && !trusted(opened.uid, invokingUid)) return failed({ kind: 'foreign-owner', uid: opened.uid })
    if (opened.size > MAX_SAVED_BYTES) return failed({ kind: 'too-large' })
    return ok({ bytes: new Uint8Array(fs.readFileSync(fd)), uid: opened.uid, gid: opened.gid })
  } finally {
    fs.closeSync(fd)
  }
}

export interface HelperRequest {
  /** A saved plan (`…/fixes/plans/<hash>.plan.json`), or with `undo` a journal entry (`…/fixes/<id>.fix.json`). */
  file: string
  /** What the person confirmed: the plan's hash (for undo, the hash the entry records). */
  sha256: string
  /** The user who asked (the app passes its own uid; pkexec and sudo say it too, and they must agree). */
  invokingUid: number | null
  undo?: boolean
  force?: boolean
}

export type HelperOutcome =
  | { kind: 'refused'; problem: SavedFileProblem }
  | { kind: 'applied'; result: ApplyResult }
  | { kind: 'undone'; result: UndoResult }
  | { kind: 'unknown-fix' }

/** The journal a saved file belongs to: the `fixes` folder it lies in (a plan lies one folder deeper). */
function journalFolderOf(file: string, undo: boolean): string | null {
  const dir = path.dirname(file)
  const name = path.basename(file)
  if (undo) return ENTRY_FILE.test(name) ? dir : null
  if (!PLAN_FILE.test(name) || path.basename(dir) !== PLANS_FOLDER) return null
  return path.dirname(dir)
}

/** Opens the journal the file belongs to, writing as its owner so the person's app can read and extend it. */
function journalFor(folder: string, owner: { uid: number; gid: number }, invokingUid: number | null): Result<FixJournal, SavedFileProblem> {
  const st = fs.lstatSync(folder, { throwIfNoEntry: false })
  if (!st?.isDirectory() || path.basename(folder) !== 'fixes') return failed({ kind: 'not-saved-here' })
  if (process.platform !== 'win32') {
    if ((st.mode & 0o022) !== 0) return failed({ kind: 'writable-by-others', mode: st.mode & 0o7777 })
    if (!trusted(st.uid, invokingUid)) return failed({ kind: 'foreign-owner', uid: st.uid })
  }
  return ok(openFixJournal(path.dirname(folder), owner.uid === 0 ? undefined : owner))
}

/** What the helper does with one request: every check first, then the plan (or the undo) through the writer. */
export async function runHelperRequest(request: HelperRequest, writer: FixWriter): Promise<HelperOutcome> {
  const file = path.resolve(request.file)
  const undo = request.undo ?? false
  const folder = journalFolderOf(file, undo)
  if (!folder) return { kind: 'refused', problem: { kind: 'not-saved-here' } }
  const read = readTrusted(file, request.invokingUid)
  if (!read.ok) return { kind: 'refused', problem: read.reason }
  const journal = journalFor(folder, read.value, request.invokingUid)
  if (!journal.ok) return { kind: 'refused', problem: journal.reason }
  if (undo) {
    const { records } = journal.value.list()
    const record = records.find((r) => r.file === file)
    if (!record) return { kind: 'unknown-fix' }
    if (record.entry.hash !== request.sha256) return { kind: 'refused', problem: { kind: 'hash', found: record.entry.hash } }
    return { kind: 'undone', result: await undoFix(record, records, writer, journal.value, { force: request.force ?? false }) }
  }
  const found = sha256Hex(read.value.bytes)
  if (found !== request.sha256) return { kind: 'refused', problem: { kind: 'hash', found } }
  let plan: FixPlan
  try {
    const parsed = planSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.value.bytes)))
    if (!parsed.success) return { kind: 'refused', problem: { kind: 'damaged', reason: parsed.error.issues[0]?.message ?? 'invalid' } }
    plan = parsed.data
  } catch (e) {
    return { kind: 'refused', problem: { kind: 'damaged', reason: e instanceof Error ? e.message : String(e) } }
  }
  // The schema may drop or reorder nothing that counts: the plan applied is exactly the one hashed.
  if (planHash(plan) !== request.sha256) return { kind: 'refused', problem: { kind: 'damaged', reason: 'not in canonical form' } }
  return { kind: 'applied', result: await applyPlan(plan, writer, journal.value) }
}

/** The helper's exit codes, which the app maps to its messages (see README "Fixes"). */
export const HELPER_EXIT = {
  done: 0,
  usage: 2,
  refused: 3,
  failedPartWay: 4,
  changed: 5,
} as const

const APPLY_EXIT: Record<ApplyResult['kind'], number> = {
  applied: HELPER_EXIT.done,
  changed: HELPER_EXIT.changed,
  failed: HELPER_EXIT.failedPartWay,
  // Refused before anything was journalled or written.
  unsupported: HELPER_EXIT.refused,
  unreadable: HELPER_EXIT.refused,
}

const UNDO_EXIT: Record<UndoResult['kind'], number> = {
  undone: HELPER_EXIT.done,
  'already-undone': HELPER_EXIT.done,
  changed: HELPER_EXIT.changed,
  'newer-first': HELPER_EXIT.refused,
  unsupported: HELPER_EXIT.refused,
  unreadable: HELPER_EXIT.refused,
  failed: HELPER_EXIT.failedPartWay,
}

export function helperExitCode(outcome: HelperOutcome): number {
  switch (outcome.kind) {
    case 'refused':
    case 'unknown-fix':
      return HELPER_EXIT.refused
    case 'applied':
      return APPLY_EXIT[outcome.result.kind]
    case 'undone':
      return UNDO_EXIT[outcome.result.kind]
  }
}
