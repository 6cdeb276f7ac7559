/** The I/O steps dns.system repeats on every OS: run a tool, read and parse a file. Errors become values. */
import { describeHostError, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Evidence } from '../../core/types.js'
import { t } from './system.messages.js'
import type { ParseResult } from './resolver-text.parse.js'

export type Read<T> =
  { state: 'absent'; path: string } | { state: 'unreadable'; path: string; reason: Msg } | { state: 'ok'; path: string; value: T }

/** Reads and parses a file: absent, unreadable (with a reason a person can act on) or parsed. */
export async function readParsed<T>(host: Host, path: string, format: string, parse: (text: string) => ParseResult<T>): Promise<Read<T>> {
  const read = await tryReadText(host, path)
  if (!read.ok) {
    if (read.reason.code === 'not_found') return { state: 'absent', path }
    return { state: 'unreadable', path, reason: describeHostError(read.reason, path) }
  }
  const parsed = parse(read.value)
  if (!parsed.ok) return { state: 'unreadable', path, reason: t('notFormat', { path, format, problem: parsed.reason }) }
  return { state: 'ok', path, value: parsed.value }
}

export function unreadableEvidence(r: Read<unknown>): Evidence[] {
  return r.state === 'unreadable' ? [{ label: t('evUnreadable'), source: r.path, observed: r.reason }] : []
}
