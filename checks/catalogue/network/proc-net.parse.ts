import { canonicalIp, failed, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Family, Transport } from './inbound.verdict.js'
import { t } from './sockets.messages.js'
import { MAX_LISTENERS } from './sockets.verdict.js'

/** One listening TCP socket or bound, unconnected UDP socket of a /proc/net table, with its inode for finding the owner. */
export interface ProcSocket {
  transport: Transport
  family: Family
  address: string
  port: number
  inode: number
}

/** More rows than this are not read: the kernel writes one row per socket, so a table this long is not a laptop's. */
const MAX_ROWS = 200_000
const TCP_LISTEN = '0A'

// `sl: local rem st tx:rx tr:when retrnsmt uid timeout inode ...` (proc_net_tcp(5)); addresses are 8 or 32 hex digits.
const ROW =
  /^\s*\d+:\s+([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})\s+([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})\s+([0-9A-Fa-f]{2})\s+\S+\s+\S+\s+\S+\s+\d+\s+\d+\s+(\d+)(?:\s|$)/

/**
 * The kernel prints each 32-bit word of an address in host byte order (`%08X` of the raw word): little-endian on
 * every machine Bulwark runs on (x86-64, arm64), so the bytes of each word are read back to front.
 */
function wordBytes(hex: string): number[] {
  const bytes: number[] = []
  for (let w = 0; w < hex.length; w += 8) {
    const word = hex.slice(w, w + 8)
    for (let b = 6; b >= 0; b -= 2) bytes.push(parseInt(word.slice(b, b + 2), 16))
  }
  return bytes
}

/** The canonical text of an address and its family; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) only ever takes IPv4. */
export function decodeAddress(hex: string): { address: string; family: Family } {
  const bytes = wordBytes(hex)
  if (bytes.length === 4) return { address: bytes.join('.'), family: 'ipv4' }
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff
  if (mapped) return { address: bytes.slice(12).join('.'), family: 'ipv4' }
  const groups: string[] = []
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16))
  return { address: canonicalIp(groups.join(':')), family: 'ipv6' }
}

/**
 * A /proc/net/{tcp,tcp6,udp,udp6} table → its listening TCP sockets (state 0A) or its UDP sockets bound with no
 * remote end (which take datagrams from anyone). Any row that is not a table row fails the whole table: a table
 * read half is no answer.
 */
export function parseProcNet(text: string, transport: Transport): Result<ProcSocket[], Msg> {
  const lines = text.split('\n', MAX_ROWS + 2)
  if (!/^\s*sl\s+local_address\s+rem(ote)?_address\s+st\b/.test(lines[0] ?? '')) return failed(t('badHeader'))
  const found: ProcSocket[] = []
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '') continue
    if (i > MAX_ROWS) return failed(t('tooManyLines', { count: String(MAX_ROWS) }))
    const m = line.length <= 512 ? ROW.exec(line) : null
    if (!m) return failed(t('badRow', { line: String(i + 1) }))
    const [, local = '', port = '', remote = '', remotePort = '', state = '', inode = ''] = m
    const listens = transport === 'tcp' ? state.toUpperCase() === TCP_LISTEN : /^0+$/.test(remote) && remotePort === '0000'
    if (!listens || found.length >= MAX_LISTENERS) continue
    found.push({ transport, ...decodeAddress(local), port: parseInt(port, 16), inode: Number(inode) })
  }
  return ok(found)
}
