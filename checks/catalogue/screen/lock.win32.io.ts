import type { Host } from '../../core/host/host.js'
import type { Evidence } from '../../core/types.js'
import { findKey, findValue, type RegKey } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import { t } from './lock.messages.js'
import type { LockFacts } from './lock.verdict.js'

const DESKTOP = 'HKCU\\Control Panel\\Desktop'
const DESKTOP_POLICY = 'HKCU\\Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop'
const SYSTEM_POLICY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System'
/** The values a screen saver locks by; a policy that sets any of them overrides what the user chose. */
const SAVER_VALUES = ['ScreenSaveActive', 'SCRNSAVE.EXE', 'ScreenSaverIsSecure', 'ScreenSaveTimeOut'] as const

export async function readWin32Lock(host: Host, signal?: AbortSignal): Promise<LockFacts> {
  const evidence: Evidence[] = []
  const read = async (key: string): Promise<RegKey | undefined | Extract<LockFacts, { kind: 'unknown' }>> => {
    const r = await queryRegistry(host, key, signal)
    if (r.status === 'ok') return findKey(r.keys, key)
    if (r.status === 'absent') return undefined
    evidence.push({ label: t('labelUnreadable'), source: key, observed: r.reason })
    return { kind: 'unknown', reason: t('unreadable', { source: key, reason: r.reason }), evidence }
  }
  const user = await read(DESKTOP)
  if (user && 'kind' in user) return user
  const policy = await read(DESKTOP_POLICY)
  if (policy && 'kind' in policy) return policy
  const system = await read(SYSTEM_POLICY)
  if (system && 'kind' in system) return system

  // The policy key wins over the user's own choice, as Windows applies it.
  const setting = (name: string, label: Evidence['label']): string | undefined => {
    const fromPolicy = findValue(policy, name)
    const chosen = fromPolicy ?? findValue(user, name)
    const source = `${fromPolicy ? DESKTOP_POLICY : DESKTOP}\\${name}`
    evidence.push({ label, source, observed: chosen ? chosen.raw.slice(0, 260) : t('seenNotSet') })
    return chosen ? String(chosen.data).trim() : undefined
  }
  const active = setting('ScreenSaveActive', t('labelScreenSaver')) === '1'
  const program = setting('SCRNSAVE.EXE', t('labelScreenSaver'))
  const secure = setting('ScreenSaverIsSecure', t('labelSecure')) === '1'
  const timeout = Number(setting('ScreenSaveTimeOut', t('labelTimeout')) ?? '0')
  const inactivity = findValue(system, 'InactivityTimeoutSecs')
  evidence.push({
    label: t('labelInactivity'),
    source: `${SYSTEM_POLICY}\\InactivityTimeoutSecs`,
    observed: inactivity ? inactivity.raw.slice(0, 40) : t('seenNotSet'),
  })

  const limits: number[] = []
  // A screen saver locks only when one is chosen, it starts on idle, and resuming asks for the password.
  if (active && program && secure && Number.isInteger(timeout) && timeout > 0) limits.push(timeout)
  if (typeof inactivity?.data === 'number' && inactivity.data > 0) limits.push(inactivity.data)
  const lockSeconds = limits.length > 0 ? Math.min(...limits) : null
  const policySet = SAVER_VALUES.some((name) => findValue(policy, name) !== undefined)
  // The Blank screen saver's folder, for a fix that must choose one; only a plain drive path is taken.
  const root = host.env.SystemRoot ?? host.env.SYSTEMROOT
  const systemRoot = root !== undefined && /^[A-Za-z]:\\[A-Za-z0-9 ._()-]{1,200}$/.test(root) ? root : null
  return { kind: 'settings', desktop: 'Windows', lockSeconds, onSuspend: null, evidence, fix: { os: 'windows', policySet, systemRoot } }
}
