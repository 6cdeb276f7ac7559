/**
 * The fix writer: the only code that changes the machine for a fix, and never handed to a check. Every
 * write goes to a new file beside the target (synced, owner and mode set), renamed over it, and the folder
 * synced; nothing opens a link, and a mode change is made on the opened file itself, so a link swapped in
 * between cannot redirect it.
 */
import fs from 'node:fs'
import { dirname } from 'node:path'
import { MAX_FIX_FILE_BYTES } from '../../../checks/core/fix/plan.js'
import { sha256Hex, type Snapshot } from '../../../checks/core/fix/model.js'
import { syncFolderSync, unsafeKind, writeViaNewFileSync, type UnsafeKind } from '../safe-write.js'

/** What stands at a path now: a snapshot (without bytes), or something Bulwark never changes. */
export type Found = Snapshot | { kind: 'special'; what: UnsafeKind }

export interface FixWriter {
  /** Reads without following a link: a link, FIFO, socket or device is named, never opened. */
  inspect(path: string): Promise<Found>
  /** The exact bytes of a regular file, for a backup. */
  readBytes(path: string): Promise<Uint8Array>
  writeFile(path: string, bytes: Uint8Array, meta: { mode: number; uid: number; gid: number }): Promise<void>
  setMode(path: string, mode: number): Promise<void>
  remove(path: string): Promise<void>
}

// O_NOFOLLOW and O_NONBLOCK do not exist on Windows; there fixes change no permission bits.
const OPEN_NOFOLLOW = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0)

export class UnsafeTargetError extends Error {
  constructor(
    readonly path: string,
    readonly what: UnsafeKind | 'too-large',
  ) {
    super(`${path}: ${what}`)
    this.name = 'UnsafeTargetError'
  }
}

export interface NodeFixWriterOptions {
  /**
   * Maps a path as the plan names it to the path on this disk. Identity for real use; tests point it into a
   * folder standing in for the root, as the fixture Host does for reads.
   */
  resolve?: (path: string) => string
  /** The user running Bulwark: a file it writes for another owner is given that owner (only root can). */
  uid?: number
}

function withOpened<T>(file: string, fn: (fd: number, stat: fs.Stats) => T): T {
  const fd = fs.openSync(file, OPEN_NOFOLLOW)
  try {
    const stat = fs.fstatSync(fd)
    const what = unsafeKind(stat)
    if (what && what !== 'directory') throw new UnsafeTargetError(file, what)
    return fn(fd, stat)
  } finally {
    fs.closeSync(fd)
  }
}

function readOpened(fd: number, stat: fs.Stats, file: string): Uint8Array {
  if (stat.size > MAX_FIX_FILE_BYTES) throw new UnsafeTargetError(file, 'too-large')
  return new Uint8Array(fs.readFileSync(fd))
}

export function createNodeFixWriter(options: NodeFixWriterOptions = {}): FixWriter {
  const real = options.resolve ?? ((p: string) => p)
  const uid = options.uid ?? (typeof process.getuid === 'function' ? process.getuid() : -1)
  return {
    async inspect(path) {
      const file = real(path)
      const st = fs.lstatSync(file, { throwIfNoEntry: false })
      if (!st) return { kind: 'absent' }
      if (st.isDirectory()) return { kind: 'dir', mode: st.mode & 0o7777, uid: st.uid, gid: st.gid }
      const what = unsafeKind(st)
      if (what) return { kind: 'special', what }
      return withOpened(file, (fd, opened) => ({
        kind: 'file',
        mode: opened.mode & 0o7777,
        uid: opened.uid,
        gid: opened.gid,
        sha256: sha256Hex(readOpened(fd, opened, file)),
      }))
    },
    async readBytes(path) {
      const file = real(path)
      return withOpened(file, (fd, opened) => readOpened(fd, opened, file))
    },
    async writeFile(path, bytes, meta) {
      const file = real(path)
      const st = fs.lstatSync(file, { throwIfNoEntry: false })
      const what = st ? unsafeKind(st) : null
      if (what) throw new UnsafeTargetError(file, what)
      // Only root can give a file away; anyone else writes files they will own, as before.
      const owner = uid === 0 && (meta.uid !== 0 || meta.gid !== 0) ? { uid: meta.uid, gid: meta.gid } : undefined
      writeViaNewFileSync(file, bytes, { mode: meta.mode, ...(owner ? { owner } : {}), syncFolder: true })
    },
    async setMode(path, mode) {
      const file = real(path)
      withOpened(file, (fd) => {
        fs.fchmodSync(fd, mode)
        fs.fsyncSync(fd)
      })
    },
    async remove(path) {
      const file = real(path)
      const st = fs.lstatSync(file, { throwIfNoEntry: false })
      if (!st) return
      const what = unsafeKind(st)
      if (what) throw new UnsafeTargetError(file, what)
      fs.unlinkSync(file)
      syncFolderSync(dirname(file))
    },
  }
}
