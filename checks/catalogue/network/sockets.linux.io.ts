import { describeHostError, observedError, observedUnknown, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { isLoopbackAddress, parseToolOutput, runTool } from '../../core/host/toolkit.js'
import type { Evidence } from '../../core/types.js'
import type { Transport } from './inbound.verdict.js'
import { parseProcNet, type ProcSocket } from './proc-net.parse.js'
import { t } from './sockets.messages.js'
import type { Listener, SocketFacts } from './sockets.verdict.js'
import { parseSsExtras } from './ss.parse.js'

const TABLES: ReadonlyArray<{ path: string; transport: Transport; optional: boolean }> = [
  { path: '/proc/net/tcp', transport: 'tcp', optional: false },
  { path: '/proc/net/tcp6', transport: 'tcp', optional: true },
  { path: '/proc/net/udp', transport: 'udp', optional: false },
  { path: '/proc/net/udp6', transport: 'udp', optional: true },
]

/** A table row is ~150 bytes: 32 MiB is some 200,000 sockets, past any laptop's. */
const TABLE_MAX_BYTES = 32 * 1024 * 1024
export const SS_ARGS = ['-H', '-tulpne'] as const

/**
 * Linux: the kernel's own tables, which any user may read (every socket of this network namespace, whoever owns
 * it), then `ss -p -e` for the program holding each socket, matched by inode. ss reads /proc/<pid>/fd as this user
 * does, so without root the programs of other users stay unnamed, and the facts say so. (A Host can list and stat
 * files but not read a link, so the fd walk itself is ss's.)
 */
export async function gatherLinux(host: Host): Promise<SocketFacts> {
  const evidence: Evidence[] = []
  const sockets: ProcSocket[] = []
  // ss walks every process's descriptors, the longest wait here: it starts with the four table reads, not after
  // them. Its answer is unused when a table cannot be read.
  const ownersRun = runTool(host, 'ss', SS_ARGS, { timeoutMs: 5000 })
  const reads = await Promise.all(
    TABLES.map(async (table) => ({ table, read: await tryReadText(host, table.path, { maxBytes: TABLE_MAX_BYTES }) })),
  )
  for (const { table, read } of reads) {
    if (!read.ok) {
      if (table.optional && read.reason.code === 'not_found') {
        evidence.push({ label: t('evTable'), source: table.path, observed: t('obsAbsent') })
        continue
      }
      const reason = t('tableUnread', { source: table.path, reason: describeHostError(read.reason, table.path) })
      return {
        listeners: reason,
        evidence: [...evidence, { label: t('evTable'), source: table.path, observed: observedError(read.reason.code) }],
      }
    }
    const parsed = parseProcNet(read.value, table.transport)
    if (!parsed.ok) {
      const reason = t('tableMalformed', { source: table.path, problem: parsed.reason })
      return { listeners: reason, evidence: [...evidence, { label: t('evTable'), source: table.path, observed: observedUnknown(reason) }] }
    }
    evidence.push({ label: t('evTable'), source: table.path, observed: t('obsListening', { count: parsed.value.length }) })
    sockets.push(...parsed.value)
  }
  const owners = parseToolOutput(await ownersRun, parseSsExtras)
  const command = `ss ${SS_ARGS.join(' ')}`
  const listeners: Listener[] = sockets.map(({ inode, ...s }) => {
    const extra = owners.ok && inode !== 0 ? owners.value.get(inode) : undefined
    return extra ? { ...s, ...extra } : s
  })
  if (!owners.ok) {
    evidence.push({ label: t('evOwners'), source: command, observed: owners.reason.seen })
    return { listeners, evidence, ownersHidden: t('ownersUnread', { reason: owners.reason.reason }) }
  }
  const named = listeners.filter((l) => l.process).length
  evidence.push({ label: t('evOwners'), source: command, observed: t('obsOwners', { count: named }) })
  const hidden = listeners.filter((l) => !l.process && !isLoopbackAddress(l.address)).length
  return hidden > 0 ? { listeners, evidence, ownersHidden: t('ownersHidden', { count: hidden }) } : { listeners, evidence }
}
