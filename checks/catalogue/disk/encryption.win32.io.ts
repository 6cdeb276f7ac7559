import { parseToolOutput, runTool, type ToolFailure } from '../../core/host/toolkit.js'
import type { Result } from '../../core/host/result.js'
import type { Host } from '../../core/types.js'
import { parseBitLocker, type BitLockerVolume } from './bitlocker.parse.js'
import { parseManageBde } from './manage-bde.parse.js'

export const BITLOCKER_SCRIPT =
  'Get-BitLockerVolume | Select-Object MountPoint,VolumeType,ProtectionStatus,VolumeStatus,EncryptionPercentage,@{n="KeyProtector";e={@($_.KeyProtector | ForEach-Object { [string]$_.KeyProtectorType })}} | ConvertTo-Json -Depth 3'

export interface Win32DiskFacts {
  bitLocker: Result<BitLockerVolume[], ToolFailure>
  /** Read only when Get-BitLockerVolume could not be: manage-bde ships with every edition, Home included. */
  manageBde: Result<BitLockerVolume[], ToolFailure> | null
}

export async function readWin32Disk(host: Host, signal?: AbortSignal): Promise<Win32DiskFacts> {
  const options = { timeoutMs: 20_000, maxBytes: 1024 * 1024, signal }
  const run = await runTool(host, 'powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', BITLOCKER_SCRIPT], options)
  const bitLocker = parseToolOutput(run, parseBitLocker)
  if (bitLocker.ok) return { bitLocker, manageBde: null }
  return { bitLocker, manageBde: parseToolOutput(await runTool(host, 'manage-bde.exe', ['-status'], options), parseManageBde) }
}
