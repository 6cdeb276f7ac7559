import type { Evidence, Outcome } from '../../core/types.js'
import { t } from './encryption.messages.js'
import type { BitLockerVolume } from './bitlocker.parse.js'
import type { Win32DiskFacts } from './encryption.win32.io.js'

const pinSteps = [{ text: t('stepWinPin'), requiresAdmin: true }]
const clearKeySteps = [{ text: t('stepWinDeviceEncryption'), requiresAdmin: true }]
// A protector that needs something from the person before Windows starts (a PIN, a USB key, a password).
const TYPED = new Set(['TpmPin', 'TpmPinStartupKey', 'TpmStartupKey', 'Password', 'ExternalKey'])

const state = (v: BitLockerVolume): string => `${v.protection}, ${v.volumeStatus}${v.percentage === null ? '' : ` ${v.percentage}%`}`
const protectedFully = (v: BitLockerVolume): boolean => v.protection === 'On' && v.volumeStatus === 'FullyEncrypted'

/**
 * Pure: BitLocker on the system volume (protection on, fully encrypted, how it unlocks), then fixed
 * data volumes. Read from Get-BitLockerVolume, or from `manage-bde -status` where that cannot run
 * (Windows Home's Device Encryption is BitLocker underneath and manage-bde reports it).
 */
export function win32DiskOutcome(f: Win32DiskFacts): Outcome {
  const evidence: Evidence[] = []
  const read = f.bitLocker.ok ? f.bitLocker : (f.manageBde ?? f.bitLocker)
  if (!f.bitLocker.ok) {
    evidence.push({ label: t('labelVolume', { mount: 'C:' }), source: 'Get-BitLockerVolume', observed: f.bitLocker.reason.seen })
    if (f.manageBde && !f.manageBde.ok)
      evidence.push({ label: t('labelVolume', { mount: 'C:' }), source: 'manage-bde -status', observed: f.manageBde.reason.seen })
  }
  if (!read.ok) return { status: 'unknown', summary: t('bitLockerUnread', { reason: read.reason.reason }), evidence }
  const source = f.bitLocker.ok ? 'Get-BitLockerVolume' : 'manage-bde -status'
  const volumes = read.value
  for (const v of volumes)
    evidence.push({
      label: t('labelVolume', { mount: v.mountPoint }),
      source,
      observed: `${v.volumeType}: ${state(v)}; ${v.protectors.join(', ') || '-'}`,
    })
  const system = volumes.find((v) => v.volumeType === 'OperatingSystem')
  if (!system) return { status: 'unknown', summary: t('bitLockerUnread', { reason: t('noSystemVolume') }), evidence }
  const mount = system.mountPoint
  if (system.volumeStatus === 'EncryptionInProgress')
    return { status: 'warn', summary: t('bitLockerBusy', { mount, state: state(system) }), evidence }
  // Encrypted with protection off: the key sits in the clear on the disk (suspended BitLocker, or Device
  // Encryption still waiting for an administrator's Microsoft account to back up its recovery key).
  if (system.protection === 'Off' && system.volumeStatus === 'FullyEncrypted')
    return { status: 'fail', summary: t('bitLockerClearKey', { mount }), evidence, steps: clearKeySteps }
  if (!protectedFully(system)) return { status: 'fail', summary: t('bitLockerOff', { mount, state: state(system) }), evidence }
  const data = volumes.find((v) => v.volumeType === 'FixedData' && !protectedFully(v))
  if (data) return { status: 'fail', summary: t('bitLockerData', { mount: data.mountPoint, state: state(data) }), evidence }
  if (system.protectors.some((p) => TYPED.has(p))) return { status: 'pass', summary: t('bitLockerOn', { mount }), evidence }
  if (system.protectorsUnread) return { status: 'unknown', summary: t('bitLockerProtectorsUnread', { mount }), evidence }
  return { status: 'warn', summary: t('bitLockerTpmOnly', { mount }), evidence, steps: pinSteps }
}
