import { observedError, observedWord, tryReadText, tryStat } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Evidence } from '../../core/types.js'
import { kdeBool, parseGsettingsValue, parseKdeGroup, wholeNumber } from './lock.parse.js'
import { t } from './lock.messages.js'
import type { LockFacts } from './lock.verdict.js'
import { readStandaloneLocker } from './lockers.linux.io.js'
import { MAX_XFCONF_BYTES, parseXfconfChannel, xfconfBool, xfconfInt, type XfconfValue } from './xfconf.parse.js'

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
  /** What an idle delay below 1 unit counts as, when the locker does not read it as "never" (MATE). */
  idleBelowOne?: number
  /** The locker's cap on both delays, in units (MATE). */
  maxDelay?: number
  /** Where lock on suspend is set, and what it is when its schema is not installed. */
  onSuspend: SuspendRule
}

/**
 * Lock on suspend: one key (`absent` is the answer when the system has no schema for it), or MATE's pair, where
 * mate-power-manager's gpm-control.c follows the screen saver's lock-enabled while `follow` is on (its default) and
 * its own `key` otherwise.
 */
type SuspendRule = { key: Key; absent: 'lockEnabled' | 'notRead' } | { follow: Key; key: Key }

const GNOME: GsettingsDesktop = {
  name: 'GNOME',
  lockEnabled: ['org.gnome.desktop.screensaver', 'lock-enabled'],
  idleDelay: ['org.gnome.desktop.session', 'idle-delay'],
  lockDelay: ['org.gnome.desktop.screensaver', 'lock-delay'],
  unit: 1,
  disabled: ['org.gnome.desktop.lockdown', 'disable-lock-screen'],
  // Ubuntu's own switch; upstream GNOME locks on suspend whenever lock-enabled is on (gnome-shell screenShield.js).
  onSuspend: { key: ['org.gnome.desktop.screensaver', 'ubuntu-lock-on-suspend'], absent: 'lockEnabled' },
}
const CINNAMON: GsettingsDesktop = {
  name: 'Cinnamon',
  lockEnabled: ['org.cinnamon.desktop.screensaver', 'lock-enabled'],
  idleDelay: ['org.cinnamon.desktop.session', 'idle-delay'],
  lockDelay: ['org.cinnamon.desktop.screensaver', 'lock-delay'],
  unit: 1,
  disabled: ['org.cinnamon.desktop.lockdown', 'disable-lock-screen'],
  idleActivation: ['org.cinnamon.desktop.screensaver', 'idle-activation-enabled'],
  // cinnamon-session's csm-manager.c locks before suspend only when this is on; its schema (cinnamon-settings-daemon)
  // defaults it to false.
  onSuspend: { key: ['org.cinnamon.settings-daemon.plugins.power', 'lock-on-suspend'], absent: 'notRead' },
}
const MATE: GsettingsDesktop = {
  name: 'MATE',
  lockEnabled: ['org.mate.screensaver', 'lock-enabled'],
  idleDelay: ['org.mate.session', 'idle-delay'],
  lockDelay: ['org.mate.screensaver', 'lock-delay'],
  unit: 60,
  disabled: ['org.mate.lockdown', 'disable-lock-screen'],
  idleActivation: ['org.mate.screensaver', 'idle-activation-enabled'],
  // mate-screensaver's gs-prefs.c: an idle-delay below 1 minute counts as 10, and both delays are capped at 480.
  idleBelowOne: 10,
  maxDelay: 480,
  onSuspend: { follow: ['org.mate.power-manager', 'lock-use-screensaver'], key: ['org.mate.power-manager', 'lock-suspend'] },
}

/** XDG_CURRENT_DESKTOP names (colon-separated, "ubuntu:GNOME") → the family whose settings apply. */
function familyOf(desktop: string): GsettingsDesktop | 'kde' | 'xfce' | undefined {
  const names = desktop.toLowerCase().split(':')
  if (names.includes('kde') || names.includes('plasma')) return 'kde'
  if (names.includes('xfce')) return 'xfce'
  if (names.includes('x-cinnamon') || names.includes('cinnamon')) return CINNAMON
  if (names.includes('mate')) return MATE
  const gnomeLike = ['gnome', 'gnome-classic', 'gnome-flashback', 'ubuntu', 'unity', 'budgie', 'pop', 'zorin']
  return names.some((n) => gnomeLike.includes(n)) ? GNOME : undefined
}

/** Window managers and compositors that come with no locker: a session of theirs without one has none. */
const BARE = new Set([
  'i3',
  'sway',
  'bspwm',
  'openbox',
  'awesome',
  'dwm',
  'herbstluftwm',
  'xmonad',
  'qtile',
  'river',
  'niri',
  'wayfire',
  'labwc',
  'fluxbox',
  'icewm',
  'jwm',
  'spectrwm',
  'fvwm',
  'cwm',
  'hyprland',
  'dwl',
  'leftwm',
  'windowmaker',
])
const isBareSession = (desktop: string): boolean =>
  desktop
    .toLowerCase()
    .split(':')
    .some((n) => BARE.has(n))

export async function readLinuxLock(host: Host, signal?: AbortSignal): Promise<LockFacts> {
  const env = host.env
  const desktop = (env.XDG_CURRENT_DESKTOP || env.DESKTOP_SESSION || '').slice(0, 200)
  const evidence: Evidence[] = [{ label: t('labelDesktop'), source: 'XDG_CURRENT_DESKTOP', observed: desktop || t('seenNotSet') }]
  // Under sudo, HOME and the D-Bus address are root's: what gsettings answers would be root's choice, not the user's.
  if (env.SUDO_USER) return { kind: 'unknown', reason: t('asRoot', { user: env.SUDO_USER.slice(0, 64) }), evidence }
  const wayland = Boolean(env.WAYLAND_DISPLAY) || env.XDG_SESSION_TYPE === 'wayland'
  // startx and most window managers' sessions set no desktop name, only DISPLAY or WAYLAND_DISPLAY.
  // Over SSH, DISPLAY is a forwarded one: xset would read the SSH client's X server, not this machine's.
  if (!desktop && (Boolean(env.SSH_CONNECTION) || (!wayland && !env.DISPLAY))) return { kind: 'unknown', reason: t('noSession'), evidence }
  const family = familyOf(desktop)
  const standalone = async (): Promise<LockFacts> =>
    readStandaloneLocker(
      host,
      { desktop: desktop || (wayland ? 'Wayland' : 'X11'), wayland, bus: await hasSessionBus(host) },
      evidence,
      signal,
    )
  if (family === undefined) {
    const facts = await standalone()
    // A desktop Bulwark does not know may have a locker of its own: finding none of the known ones proves nothing.
    if (facts.kind === 'warn' && desktop && !isBareSession(desktop))
      return { kind: 'unknown', reason: t('unsupported', { desktop }), evidence }
    return facts
  }
  if (family === 'kde') return readKde(host, evidence)
  if (family === 'xfce') return readXfce(host, evidence, standalone)
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
  const rule = d.onSuspend
  const follow = 'follow' in rule ? await get(rule.follow, t('labelSuspendFollows'), true) : undefined
  // MATE reads its own lock-suspend only when lock-use-screensaver is false; otherwise the key is not consulted.
  const suspend = follow?.ok === true && follow.value === true ? undefined : await get(rule.key, t('labelOnSuspend'), true)
  evidence.push(...failures)
  if (!enabled.ok || !idle.ok || !delay.ok || typeof idle.value !== 'number' || typeof delay.value !== 'number') {
    // A failure's value seen is always a message; a value of the wrong type (a string for a delay) is "read error".
    const first = failures[0]
    const seen = first && typeof first.observed === 'object' && first.observed !== null ? first.observed : observedError('io')
    return { kind: 'unknown', reason: t('unreadable', { source: first?.source ?? 'gsettings', reason: seen }), evidence }
  }
  const off = enabled.value !== true || (disabled.ok && disabled.value === true) || (activation?.ok === true && activation.value === false)
  const cap = (n: number): number => (d.maxDelay === undefined ? n : Math.min(d.maxDelay, n))
  // GNOME and Cinnamon read an idle delay of 0 as "never": the screen never blanks, so it never locks by itself.
  const idleUnits = idle.value < 1 && d.idleBelowOne !== undefined ? d.idleBelowOne : cap(idle.value)
  const lockSeconds = off || idleUnits <= 0 ? null : (idleUnits + cap(Math.max(0, delay.value))) * d.unit
  const lockOn = enabled.value === true && !(disabled.ok && disabled.value === true)
  const onSuspend = suspendLock(rule, follow, suspend, lockOn)
  return { kind: 'settings', desktop: d.name, lockSeconds, onSuspend, evidence }
}

/** Whether the desktop locks on suspend, from what was read of its rule; null when its settings are not installed. */
function suspendLock(rule: SuspendRule, follow: Read | undefined, own: Read | undefined, lockOn: boolean): boolean | null {
  if (own?.ok === true) return own.value === true
  if ('follow' in rule) {
    // gpm-control.c: lock-use-screensaver on (the schema's default) means the screen saver's lock-enabled decides.
    if (follow?.ok === true && follow.value === true) return lockOn
    return null
  }
  return rule.absent === 'lockEnabled' ? lockOn : null
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

/** xfce4-screensaver's defaults when a property is absent, from its src/gs-prefs.h (delays in minutes). */
const XFCE_DEFAULTS = {
  '/saver/enabled': true,
  '/saver/idle-activation/enabled': true,
  '/saver/idle-activation/delay': 5,
  '/lock/enabled': true,
  '/lock/saver-activation/enabled': true,
  '/lock/saver-activation/delay': 0,
  '/xfce4-power-manager/lock-screen-suspend-hibernate': true,
} as const
type XfceKey = keyof typeof XFCE_DEFAULTS

const XFCONF_DIR = 'xfce4/xfconf/xfce-perchannel-xml'
/** Installed by the xfce4-screensaver package: its presence says this locker is the one XFCE starts. */
const XFCE_AUTOSTART = '/etc/xdg/autostart/xfce4-screensaver.desktop'

type Channel = { ok: true; values: Map<string, XfconfValue>; files: string[]; userFile: string } | { ok: false; file: string; reason: Msg }

/** One channel as xfconfd sees it: the system file under /etc/xdg, then the user's file over it. */
async function readChannel(host: Host, channel: string): Promise<Channel> {
  const userDir = host.env.XDG_CONFIG_HOME || `${host.home}/.config`
  const values = new Map<string, XfconfValue>()
  const files: string[] = []
  const userFile = `${userDir}/${XFCONF_DIR}/${channel}.xml`
  for (const file of [`/etc/xdg/${XFCONF_DIR}/${channel}.xml`, userFile]) {
    const read = await tryReadText(host, file, { maxBytes: MAX_XFCONF_BYTES })
    if (!read.ok && read.reason.code === 'not_found') continue
    if (!read.ok) return { ok: false, file, reason: observedError(read.reason.code) }
    const parsed = parseXfconfChannel(read.value, channel)
    if (!parsed.ok) return { ok: false, file, reason: observedError('io') }
    for (const [k, v] of parsed.value) values.set(k, v)
    files.push(file)
  }
  return { ok: true, values, files, userFile }
}

function unreadableChannel(r: Channel & { ok: false }, evidence: Evidence[]): LockFacts {
  evidence.push({ label: t('labelUnreadable'), source: r.file, observed: r.reason })
  return { kind: 'unknown', reason: t('unreadable', { source: r.file, reason: r.reason }), evidence }
}

/**
 * xfce4-power-manager locks before suspend when lock-screen-suspend-hibernate is on (its default), through xflock4,
 * whose last fallback is `light-locker-command --lock` (xfce4-session scripts/xflock4): so light-locker locks on an
 * XFCE suspend even with its own lock-on-suspend off.
 */
function powerManagerLocks(power: Channel & { ok: true }, evidence: Evidence[]): boolean {
  const key = '/xfce4-power-manager/lock-screen-suspend-hibernate'
  const read = xfconfBool(power.values.get(key))
  evidence.push({
    label: t('labelOnSuspend'),
    source: `${power.files.at(-1) ?? power.userFile} ${key}`,
    observed: read ?? t('seenDefault', { value: 'true' }),
  })
  return read ?? true
}

async function readXfce(host: Host, evidence: Evidence[], standalone: () => Promise<LockFacts>): Promise<LockFacts> {
  const saver = await readChannel(host, 'xfce4-screensaver')
  if (!saver.ok) return unreadableChannel(saver, evidence)
  const power = await readChannel(host, 'xfce4-power-manager')
  if (!power.ok) return unreadableChannel(power, evidence)
  if (saver.files.length === 0) {
    const installed = await tryStat(host, XFCE_AUTOSTART)
    evidence.push({ label: t('labelLocker'), source: XFCE_AUTOSTART, observed: observedWord(installed.ok ? 'present' : 'none') })
    // No settings and no xfce4-screensaver: light-locker (Xubuntu's), another locker or nothing locks.
    if (!installed.ok) {
      const other = await standalone()
      // XFCE may lock through something Bulwark does not look for (xflock4's fallbacks): none found stays unknown.
      if (other.kind === 'warn') return { kind: 'unknown', reason: t('xfceNoLocker'), evidence }
      return other.kind === 'settings' && other.onSuspend === false && other.desktop.includes('light-locker')
        ? { ...other, onSuspend: powerManagerLocks(power, evidence) }
        : other
    }
  }
  const get = <K extends XfceKey>(key: K, label: Evidence['label']): (typeof XFCE_DEFAULTS)[K] => {
    const fromPower = key.startsWith('/xfce4-power-manager/')
    const channel = fromPower ? power : saver
    const raw = channel.values.get(key)
    const fallback = XFCE_DEFAULTS[key]
    const read = typeof fallback === 'boolean' ? xfconfBool(raw) : xfconfInt(raw)
    // The file the value came from; for a default, the file where xfconfd would write a change.
    const file = channel.files.at(-1) ?? channel.userFile
    const where = `${file} ${key}`
    // A value xfconf could not give as that type falls back to the default, as xfconf_channel_get_* does.
    evidence.push({ label, source: where, observed: read ?? t('seenDefault', { value: String(fallback) }) })
    return (read ?? fallback) as (typeof XFCE_DEFAULTS)[K]
  }
  const saverOn = get('/saver/enabled', t('labelScreenSaver'))
  const idleOn = get('/saver/idle-activation/enabled', t('labelIdleActivation'))
  const idle = get('/saver/idle-activation/delay', t('labelIdleMinutes'))
  const lockOn = get('/lock/enabled', t('labelLockEnabled'))
  const withSaver = get('/lock/saver-activation/enabled', t('labelLockWithSaver'))
  const delay = get('/lock/saver-activation/delay', t('labelLockMinutes'))
  const onSleep = get('/xfce4-power-manager/lock-screen-suspend-hibernate', t('labelOnSuspend'))
  // gs-prefs.c: an idle delay below 1 minute counts as 10; both delays are capped at 480 minutes.
  const idleMinutes = idle < 1 ? 10 : Math.min(480, idle)
  const lockMinutes = Math.min(480, Math.max(0, delay))
  const locks = saverOn && idleOn && lockOn && withSaver
  const lockSeconds = locks ? (idleMinutes + lockMinutes) * 60 : null
  return { kind: 'settings', desktop: 'XFCE', lockSeconds, onSuspend: lockOn && onSleep, evidence }
}
