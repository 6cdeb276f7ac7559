/**
 * screen.lock's user-level fixes, each made of setting ops (undo puts back the user's own value, or removes one
 * they never set), each offered only where it closes what the check found:
 * - GNOME: the four GSettings keys the check reads, set so the screen locks by itself within 5 minutes and asks
 *   for the password (lock-enabled on, the lockdown key that hides the lock screen off, the idle delay at most
 *   300 seconds, no extra lock delay);
 * - Windows: the screen saver values of HKCU\Control Panel\Desktop the check reads (on, a screen saver chosen,
 *   the password asked on resume, started within 300 seconds), where no policy sets them;
 * - macOS: the screen saver's idle time (`defaults -currentHost … com.apple.screensaver idleTime`), where the
 *   password is already asked soon enough after it starts (that delay is sysadminctl's, which needs the password).
 * Other desktops keep their written steps.
 */
import type { CheckFixes, FixChange, FixOffer, FixTarget } from '../../core/fix/offer.js'
import type { SettingRef } from '../../core/fix/model.js'
import type { Outcome } from '../../core/types.js'
import { fixText as t } from './lock.messages.js'
import { QUICK_LOCK_SECONDS, type LockFacts } from './lock.verdict.js'

const gnome = (schema: string, key: string): Extract<SettingRef, { backend: 'gsettings' }> => ({ backend: 'gsettings', schema, key })

/** The keys, as GNOME names them (the same the check reads in lock.linux.io.ts). */
export const GNOME_LOCK = {
  lockEnabled: gnome('org.gnome.desktop.screensaver', 'lock-enabled'),
  disabled: gnome('org.gnome.desktop.lockdown', 'disable-lock-screen'),
  idleDelay: gnome('org.gnome.desktop.session', 'idle-delay'),
  lockDelay: gnome('org.gnome.desktop.screensaver', 'lock-delay'),
} as const

/** The user's own screen saver values on Windows (REG_SZ, as Windows writes them), the same the check reads in lock.win32.io.ts. */
export const WINDOWS_DESKTOP = 'HKCU\\Control Panel\\Desktop'
const desktopValue = (name: string): Extract<SettingRef, { backend: 'registry' }> => ({
  backend: 'registry',
  key: WINDOWS_DESKTOP,
  name,
  type: 'REG_SZ',
})
export const WINDOWS_LOCK = {
  active: desktopValue('ScreenSaveActive'),
  program: desktopValue('SCRNSAVE.EXE'),
  secure: desktopValue('ScreenSaverIsSecure'),
  timeout: desktopValue('ScreenSaveTimeOut'),
} as const

/** The Mac screen saver's idle time, per host as System Settings writes it (the key lock.darwin.io.ts reads). */
export const MAC_IDLE: Extract<SettingRef, { backend: 'defaults' }> = {
  backend: 'defaults',
  domain: 'com.apple.screensaver',
  key: 'idleTime',
  type: 'int',
  currentHost: true,
}

/** Whole seconds in a value's text, within 0 < s <= the quick bar: a delay the user chose that is short enough. */
const quickSeconds = (text: string): boolean => /^\d{1,6}$/.test(text.trim()) && Number(text) > 0 && Number(text) <= QUICK_LOCK_SECONDS

/** The seconds of a `uint32 N` GSettings value (or a bare N); undefined for anything else. */
export function uint32Seconds(text: string): number | undefined {
  const m = /^(?:uint32 )?(\d{1,10})$/.exec(text.trim())
  return m ? Number(m[1]) : undefined
}

/** The findings the four keys close; "does not lock on suspend" is Ubuntu's own key, left to the steps. */
const FIXABLE = new Set(['screen.lock.never', 'screen.lock.tooSlow', 'screen.lock.slow'])

/** The outcome's `fixable` for a GNOME reading: the check adds it where this fix can close the finding. */
export function gnomeLockFixable(desktop: string, outcome: Outcome): Outcome {
  if (desktop !== 'GNOME' || !FIXABLE.has(outcome.summary.key)) return outcome
  return { ...outcome, fixable: [{ path: GNOME_LOCK.lockEnabled.schema, name: 'GNOME' }] }
}

/**
 * The outcome's `fixable` for what was read: GNOME through gnomeLockFixable; Windows where no policy sets the screen
 * saver (it would win over the user's values); macOS where starting the screen saver after 5 minutes is enough
 * (the password is asked soon enough after it and the display does not stay on longer).
 */
export function lockFixable(facts: LockFacts, outcome: Outcome): Outcome {
  if (facts.kind !== 'settings' || !FIXABLE.has(outcome.summary.key)) return outcome
  const fix = facts.fix
  if (fix?.os === 'windows') {
    if (fix.policySet || fix.systemRoot === null) return outcome
    return { ...outcome, fixable: [{ path: WINDOWS_DESKTOP, name: 'Windows', detail: { systemRoot: fix.systemRoot } }] }
  }
  if (fix?.os === 'macos') {
    const after = fix.lockSecondsAtQuickIdle
    if (after === null || after > QUICK_LOCK_SECONDS) return outcome
    return { ...outcome, fixable: [{ path: MAC_IDLE.domain, name: 'macOS' }] }
  }
  return gnomeLockFixable(facts.desktop, outcome)
}

/** The Windows screen saver on, the Blank one where none is chosen, the password asked on resume, within 5 minutes. */
export function windowsLockChanges(systemRoot: string): FixChange[] {
  return [
    { kind: 'set', setting: WINDOWS_LOCK.active, value: '1' },
    // A screen saver the user chose stays; where there is none, Windows' own Blank one.
    { kind: 'set', setting: WINDOWS_LOCK.program, value: `${systemRoot}\\System32\\scrnsave.scr`, keep: (now) => now.trim() !== '' },
    { kind: 'set', setting: WINDOWS_LOCK.secure, value: '1' },
    { kind: 'set', setting: WINDOWS_LOCK.timeout, value: String(QUICK_LOCK_SECONDS), keep: quickSeconds },
  ]
}

export function gnomeLockChanges(): FixChange[] {
  return [
    { kind: 'set', setting: GNOME_LOCK.lockEnabled, value: 'true' },
    { kind: 'set', setting: GNOME_LOCK.disabled, value: 'false' },
    {
      kind: 'set',
      setting: GNOME_LOCK.idleDelay,
      value: `uint32 ${QUICK_LOCK_SECONDS}`,
      // A shorter idle delay the user chose stays; 0 means "never blank", which never locks.
      keep: (now) => {
        const s = uint32Seconds(now)
        return s !== undefined && s > 0 && s <= QUICK_LOCK_SECONDS
      },
    },
    { kind: 'set', setting: GNOME_LOCK.lockDelay, value: 'uint32 0' },
  ]
}

const minutes = String(QUICK_LOCK_SECONDS / 60)

function offerFor(target: FixTarget): FixOffer | null {
  if (target.name === 'Windows') {
    const systemRoot = target.detail?.systemRoot
    if (systemRoot === undefined) return null
    return {
      key: 'windows-lock',
      title: t('fixTitleWindows', { minutes }),
      protects: t('fixProtects'),
      mayBreak: [t('fixMayBreakIdle'), t('fixMayBreakBlankSaver'), t('fixMayBreakSignIn')],
      changes: windowsLockChanges(systemRoot),
    }
  }
  if (target.name === 'macOS') {
    return {
      key: 'mac-idle',
      title: t('fixTitleMac', { minutes }),
      protects: t('fixProtects'),
      mayBreak: [t('fixMayBreakIdle')],
      changes: [{ kind: 'set', setting: MAC_IDLE, value: String(QUICK_LOCK_SECONDS), keep: quickSeconds }],
    }
  }
  return {
    key: 'gnome-lock',
    title: t('fixTitle', { minutes }),
    protects: t('fixProtects'),
    mayBreak: [t('fixMayBreakIdle'), t('fixMayBreakPolicy')],
    changes: gnomeLockChanges(),
  }
}

export const screenLockFixes: CheckFixes = {
  offers(outcome) {
    return (outcome.fixable ?? []).flatMap((target) => offerFor(target) ?? [])
  },
}
