import fs from 'node:fs'
import path from 'node:path'
import { CREATE_NEW, unsafeKind, writeViaNewFileSync } from '../safe-write.js'

/**
 * The store's own file access. Several copies of Bulwark (ten scans started at once, the app and the
 * CLI of another user's sudo) may save at the same moment, and anything in the folder may have been
 * replaced by a link or a FIFO, so: the file is read without following links and without blocking,
 * every save holds a lock file, and a write goes to a new private file that is renamed over the store.
 */

// O_NOFOLLOW and O_NONBLOCK do not exist on Windows; there a FIFO or symlink store is not a threat we can meet.
const READ_NOFOLLOW = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0)

/** What is at a path when it is not a plain file, as the store's notice names it: the store never reads or writes through it. */
function specialKind(stat: fs.Stats): string | null {
  const kind = unsafeKind(stat)
  return kind === 'fifo' ? 'FIFO' : kind
}

export type FileRead =
  { kind: 'absent' } | { kind: 'special'; what: string } | { kind: 'too-large'; size: number } | { kind: 'text'; text: string }

/** Reads a regular file of at most `maxBytes`; a link, FIFO or device is named, never opened or followed. */
export function readRegularFile(file: string, maxBytes: number): FileRead {
  let stat: fs.Stats
  try {
    stat = fs.lstatSync(file)
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return { kind: 'absent' }
    throw e
  }
  const what = specialKind(stat)
  if (what) return { kind: 'special', what }
  if (stat.size > maxBytes) return { kind: 'too-large', size: stat.size }
  // Opened without following and without blocking, then checked again: the name may have been swapped since lstat.
  const fd = fs.openSync(file, READ_NOFOLLOW)
  try {
    const opened = fs.fstatSync(fd)
    const swapped = specialKind(opened)
    if (swapped) return { kind: 'special', what: swapped }
    if (opened.size > maxBytes) return { kind: 'too-large', size: opened.size }
    return { kind: 'text', text: fs.readFileSync(fd, 'utf8') }
  } finally {
    fs.closeSync(fd)
  }
}

/** Writes `data` to `file` through a new 0600 file beside it and a rename: a link at `file` is replaced, never followed. */
export function writePrivateFileSync(file: string, data: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  writeViaNewFileSync(file, data)
}

/** A lock older than this is left from a copy that crashed or hung: no save takes seconds. */
export const STALE_LOCK_MS = 30_000
/** How long a save waits for another copy's lock before it gives up and says so. */
export const LOCK_WAIT_MS = 10_000

/** Another copy held the lock for the whole wait. */
export class StoreBusyError extends Error {
  constructor(
    readonly lockPath: string,
    readonly waitedMs: number,
  ) {
    super(`${lockPath} stayed locked for ${waitedMs} ms`)
    this.name = 'StoreBusyError'
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as { code?: unknown }).code === 'EPERM'
  }
}

/** A lock file is stale when it is not a plain file, unreadable as ours, too old, or its process is gone. */
function isStale(lockPath: string, nowMs: number): boolean {
  let read: FileRead
  try {
    read = readRegularFile(lockPath, 256)
  } catch {
    return false
  }
  if (read.kind === 'absent') return false
  if (read.kind !== 'text') return true
  const match = /^(\d{1,10}) (\d{1,16})$/.exec(read.text.trim())
  if (!match) {
    // A lock being written right now is empty for a moment; only an old unreadable one is stale.
    const stat = fs.lstatSync(lockPath, { throwIfNoEntry: false })
    return !stat || nowMs - stat.mtimeMs > STALE_LOCK_MS
  }
  return nowMs - Number(match[2]) > STALE_LOCK_MS || !pidAlive(Number(match[1]))
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/**
 * Runs `fn` holding `<file>.lock` (created exclusively, holding pid and time). A stale lock is
 * broken; a live one is waited for up to `waitMs`, then StoreBusyError: the caller reports it.
 */
export function withFileLock<T>(file: string, fn: () => T, waitMs: number = LOCK_WAIT_MS): T {
  const lockPath = `${file}.lock`
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  const started = Date.now()
  for (let attempt = 0; ; attempt++) {
    let fd: number | null = null
    try {
      fd = fs.openSync(lockPath, CREATE_NEW, 0o600)
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'EEXIST') throw e
    }
    if (fd !== null) {
      try {
        fs.writeFileSync(fd, `${process.pid} ${Date.now()}\n`)
      } finally {
        fs.closeSync(fd)
      }
      try {
        return fn()
      } finally {
        fs.rmSync(lockPath, { force: true })
      }
    }
    const now = Date.now()
    if (isStale(lockPath, now)) {
      fs.rmSync(lockPath, { force: true })
      continue
    }
    if (now - started >= waitMs) throw new StoreBusyError(lockPath, now - started)
    // Short random waits so ten copies started together do not retry in step.
    sleepSync(5 + Math.floor(Math.random() * 20) + Math.min(attempt, 10) * 5)
  }
}
