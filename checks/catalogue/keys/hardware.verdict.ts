import { joinMessages } from '../../core/i18n/message.js'
import type { Msg, Platform, Status } from '../../core/types.js'
import { t } from './hardware.messages.js'
import type { PresenceStatus } from './presence.io.js'

export interface VerdictInput {
  platform: Platform
  presence: PresenceStatus
  /** One line per key plugged in. */
  keys: readonly Msg[]
  /** Why presence is unknown, when it is. */
  presenceReason: Msg | null
  /** Where a key is used (pam_u2f, crypttab, sk- SSH keys). */
  uses: readonly Msg[]
  /** Settings that let someone past the key. */
  failures: readonly Msg[]
}

const UNUSED: Record<Platform, 'warnUnusedLinux' | 'warnUnusedMac' | 'warnUnusedWindows'> = {
  linux: 'warnUnusedLinux',
  darwin: 'warnUnusedMac',
  win32: 'warnUnusedWindows',
}

/**
 * A key in a drawer protects nothing and an unplugged key in use is fine, so "used" weighs more
 * than "plugged in". A setting that lets someone enrol their own key, or skips the key, fails first.
 */
export function decide(input: VerdictInput): { status: Status; summary: Msg } {
  const [failure] = input.failures
  if (failure) return { status: 'fail', summary: failure }
  const keys = joinMessages(input.keys, '; ')
  if (input.uses.length > 0) {
    const uses = joinMessages(input.uses, '; ')
    if (input.presence === 'found') return { status: 'pass', summary: t('passUsed', { keys, uses }) }
    if (input.presence === 'none') return { status: 'pass', summary: t('passUsedNotPlugged', { uses }) }
    return { status: 'pass', summary: t('passUsedPresenceUnknown', { uses, reason: input.presenceReason ?? '' }) }
  }
  if (input.presence === 'found') return { status: 'warn', summary: t(UNUSED[input.platform], { keys }) }
  if (input.presence === 'unknown') return { status: 'unknown', summary: t('unknownPresence', { reason: input.presenceReason ?? '' }) }
  return { status: 'warn', summary: t('warnNone') }
}
