import type { Host } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import { defineMessages, verbatim, type Msg } from '../../core/i18n/message.js'
import { parseRegQuery, type RegKey } from './reg-query.parse.js'

export type RegistryRead =
  | { status: 'ok'; keys: RegKey[]; command: string }
  | { status: 'absent'; command: string }
  | { status: 'unreadable'; command: string; reason: Msg }

const t = defineMessages('reader.registry', {
  denied: 'access is denied',
  exit: 'exit code {code}',
})

/**
 * Runs `reg query <key> /s` (argument array, no shell). reg exits 1 when the key does not exist, which
 * is an answer ("not configured"), not an error.
 */
export async function queryRegistry(host: Host, key: string, signal?: AbortSignal): Promise<RegistryRead> {
  const args = ['query', key, '/s']
  const command = `reg ${args.join(' ')}`
  // Every exit is read here: reg's 1 can mean "no such key", an answer.
  const run = await runTool(host, 'reg', args, { timeoutMs: 4000, acceptExit: () => true, signal })
  // The short form ("permission denied"): callers put it inside their own sentence.
  if (!run.ok) return { status: 'unreadable', command, reason: run.reason.seen }
  const result = run.value
  if (result.code === 0) return { status: 'ok', keys: parseRegQuery(result.stdout), command }
  const text = `${result.stderr}\n${result.stdout}`
  if (/unable to find/i.test(text)) return { status: 'absent', command }
  if (/access is denied/i.test(text)) return { status: 'unreadable', command, reason: t('denied') }
  // reg's own words, in the display language, are the reason as it printed them.
  const reason = text.trim() ? verbatim(text.trim()) : t('exit', { code: String(result.code) })
  // reg words its errors in the display language and the console code page ("系统找不到指定的注册表项或值。"
  // on a Chinese Windows), so an unrecognised message is settled by asking whether the key exists at all.
  const exists = await keyExists(host, key, signal)
  return exists === false ? { status: 'absent', command } : { status: 'unreadable', command, reason }
}

/** PowerShell's Test-Path answers True/False whatever the display language; null when it says neither. */
async function keyExists(host: Host, key: string, signal?: AbortSignal): Promise<boolean | null> {
  // Inside a single-quoted PowerShell string only quote characters (ASCII and the typographic ones
  // PowerShell also accepts) are special; doubling them keeps the key literal.
  const literal = key.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')
  const script = `Test-Path -LiteralPath 'Registry::${literal}'`
  const run = await runTool(host, 'powershell', ['-NoProfile', '-NonInteractive', '-Command', script], {
    timeoutMs: 8000,
    signal,
  })
  if (!run.ok) return null
  const answer = run.value.stdout.trim()
  return answer === 'False' ? false : answer === 'True' ? true : null
}
