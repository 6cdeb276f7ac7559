import type { Msg } from '../../core/i18n/message.js'
import type { Evidence, Outcome } from '../../core/types.js'
import { t } from './lock.messages.js'

/** Locking within this many seconds of idle passes: the high-risk profile's bar. */
export const QUICK_LOCK_SECONDS = 5 * 60
/** Locking later than this fails: past the everyday profile's bar, anyone who finds the laptop gets in. */
export const SLOW_LOCK_SECONDS = 15 * 60

/**
 * Windows: whether a policy sets any screen-saver value (then the user's own values change nothing), and the
 * Windows folder (SystemRoot) where the Blank screen saver lives. macOS: the idle delay the user set (null: never
 * set), and how soon the screen would lock with the screen saver starting after 5 minutes (null: it still never would).
 */
export type LockFixFacts =
  | { os: 'windows'; policySet: boolean; systemRoot: string | null }
  | { os: 'macos'; idleSeconds: number | null; lockSecondsAtQuickIdle: number | null }

/** What the desktop's settings say, or why they could not be read. */
export type LockFacts =
  | {
      kind: 'settings'
      /** The desktop or OS whose settings were read ("GNOME", "KDE Plasma", "macOS", "Windows"). */
      desktop: string
      /** Seconds of idle until the screen is locked behind the password; null when it never is. */
      lockSeconds: number | null
      /** Whether it also locks on suspend; null when this platform's setting is not read. */
      onSuspend: boolean | null
      evidence: Evidence[]
      /** What the user-level fix of this platform needs to know (lock-fix.verdict.ts), where it has one. */
      fix?: LockFixFacts
    }
  | { kind: 'unknown'; reason: Msg; evidence: Evidence[] }
  /** Nothing that locks was found where one should run (a window manager's session with no locker). */
  | { kind: 'warn'; reason: Msg; evidence: Evidence[] }

const minutes = (seconds: number): string => String(Math.round(seconds / 6) / 10)

/**
 * Pure: the verdict for what was read. A check cannot see the chosen profile, so the bars are fixed:
 * pass at 5 minutes or less (high-risk), warn up to 15 (everyday), fail past that or never.
 */
export function lockOutcome(facts: LockFacts): Outcome {
  const { evidence } = facts
  if (facts.kind === 'unknown') return { status: 'unknown', summary: facts.reason, evidence }
  if (facts.kind === 'warn') return { status: 'warn', summary: facts.reason, evidence }
  const { desktop, lockSeconds, onSuspend } = facts
  if (lockSeconds === null) return { status: 'fail', summary: t('never', { desktop }), evidence }
  const params = { desktop, minutes: minutes(lockSeconds) }
  if (lockSeconds > SLOW_LOCK_SECONDS) return { status: 'fail', summary: t('tooSlow', params), evidence }
  if (onSuspend === false) return { status: 'warn', summary: t('noSuspend', params), evidence }
  if (lockSeconds > QUICK_LOCK_SECONDS) return { status: 'warn', summary: t('slow', params), evidence }
  return { status: 'pass', summary: t('quick', params), evidence }
}
