import type { Host } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import { englishText } from '../../core/i18n/message.js'
import { parseRegQuery, type RegKey } from './reg-query.parse.js'

export type RegistryRead =
  | { status: 'ok'; keys: RegKey[]; command: string }
  | { status: 'absent'; command: string }
  | { status: 'unreadable'; command: string; reason: string }

/**
 * Runs `reg query <key> /s` (argument array, no shell). reg exits 1 with "unable to find" when the
 * key does not exist, which is an answer ("not configured"), not an error.
 */
export async function queryRegistry(host: Host, key: string, signal?: AbortSignal): Promise<RegistryRead> {
  const args = ['query', key, '/s']
  const command = `reg ${args.join(' ')}`
  // Every exit is read here: reg's 1 can mean "no such key", an answer.
  const run = await runTool(host, 'reg', args, { timeoutMs: 4000, acceptExit: () => true, signal })
  if (!run.ok) return { status: 'unreadable', command, reason: englishText(run.reason.reason) }
  const result = run.value
  if (result.code === 0) return { status: 'ok', keys: parseRegQuery(result.stdout), command }
  const text = `${result.stderr}\n${result.stdout}`
  if (/unable to find/i.test(text)) return { status: 'absent', command }
  if (/access is denied/i.test(text)) return { status: 'unreadable', command, reason: 'Access is denied' }
  return { status: 'unreadable', command, reason: text.trim() || `exit code ${String(result.code)}` }
}
