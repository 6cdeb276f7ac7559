import { attempt, describeHostError, observedError, observedExit } from '../../core/host/helpers.js'
import type { ExecResult, Host, HostErrorCode } from '../../core/host/host.js'
import type { Msg } from '../../core/types.js'
import { t } from './hardware.messages.js'

export type CommandRun =
  | { ok: true; line: string; result: ExecResult }
  | {
      ok: false
      line: string
      reason: Msg
      code: HostErrorCode | 'exit' | 'truncated'
      /** The failure, short, as the value seen in evidence. */
      seen: Msg
    }

/**
 * Runs a read-only command and turns "missing tool", "timed out" and "output cut off" into a reason.
 * A non-zero exit is left to the caller when `acceptExit` says the code carries an answer.
 */
export async function runCommand(
  host: Host,
  file: string,
  args: readonly string[],
  options: { timeoutMs: number; maxBytes?: number; signal: AbortSignal; acceptExit?: (code: number | null) => boolean },
): Promise<CommandRun> {
  const line = [file, ...args].join(' ')
  const run = await attempt(line, () =>
    host.exec(file, args, { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes ?? 8 * 1024 * 1024, signal: options.signal }),
  )
  if (!run.ok)
    return { ok: false, line, reason: describeHostError(run.reason, file), code: run.reason.code, seen: observedError(run.reason.code) }
  const result = run.value
  if (result.truncated)
    return { ok: false, line, reason: t('commandTruncated', { command: line }), code: 'truncated', seen: observedError('too_large') }
  if (result.code !== 0 && !(options.acceptExit?.(result.code) ?? false)) {
    const detail = (result.stderr || result.stdout).trim().split(/\r?\n/)[0]?.slice(0, 300) ?? ''
    const code = String(result.code)
    return { ok: false, line, reason: t('commandFailed', { command: line, code, detail }), code: 'exit', seen: observedExit(code) }
  }
  return { ok: true, line, result }
}
