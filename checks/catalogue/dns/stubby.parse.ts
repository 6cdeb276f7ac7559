/**
 * Reads the settings dns.system needs from stubby.yml. Pure: no I/O.
 *
 * stubby accepts a restricted YAML (a top-level mapping of scalars, block or flow lists, and lists of
 * mappings); this reads that subset line by line rather than pulling in a YAML library.
 */
import {
  binaryNot,
  findOutsideQuotes,
  looksBinary,
  parseSocketAddress,
  parseText,
  stripBom,
  type ParseResult,
  type SocketAddress,
} from './resolver-text.parse.js'

export type StubbyItem = string | Record<string, string>

export type StubbyValue = { scalar: string } | { items: StubbyItem[] }

export interface StubbyConfig {
  /** null when the key is absent (getdns then uses UDP, then TCP). */
  transports: string[] | null
  tlsAuthentication: string | null
  /** Absent → stubby listens on 127.0.0.1 and ::1, port 53. */
  listen: SocketAddress[]
  listenRaw: string[]
  upstreams: string[]
}

function unquote(v: string): string {
  const t = v.trim()
  const m = /^(['"])(.*)\1$/.exec(t)
  return m ? (m[2] ?? '') : t
}

function stripComment(line: string): string {
  const hash = findOutsideQuotes(line, (c, i) => c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? '')))
  return hash < 0 ? line : line.slice(0, hash)
}

function flowList(v: string): string[] | undefined {
  const m = /^\[(.*)\]$/.exec(v.trim())
  if (!m) return undefined
  return (m[1] ?? '')
    .split(',')
    .map(unquote)
    .filter((s) => s !== '')
}

// The value starts at a non-space: with `\s+(.*)$` a line of spaces, then text, then a stray \r
// backtracked through every split of the spaces (quadratic); this way only one split can match.
const KEY_VALUE = /^([A-Za-z_][\w-]*)\s*:(?:\s+(\S.*)?)?$/

/** The top-level mapping: each key with a scalar or a list of scalars / flat mappings. */
export function parseStubbyYaml(text: string): ParseResult<Map<string, StubbyValue>> {
  const body = stripBom(text)
  if (looksBinary(body)) return binaryNot('YAML')
  const top = new Map<string, StubbyValue>()
  let currentKey: string | undefined
  let items: StubbyItem[] | undefined
  let itemIndent = -1
  let mapIndent = -1
  for (const raw of body.split(/\r?\n/)) {
    const line = stripComment(raw).trimEnd()
    if (line.trim() === '' || line.trim() === '---') continue
    const indent = line.length - line.trimStart().length
    const content = line.trim()
    if (indent === 0) {
      const kv = KEY_VALUE.exec(content)
      if (!kv) return { ok: false, reason: parseText('notKeyValue', { line: content.slice(0, 60) }) }
      currentKey = kv[1] ?? ''
      const value = kv[2] ?? ''
      const flow = flowList(value)
      if (flow) {
        top.set(currentKey, { items: flow })
        items = undefined
      } else if (value === '') {
        items = []
        itemIndent = -1
        top.set(currentKey, { items })
      } else {
        top.set(currentKey, { scalar: unquote(value) })
        items = undefined
      }
      continue
    }
    if (!items) continue
    if (content.startsWith('- ') || content === '-') {
      if (itemIndent === -1) itemIndent = indent
      if (indent !== itemIndent) continue // a nested list (e.g. tls_pubkey_pinset)
      const rest = content.slice(1).trim()
      const kv = KEY_VALUE.exec(rest)
      if (kv && !/^\[/.test(rest)) {
        items.push({ [kv[1] ?? '']: unquote(kv[2] ?? '') })
        mapIndent = indent + (content.length - rest.length)
      } else {
        items.push(unquote(rest))
        mapIndent = -1
      }
      continue
    }
    const last = items[items.length - 1]
    const kv = KEY_VALUE.exec(content)
    if (kv && typeof last === 'object' && indent === mapIndent) last[kv[1] ?? ''] = unquote(kv[2] ?? '')
  }
  return { ok: true, value: top }
}

function scalars(v: StubbyValue | undefined): string[] | null {
  if (!v) return null
  if ('scalar' in v) return v.scalar === '' ? [] : [v.scalar]
  return v.items.flatMap((i) => (typeof i === 'string' ? [i] : []))
}

const DEFAULT_LISTEN: SocketAddress[] = [
  { address: '127.0.0.1', port: 53 },
  { address: '::1', port: 53 },
]

export function parseStubbyConfig(text: string): ParseResult<StubbyConfig> {
  const yaml = parseStubbyYaml(text)
  if (!yaml.ok) return yaml
  const top = yaml.value
  const listenValue = top.get('listen_addresses')
  const listenRaw: string[] = []
  const listen: SocketAddress[] = []
  if (listenValue && 'items' in listenValue) {
    for (const item of listenValue.items) {
      const raw = typeof item === 'string' ? item : `${item.address_data ?? ''}${item.port ? `@${item.port}` : ''}`
      listenRaw.push(raw)
      const parsed = parseSocketAddress(raw)
      if (parsed) listen.push(parsed)
    }
  } else if (listenValue) {
    listenRaw.push(listenValue.scalar)
    const parsed = parseSocketAddress(listenValue.scalar)
    if (parsed) listen.push(parsed)
  }
  const upstreamValue = top.get('upstream_recursive_servers')
  const upstreams =
    upstreamValue && 'items' in upstreamValue ? upstreamValue.items.map((i) => (typeof i === 'string' ? i : (i.address_data ?? '?'))) : []
  const auth = scalars(top.get('tls_authentication'))
  return {
    ok: true,
    value: {
      transports: scalars(top.get('dns_transport_list')),
      tlsAuthentication: auth?.[0] ?? null,
      listen: listenValue ? listen : DEFAULT_LISTEN,
      listenRaw,
      upstreams,
    },
  }
}
