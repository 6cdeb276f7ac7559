import type { Host } from '../../core/host/host.js'
import { parseToolOutput, runTool } from '../../core/host/toolkit.js'
import { t } from './sockets.messages.js'
import type { SocketFacts } from './sockets.verdict.js'
import { parseWindowsSockets } from './windows-sockets.parse.js'

/**
 * One PowerShell start for both tables and the names of their programs. "No such object" (nothing listens) is an
 * empty list; any other error stops the script, so a failure is never read as "nothing listens". No double quotes:
 * execFile quotes the argument.
 */
export const WIN_SOCKETS_SCRIPT = [
  "$ErrorActionPreference='Stop'",
  "function Q($c){ try { @(& $c) } catch { if ([string]$_.CategoryInfo.Category -eq 'ObjectNotFound') { @() } else { throw } } }",
  '$t=@(Q { Get-NetTCPConnection -State Listen } | Select-Object LocalAddress,LocalPort,OwningProcess)',
  '$u=@(Q { Get-NetUDPEndpoint } | Select-Object LocalAddress,LocalPort,OwningProcess)',
  '$ids=@(@($t)+@($u) | ForEach-Object OwningProcess | Sort-Object -Unique)',
  '$p=@(); if ($ids.Count) { $p=@(Get-Process -Id $ids -ErrorAction SilentlyContinue | Select-Object Id,ProcessName) }',
  '[pscustomobject]@{Tcp=$t;Udp=$u;Processes=$p} | ConvertTo-Json -Depth 3 -Compress',
].join('; ')

export const WIN_SOCKETS_ARGS = ['-NoProfile', '-NonInteractive', '-Command', WIN_SOCKETS_SCRIPT]
const SOURCE = 'powershell Get-NetTCPConnection -State Listen; Get-NetUDPEndpoint; Get-Process'

/** Windows: the TCP listeners and UDP endpoints with their OwningProcess, which any user may read, named by Get-Process. */
export async function gatherWin32(host: Host): Promise<SocketFacts> {
  const run = await runTool(host, 'powershell', WIN_SOCKETS_ARGS, { timeoutMs: 15_000 })
  const parsed = parseToolOutput(run, parseWindowsSockets)
  if (!parsed.ok) {
    return {
      listeners: t('tableUnread', { source: SOURCE, reason: parsed.reason.reason }),
      evidence: [{ label: t('evTable'), source: SOURCE, observed: parsed.reason.seen }],
    }
  }
  return {
    listeners: parsed.value,
    evidence: [{ label: t('evTable'), source: SOURCE, observed: t('obsListening', { count: parsed.value.length }) }],
  }
}
