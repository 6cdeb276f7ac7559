/**
 * Windows: the location switches. The per-app entries under the same ConsentStore key are
 * `permissions.apps`' to list; here only the switches that decide whether any app gets the location.
 */
import type { Msg } from '../../core/i18n/message.js'
import type { Evidence, Host } from '../../core/types.js'
import { findKey, findValue } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry, type RegistryRead } from '../../readers/windows/registry.io.js'
import { win32Text as t } from './location.messages.js'

export const LOCATION_POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\LocationAndSensors'
const CONSENT = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\location'
export const DEVICE_SWITCH = `HKLM\\${CONSENT}`
export const USER_SWITCH = `HKCU\\${CONSENT}`

/** A switch as read: Allow, Deny, not set, something else, or not readable. */
export type Switch = { kind: 'Allow' | 'Deny' | 'unset' } | { kind: 'other' | 'unread'; seen: Msg | string }

export interface WindowsLocation {
  platform: 'win32'
  evidence: Evidence[]
  /** DisableLocation = 1: location off for every user and app. */
  policyOff: boolean
  policy: Switch
  device: Switch
  user: Switch
}

function consent(read: RegistryRead, key: string, label: Msg, evidence: Evidence[]): Switch {
  const source = read.command
  if (read.status === 'unreadable') {
    evidence.push({ label, source, observed: read.reason })
    return { kind: 'unread', seen: read.reason }
  }
  const value = read.status === 'ok' ? findValue(findKey(read.keys, key), 'Value') : undefined
  if (!value) {
    evidence.push({ label, source, observed: t('seenUnset') })
    return { kind: 'unset' }
  }
  evidence.push({ label, source, observed: value.raw })
  return value.raw === 'Allow' || value.raw === 'Deny' ? { kind: value.raw } : { kind: 'other', seen: value.raw }
}

export async function readWindowsLocation(host: Host, signal?: AbortSignal): Promise<WindowsLocation> {
  const [policy, device, user] = await Promise.all([
    queryRegistry(host, LOCATION_POLICY, signal),
    queryRegistry(host, DEVICE_SWITCH, signal),
    queryRegistry(host, USER_SWITCH, signal),
  ])
  const evidence: Evidence[] = []
  let policyState: Switch = { kind: 'unset' }
  let policyOff = false
  if (policy.status === 'unreadable') {
    evidence.push({ label: t('labelPolicy'), source: policy.command, observed: policy.reason })
    policyState = { kind: 'unread', seen: policy.reason }
  } else {
    const value = policy.status === 'ok' ? findValue(findKey(policy.keys, LOCATION_POLICY), 'DisableLocation') : undefined
    evidence.push({ label: t('labelPolicy'), source: policy.command, observed: value ? value.raw : t('seenUnset') })
    policyOff = value?.data === 1
    if (value && value.data !== 0 && value.data !== 1) policyState = { kind: 'other', seen: value.raw }
  }
  return {
    platform: 'win32',
    evidence,
    policyOff,
    policy: policyState,
    device: consent(device, DEVICE_SWITCH, t('labelDevice'), evidence),
    user: consent(user, USER_SWITCH, t('labelUser'), evidence),
  }
}
