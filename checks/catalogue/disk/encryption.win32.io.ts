import { parseToolOutput, runTool, type ToolFailure } from '../../core/host/toolkit.js'
import type { Result } from '../../core/host/result.js'
import type { Host } from '../../core/types.js'
import { parseBitLocker, type BitLockerVolume } from './bitlocker.parse.js'

export const BITLOCKER_SCRIPT =
  'Get-BitLockerVolume | Select-Object MountPoint,VolumeType,ProtectionStatus,VolumeStatus,EncryptionPercentage,@{n="KeyProtector";e={@($_.KeyProtector | ForEach-Object { [string]$_.KeyProtectorType })}} | ConvertTo-Json -Depth 3'

export async function readWin32Disk(host: Host, signal?: AbortSignal): Promise<Result<BitLockerVolume[], ToolFailure>> {
  const run = await runTool(host, 'powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', BITLOCKER_SCRIPT], {
    timeoutMs: 20_000,
    maxBytes: 1024 * 1024,
    signal,
  })
  return parseToolOutput(run, parseBitLocker)
}
