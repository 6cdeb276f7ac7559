/**
 * Parses `resolvectl status`. Pure: no I/O.
 *
 * systemd 246+ prints one `Protocols:` line per scope with `+DNSOverTLS` (yes), `-DNSOverTLS` (no) or
 * `DNSOverTLS=opportunistic`; older versions print `DNSOverTLS setting: no` and `DefaultRoute setting: yes`.
 * Per-link values are effective ones (a link without its own setting shows the global mode).
 * Long server lists wrap onto indented continuation lines.
 */
import { parseDotMode, type DotMode } from './resolved-conf.parse.js'
import { binaryNot, looksBinary, parseText, stripBom, type ParseResult } from './resolver-text.parse.js'

export interface ResolvectlScope {
  /** "Global", or the interface name of a link. */
  name: string
  ifindex?: number
  /** The DNSOverTLS value as printed ("+", "-", "opportunistic", "no"...). */
  dnsOverTlsRaw?: string
  dnsOverTls?: DotMode
  defaultRoute?: boolean
  servers: string[]
  currentServer?: string
  /** Global only: the servers resolved falls back to when no scope has any (FallbackDNS=); set only when printed. */
  fallbackServers?: string[]
  /** Search and routing domains ("~." routes every lookup to this scope); set only when printed. */
  domains?: string[]
}

export interface ResolvectlStatus {
  global?: ResolvectlScope
  links: ResolvectlScope[]
  resolvConfMode?: string
}

const MAX_LIST = 64
/** The fields whose long values wrap onto indented continuation lines. */
const WRAPPING = new Set(['DNS Servers', 'Fallback DNS Servers', 'Protocols', 'DNS Domain'])
const MAX_LINKS = 256

const HEADER_LINK = /^Link (\d+) \(([^)]*)\)\s*$/
// The value starts at a non-space: with `\s+(.*)$` a line of spaces, then text, then a stray \r
// backtracked through every split of the spaces (quadratic); this way only one split can match.
const FIELD = /^\s*([A-Za-z][A-Za-z. ]*?):(?:\s+(\S.*)?)?$/

function applyField(scope: ResolvectlScope, status: ResolvectlStatus, key: string, value: string): void {
  switch (key) {
    case 'Protocols':
      for (const token of value.split(/\s+/)) {
        const flag = /^([+-])(DNSOverTLS|DefaultRoute)$/.exec(token)
        if (flag?.[2] === 'DNSOverTLS') {
          scope.dnsOverTlsRaw = token
          scope.dnsOverTls = flag[1] === '+' ? 'yes' : 'no'
        } else if (flag?.[2] === 'DefaultRoute') {
          scope.defaultRoute = flag[1] === '+'
        }
        const eq = /^DNSOverTLS=(.+)$/.exec(token)
        if (eq?.[1]) {
          scope.dnsOverTlsRaw = token
          const mode = parseDotMode(eq[1])
          if (mode) scope.dnsOverTls = mode
        }
      }
      break
    case 'DNSOverTLS setting': {
      scope.dnsOverTlsRaw = value
      const mode = parseDotMode(value)
      if (mode) scope.dnsOverTls = mode
      break
    }
    case 'DefaultRoute setting':
      scope.defaultRoute = parseDotMode(value) === 'yes'
      break
    case 'DNS Servers':
      // Capped: a hostile or broken output must not grow a list without bound.
      scope.servers = [...scope.servers, ...value.split(/\s+/).filter(Boolean)].slice(0, MAX_LIST)
      break
    case 'Fallback DNS Servers':
      scope.fallbackServers = [...(scope.fallbackServers ?? []), ...value.split(/\s+/).filter(Boolean)].slice(0, MAX_LIST)
      break
    case 'DNS Domain':
      scope.domains = [...(scope.domains ?? []), ...value.split(/\s+/).filter(Boolean)].slice(0, MAX_LIST)
      break
    case 'Current DNS Server':
      scope.currentServer = value.trim()
      break
    case 'resolv.conf mode':
      status.resolvConfMode = value.trim()
      break
  }
}

export function parseResolvectlStatus(text: string): ParseResult<ResolvectlStatus> {
  const body = stripBom(text)
  if (looksBinary(body)) return binaryNot('resolvectl')
  const status: ResolvectlStatus = { links: [] }
  let scope: ResolvectlScope | undefined
  let lastKey: string | undefined
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.replace(/\u001b\[[0-9;]*m/g, '')
    if (line.trim() === '') continue
    if (line === 'Global' || /^Global\s*$/.test(line)) {
      scope = { name: 'Global', servers: [] }
      status.global = scope
      lastKey = undefined
      continue
    }
    const link = HEADER_LINK.exec(line)
    if (link) {
      scope = { name: link[2] ?? '', ifindex: Number(link[1]), servers: [] }
      if (status.links.length < MAX_LINKS) status.links.push(scope)
      lastKey = undefined
      continue
    }
    const field = FIELD.exec(line)
    // Labels are right-aligned, so the longest one starts at column 0 like a header does.
    if (!field && !/^\s/.test(line)) {
      // "Delegate ..." and unknown headers: their fields are not ours to count.
      scope = undefined
      continue
    }
    if (!scope) continue
    if (field) {
      lastKey = field[1] ?? ''
      applyField(scope, status, lastKey, field[2] ?? '')
    } else if (lastKey !== undefined && WRAPPING.has(lastKey)) {
      applyField(scope, status, lastKey, line.trim())
    }
  }
  if (!status.global && status.links.length === 0) return { ok: false, reason: parseText('noResolvectlSection') }
  return { ok: true, value: status }
}
