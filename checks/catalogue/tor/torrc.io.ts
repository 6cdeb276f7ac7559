import { attempt, pathsFor } from '../../core/host/helpers.js'
import type { HostError, Host } from '../../core/host/host.js'
import { parseTorrc, type TorrcLine, type TorrcProblemCode } from './torrc.parse.js'

/** tor's own limit (confline.h MAX_INCLUDE_RECURSION_LEVEL): deeper nesting makes tor refuse to start. */
export const MAX_INCLUDE_DEPTH = 31
/** Our own cap, so a folder of thousands of files cannot stall a scan. */
const MAX_FILES = 200
/** A torrc is a few KiB; 1 MiB is far beyond any real one and keeps a scan quick. */
const MAX_TORRC_BYTES = 1024 * 1024

export interface LoadedLine extends TorrcLine {
  file: string
}

export type LoadIssue =
  | { kind: 'unreadable'; path: string; error: HostError }
  | { kind: 'cycle'; path: string; from: string }
  | { kind: 'too_deep'; path: string }
  | { kind: 'too_many_files'; path: string }
  | { kind: 'not_text'; path: string }
  | { kind: 'syntax'; path: string; line: number; code: TorrcProblemCode }
  /** A relative path, read from tor's working directory (tor resolves -f and %include from there). */
  | { kind: 'relative_include'; path: string; resolved: string }
  /** A relative path whose base (tor's working directory) is not known here: not read. */
  | { kind: 'relative_unresolved'; path: string; from: string }
  | { kind: 'unsupported_glob'; path: string }
  /** An included path that is missing, a loop or not a regular file: tor itself refuses to start. */
  | { kind: 'missing_include'; path: string; error: HostError }
  /** The torrc is a pipe, socket or device: tor read it once at start; nothing can read it back. */
  | { kind: 'not_regular'; path: string }

export interface LoadOptions {
  /** tor's working directory as a path Bulwark can read (`/proc/PID/cwd`), or null when it is not known. */
  cwd: string | null
  /** The --defaults-torrc file: tor reads one it cannot open as empty. */
  defaults?: boolean
}

/** Why tor takes no settings at all from the root file. */
export type EmptyRoot = 'null_device' | 'folder' | 'missing' | 'not_regular'

export interface LoadedTorrc {
  root: string
  /** Files read, in the order tor reads them. */
  files: string[]
  lines: LoadedLine[]
  issues: LoadIssue[]
  /** Set when the root file itself could not be read (then nothing else was). */
  rootError: HostError | null
  /** Set when tor reads the root as an empty configuration (`-f /dev/null`, a defaults file that is not there). */
  empty: EmptyRoot | null
}

/** The null device: tor reads it as an empty file, and so does Bulwark, without opening it. */
export function isNullDevice(platform: string, p: string): boolean {
  return platform === 'win32' ? /^(?:\\\\[.?]\\)?nul$/i.test(p) : p === '/dev/null'
}

/** A wildcard not escaped with a backslash (tor takes `\*` as a literal star, except on Windows). */
const GLOB = /(?:^|[^\\])[*?[]/

/** The glob as a RegExp, or null when its bracket expression is one JavaScript rejects (`[z-a]`). */
function globToRegExp(pattern: string): RegExp | null {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '\\' && i + 1 < pattern.length) out += (pattern[++i] as string).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    else if (c === '*') out += '.*'
    else if (c === '?') out += '.'
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1)
      if (end < 0) out += '\\['
      else {
        out += `[${pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`
        i = end
      }
    } else out += c.replace(/[.+^${}()|\\/]/g, '\\$&')
  }
  try {
    return new RegExp(`^${out}$`)
  } catch {
    return null
  }
}

/** Reads a torrc and everything it %includes, in tor's order, never throwing. */
export async function loadTorrc(host: Host, root: string, options: LoadOptions): Promise<LoadedTorrc> {
  const paths = pathsFor(host.platform)
  const key = (p: string): string => (host.platform === 'win32' ? paths.normalize(p).toLowerCase() : paths.normalize(p))
  const result: LoadedTorrc = { root, files: [], lines: [], issues: [], rootError: null, empty: null }
  let budget = MAX_FILES

  const sortedNames = (names: string[]): string[] => names.filter((n) => !n.startsWith('.')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

  /** Files in a folder, as tor takes them: no dot files, no subfolders, lexical order. */
  const filesIn = async (dir: string): Promise<string[]> => {
    const listed = await attempt(dir, () => host.readDir(dir))
    if (!listed.ok) {
      result.issues.push({ kind: 'unreadable', path: dir, error: listed.reason })
      return []
    }
    const out: string[] = []
    for (const name of sortedNames(listed.value.map((e) => e.name))) {
      const full = paths.join(dir, name)
      const st = await attempt(full, () => host.stat(full))
      if (!st.ok) result.issues.push({ kind: 'unreadable', path: full, error: st.reason })
      else if (st.value.kind === 'file') out.push(full)
    }
    return out
  }

  const expandInclude = async (target: string): Promise<string[]> => {
    const dir = paths.dirname(target)
    const base = paths.basename(target)
    if (GLOB.test(dir)) {
      result.issues.push({ kind: 'unsupported_glob', path: target })
      return []
    }
    const re = GLOB.test(base) ? globToRegExp(base) : undefined
    if (re === null) {
      result.issues.push({ kind: 'unsupported_glob', path: target })
      return []
    }
    if (re) {
      const listed = await attempt(dir, () => host.readDir(dir))
      if (!listed.ok) {
        result.issues.push({ kind: 'unreadable', path: dir, error: listed.reason })
        return []
      }
      const out: string[] = []
      for (const name of sortedNames(listed.value.map((e) => e.name)).filter((n) => re.test(n))) {
        const full = paths.join(dir, name)
        const st = await attempt(full, () => host.stat(full))
        if (st.ok && st.value.kind === 'dir') out.push(...(await filesIn(full)))
        else out.push(full)
      }
      return out
    }
    const literal = host.platform === 'win32' ? target : paths.join(dir, base.replace(/\\(.)/g, '$1'))
    const st = await attempt(literal, () => host.stat(literal))
    if (st.ok && st.value.kind === 'dir') return filesIn(literal)
    return [literal]
  }

  /** A relative path as tor resolves it: from its working directory, when that is known. */
  const resolve = (target: string, from: string): string | null => {
    if (paths.isAbsolute(target)) return target
    if (options.cwd === null) {
      result.issues.push({ kind: 'relative_unresolved', path: target, from })
      return null
    }
    const resolved = paths.join(options.cwd, target)
    result.issues.push({ kind: 'relative_include', path: target, resolved })
    return resolved
  }

  /**
   * A torrc that is no regular file: tor takes a folder (or, with --ignore-missing-torrc, anything it
   * cannot open) as empty, and ignores such a defaults file; a pipe or device it read once at start.
   */
  const notAFileRoot = async (file: string, error: HostError): Promise<void> => {
    const st = await attempt(file, () => host.stat(file))
    if (st.ok && st.value.kind === 'dir') result.empty = 'folder'
    else if (options.defaults) result.empty = 'not_regular'
    else if (st.ok) result.issues.push({ kind: 'not_regular', path: file })
    else result.rootError = error
  }

  const visit = async (file: string, stack: string[]): Promise<void> => {
    if (budget-- <= 0) {
      result.issues.push({ kind: 'too_many_files', path: file })
      return
    }
    const text = await attempt(file, () => host.readText(file, { maxBytes: MAX_TORRC_BYTES }))
    if (!text.ok) {
      const code = text.reason.code
      if (stack.length > 0) {
        // tor refuses an include it cannot open whoever runs it; only "permission denied" may be ours alone.
        const refused = code === 'not_found' || code === 'not_a_file' || code === 'loop'
        result.issues.push({ kind: refused ? 'missing_include' : 'unreadable', path: file, error: text.reason })
      } else if (code === 'not_a_file') await notAFileRoot(file, text.reason)
      else if (code === 'not_found' && options.defaults) result.empty = 'missing'
      else result.rootError = text.reason
      return
    }
    result.files.push(file)
    const parsed = parseTorrc(text.value)
    if (parsed.binary) {
      result.issues.push({ kind: 'not_text', path: file })
      return
    }
    for (const p of parsed.problems) result.issues.push({ kind: 'syntax', path: file, line: p.line, code: p.code })
    const here = [...stack, key(file)]
    for (const line of parsed.lines) {
      if (line.key !== '%include') {
        result.lines.push({ ...line, file })
        continue
      }
      let target = resolve(line.value, file)
      if (target === null) continue
      // `%include /etc/tor/torrc.d/` names the folder: drop the trailing separator.
      const normal = paths.normalize(target)
      target = normal.length > paths.parse(normal).root.length ? normal.replace(/[\\/]+$/, '') : normal
      for (const included of await expandInclude(target)) {
        if (here.includes(key(included))) {
          result.issues.push({ kind: 'cycle', path: included, from: file })
        } else if (here.length > MAX_INCLUDE_DEPTH) {
          result.issues.push({ kind: 'too_deep', path: included })
        } else {
          await visit(included, here)
        }
      }
    }
  }

  const start = resolve(root, options.defaults ? '--defaults-torrc' : '-f')
  if (start === null) return result
  result.root = start
  if (isNullDevice(host.platform, start)) result.empty = 'null_device'
  else await visit(start, [])
  return result
}
