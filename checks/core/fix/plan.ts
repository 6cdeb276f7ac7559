/**
 * Offers → an exact plan, from what is on disk now. Reads go through the read-only Host; every operation
 * records what it found (bytes, mode, owner, or that nothing was there) so its inverse is exact.
 */
import { describeHostError, pathsFor } from '../host/helpers.js'
import type { FileStat, Host } from '../host/host.js'
import { isHostError } from '../host/host.js'
import { failed, ok, type Result } from '../host/result.js'
import type { Msg } from '../i18n/message.js'
import { fromBase64, SERVICE_UNIT, settingName, sha256Hex, toBase64, type FixOp, type FixPlan, type Snapshot } from './model.js'
import { readSettingValue, settingNeedsAdmin, settingProblem } from './settings.js'
import type { FixChange, FixOffer } from './offer.js'
import { t } from './messages.js'

/** Files a fix rewrites are configuration files: anything larger is not one Bulwark should rewrite. */
export const MAX_FIX_FILE_BYTES = 4 * 1024 * 1024

export interface PlanContext {
  /** The user Bulwark runs as (null where the OS has no uids): a path someone else owns needs an administrator. */
  uid: number | null
}

type Read = { stat: FileStat | null; bytes?: Uint8Array }

async function lstatOrNull(host: Host, path: string): Promise<Result<FileStat | null>> {
  try {
    return ok(await host.lstat(path))
  } catch (e) {
    if (isHostError(e, 'not_found')) return ok(null)
    return failed(t('cannotRead', { path, reason: describeHostError(e, path) }))
  }
}

/** What is at a path: nothing, a folder, or a file with its bytes (even for a mode change, so undo can tell an edit). */
async function readTarget(host: Host, path: string): Promise<Result<Read>> {
  const st = await lstatOrNull(host, path)
  if (!st.ok) return st
  if (st.value === null) return ok({ stat: null })
  if (st.value.kind === 'symlink') return failed(t('isSymlink', { path }))
  if (st.value.kind === 'other') return failed(t('notRegular', { path }))
  if (st.value.kind === 'dir') return ok({ stat: st.value })
  try {
    return ok({ stat: st.value, bytes: await host.readFile(path, { maxBytes: MAX_FIX_FILE_BYTES }) })
  } catch (e) {
    return failed(t('cannotRead', { path, reason: describeHostError(e, path) }))
  }
}

function snapshotOf(read: Read, keepBytes: boolean): Snapshot {
  const st = read.stat
  if (!st) return { kind: 'absent' }
  if (st.kind === 'dir') return { kind: 'dir', mode: st.mode & 0o7777, uid: st.uid, gid: st.gid }
  const bytes = read.bytes ?? new Uint8Array()
  return {
    kind: 'file',
    mode: st.mode & 0o7777,
    uid: st.uid,
    gid: st.gid,
    sha256: sha256Hex(bytes),
    ...(keepBytes ? { bytes: toBase64(bytes) } : {}),
  }
}

const adminFor = (ctx: PlanContext, ownerUid: number): boolean => ctx.uid !== null && ctx.uid !== 0 && ownerUid !== ctx.uid

/** A setting's op, from its value now: nothing when it already has the value (set, or as its default). */
async function planSetting(host: Host, change: Extract<FixChange, { kind: 'set' }>): Promise<Result<FixOp | null>> {
  const before = await readSettingValue(host, change.setting)
  if (!before.ok) return before
  const now = before.value
  const effective = now.kind === 'value' ? now.value : now.shown
  if (effective === change.value || (effective !== undefined && change.keep?.(effective) === true)) return ok(null)
  const after = { kind: 'value' as const, value: change.value }
  // The writer would refuse to put this value back (a quote in a registry string): refused now, before any change.
  if (settingProblem(change.setting, now) !== null || settingProblem(change.setting, after) !== null) {
    return failed(t('settingRefused', { name: settingName(change.setting) }))
  }
  return ok({
    op: 'setting',
    path: settingName(change.setting),
    setting: change.setting,
    before: now,
    after,
    needsAdmin: settingNeedsAdmin(change.setting),
  })
}

/** How many missing folders a new file may need (/etc/chromium/policies/managed where only /etc exists). */
const MAX_NEW_FOLDERS = 3
/** Folders a fix creates: readable by all, writable by their owner, as the programs that read them make them. */
const NEW_FOLDER_MODE = 0o755

/** A new file's folders: the nearest that exists (its owner owns what is made), and those to create, outermost first. */
async function foldersFor(host: Host, path: string): Promise<Result<{ owner: FileStat; missing: string[] }>> {
  const paths = pathsFor(host.platform)
  const missing: string[] = []
  for (let dir = paths.dirname(path); missing.length <= MAX_NEW_FOLDERS; dir = paths.dirname(dir)) {
    const st = await lstatOrNull(host, dir)
    if (!st.ok) return st
    if (st.value) return st.value.kind === 'dir' ? ok({ owner: st.value, missing }) : failed(t('notRegular', { path: dir }))
    missing.unshift(dir)
    if (paths.dirname(dir) === dir) break
  }
  return failed(t('notRegular', { path }))
}

/** The folders a new file needs, each an op from nothing to a folder, unless the plan already makes it. */
async function folderOps(host: Host, op: FixOp, planned: readonly FixOp[], ctx: PlanContext): Promise<Result<FixOp[]>> {
  if (op.op !== 'write' || op.before.kind !== 'absent') return ok([])
  const folders = await foldersFor(host, op.path)
  if (!folders.ok) return folders
  const { uid, gid } = folders.value.owner
  return ok(
    folders.value.missing
      .filter((dir) => !planned.some((p) => p.path === dir))
      .map((dir) => ({
        op: 'write' as const,
        path: dir,
        before: { kind: 'absent' as const },
        after: { kind: 'dir' as const, mode: NEW_FOLDER_MODE, uid, gid },
        needsAdmin: adminFor(ctx, uid),
      })),
  )
}

async function planChange(host: Host, change: FixChange, ctx: PlanContext): Promise<Result<FixOp | null>> {
  if (change.kind === 'set') return planSetting(host, change)
  const read = await readTarget(host, change.path)
  if (!read.ok) return read
  const { stat } = read.value
  if (change.kind === 'restrict-mode') {
    if (!stat) return ok(null)
    const before = snapshotOf(read.value, false)
    if (before.kind === 'absent') return ok(null)
    const mode = before.mode & change.keep
    if (mode === before.mode) return ok(null)
    return ok({ op: 'mode', path: change.path, before, after: { ...before, mode }, needsAdmin: adminFor(ctx, before.uid) })
  }
  if (stat?.kind === 'dir') return failed(t('notRegular', { path: change.path }))
  let oldText: string | null = null
  if (read.value.bytes) {
    try {
      oldText = new TextDecoder('utf-8', { fatal: true }).decode(read.value.bytes)
    } catch {
      return failed(t('notText', { path: change.path }))
    }
  }
  const edited = change.edit(oldText)
  if (!edited.ok) return edited
  if (edited.value === oldText) return ok(null)
  const bytes = new TextEncoder().encode(edited.value)
  let owner: { uid: number; gid: number }
  let mode: number
  if (stat) {
    owner = stat
    mode = stat.mode & 0o7777
  } else {
    // A new file belongs to whoever owns its folder, so a fix run with sudo leaves no root-owned file in a home.
    const folders = await foldersFor(host, change.path)
    if (!folders.ok) return folders
    owner = folders.value.owner
    mode = change.createMode
  }
  return ok({
    op: 'write',
    path: change.path,
    before: snapshotOf(read.value, true),
    after: { kind: 'file', mode, uid: owner.uid, gid: owner.gid, sha256: sha256Hex(bytes), bytes: toBase64(bytes) },
    needsAdmin: adminFor(ctx, owner.uid),
  })
}

/** The process id a lock link ends in; null where the link cannot be read or names none (then any holder counts). */
async function linkPid(host: Host, path: string): Promise<number | null> {
  const text = await host.readLink(path).catch(() => '')
  const pid = Number(/(?:^|\D)(\d{1,10})$/.exec(text)?.[1])
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null
}

/** A blocker present (a lock file, while its program runs) refuses the whole plan with its reason. */
async function blockerOf(host: Host, offer: FixOffer): Promise<Msg | null> {
  for (const b of offer.blockers ?? []) {
    const st = await lstatOrNull(host, b.path)
    if (st.ok && st.value === null) continue
    if (!b.whileRunning) return b.reason
    const names = new Set(b.whileRunning)
    const holder = b.linkEndsInPid && st.ok && st.value?.kind === 'symlink' ? await linkPid(host, b.path) : null
    // A process list that cannot be read counts as running: the safe reading.
    const running = await host.sysinfo.processes().then(
      (list) => list.some((p) => names.has(p.name) && (holder === null || p.pid === holder)),
      () => true,
    )
    if (running) return b.reason
  }
  return null
}

/**
 * A second edit of a file the plan already writes (two Flatpak grants of one app): it edits the text the plan
 * will write, so the file is written once, from what was read, and its backup stays the bytes found on disk.
 */
function editAgain(op: FixOp, change: Extract<FixChange, { kind: 'edit-text' }>): Result<boolean> {
  if (op.op !== 'write' || op.after.kind !== 'file') return ok(false)
  const text = new TextDecoder('utf-8').decode(fromBase64(op.after.bytes ?? ''))
  const edited = change.edit(text)
  if (!edited.ok) return edited
  if (edited.value === text) return ok(false)
  const bytes = new TextEncoder().encode(edited.value)
  op.after = { ...op.after, sha256: sha256Hex(bytes), bytes: toBase64(bytes) }
  return ok(true)
}

/** Why a program refused: its first warning or error line (the cause; later ones repeat it), else its last line. */
function lastWords(out: { stdout: string; stderr: string }): string {
  const lines = `${out.stdout}\n${out.stderr}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
  return (lines.find((l) => /\b(warn|warning|err|error)\b/i.test(l)) ?? lines.at(-1) ?? '').slice(0, 300)
}

/** The offer's own program (`tor --verify-config`) must accept the change, or nothing is planned. */
async function refusalOf(host: Host, offer: FixOffer): Promise<Msg | null> {
  if (!offer.accepts) return null
  const { file, args } = offer.accepts
  const command = [file, ...args].join(' ')
  try {
    const run = await host.exec(file, args, { timeoutMs: 30000, maxBytes: 256 * 1024 })
    return run.code === 0 ? null : t('notAccepted', { command, said: lastWords(run) || `exit ${String(run.code)}` })
  } catch (e) {
    return t('notAccepted', { command, said: describeHostError(e, file) })
  }
}

/** Every offer's changes as one plan, in order; null when nothing needs changing. */
export async function planFix(host: Host, checkId: string, offers: readonly FixOffer[], ctx: PlanContext): Promise<Result<FixPlan | null>> {
  const ops: FixOp[] = []
  const units = new Set<string>()
  for (const offer of offers) {
    const blocked = await blockerOf(host, offer)
    if (blocked) return failed(t('blocked', { reason: blocked }))
    const own: FixOp[] = []
    let changed = false
    for (const change of offer.changes) {
      const planned = change.kind === 'edit-text' ? [...ops, ...own].find((o) => o.op === 'write' && o.path === change.path) : undefined
      if (planned && change.kind === 'edit-text') {
        const again = editAgain(planned, change)
        if (!again.ok) return again
        changed ||= again.value
        continue
      }
      const op = await planChange(host, change, ctx)
      if (!op.ok) return op
      if (!op.value) continue
      const folders = await folderOps(host, op.value, [...ops, ...own], ctx)
      if (!folders.ok) return folders
      own.push(...folders.value, op.value)
    }
    if (own.length === 0 && !changed) continue
    // Planned by someone who must run it again as an administrator: the program judges it then, as that user
    // (tor refuses a DataDirectory that is not its user's, which says nothing about the change).
    const refused = own.some((op) => op.needsAdmin) ? null : await refusalOf(host, offer)
    if (refused) return failed(refused)
    ops.push(...own)
    for (const unit of offer.restarts ?? []) if (SERVICE_UNIT.test(unit)) units.add(unit)
  }
  if (ops.length === 0) return ok(null)
  const needsAdmin = ctx.uid !== null && ctx.uid !== 0
  return ok({
    version: 1,
    checkId,
    offers: offers.map(({ key, title, protects, mayBreak }) => ({ key, title, protects, mayBreak })),
    ops,
    ...(units.size > 0 ? { restarts: [...units].map((unit) => ({ unit, needsAdmin })) } : {}),
  })
}
