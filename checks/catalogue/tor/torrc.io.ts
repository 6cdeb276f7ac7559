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
  /** tor resolves a relative %include from its working directory; we read it beside the including file. */
  | { kind: 'relative_include'; path: string; resolved: string }
  | { kind: 'unsupported_glob'; path: string }

export interface LoadedTorrc {
  root: string
  /** Files read, in the order tor reads them. */
  files: string[]
  lines: LoadedLine[]
  issues: LoadIssue[]
  /** Set when the root file itself could not be read (then nothing else was). */
  rootError: HostError | null
}

const GLOB = /[*?[]/

/** The glob as a RegExp, or null when its bracket expression is one JavaScript rejects (`[z-a]`). */
function globToRegExp(pattern: string): RegExp | null {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '*') out += '.*'
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
export async function loadTorrc(host: Host, root: string): Promise<LoadedTorrc> {
  const paths = pathsFor(host.platform)
  const key = (p: string): string => (host.platform === 'win32' ? paths.normalize(p).toLowerCase() : paths.normalize(p))
  const result: LoadedTorrc = { root, files: [], lines: [], issues: [], rootError: null }
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
    const st = await attempt(target, () => host.stat(target))
    if (st.ok && st.value.kind === 'dir') return filesIn(target)
    return [target]
  }

  const visit = async (file: string, stack: string[]): Promise<void> => {
    if (budget-- <= 0) {
      result.issues.push({ kind: 'too_many_files', path: file })
      return
    }
    const text = await attempt(file, () => host.readText(file, { maxBytes: MAX_TORRC_BYTES }))
    if (!text.ok) {
      if (stack.length === 0) result.rootError = text.reason
      else result.issues.push({ kind: 'unreadable', path: file, error: text.reason })
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
      let target = line.value
      if (!paths.isAbsolute(target)) {
        const resolved = paths.resolve(paths.dirname(file), target)
        result.issues.push({ kind: 'relative_include', path: target, resolved })
        target = resolved
      }
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

  await visit(root, [])
  return result
}
