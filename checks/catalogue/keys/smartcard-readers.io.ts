import { observedError, observedExit, processListCommand, tryStat } from '../../core/host/helpers.js'
import type { Evidence, Host } from '../../core/types.js'
import { commandOf, runTool } from '../../core/host/toolkit.js'
import { t } from './hardware.messages.js'
import { parsePnpReaders } from './pnp.parse.js'
import { POWERSHELL } from './presence.io.js'
import { parseSmartCardReaders } from './smartcards.parse.js'

/**
 * Smart-card readers and the PC/SC service, as evidence only: a PIV or OpenPGP card is not a FIDO
 * key, and `gpg --card-status` is never run (it starts scdaemon, which can hold the card).
 */
export const PCSCD_SOCKET = '/run/pcscd/pcscd.comm'
export const SYSTEM_PROFILER = '/usr/sbin/system_profiler'
export const SMARTCARDS_ARGS = ['SPSmartCardsDataType', '-json'] as const
export const PNP_READER_ARGS = [
  '-NoProfile',
  '-NonInteractive',
  '-Command',
  'Get-PnpDevice -PresentOnly -Class SmartCardReader | Select-Object InstanceId,FriendlyName | ConvertTo-Json',
] as const

async function linuxReaders(host: Host): Promise<Evidence[]> {
  const [socket, processes] = await Promise.all([tryStat(host, PCSCD_SOCKET), host.sysinfo.processes().catch(() => null)])
  const running = processes?.filter((p) => p.name === 'pcscd') ?? null
  return [
    {
      label: t('evPcscd'),
      source: PCSCD_SOCKET,
      observed: socket.ok ? t('obsPresentKind', { kind: socket.value.kind }) : observedError(socket.reason.code),
    },
    {
      label: t('evPcscd'),
      source: processListCommand(host.platform),
      observed:
        running === null
          ? t('obsProcessListUnavailable')
          : running.length > 0
            ? t('obsPcscdRunning', { pids: running.map((p) => p.pid).join(', ') })
            : t('obsPcscdNotRunning'),
    },
  ]
}

async function macReaders(host: Host, signal: AbortSignal): Promise<Evidence[]> {
  const run = await runTool(host, SYSTEM_PROFILER, SMARTCARDS_ARGS, { timeoutMs: 4000, signal })
  if (!run.ok) return [{ label: t('evSmartCardReader'), source: commandOf(run), observed: run.reason.seen }]
  const parsed = parseSmartCardReaders(run.value.stdout)
  if (!parsed.ok) return [{ label: t('evSmartCardReader'), source: commandOf(run), observed: parsed.reason }]
  if (parsed.value.length === 0) return [{ label: t('evSmartCardReader'), source: commandOf(run), observed: t('obsNoReaders') }]
  return parsed.value.map((r) => ({ label: t('evSmartCardReader'), source: commandOf(run), observed: r }))
}

const NO_SUCH_DEVICES = /\bNo Win32_PnPEntity objects found\b|\bObjectNotFound\b|CmdletizationQuery_NotFound/i

async function windowsReaders(host: Host, signal: AbortSignal): Promise<Evidence[]> {
  // With no reader present Get-PnpDevice fails with "No Win32_PnPEntity objects found with property …"
  // and exits 1. That sentence is in the display language; the ObjectNotFound category and the
  // CmdletizationQuery_NotFound error id Windows PowerShell prints under it are not.
  const run = await runTool(host, POWERSHELL, PNP_READER_ARGS, { timeoutMs: 4000, signal, acceptExit: (code) => code === 1 })
  if (!run.ok) return [{ label: t('evSmartCardReader'), source: commandOf(run), observed: run.reason.seen }]
  if (run.value.code !== 0 && !NO_SUCH_DEVICES.test(run.value.stderr)) {
    return [{ label: t('evSmartCardReader'), source: commandOf(run), observed: run.value.stderr.trim().slice(0, 300) || observedExit(1) }]
  }
  const parsed = parsePnpReaders(run.value.stdout)
  if (!parsed.ok) return [{ label: t('evSmartCardReader'), source: commandOf(run), observed: parsed.reason }]
  if (parsed.value.length === 0) return [{ label: t('evSmartCardReader'), source: commandOf(run), observed: t('obsNoReaders') }]
  return parsed.value.map((r) => ({ label: t('evSmartCardReader'), source: r.instanceId, observed: r.name ?? r.instanceId }))
}

export function detectSmartCardReaders(host: Host, signal: AbortSignal): Promise<Evidence[]> {
  if (host.platform === 'darwin') return macReaders(host, signal)
  if (host.platform === 'win32') return windowsReaders(host, signal)
  return linuxReaders(host)
}
