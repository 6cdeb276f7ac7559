/**
 * dnscrypt-proxy listen addresses. Pure: no I/O.
 * `listen_addresses = ['127.0.0.1:53', '[::1]:53']` in dnscrypt-proxy.toml (the array may span lines);
 * packaged builds often leave it empty (`[]`) and take sockets from a systemd `.socket` unit
 * (`ListenStream=` / `ListenDatagram=`) instead.
 */
import {
  binaryNot,
  findOutsideQuotes,
  looksBinary,
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

/** Index of the `]` closing an array that starts at 0, skipping brackets inside quotes ("[::1]:53"); -1 if none. */
function closingBracket(value: string): number {
  return findOutsideQuotes(value, (c) => c === ']', 1)
}

/** Top-level (before any [table]) string arrays and strings, keyed by name. */
function topLevelArrays(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const lines = text.split(/\r?\n/).map(stripTomlComment)
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim()
    if (line.startsWith('[') && !/^\[[^\]]*=/.test(line)) break
    const m = /^([A-Za-z_][\w-]*)\s*=\s*(.*)$/.exec(line)
    if (!m) continue
    let value = m[2] ?? ''
    if (value.startsWith('[')) {
      while (closingBracket(value) < 0 && i + 1 < lines.length) value += ` ${(lines[++i] ?? '').trim()}`
      const end = closingBracket(value)
      const inner = value.slice(1, end < 0 ? undefined : end)
      const strings = [...inner.matchAll(/"([^"]*)"|'([^']*)'/g)].map((s) => s[1] ?? s[2] ?? '')
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
  for (const raw of body.split(/\r?\n/)) {
    const m = /^\s*Listen(?:Stream|Datagram)\s*=\s*(\S+)\s*$/.exec(raw)
    const a = m?.[1] ? parseSocketAddress(m[1]) : undefined
    if (a && !out.some((o) => o.address === a.address && o.port === a.port)) out.push(a)
  }
  return out
}
