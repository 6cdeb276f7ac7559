import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/types.js'
import { t } from './encryption.messages.js'

export interface BitLockerVolume {
  mountPoint: string
  /** OperatingSystem, FixedData or Removable. */
  volumeType: string
  /** On, Off or Unknown. */
  protection: string
  /** FullyEncrypted, EncryptionInProgress, FullyDecrypted… */
  volumeStatus: string
  percentage: number | null
  /** Key protector types: Tpm, TpmPin, Password, RecoveryPassword… */
  protectors: string[]
  /** manage-bde named a protector in words Bulwark does not know, so how it unlocks is not known. */
  protectorsUnread?: boolean
}

// Windows PowerShell 5.1 writes enums as numbers in ConvertTo-Json; these are the documented values
// (Microsoft.BitLocker.Structures: BitLockerVolumeType, BitLockerVolumeProtectionStatus, BitLockerVolumeStatus).
const VOLUME_TYPES = ['OperatingSystem', 'FixedData', 'Removable']
const PROTECTION = ['Off', 'On', 'Unknown']
const VOLUME_STATUS = [
  'FullyDecrypted',
  'FullyEncrypted',
  'EncryptionInProgress',
  'DecryptionInProgress',
  'EncryptionSuspended',
  'DecryptionSuspended',
]

const named = (v: unknown, names: readonly string[]): string =>
  typeof v === 'number' && Number.isInteger(v) ? (names[v] ?? String(v)) : typeof v === 'string' ? v.slice(0, 64) : 'Unknown'

/** Parses the JSON of Get-BitLockerVolume (one object, or a list when several volumes). Pure, capped. */
export function parseBitLocker(json: string): Result<BitLockerVolume[], Msg> {
  if (json.length > 4 * 1024 * 1024) return failed(t('tooLarge'))
  if (json.trim() === '') return ok([])
  let data: unknown
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''))
  } catch {
    return failed(t('badJson'))
  }
  const list = Array.isArray(data) ? data : [data]
  const volumes: BitLockerVolume[] = []
  for (const item of list.slice(0, 128)) {
    if (typeof item !== 'object' || item === null) return failed(t('badShape'))
    const v = item as Record<string, unknown>
    if (typeof v.MountPoint !== 'string') return failed(t('badShape'))
    const raw = Array.isArray(v.KeyProtector)
      ? v.KeyProtector
      : v.KeyProtector === undefined || v.KeyProtector === null
        ? []
        : [v.KeyProtector]
    volumes.push({
      mountPoint: v.MountPoint.slice(0, 260),
      volumeType: named(v.VolumeType, VOLUME_TYPES),
      protection: named(v.ProtectionStatus, PROTECTION),
      volumeStatus: named(v.VolumeStatus, VOLUME_STATUS),
      percentage: typeof v.EncryptionPercentage === 'number' ? v.EncryptionPercentage : null,
      protectors: raw.slice(0, 32).flatMap((p) => (typeof p === 'string' ? [p.slice(0, 64)] : [])),
    })
  }
  return ok(volumes)
}
