import { randomBytes } from 'node:crypto'
import { closeSync, constants, fchmodSync, fchownSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs'
import { lstat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** What stands at a destination Bulwark will not write over. */
export type UnsafeKind = 'symlink' | 'directory' | 'fifo' | 'device' | 'socket'

/** The destination is not a regular file: writing there would reach something other than a report file. */
export class UnsafeDestinationError extends Error {
  constructor(
    readonly path: string,
    readonly kind: UnsafeKind,
  ) {
    super(`${path} is a ${kind}, not a regular file: Bulwark writes reports only to regular files`)
    this.name = 'UnsafeDestinationError'
  }
}

/** What stands at a path when it is not a plain file (from lstat or fstat); the store and reports both refuse it. */
export function unsafeKind(stats: Stats): UnsafeKind | null {
  if (stats.isSymbolicLink()) return 'symlink'
  if (stats.isDirectory()) return 'directory'
  if (stats.isFIFO()) return 'fifo'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device'
  if (stats.isSocket()) return 'socket'
  // Anything else that is not a plain file (a door, a whiteout) is treated like a device.
  return stats.isFile() ? null : 'device'
}

// O_NOFOLLOW does not exist on Windows; there O_EXCL alone refuses an existing name, link or not.
export const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0)

/** How the new file is made: its mode (default 0600), an owner to give it, and whether its folder is synced too. */
export interface NewFileOptions {
  mode?: number
  owner?: { uid: number; gid: number }
  /** Sync the folder after the rename, so the new name itself survives a power cut (a fix's write). */
  syncFolder?: boolean
}

/** Flushes a folder's entries (a rename, a new or deleted name) to disk; Windows cannot open a folder for it. */
export function syncFolderSync(folder: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(folder, constants.O_RDONLY)
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Writes `data` to a new file beside `path`, opened exclusively and without following links, with
 * mode exactly 0600 unless told otherwise (the umask can only take bits away), synced, then renamed over
 * `path`: a symlink or hard link there is replaced, never written through, and an older file's loose mode
 * does not survive. Synchronous, so the store can call it while it holds its lock; the files are small.
 */
export function writeViaNewFileSync(path: string, data: string | Uint8Array, options: NewFileOptions = {}): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const mode = options.mode ?? 0o600
  const fd = openSync(temp, CREATE_NEW, 0o600)
  try {
    try {
      // The owner first: chown clears set-id bits, and the mode is the last word.
      if (options.owner) fchownSync(fd, options.owner.uid, options.owner.gid)
      fchmodSync(fd, mode)
      writeFileSync(fd, data)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  }
  if (options.syncFolder) syncFolderSync(dirname(path))
}

/**
 * Writes a private file (mode 0600) without ever writing through what is at `path` (a link another
 * user planted in a shared folder while Bulwark runs as root). What is at `path` is only lstat-ed,
 * never opened, so a FIFO cannot block it; anything but a regular file is refused.
 */
export async function writePrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  const existing = await lstat(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null
    throw e
  })
  const kind = existing ? unsafeKind(existing) : null
  if (kind) throw new UnsafeDestinationError(path, kind)
  writeViaNewFileSync(path, data)
}
