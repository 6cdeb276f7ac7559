import { randomBytes } from 'node:crypto'
import { constants, type Stats } from 'node:fs'
import { lstat, open, rename, unlink } from 'node:fs/promises'
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

function unsafeKind(stats: Stats): UnsafeKind | null {
  if (stats.isSymbolicLink()) return 'symlink'
  if (stats.isDirectory()) return 'directory'
  if (stats.isFIFO()) return 'fifo'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device'
  if (stats.isSocket()) return 'socket'
  // Anything else that is not a plain file (a door, a whiteout) is treated like a device.
  return stats.isFile() ? null : 'device'
}

// O_NOFOLLOW does not exist on Windows; there O_EXCL alone refuses an existing name, link or not.
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0)

/**
 * Writes a private file (mode 0600) without ever writing through what is at `path`. The data goes
 * to a new file in the same folder, opened exclusively and without following links, and is then
 * renamed over `path`: a symlink or hard link planted there (by another user of a shared folder,
 * while Bulwark runs as root) is replaced, never written through, and an older file's loose mode
 * does not survive. What is at `path` is only lstat-ed, never opened, so a FIFO cannot block it.
 */
export async function writePrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  const existing = await lstat(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null
    throw e
  })
  const kind = existing ? unsafeKind(existing) : null
  if (kind) throw new UnsafeDestinationError(path, kind)

  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, CREATE_NEW, 0o600)
  try {
    try {
      // The umask can only take bits away from 0600; set it exactly so the mode never depends on it.
      await handle.chmod(0o600)
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (e) {
    await unlink(temp).catch(() => undefined)
    throw e
  }
}
