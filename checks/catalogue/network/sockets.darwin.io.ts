import type { Host } from '../../core/host/host.js'
import { isLoopbackAddress, parseToolOutput, runTool, type ToolRun } from '../../core/host/toolkit.js'
import type { Evidence } from '../../core/types.js'
import { parseLsofFields } from './lsof.parse.js'
import { t } from './sockets.messages.js'
import type { Listener, SocketFacts } from './sockets.verdict.js'

export const LSOF_TCP = ['-nP', '-iTCP', '-sTCP:LISTEN', '-F', 'pcPtn'] as const
export const LSOF_UDP = ['-nP', '-iUDP', '-F', 'pcPtn'] as const

// lsof exits 1 when it found no file to list: an empty answer, not a failure.
const emptyIsAnswer = (code: number | null, out: { stdout: string }): boolean => code === 1 && out.stdout.trim() === ''

/**
 * macOS: lsof's field output for listening TCP and bound UDP sockets, with their programs. Run as a user, lsof
 * lists that user's programs only (it cannot inspect the system's), so the facts say the table may be partial.
 */
export async function gatherDarwin(host: Host): Promise<SocketFacts> {
  const lsof = (args: readonly string[]): Promise<ToolRun> => runTool(host, 'lsof', args, { timeoutMs: 10_000, acceptExit: emptyIsAnswer })
  const [tcp, udp, id] = await Promise.all([lsof(LSOF_TCP), lsof(LSOF_UDP), runTool(host, 'id', ['-u'], { timeoutMs: 2000 })])
  const evidence: Evidence[] = []
  const listeners: Listener[] = []
  for (const run of [tcp, udp]) {
    const parsed = parseToolOutput(run, parseLsofFields)
    const command = run.ok ? run.value.command : run.reason.command
    if (!parsed.ok) {
      evidence.push({ label: t('evTable'), source: command, observed: parsed.reason.seen })
      return { listeners: t('tableUnread', { source: command, reason: parsed.reason.reason }), evidence }
    }
    evidence.push({ label: t('evTable'), source: command, observed: t('obsListening', { count: parsed.value.length }) })
    listeners.push(...parsed.value)
  }
  const uid = id.ok ? id.value.stdout.trim() : ''
  evidence.push({ label: t('evAccount'), source: 'id -u', observed: id.ok ? uid : id.reason.seen })
  const facts: SocketFacts = { listeners, evidence }
  if (uid !== '0') facts.partial = t('partialUser')
  const hidden = listeners.filter((l) => !l.process && !isLoopbackAddress(l.address)).length
  if (hidden > 0) facts.ownersHidden = t('ownersHiddenMac', { count: hidden })
  return facts
}
