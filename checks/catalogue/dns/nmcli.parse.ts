/**
 * Parses NetworkManager's terse (`nmcli -t`) output. Pure: no I/O.
 * Terse fields are separated by `:`; a literal `:` or `\` inside a field is escaped with `\`.
 * `connection.dns-over-tls` is an enum: -1 default, 0 no, 1 opportunistic, 2 yes (libnm NMSettingConnectionDnsOverTls).
 */
import type { DotMode } from './resolved-conf.parse.js'
import { looksBinary, stripBom } from './resolver-text.parse.js'

export interface NmConnection {
  name: string
  uuid: string
  type: string
  device: string
}

export function splitTerse(line: string): string[] {
  const fields: string[] = []
  let current = ''
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '\\' && i + 1 < line.length) {
      current += line[++i]
    } else if (c === ':') {
      fields.push(current)
      current = ''
    } else {
      current += c
    }
  }
  fields.push(current)
  return fields
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Lines of `nmcli -t -f NAME,UUID,TYPE,DEVICE connection show --active`; lines without a UUID are skipped. */
export function parseNmcliActive(text: string): NmConnection[] {
  const body = stripBom(text)
  if (looksBinary(body)) return []
  const out: NmConnection[] = []
  for (const line of body.split(/\r?\n/)) {
    const [name = '', uuid = '', type = '', device = ''] = splitTerse(line)
    if (UUID.test(uuid)) out.push({ name, uuid, type, device })
  }
  return out
}

export type NmDot = DotMode | 'default'

const BY_NUMBER: Record<string, NmDot> = { '-1': 'default', '0': 'no', '1': 'opportunistic', '2': 'yes' }

/** `connection.dns-over-tls:<value>`; nmcli prints the number, the name, or both ("-1 (default)"). */
export function parseNmcliDot(text: string): NmDot | undefined {
  const body = stripBom(text)
  if (looksBinary(body)) return undefined
  for (const line of body.split(/\r?\n/)) {
    const m = /^(?:connection\.dns-over-tls:)?\s*(-?\d+|[a-z]+)\b/.exec(line.trim())
    const token = m?.[1]
    if (token === undefined) continue
    const byNumber = BY_NUMBER[token]
    if (byNumber) return byNumber
    if (token === 'default' || token === 'yes' || token === 'no' || token === 'opportunistic') return token
  }
  return undefined
}
