/**
 * systemd-resolved configuration (resolved.conf(5)). Pure: no I/O.
 *
 * The main file is the first of /etc, /run, /usr/local/lib, /usr/lib `systemd/resolved.conf`; drop-ins
 * `*.conf` in the `resolved.conf.d` directories of the same roots are read after it, all together in
 * file-name order, and a drop-in in a higher-priority directory hides a same-named one in a lower.
 * Later assignments win; an empty `DNS=` clears the list built so far.
 */
import { binaryNot, looksBinary, stripBom, type ParseResult } from './resolver-text.parse.js'

export type DotMode = 'yes' | 'opportunistic' | 'no'

const TRUE = new Set(['1', 'yes', 'y', 'true', 't', 'on'])
const FALSE = new Set(['0', 'no', 'n', 'false', 'f', 'off'])

/** resolved's parser for DNSOverTLS=: a boolean or "opportunistic"; anything else is rejected. */
export function parseDotMode(raw: string): DotMode | undefined {
  const v = raw.trim().toLowerCase()
  if (v === 'opportunistic') return 'opportunistic'
  if (TRUE.has(v)) return 'yes'
  if (FALSE.has(v)) return 'no'
  return undefined
}

export interface ResolvedAssignment {
  key: string
  value: string
  line: number
}

/** Assignments of the [Resolve] section, in file order (continuation lines joined). */
export function parseResolvedConf(text: string): ParseResult<ResolvedAssignment[]> {
  const body = stripBom(text)
  if (looksBinary(body)) return binaryNot('systemd .conf')
  const out: ResolvedAssignment[] = []
  let section = ''
  const lines = body.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] ?? '').trim()
    const start = i + 1
    while (line.endsWith('\\') && i + 1 < lines.length) {
      line = `${line.slice(0, -1)} ${(lines[++i] ?? '').trim()}`
    }
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
    const header = /^\[([^\]]+)\]$/.exec(line)
    if (header) {
      section = header[1] ?? ''
      continue
    }
    const eq = line.indexOf('=')
    if (eq <= 0 || section !== 'Resolve') continue
    out.push({ key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim(), line: start })
  }
  return { ok: true, value: out }
}

export interface ResolvedFile {
  path: string
  assignments: ResolvedAssignment[]
}

export interface EffectiveResolved {
  dnsOverTls: DotMode
  /** Where the winning DNSOverTLS= came from; null when nothing set it (the built-in default, no). */
  dnsOverTlsFrom: { path: string; raw: string } | null
  /** Values resolved would reject (and ignore), with their file. */
  rejected: Array<{ path: string; raw: string }>
  dns: string[]
}

export function effectiveResolved(files: readonly ResolvedFile[]): EffectiveResolved {
  let dnsOverTls: DotMode = 'no'
  let dnsOverTlsFrom: EffectiveResolved['dnsOverTlsFrom'] = null
  const rejected: EffectiveResolved['rejected'] = []
  let dns: string[] = []
  for (const file of files) {
    for (const a of file.assignments) {
      if (a.key === 'DNSOverTLS') {
        const mode = parseDotMode(a.value)
        if (mode === undefined) {
          rejected.push({ path: file.path, raw: a.value })
        } else {
          dnsOverTls = mode
          dnsOverTlsFrom = { path: file.path, raw: a.value }
        }
      } else if (a.key === 'DNS') {
        dns = a.value === '' ? [] : [...dns, ...a.value.split(/\s+/)]
      }
    }
  }
  return { dnsOverTls, dnsOverTlsFrom, rejected, dns }
}

/**
 * Orders drop-ins: `dirs` from highest priority (/etc) to lowest (/usr/lib); each name is taken from
 * the highest-priority directory that has it, and the result is sorted by file name.
 */
export function orderDropIns(
  dirs: ReadonlyArray<{ dir: string; names: readonly string[] }>,
  join: (dir: string, name: string) => string,
): string[] {
  const chosen = new Map<string, string>()
  for (const { dir, names } of dirs) {
    for (const name of names) {
      if (name.endsWith('.conf') && !chosen.has(name)) chosen.set(name, join(dir, name))
    }
  }
  return [...chosen.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((name) => chosen.get(name) ?? name)
}
