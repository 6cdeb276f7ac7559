/**
 * screen.lock's fix on GNOME: the four GSettings keys the check reads, set so the screen locks by itself within
 * 5 minutes and asks for the password (lock-enabled on, the lockdown key that hides the lock screen off, the
 * idle delay at most 300 seconds, no extra lock delay). Each is a setting op: undo puts back the user's own
 * value, or resets a key they never set. Other desktops keep their written steps.
 */
import type { CheckFixes, FixChange, FixOffer } from '../../core/fix/offer.js'
import type { SettingRef } from '../../core/fix/model.js'
import type { Outcome } from '../../core/types.js'
import { fixText as t } from './lock.messages.js'
import { QUICK_LOCK_SECONDS } from './lock.verdict.js'

const gnome = (schema: string, key: string): Extract<SettingRef, { backend: 'gsettings' }> => ({ backend: 'gsettings', schema, key })

/** The keys, as GNOME names them (the same the check reads in lock.linux.io.ts). */
export const GNOME_LOCK = {
  lockEnabled: gnome('org.gnome.desktop.screensaver', 'lock-enabled'),
  disabled: gnome('org.gnome.desktop.lockdown', 'disable-lock-screen'),
  idleDelay: gnome('org.gnome.desktop.session', 'idle-delay'),
  lockDelay: gnome('org.gnome.desktop.screensaver', 'lock-delay'),
} as const

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

export const screenLockFixes: CheckFixes = {
  offers(outcome) {
    return (outcome.fixable ?? []).map((): FixOffer => ({
      key: 'gnome-lock',
      title: t('fixTitle', { minutes: String(QUICK_LOCK_SECONDS / 60) }),
      protects: t('fixProtects'),
      mayBreak: [t('fixMayBreakIdle'), t('fixMayBreakPolicy')],
      changes: gnomeLockChanges(),
    }))
  },
}
