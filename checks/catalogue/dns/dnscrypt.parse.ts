/**
 * dnscrypt-proxy listen addresses. Pure: no I/O.
 * `listen_addresses = ['127.0.0.1:53', '[::1]:53']` in dnscrypt-proxy.toml (the array may span lines);
 * packaged builds often leave it empty (`[]`) and take sockets from a systemd `.socket` unit
 * (`ListenStream=` / `ListenDatagram=`) instead.
 */
import {
  binaryNot,
  findOutsideQuotes,
  formatSocketAddress,
  looksBinary,
  scanOutsideQuotes,
  parseSocketAddress,
  stripBom,
  type ParseResult,
  type SocketAddress,
} from './resolver-text.parse.js'

export interface DnscryptConfig {
  /** null when the key is absent or commented out. */
  listen: SocketAddress[] | null
  listenRaw: string[]
  serverNames: string[]
}

function stripTomlComment(line: string): string {
  const hash = findOutsideQuotes(line, (c) => c === '#')
  return hash < 0 ? line : line.slice(0, hash)
}

/**
 * The inside of an array whose `[` opens `first`, following it onto the lines after `from` until its `]`
 * (skipping brackets inside quotes, "[::1]:53"); `last` is the last line it used. Each line is scanned once,
 * the quote state carried over: rescanning the joined value for every line was quadratic.
 */
function arrayInside(first: string, lines: readonly string[], from: number): { inside: string; last: number } {
  const pieces: string[] = []
  let quote: string | null = null
  let piece = first.slice(1)
  let last = from
  for (;;) {
    const end = scanOutsideQuotes(piece, (c) => c === ']', 0, quote)
    if (end.index >= 0 || last + 1 >= lines.length) {
      pieces.push(end.index >= 0 ? piece.slice(0, end.index) : piece)
      return { inside: pieces.join(' '), last }
    }
    pieces.push(piece)
    quote = end.quote
    last += 1
    piece = (lines[last] ?? '').trim()
  }
}

/** Top-level (before any [table]) string arrays and strings, keyed by name. */
function topLevelArrays(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const lines = text.split(/\r?\n/).map(stripTomlComment)
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim()
    if (line.startsWith('[') && !/^\[[^\]]*=/.test(line)) break
    // The value starts at a non-space: `=\s*(.*)$` backtracked quadratically on spaces before a stray \r.
    const m = /^([A-Za-z_][\w-]*)\s*=\s*(\S.*)?$/.exec(line)
    if (!m) continue
    const value = m[2] ?? ''
    if (value.startsWith('[')) {
      const { inside, last } = arrayInside(value, lines, i)
      i = last
      const strings = [...inside.matchAll(/"([^"]*)"|'([^']*)'/g)].map((s) => s[1] ?? s[2] ?? '')
      out.set(m[1] ?? '', strings)
    }
  }
  return out
}

export function parseDnscryptToml(text: string): ParseResult<DnscryptConfig> {
  const body = stripBom(text)
  if (looksBinary(body)) return binaryNot('TOML')
  const arrays = topLevelArrays(body)
  const listenRaw = arrays.get('listen_addresses')
  const listen = listenRaw?.flatMap((raw) => {
    const a = parseSocketAddress(raw)
    return a ? [a] : []
  })
  return { ok: true, value: { listen: listen ?? null, listenRaw: listenRaw ?? [], serverNames: arrays.get('server_names') ?? [] } }
}

/** `ListenStream=` / `ListenDatagram=` addresses of a systemd socket unit. */
export function parseSocketUnitListen(text: string): SocketAddress[] {
  const body = stripBom(text)
  if (looksBinary(body)) return []
  const out: SocketAddress[] = []
  // A set, not a search of the list for each line: a unit of many distinct sockets took quadratic time.
  const seen = new Set<string>()
  for (const raw of body.split(/\r?\n/)) {
    const m = /^\s*Listen(?:Stream|Datagram)\s*=\s*(\S+)\s*$/.exec(raw)
    const a = m?.[1] ? parseSocketAddress(m[1]) : undefined
    if (a === undefined || seen.has(formatSocketAddress(a))) continue
    seen.add(formatSocketAddress(a))
    out.push(a)
  }
  return out
}
