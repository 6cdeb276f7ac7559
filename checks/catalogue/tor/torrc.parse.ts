/**
 * Parses torrc text the way tor's confline.c does. Pure: no I/O.
 *
 * - `Keyword value`; keywords are case-insensitive.
 * - `#` starts a comment (outside a quoted value); blank lines are skipped.
 * - A value may be a C-style quoted string ("a \"b\"").
 * - A line ending in `\` continues on the next line; comment lines inside such an entry are skipped.
 * - `%include PATH` pulls in another file, a folder, or a glob (the loader follows it).
 * - A leading `+` (append) or `/` (clear) on the keyword is tor's extended syntax; we keep the bare name.
 */
import { isLoopbackAddress } from '../../core/host/toolkit.js'
export interface TorrcLine {
  /** The keyword as written, without a `+` or `/` prefix. */
  keyword: string
  /** Lower-cased keyword, for lookups. */
  key: string
  value: string
  /** 1-based line where the entry starts. */
  line: number
}

export type TorrcProblemCode = 'unterminated_quote' | 'bad_escape' | 'junk_after_quote'

export interface TorrcProblem {
  line: number
  code: TorrcProblemCode
}

export interface ParsedTorrc {
  lines: TorrcLine[]
  problems: TorrcProblem[]
  /** NUL bytes: this is not a text file, so nothing in it is trusted. */
  binary: boolean
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'" }

const HEX_ESCAPE = /x([0-9a-fA-F]{2})/y
const OCTAL_ESCAPE = /([0-7]{1,3})/y

/** Decodes a C-style quoted string starting at `text[0] === '"'`; returns the value and the rest. */
export function unquote(text: string): { value: string; rest: string } | { error: 'unterminated_quote' | 'bad_escape' } {
  // Runs between escapes are sliced whole and joined once, not added a character at a time.
  const parts: string[] = []
  let start = 1
  for (let i = 1; i < text.length; i++) {
    const c = text[i] as string
    if (c === '"') {
      parts.push(text.slice(start, i))
      return { value: parts.join(''), rest: text.slice(i + 1) }
    }
    if (c !== '\\') continue
    parts.push(text.slice(start, i))
    const next = text[i + 1]
    if (next === undefined) return { error: 'unterminated_quote' }
    const simple = ESCAPES[next]
    if (simple !== undefined) {
      parts.push(simple)
      i += 1
      start = i + 1
      continue
    }
    // Sticky patterns read in place: slicing the rest for every escape would be quadratic.
    HEX_ESCAPE.lastIndex = i + 1
    OCTAL_ESCAPE.lastIndex = i + 1
    const hex = HEX_ESCAPE.exec(text)
    const octal = OCTAL_ESCAPE.exec(text)
    const code = hex?.[1] !== undefined ? parseInt(hex[1], 16) : octal?.[1] !== undefined ? parseInt(octal[1], 8) : undefined
    if (code === undefined || code > 255) return { error: 'bad_escape' }
    parts.push(String.fromCharCode(code))
    i += (hex?.[0] ?? octal?.[0] ?? '').length
    start = i + 1
  }
  return { error: 'unterminated_quote' }
}

/** Joins continuation lines into logical entries, remembering where each starts. */
function logicalLines(text: string): { text: string; line: number }[] {
  const physical = text.split(/\r?\n|\r/)
  const out: { text: string; line: number }[] = []
  let pending: { text: string; line: number } | undefined
  physical.forEach((raw, index) => {
    const lineNo = index + 1
    if (pending !== undefined && /^\s*#/.test(raw)) return
    // trimEnd and endsWith, not /\s*\\\s*$/: that pattern backtracks quadratically on a long run of spaces.
    const trimmed = raw.trimEnd()
    const continues = trimmed.endsWith('\\') && !/^\s*#/.test(raw)
    const body = continues ? trimmed.slice(0, -1).trimEnd() : raw
    if (pending === undefined) pending = { text: body, line: lineNo }
    else pending.text += ` ${body.trimStart()}`
    if (!continues) {
      out.push(pending)
      pending = undefined
    }
  })
  if (pending !== undefined) out.push(pending)
  return out
}

export function parseTorrc(input: string): ParsedTorrc {
  if (input.includes('\u0000')) return { lines: [], problems: [], binary: true }
  const text = input.replace(/^\uFEFF/, '')
  const lines: TorrcLine[] = []
  const problems: TorrcProblem[] = []
  for (const entry of logicalLines(text)) {
    const trimmed = entry.text.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    // Split by index, not /^(\S+)\s*(.*)$/: that backtracked quadratically on a long line holding a
    // \u2028 (which `.` does not match), and dropped such a line, which tor reads.
    const gap = trimmed.search(/\s/)
    const keyword = (gap < 0 ? trimmed : trimmed.slice(0, gap)).replace(/^[+/]/, '')
    let rest = gap < 0 ? '' : trimmed.slice(gap).trimStart()
    let value: string
    if (rest.startsWith('"')) {
      const q = unquote(rest)
      if ('error' in q) {
        problems.push({ line: entry.line, code: q.error })
        continue
      }
      rest = q.rest.trim()
      if (rest !== '' && !rest.startsWith('#')) problems.push({ line: entry.line, code: 'junk_after_quote' })
      value = q.value
    } else {
      const hash = rest.indexOf('#')
      value = (hash >= 0 ? rest.slice(0, hash) : rest).trim()
    }
    if (keyword === '') continue
    lines.push({ keyword, key: keyword.toLowerCase(), value, line: entry.line })
  }
  return { lines, problems, binary: false }
}

/** Where a SocksPort / ControlPort listens, as tor reads the value. */
export type PortSpec =
  | { kind: 'tcp'; address: string; port: number; loopback: boolean; flags: string[] }
  | { kind: 'unix'; path: string; flags: string[] }
  /** `auto`: tor picks a free port on 127.0.0.1 at start. */
  | { kind: 'auto'; address: string; loopback: boolean; flags: string[] }
  | { kind: 'disabled' }
  | { kind: 'invalid'; raw: string }

/** Loopback by literal, or the name `localhost`, which tor itself resolves to 127.0.0.1. */
export function isLoopbackHost(address: string): boolean {
  return address.toLowerCase() === 'localhost' || isLoopbackAddress(address)
}

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean)
}

function splitFlags(text: string): { head: string; flags: string[] } {
  const parts = words(text)
  return { head: parts[0] ?? '', flags: parts.slice(1) }
}

function portNumber(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined
  const n = Number(text)
  return n <= 65535 ? n : undefined
}

/**
 * Reads a port option value: `9050`, `127.0.0.1:9050`, `[::1]:9050`, `0.0.0.0:9050`, `unix:/path`,
 * `unix:"/path with spaces"`, `auto`, `0`, each optionally followed by flags. A bare port or `auto`
 * binds 127.0.0.1 (tor's default for client ports); an address with no port uses `defaultPort`.
 */
export function parsePortSpec(raw: string, defaultPort: number): PortSpec {
  const value = raw.trim()
  if (/^unix:/i.test(value)) {
    const after = value.slice(5)
    if (after.startsWith('"')) {
      const q = unquote(after)
      if ('error' in q) return { kind: 'invalid', raw }
      return { kind: 'unix', path: q.value, flags: words(q.rest) }
    }
    const { head, flags } = splitFlags(after)
    return head === '' ? { kind: 'invalid', raw } : { kind: 'unix', path: head, flags }
  }
  const { head, flags } = splitFlags(value)
  if (head === '') return { kind: 'invalid', raw }
  if (head === '0') return { kind: 'disabled' }
  if (head.toLowerCase() === 'auto') return { kind: 'auto', address: '127.0.0.1', loopback: true, flags }
  const bare = portNumber(head)
  if (bare !== undefined) return { kind: 'tcp', address: '127.0.0.1', port: bare, loopback: true, flags }
  let address: string
  let portText: string | undefined
  const v6 = /^\[([^\]]+)\](?::(.*))?$/.exec(head)
  if (v6) {
    address = v6[1] ?? ''
    portText = v6[2]
  } else if ((head.match(/:/g) ?? []).length > 1) {
    return { kind: 'invalid', raw }
  } else {
    const colon = head.lastIndexOf(':')
    address = colon >= 0 ? head.slice(0, colon) : head
    portText = colon >= 0 ? head.slice(colon + 1) : undefined
  }
  if (address === '') return { kind: 'invalid', raw }
  const loopback = isLoopbackHost(address)
  if (portText !== undefined && portText.toLowerCase() === 'auto') return { kind: 'auto', address, loopback, flags }
  const port = portText === undefined ? defaultPort : portNumber(portText)
  if (port === undefined) return { kind: 'invalid', raw }
  if (port === 0) return { kind: 'disabled' }
  return { kind: 'tcp', address, port, loopback, flags }
}
