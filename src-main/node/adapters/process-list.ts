import { join } from 'node:path'
import type { ProcessInfo } from '../../../checks/core/host/host.js'

/**
 * The process list on Linux from one `ps`: what systeminformation's processes() gives the checks, without the
 * shell loop it then runs to compute CPU shares (one `cat /proc/<pid>/stat` per process, most of a scan's time).
 * Names, paths and parameters are derived from the command line exactly as systeminformation does, so every
 * check sees the same fields whichever of the two read the list.
 */
export const PS_ARGS = ['-axww', '-o', 'pid=,user:64=,args='] as const

/** Lines kept from `ps`: far more processes than any machine runs, so a flood cannot grow the scan without bound. */
export const MAX_PROCESSES = 100_000

/** The first token of the command, as systeminformation names a Linux process (`kworker/0:1` → `kworker`). */
function nameOf(command: string): string {
  let name = command.split(' ')[0] ?? ''
  if (name.endsWith(':')) name = name.slice(0, -1)
  if (name.startsWith('[')) return name
  const parts = name.split('/')
  const last = parts[parts.length - 1] ?? ''
  return Number.isNaN(parseInt(last, 10)) ? last : (parts[0] ?? '')
}

type Split = Pick<ProcessInfo, 'command' | 'params' | 'path'>

/**
 * Where a command line's program ends and its parameters begin, as systeminformation guesses it (`ps` joins argv
 * with spaces). `exists` answers whether a file is there, for a program path with a space in it.
 */
export function splitCommandLine(line: string, exists: (file: string) => boolean): Split {
  let full = line.trim()
  if (full.endsWith(' <defunct>')) full = full.slice(0, -' <defunct>'.length).trim()
  if (full.endsWith(']')) full = full.slice(0, -1)
  if (full.startsWith('[')) return { command: full.slice(1), params: '', path: '' }
  const open = full.indexOf('(')
  const close = full.indexOf(')')
  const slash = full.indexOf('/')
  const colon = full.indexOf(':')
  // "(sd-pam)"-like and "sshd: user@pts/0"-like titles: the first word is the whole program.
  if ((open < close && open < slash && slash < close) || (colon > 0 && (slash === -1 || slash > 3))) {
    return { command: (full.split(' ')[0] ?? '').replace(/:/g, ''), params: '', path: '' }
  }
  const dash = full.indexOf(' -')
  const pathArg = full.indexOf(' /')
  const first = Math.min(dash >= 0 ? dash : Infinity, pathArg >= 0 ? pathArg : Infinity)
  let program = Number.isFinite(first) ? full.slice(0, first) : full
  const rest = Number.isFinite(first) ? full.slice(first) : ''
  let path = ''
  const lastSlash = program.lastIndexOf('/')
  if (lastSlash >= 0) {
    path = program.slice(0, lastSlash)
    program = program.slice(lastSlash + 1)
  }
  if (!Number.isFinite(first) && program.includes(' ')) {
    const [head = '', ...tail] = program.split(' ')
    if (exists(join(path, head))) return { command: head, params: `${tail.join(' ')} ${rest}`.trim(), path }
  }
  return { command: program.trim(), params: rest.trim(), path }
}

/** One `ps -o pid=,user=,args=` line: pid, user (never with a space), then the command line. */
const LINE = /^\s*(\d+)\s+(\S+)\s?(.*)$/

/** `ps`'s output as processes; a line that does not read as one is left out, as systeminformation does. */
export function parsePs(stdout: string, exists: (file: string) => boolean): ProcessInfo[] {
  const processes: ProcessInfo[] = []
  for (const line of stdout.split('\n')) {
    if (processes.length >= MAX_PROCESSES) break
    const m = LINE.exec(line)
    if (!m) continue
    const split = splitCommandLine(m[3] ?? '', exists)
    processes.push({ pid: Number(m[1]), user: m[2] ?? '', name: nameOf(split.command), ...split })
  }
  return processes
}
