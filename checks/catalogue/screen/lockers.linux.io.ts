/**
 * The lockers of sessions without a big desktop (i3 and other X window managers, sway and other Wayland
 * compositors, XFCE with light-locker): which one runs, read from the process list and /proc/PID/cmdline, with its
 * settings (swayidle's config, light-locker's gsettings, the X screen saver timeout from `xset q`).
 */
import { attempt, observedError, observedWord, processListCommand, tryReadText } from '../../core/host/helpers.js'
import type { Host, ProcessInfo } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Evidence } from '../../core/types.js'
import { parseGsettingsValue } from './lock.parse.js'
import { t } from './lock.messages.js'
import type { LockFacts } from './lock.verdict.js'
import {
  MAX_LOCKER_CONFIG,
  lockAction,
  parseLightLockerArgs,
  parseSwayidleArgs,
  parseSwayidleConfig,
  parseXautolockArgs,
  parseXsetQuery,
  parseXssLockArgs,
  splitCmdline,
  swayExecSwayidle,
  swayidleLock,
  type LockerReading,
} from './lockers.parse.js'

/** The lockers Bulwark reads. */
const READ = ['swayidle', 'xss-lock', 'xautolock', 'light-locker'] as const
type Locker = (typeof READ)[number]
/** Lockers and idle daemons Bulwark sees running but does not read the settings of. */
const NOT_READ = [
  'xscreensaver',
  'hypridle',
  'xidlehook',
  'xfce4-screensaver',
  'mate-screensaver',
  'cinnamon-screensaver',
  'gnome-screensaver',
]

type Found = { name: string; process: ProcessInfo }
type Reading = { ok: true; reading: LockerReading } | { ok: false; facts: LockFacts }

/** What a session without a known desktop is: its kind for the messages, and whether it is Wayland. */
export interface Session {
  desktop: string
  wayland: boolean
  /** A D-Bus session bus is reachable: without one gsettings prints schema defaults, not the user's settings. */
  bus: boolean
}

const printable = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, 300)

function processName(p: ProcessInfo): string {
  const raw = p.name || p.command.split(/\s/)[0] || ''
  return raw.slice(raw.lastIndexOf('/') + 1)
}

export async function readStandaloneLocker(host: Host, session: Session, evidence: Evidence[], signal?: AbortSignal): Promise<LockFacts> {
  const psSource = processListCommand('linux')
  const listed = await attempt(psSource, () => host.sysinfo.processes())
  if (!listed.ok) {
    const reason = observedError(listed.reason.code)
    evidence.push({ label: t('labelLocker'), source: psSource, observed: reason })
    return { kind: 'unknown', reason: t('unreadable', { source: psSource, reason }), evidence }
  }
  // Another user's locker does not lock this session.
  const user = host.env.USER || host.env.LOGNAME
  const mine = listed.value.filter((p) => !user || !p.user || p.user === user)
  const found: Found[] = mine.map((process) => ({ name: processName(process), process }))
  const known = found.filter((f): f is Found & { name: Locker } => (READ as readonly string[]).includes(f.name))
  const readings: { name: string; reading: LockerReading }[] = []
  for (const f of known) {
    const read = await readOne(host, f.name, f.process, session, evidence, signal)
    if (!read.ok) return read.facts
    readings.push({ name: f.name, reading: read.reading })
  }
  const judged = readings.filter((r): r is { name: string; reading: LockerReading & { kind: 'read' } } => r.reading.kind === 'read')
  if (judged.length > 0) {
    // Two lockers at once: the earlier one locks first, and either one locking on suspend is enough.
    const times = judged.map((r) => r.reading.lockSeconds).filter((s): s is number => s !== null)
    return {
      kind: 'settings',
      desktop: judged.map((r) => r.name).join(' + '),
      lockSeconds: times.length > 0 ? Math.min(...times) : null,
      onSuspend: judged.some((r) => r.reading.onSuspend),
      evidence,
    }
  }
  const unrecognized = readings.find((r) => r.reading.kind === 'unrecognized')
  if (unrecognized?.reading.kind === 'unrecognized') {
    return {
      kind: 'unknown',
      reason: t('lockerUnrecognized', { locker: unrecognized.name, command: printable(unrecognized.reading.command) }),
      evidence,
    }
  }
  const other = found.find((f) => NOT_READ.includes(f.name))
  if (other) {
    evidence.push({ label: t('labelLocker'), source: psSource, observed: other.name })
    return { kind: 'unknown', reason: t('lockerNotRead', { locker: other.name }), evidence }
  }
  evidence.push({ label: t('labelLocker'), source: psSource, observed: observedWord('none') })
  if (session.wayland) await noteSwayConfig(host, evidence)
  return { kind: 'warn', reason: t('noLocker', { desktop: session.desktop }), evidence }
}

async function readOne(
  host: Host,
  name: Locker,
  p: ProcessInfo,
  session: Session,
  evidence: Evidence[],
  signal?: AbortSignal,
): Promise<Reading> {
  const source = `/proc/${p.pid}/cmdline`
  const raw = await tryReadText(host, source, { maxBytes: 64 * 1024 })
  // The process list joins arguments with spaces, losing their bounds; /proc keeps them. It is the fallback.
  const fromProc = raw.ok ? splitCmdline(raw.value) : []
  const argv = fromProc.length > 0 ? fromProc : [name, ...p.params.split(/\s+/).filter(Boolean)]
  evidence.push({ label: t('labelLocker'), source: raw.ok ? source : processListCommand('linux'), observed: printable(argv.join(' ')) })
  if (name === 'swayidle') return readSwayidle(host, argv, evidence)
  if (name === 'xautolock') {
    const a = parseXautolockArgs(argv)
    return reading(
      lockAction(a.locker) === 'locks'
        ? { kind: 'read', lockSeconds: a.minutes * 60, onSuspend: false }
        : { kind: 'unrecognized', command: a.locker },
    )
  }
  if (session.wayland) {
    // xss-lock and light-locker watch the X screen saver, which a Wayland session's idle time does not drive.
    return { ok: false, facts: { kind: 'unknown', reason: t('lockerNotRead', { locker: name }), evidence } }
  }
  const xset = await readXset(host, evidence, signal)
  if (!xset.ok) return xset
  if (name === 'xss-lock') {
    const a = parseXssLockArgs(argv)
    const command = a.locker.join(' ')
    if (lockAction(command) !== 'locks') return reading({ kind: 'unrecognized', command })
    // xss-lock(1): with a notifier, the locker starts after the first screen saver cycle (at once if the cycle is 0).
    const lockSeconds = xset.timeout > 0 ? xset.timeout + (a.notifier ? xset.cycle : 0) : null
    return reading({ kind: 'read', lockSeconds, onSuspend: !a.ignoreSleep })
  }
  return readLightLocker(host, argv, xset.timeout, session, evidence, signal)
}

const reading = (r: LockerReading): Reading => ({ ok: true, reading: r })

function unreadable(source: string, reason: Msg, evidence: Evidence[], label: Evidence['label']): Reading & { ok: false } {
  evidence.push({ label, source, observed: reason })
  return { ok: false, facts: { kind: 'unknown', reason: t('unreadable', { source, reason }), evidence } }
}

/** `xset q`: the X screen saver's timeout, which starts xss-lock's and light-locker's lock. DPMS is shown, not counted. */
async function readXset(
  host: Host,
  evidence: Evidence[],
  signal?: AbortSignal,
): Promise<{ ok: true; timeout: number; cycle: number } | (Reading & { ok: false })> {
  const run = await runTool(host, 'xset', ['q'], { timeoutMs: 4000, maxBytes: MAX_LOCKER_CONFIG, signal })
  if (!run.ok) return unreadable('xset q', run.reason.seen, evidence, t('labelSaverTimeout'))
  const parsed = parseXsetQuery(run.value.stdout)
  if (!parsed.ok) return unreadable('xset q', observedError('io'), evidence, t('labelSaverTimeout'))
  evidence.push({ label: t('labelSaverTimeout'), source: 'xset q', observed: parsed.value.saverTimeout })
  const dpms = parsed.value.dpms
  if (dpms) evidence.push({ label: t('labelDpmsOff'), source: 'xset q', observed: dpms.enabled ? dpms.off : t('seenOff') })
  return { ok: true, timeout: parsed.value.saverTimeout, cycle: parsed.value.saverCycle }
}

/** swayidle's config when no -C is given: $XDG_CONFIG_HOME (else ~/.config), ~/.swayidle, /etc (swayidle main.c). */
function swayidleConfigPaths(host: Host): string[] {
  const xdg = host.env.XDG_CONFIG_HOME || `${host.home}/.config`
  return [`${xdg}/swayidle/config`, `${host.home}/.swayidle/config`, '/etc/swayidle/config']
}

async function readSwayidle(host: Host, argv: string[], evidence: Evidence[]): Promise<Reading> {
  const args = parseSwayidleArgs(argv)
  if (!args.ok) return unreadable(`/proc cmdline: ${printable(argv.join(' '))}`, observedError('io'), evidence, t('labelUnreadable'))
  // swayidle reads its config file as well as its arguments: the first of these paths that exists.
  for (const file of args.value.config !== undefined ? [args.value.config] : swayidleConfigPaths(host)) {
    const text = await tryReadText(host, file, { maxBytes: MAX_LOCKER_CONFIG })
    if (!text.ok && text.reason.code === 'not_found') continue
    if (!text.ok) return unreadable(file, observedError(text.reason.code), evidence, t('labelUnreadable'))
    const events = parseSwayidleConfig(text.value, args.value.events)
    if (!events.ok) return unreadable(file, observedError('io'), evidence, t('labelUnreadable'))
    evidence.push({ label: t('labelLockerConfig'), source: file, observed: observedWord('present') })
    break
  }
  return reading(swayidleLock(args.value.events))
}

/** sway starts swayidle from its config; when none runs, the line that would start it is shown. */
async function noteSwayConfig(host: Host, evidence: Evidence[]): Promise<void> {
  const xdg = host.env.XDG_CONFIG_HOME || `${host.home}/.config`
  for (const file of [`${xdg}/sway/config`, `${host.home}/.sway/config`, '/etc/sway/config']) {
    const text = await tryReadText(host, file, { maxBytes: MAX_LOCKER_CONFIG })
    if (!text.ok) continue
    const lines = swayExecSwayidle(text.value)
    evidence.push({
      label: t('labelLockerConfig'),
      source: file,
      observed: lines[0] !== undefined ? printable(lines[0]) : observedWord('none'),
    })
    return
  }
}

/** light-locker's gsettings keys (its apps.light-locker schema), the command line winning over them. */
async function readLightLocker(
  host: Host,
  argv: string[],
  saverTimeout: number,
  session: Session,
  evidence: Evidence[],
  signal?: AbortSignal,
): Promise<Reading> {
  const args = parseLightLockerArgs(argv)
  const needsSettings = args.lockAfterScreensaver === undefined || args.lockOnSuspend === undefined
  if (needsSettings && !session.bus)
    return { ok: false, facts: { kind: 'unknown', reason: t('noBus', { desktop: 'light-locker' }), evidence } }
  const get = async (
    key: string,
    label: Evidence['label'],
    given: number | boolean | undefined,
  ): Promise<{ ok: true; value: number | boolean } | (Reading & { ok: false })> => {
    if (given !== undefined) return { ok: true, value: given }
    const source = `gsettings get apps.light-locker ${key}`
    const run = await runTool(host, 'gsettings', ['get', 'apps.light-locker', key], { timeoutMs: 4000, signal })
    if (!run.ok) return unreadable(source, run.reason.seen, evidence, label)
    const parsed = parseGsettingsValue(run.value.stdout)
    if (!parsed.ok || typeof parsed.value === 'string') return unreadable(source, observedError('io'), evidence, label)
    evidence.push({ label, source, observed: parsed.value })
    return { ok: true, value: parsed.value }
  }
  const after = await get('lock-after-screensaver', t('labelLockDelay'), args.lockAfterScreensaver)
  if (!after.ok) return after
  const suspend = await get('lock-on-suspend', t('labelOnSuspend'), args.lockOnSuspend)
  if (!suspend.ok) return suspend
  // apps.light-locker.gschema.xml: "If 0, locking after the screensaver is disabled."
  const delay = typeof after.value === 'number' ? after.value : 0
  const lockSeconds = saverTimeout > 0 && delay > 0 ? saverTimeout + delay : null
  return reading({ kind: 'read', lockSeconds, onSuspend: suspend.value === true })
}
