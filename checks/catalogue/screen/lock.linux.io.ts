import { observedError, observedWord, tryReadText, tryStat } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import type { Evidence } from '../../core/types.js'
import { kdeBool, parseGsettingsValue, parseKdeGroup, wholeNumber } from './lock.parse.js'
import { t } from './lock.messages.js'
import type { LockFacts } from './lock.verdict.js'

type Key = readonly [schema: string, key: string]

/** One gsettings-based desktop: where its lock settings live and the unit of its delays. */
interface GsettingsDesktop {
  name: string
  lockEnabled: Key
  idleDelay: Key
  lockDelay: Key
  /** Seconds per unit of idleDelay and lockDelay (MATE counts minutes). */
  unit: number
  disabled: Key
  /** A switch that stops the screen saver starting on idle at all (MATE, Cinnamon). */
  idleActivation?: Key
  /** Ubuntu's own switch; upstream GNOME locks on suspend whenever lock-enabled is on (gnome-shell screenShield.js). */
  onSuspend?: Key
}

const GNOME: GsettingsDesktop = {
  name: 'GNOME',
  lockEnabled: ['org.gnome.desktop.screensaver', 'lock-enabled'],
  idleDelay: ['org.gnome.desktop.session', 'idle-delay'],
  lockDelay: ['org.gnome.desktop.screensaver', 'lock-delay'],
  unit: 1,
  disabled: ['org.gnome.desktop.lockdown', 'disable-lock-screen'],
  onSuspend: ['org.gnome.desktop.screensaver', 'ubuntu-lock-on-suspend'],
}
const CINNAMON: GsettingsDesktop = {
  name: 'Cinnamon',
  lockEnabled: ['org.cinnamon.desktop.screensaver', 'lock-enabled'],
  idleDelay: ['org.cinnamon.desktop.session', 'idle-delay'],
  lockDelay: ['org.cinnamon.desktop.screensaver', 'lock-delay'],
  unit: 1,
  disabled: ['org.cinnamon.desktop.lockdown', 'disable-lock-screen'],
  idleActivation: ['org.cinnamon.desktop.screensaver', 'idle-activation-enabled'],
}
const MATE: GsettingsDesktop = {
  name: 'MATE',
  lockEnabled: ['org.mate.screensaver', 'lock-enabled'],
  idleDelay: ['org.mate.session', 'idle-delay'],
  lockDelay: ['org.mate.screensaver', 'lock-delay'],
  unit: 60,
  disabled: ['org.mate.lockdown', 'disable-lock-screen'],
  idleActivation: ['org.mate.screensaver', 'idle-activation-enabled'],
}

/** XDG_CURRENT_DESKTOP names (colon-separated, "ubuntu:GNOME") → the family whose settings apply. */
function familyOf(desktop: string): GsettingsDesktop | 'kde' | undefined {
  const names = desktop.toLowerCase().split(':')
  if (names.includes('kde') || names.includes('plasma')) return 'kde'
  if (names.includes('x-cinnamon') || names.includes('cinnamon')) return CINNAMON
  if (names.includes('mate')) return MATE
  const gnomeLike = ['gnome', 'gnome-classic', 'gnome-flashback', 'ubuntu', 'unity', 'budgie', 'pop', 'zorin']
  return names.some((n) => gnomeLike.includes(n)) ? GNOME : undefined
}

export async function readLinuxLock(host: Host, signal?: AbortSignal): Promise<LockFacts> {
  const env = host.env
  const desktop = (env.XDG_CURRENT_DESKTOP || env.DESKTOP_SESSION || '').slice(0, 200)
  const evidence: Evidence[] = [{ label: t('labelDesktop'), source: 'XDG_CURRENT_DESKTOP', observed: desktop || t('seenNotSet') }]
  // Under sudo, HOME and the D-Bus address are root's: what gsettings answers would be root's choice, not the user's.
  if (env.SUDO_USER) return { kind: 'unknown', reason: t('asRoot', { user: env.SUDO_USER.slice(0, 64) }), evidence }
  if (!desktop) return { kind: 'unknown', reason: t('noSession'), evidence }
  const family = familyOf(desktop)
  if (family === undefined) return { kind: 'unknown', reason: t('unsupported', { desktop }), evidence }
  if (family === 'kde') return readKde(host, evidence)
  if (!(await hasSessionBus(host))) return { kind: 'unknown', reason: t('noBus', { desktop: family.name }), evidence }
  return readGsettings(host, family, evidence, signal)
}

async function hasSessionBus(host: Host): Promise<boolean> {
  if (host.env.DBUS_SESSION_BUS_ADDRESS) return true
  const runtime = host.env.XDG_RUNTIME_DIR
  if (!runtime) return false
  const bus = await tryStat(host, `${runtime}/bus`)
  return bus.ok && bus.value.kind === 'other'
}

type Read = { ok: true; value: boolean | number | string } | { ok: false; absent: boolean }

async function readGsettings(host: Host, d: GsettingsDesktop, evidence: Evidence[], signal?: AbortSignal): Promise<LockFacts> {
  const failures: Evidence[] = []
  const get = async ([schema, key]: Key, label: Evidence['label'], optional = false): Promise<Read> => {
    const source = `gsettings get ${schema} ${key}`
    // gsettings exits 1 for a schema or key this system does not have: an answer ("not here"), not a failure.
    const run = await runTool(host, 'gsettings', ['get', schema, key], {
      timeoutMs: 4000,
      signal,
      acceptExit: (code, out) => code === 1 && /No such (schema|key)/i.test(out.stderr),
    })
    if (!run.ok || run.value.code !== 0) {
      if (!(optional && run.ok)) failures.push({ label, source, observed: run.ok ? observedWord('none') : run.reason.seen })
      return { ok: false, absent: run.ok }
    }
    const parsed = parseGsettingsValue(run.value.stdout)
    if (!parsed.ok) {
      failures.push({ label, source, observed: observedError('io') })
      return { ok: false, absent: false }
    }
    evidence.push({ label, source, observed: parsed.value })
    return parsed
  }
  const enabled = await get(d.lockEnabled, t('labelLockEnabled'))
  const idle = await get(d.idleDelay, d.unit === 1 ? t('labelIdleDelay') : t('labelIdleMinutes'))
  const delay = await get(d.lockDelay, d.unit === 1 ? t('labelLockDelay') : t('labelLockMinutes'))
  const disabled = await get(d.disabled, t('labelLockDisabled'), true)
  const activation = d.idleActivation ? await get(d.idleActivation, t('labelScreenSaver'), true) : undefined
  const suspend = d.onSuspend ? await get(d.onSuspend, t('labelOnSuspend'), true) : undefined
  evidence.push(...failures)
  if (!enabled.ok || !idle.ok || !delay.ok || typeof idle.value !== 'number' || typeof delay.value !== 'number') {
    // A failure's value seen is always a message; a value of the wrong type (a string for a delay) is "read error".
    const first = failures[0]
    const seen = first && typeof first.observed === 'object' && first.observed !== null ? first.observed : observedError('io')
    return { kind: 'unknown', reason: t('unreadable', { source: first?.source ?? 'gsettings', reason: seen }), evidence }
  }
  const off = enabled.value !== true || (disabled.ok && disabled.value === true) || (activation?.ok === true && activation.value === false)
  // An idle delay of 0 means "never": the screen never blanks, so it never locks by itself.
  const lockSeconds = off || idle.value <= 0 ? null : (idle.value + Math.max(0, delay.value)) * d.unit
  const onSuspend = d === GNOME ? (suspend?.ok === true ? suspend.value === true : !off) : null
  return { kind: 'settings', desktop: d.name, lockSeconds, onSuspend, evidence }
}

/** KDE's defaults when a key is absent, from kscreenlocker's kcfg/kscreenlockersettings.kcfg. */
const KDE_DEFAULTS = { Autolock: 'true', Timeout: '5', Lock: 'true', LockGrace: '5', LockOnResume: 'true' } as const

async function readKde(host: Host, evidence: Evidence[]): Promise<LockFacts> {
  const dir = host.env.XDG_CONFIG_HOME || `${host.home}/.config`
  const file = `${dir}/kscreenlockerrc`
  const read = await tryReadText(host, file, { maxBytes: 1024 * 1024 })
  if (!read.ok && read.reason.code !== 'not_found') {
    evidence.push({ label: t('labelUnreadable'), source: file, observed: observedError(read.reason.code) })
    return { kind: 'unknown', reason: t('unreadable', { source: file, reason: observedError(read.reason.code) }), evidence }
  }
  const keys = read.ok ? parseKdeGroup(read.value, 'Daemon') : new Map<string, string>()
  const value = (key: keyof typeof KDE_DEFAULTS, label: Evidence['label']): string => {
    const set = keys.get(key)
    evidence.push({ label, source: `${file} [Daemon] ${key}`, observed: set ?? t('seenDefault', { value: KDE_DEFAULTS[key] }) })
    return set ?? KDE_DEFAULTS[key]
  }
  // A value KConfig could not read either falls back to the default, as KConfig does.
  const autolock = kdeBool(value('Autolock', t('labelLockEnabled'))) ?? true
  const timeout = wholeNumber(value('Timeout', t('labelIdleMinutes'))) ?? 5
  const lock = kdeBool(value('Lock', t('labelSecure'))) ?? true
  const grace = Math.min(300, wholeNumber(value('LockGrace', t('labelLockDelay'))) ?? 5)
  const onResume = kdeBool(value('LockOnResume', t('labelOnSuspend'))) ?? true
  const lockSeconds = autolock && lock && timeout > 0 ? timeout * 60 + grace : null
  return { kind: 'settings', desktop: 'KDE Plasma', lockSeconds, onSuspend: lock && onResume, evidence }
}
