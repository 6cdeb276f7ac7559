import { attempt, describeHostError } from '../../core/host/helpers.js'
import type { ExecResult, Host, HostErrorCode } from '../../core/host/host.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Parsed } from './parsed.parse.js'
import { t } from './wireguard.messages.js'

/** Every command here is a local lookup; a slow one must not hold up the scan. */
export const COMMAND_TIMEOUT_MS = 2000

export type Ran = { ok: true; result: ExecResult; command: string } | { ok: false; reason: Msg; command: string; code: HostErrorCode }

export async function run(host: Host, file: string, args: readonly string[], signal?: AbortSignal): Promise<Ran> {
  const command = [file, ...args].join(' ')
  const r = await attempt(command, () => host.exec(file, args, { timeoutMs: COMMAND_TIMEOUT_MS, ...(signal ? { signal } : {}) }))
  return r.ok
    ? { ok: true, result: r.value, command }
    : { ok: false, reason: describeHostError(r.reason, command), command, code: r.reason.code }
}

/** Parses a successful run's stdout; a non-zero exit or unreadable output becomes a reason. */
export function parseRun<T>(ran: Ran, parse: (stdout: string) => Parsed<T>): { ok: true; value: T } | { ok: false; reason: Msg } {
  if (!ran.ok) return { ok: false, reason: ran.reason }
  if (ran.result.code !== 0) {
    const detail = (ran.result.stderr || ran.result.stdout).trim().split(/\r?\n/)[0] || `exit code ${String(ran.result.code)}`
    return { ok: false, reason: t('commandFailed', { command: ran.command, detail }) }
  }
  const parsed = parse(ran.result.stdout)
  return parsed.ok ? parsed : { ok: false, reason: t('badOutput', { command: ran.command, reason: parsed.reason }) }
}
