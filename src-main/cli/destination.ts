import { constants } from 'node:fs'
import { access, lstat, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { unsafeKind, type UnsafeKind } from '../node/safe-write.js'

/** Why a report cannot go to the name given, as data: the CLI says it in the user's language. */
export type DestinationProblem =
  | { kind: 'unsafe'; what: UnsafeKind }
  | { kind: 'no-folder'; folder: string }
  | { kind: 'not-a-folder'; folder: string }
  | { kind: 'folder-not-writable'; folder: string }
  | { kind: 'read-only'; folder: string }
  | { kind: 'disk-full' }
  | { kind: 'other'; reason: string }

/** A name a report can be written to, the null device (the report is thrown away), or why not. */
export type Destination = { kind: 'file' } | { kind: 'discard' } | { kind: 'problem'; problem: DestinationProblem }

const code = (e: unknown): string | undefined => {
  const c = (e as { code?: unknown } | null)?.code
  return typeof c === 'string' ? c : undefined
}

/**
 * `--out /dev/null` (NUL on Windows) is how a script says "throw the report away": it is honoured by
 * writing nothing, never by renaming a file over the device, which as root would replace /dev/null itself.
 */
export function isNullDevice(path: string, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'win32') return /^(\\\\[.?]\\)?nul$/i.test(path)
  return resolve(path) === '/dev/null'
}

/** What an error from creating or renaming a file in `folder` means for the person. */
export function problemOfError(e: unknown, folder: string): DestinationProblem {
  switch (code(e)) {
    case 'ENOENT':
      return { kind: 'no-folder', folder }
    case 'ENOTDIR':
      return { kind: 'not-a-folder', folder }
    case 'EACCES':
    case 'EPERM':
      return { kind: 'folder-not-writable', folder }
    case 'EROFS':
      return { kind: 'read-only', folder }
    case 'ENOSPC':
    case 'EDQUOT':
      return { kind: 'disk-full' }
    case 'EISDIR':
      return { kind: 'unsafe', what: 'directory' }
    default:
      return { kind: 'other', reason: e instanceof Error ? e.message : String(e) }
  }
}

/**
 * Looks at where a report would go before the scan runs, so a typo in the folder is said at once and
 * not after a minute of scanning. Only lstat, stat and access: nothing is opened or created here.
 */
export async function examineDestination(path: string): Promise<Destination> {
  if (isNullDevice(path)) return { kind: 'discard' }
  const folder = dirname(resolve(path))
  try {
    const kind = unsafeKind(await lstat(path))
    if (kind) return { kind: 'problem', problem: { kind: 'unsafe', what: kind } }
  } catch (e) {
    if (code(e) !== 'ENOENT') return { kind: 'problem', problem: problemOfError(e, folder) }
  }
  try {
    if (!(await stat(folder)).isDirectory()) return { kind: 'problem', problem: { kind: 'not-a-folder', folder } }
    // The report is written to a new file beside the name and renamed over it: the folder must take new files.
    await access(folder, constants.W_OK | constants.X_OK)
  } catch (e) {
    return { kind: 'problem', problem: problemOfError(e, folder) }
  }
  return { kind: 'file' }
}
