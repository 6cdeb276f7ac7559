import { canonicalIp, failed, isIPv4, isIPv6, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { t } from './sockets.messages.js'
import type { Family, Transport } from './inbound.verdict.js'
import { MAX_LISTENERS, programName, type Listener } from './sockets.verdict.js'

const MAX_LINES = 400_000

/** `n*:5000`, `n127.0.0.1:631`, `n[::1]:631`: the local address and port; null for a connected socket (`->`) or `*:*`. */
function localEnd(name: string, family: Family): { address: string; port: number } | null {
  if (name.includes('->')) return null
  const m = /^(\*|\[[0-9A-Fa-f:.%]{2,64}\]|[0-9.]{7,15}):(\d{1,5})$/.exec(name)
  if (!m) return null
  const [, host = '', portText = ''] = m
  const port = Number(portText)
  if (port < 1 || port > 65535) return null
  if (host === '*') return { address: family === 'ipv4' ? '0.0.0.0' : '::', port }
  const address = canonicalIp(host)
  return (family === 'ipv4' ? isIPv4(address) : isIPv6(address)) ? { address, port } : null
}

/**
 * lsof's field output (`-F pcPtn`, lsof(8) "OUTPUT FOR OTHER PROGRAMS") → the sockets it lists: a `p` line starts
 * a process, `c` names it, an `f` line starts one of its files, with `t` (IPv4/IPv6), `P` (TCP/UDP) and `n`
 * (address:port). Run with `-iTCP -sTCP:LISTEN` it lists listening sockets; with `-iUDP`, connected ones are dropped.
 */
export function parseLsofFields(text: string): Result<Listener[], Msg> {
  const lines = text.split('\n', MAX_LINES + 1)
  if (lines.length > MAX_LINES) return failed(t('tooManyLines', { count: String(MAX_LINES) }))
  const found: Listener[] = []
  let process: { pid: number; name: string } | undefined
  let file: { type?: string; proto?: string; name?: string } | undefined
  const flush = (): void => {
    if (!file || !process || found.length >= MAX_LISTENERS) return
    const family: Family | null = file.type === 'IPv4' ? 'ipv4' : file.type === 'IPv6' ? 'ipv6' : null
    const transport: Transport | null = file.proto === 'TCP' ? 'tcp' : file.proto === 'UDP' ? 'udp' : null
    const end = family && file.name !== undefined ? localEnd(file.name, family) : null
    if (family && transport && end) found.push({ transport, family, ...end, process })
  }
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '')
    if (line === '') continue
    const value = line.slice(1, 1025)
    switch (line[0]) {
      case 'p': {
        flush()
        file = undefined
        if (!/^\d{1,10}$/.test(value)) return failed(t('badPid', { line: String(i + 1) }))
        process = { pid: Number(value), name: '' }
        break
      }
      case 'c':
        if (process) process = { ...process, name: programName(value) }
        break
      case 'f':
        flush()
        file = {}
        break
      case 't':
      case 'P':
      case 'n': {
        // lsof always selects the fd field, so `f` opens each file; should a build leave it out, a field seen twice opens the next.
        const key = line[0] === 't' ? 'type' : line[0] === 'P' ? 'proto' : 'name'
        if (file?.[key] !== undefined) flush()
        if (!file || file[key] !== undefined) file = {}
        file[key] = value
        break
      }
      default:
        // Other fields lsof may add (g, R, L, T, ...) say nothing about where a socket listens.
        if (!/^[a-zA-Z]/.test(line)) return failed(t('badLsofField', { line: String(i + 1) }))
    }
  }
  flush()
  if (found.length === 0 && lines.some((l) => l !== '') && process === undefined) return failed(t('noProcess'))
  return ok(found)
}
