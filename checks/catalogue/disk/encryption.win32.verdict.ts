import type { ToolFailure } from '../../core/host/toolkit.js'
import type { Result } from '../../core/host/result.js'
import type { Evidence, Outcome } from '../../core/types.js'
import { t } from './encryption.messages.js'
import type { BitLockerVolume } from './bitlocker.parse.js'

const SOURCE = 'Get-BitLockerVolume'
const pinSteps = [{ text: t('stepWinPin'), requiresAdmin: true }]
// A protector that needs something from the person before Windows starts (a PIN, a USB key, a password).
const TYPED = new Set(['TpmPin', 'TpmPinStartupKey', 'TpmStartupKey', 'Password', 'ExternalKey'])

const state = (v: BitLockerVolume): string => `${v.protection}, ${v.volumeStatus}${v.percentage === null ? '' : ` ${v.percentage}%`}`
const protectedFully = (v: BitLockerVolume): boolean => v.protection === 'On' && v.volumeStatus === 'FullyEncrypted'

/** Pure: BitLocker on the system volume (protection on, fully encrypted, how it unlocks), then fixed data volumes. */
export function win32DiskOutcome(read: Result<BitLockerVolume[], ToolFailure>): Outcome {
  if (!read.ok)
    return {
      status: 'unknown',
      summary: t('bitLockerUnread', { reason: read.reason.reason }),
      evidence: [{ label: t('labelVolume', { mount: 'C:' }), source: SOURCE, observed: read.reason.seen }],
    }
  const volumes = read.value
  const evidence: Evidence[] = volumes.map((v) => ({
    label: t('labelVolume', { mount: v.mountPoint }),
    source: SOURCE,
    observed: `${v.volumeType}: ${state(v)}; ${v.protectors.join(', ') || '-'}`,
  }))
  const system = volumes.find((v) => v.volumeType === 'OperatingSystem')
  if (!system) return { status: 'unknown', summary: t('bitLockerUnread', { reason: t('noSystemVolume') }), evidence }
  if (!protectedFully(system))
    return { status: 'fail', summary: t('bitLockerOff', { mount: system.mountPoint, state: state(system) }), evidence }
  const data = volumes.find((v) => v.volumeType === 'FixedData' && !protectedFully(v))
  if (data) return { status: 'fail', summary: t('bitLockerData', { mount: data.mountPoint, state: state(data) }), evidence }
  if (!system.protectors.some((p) => TYPED.has(p)))
    return { status: 'warn', summary: t('bitLockerTpmOnly', { mount: system.mountPoint }), evidence, steps: pinSteps }
  return { status: 'pass', summary: t('bitLockerOn', { mount: system.mountPoint }), evidence }
}
