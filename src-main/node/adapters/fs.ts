import { constants as fsc, promises as fsp, type Stats } from 'node:fs'
import { HostError, type DirEntry, type FileKind, type FileStat, type ReadOptions } from '../../../checks/core/host/host.js'
import { decodeNative, encodeNative, hasEscapedBytes } from '../../../checks/core/host/native-names.js'

export const DEFAULT_MAX_READ_BYTES = 4 * 1024 * 1024

export function toHostError(e: unknown, target: string): HostError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new HostError('not_found', target)
    case 'EACCES':
    case 'EPERM':
      return new HostError('permission_denied', target)
    case 'ELOOP':
      return new HostError('loop', target)
    // ENXIO: open(2) on a Unix socket; there is no file to read.
    case 'EISDIR':
    case 'ENXIO':
      return new HostError('not_a_file', target)
    default:
      return new HostError('io', target, e instanceof Error ? e.message : String(e))
  }
}

/** A path as the OS takes it: bytes when it names something whose name is not UTF-8 (see native-names.ts). */
export function nativePath(path: string): string | Buffer {
  return hasEscapedBytes(path) ? Buffer.from(encodeNative(path)) : path
}

function kindOf(st: Stats): FileKind {
  if (st.isFile()) return 'file'
  if (st.isDirectory()) return 'dir'
  if (st.isSymbolicLink()) return 'symlink'
  return 'other'
}

function toFileStat(st: Stats): FileStat {
  return { kind: kindOf(st), size: st.size, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtimeMs: st.mtimeMs }
}

export async function statPath(file: string, follow: boolean): Promise<FileStat> {
  try {
    const path = nativePath(file)
    return toFileStat(follow ? await fsp.stat(path) : await fsp.lstat(path))
  } catch (e) {
    throw toHostError(e, file)
  }
}

export async function readLinkPath(file: string): Promise<string> {
  try {
    return decodeNative(await fsp.readlink(nativePath(file), { encoding: 'buffer' }))
  } catch (e) {
    // readlink(2) answers EINVAL for a path that is not a symbolic link.
    throw (e as NodeJS.ErrnoException | undefined)?.code === 'EINVAL' ? new HostError('not_a_file', file) : toHostError(e, file)
  }
}

/**
 * Opening a FIFO for reading waits for a writer, forever holding one of the few threads every file
 * read shares. Non-blocking, the open returns at once and the kind check below turns it away; regular
 * files ignore the flag. Windows has no such flag and no FIFOs in the file system.
 */
const OPEN_FLAGS = fsc.O_NONBLOCK === undefined ? fsc.O_RDONLY : fsc.O_RDONLY | fsc.O_NONBLOCK

/**
 * Reads a whole regular file, refusing anything over the cap before reading it, and reading at most
 * cap+1 bytes so a file that grows (or a /proc file that lies about its size) cannot exhaust memory.
 * Anything but a regular file (a folder, FIFO, socket or device) is refused as not_a_file.
 */
export async function readCapped(file: string, options: ReadOptions = {}): Promise<Uint8Array> {
  const cap = options.maxBytes ?? DEFAULT_MAX_READ_BYTES
  let handle: fsp.FileHandle | undefined
  try {
    handle = await fsp.open(nativePath(file), OPEN_FLAGS)
    const st = await handle.stat()
    if (!st.isFile()) throw new HostError('not_a_file', file)
    if (st.size > cap) throw new HostError('too_large', file, `${st.size} bytes, limit ${cap}`)
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const buffer = Buffer.alloc(Math.min(64 * 1024, cap + 1 - total))
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) break
      total += bytesRead
      chunks.push(buffer.subarray(0, bytesRead))
      if (total > cap) throw new HostError('too_large', file, `over ${cap} bytes`)
    }
    return new Uint8Array(Buffer.concat(chunks, total))
  } catch (e) {
    throw e instanceof HostError ? e : toHostError(e, file)
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

export async function listDir(dir: string): Promise<DirEntry[]> {
  try {
    // Names as bytes: one that is not UTF-8 would otherwise come back as U+FFFD and name nothing that exists.
    const entries = await fsp.readdir(nativePath(dir), { withFileTypes: true, encoding: 'buffer' })
    return entries.map((d) => ({
      name: decodeNative(d.name),
      kind: d.isFile() ? 'file' : d.isDirectory() ? 'dir' : d.isSymbolicLink() ? 'symlink' : 'other',
    }))
  } catch (e) {
    throw toHostError(e, dir)
  }
}
