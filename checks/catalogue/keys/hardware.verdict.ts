import { ownerOnlyOffer, type CheckFixes } from '../../core/fix/offer.js'
import { joinMessages } from '../../core/i18n/message.js'
import type { Msg, Platform, Status, Step } from '../../core/types.js'
import { t } from './hardware.messages.js'
import type { PresenceStatus } from './presence.io.js'

/** What a key is already set up for on this computer. */
export type KeyUseKind = 'pam' | 'crypttab' | 'ssh'

export interface VerdictInput {
  platform: Platform
  presence: PresenceStatus
  /** One line per key plugged in. */
  keys: readonly Msg[]
  /** Why presence is unknown, when it is. */
  presenceReason: Msg | null
  /** Where a key is used (pam_u2f, crypttab, sk- SSH keys). */
  uses: readonly Msg[]
  /** The same uses by kind, so their set-up steps can be left out. */
  enrolled: readonly KeyUseKind[]
  /** Settings that let someone past the key. */
  failures: readonly Msg[]
}

const UNUSED: Record<Platform, 'warnUnusedLinux' | 'warnUnusedMac' | 'warnUnusedWindows'> = {
  linux: 'warnUnusedLinux',
  darwin: 'warnUnusedMac',
  win32: 'warnUnusedWindows',
}

/** A step and what it is about: getting a key, registering it where Bulwark cannot look, or one of the uses. */
interface TopicStep {
  topic: 'buy' | 'spare' | 'accounts' | KeyUseKind
  step: Step
}

const PAM_U2F_DOCS = 'https://developers.yubico.com/pam-u2f/'

const buy: TopicStep = { topic: 'buy', step: { text: t('stepBuy'), link: 'https://fidoalliance.org/fido2/' } }
const spare: TopicStep = { topic: 'spare', step: { text: t('stepSpare') } }
const accounts: TopicStep = { topic: 'accounts', step: { text: t('stepAccounts') } }
const pamEnrol: TopicStep = {
  topic: 'pam',
  step: {
    text: t('stepPamEnrol'),
    command: {
      shell: 'sh',
      line: 'mkdir -p ~/.config/Yubico && pamu2fcfg >> ~/.config/Yubico/u2f_keys && chmod 600 ~/.config/Yubico/u2f_keys',
    },
  },
}

const STEPS: Record<Platform, readonly TopicStep[]> = {
  linux: [
    buy,
    accounts,
    pamEnrol,
    { topic: 'pam', step: { text: t('stepPamConfig'), requiresAdmin: true, link: PAM_U2F_DOCS } },
    { topic: 'ssh', step: { text: t('stepSsh'), command: { shell: 'sh', line: 'ssh-keygen -t ed25519-sk' } } },
    {
      topic: 'crypttab',
      step: {
        text: t('stepCryptenroll'),
        command: { shell: 'sh', line: 'sudo systemd-cryptenroll --fido2-device=auto /dev/nvme0n1p3' },
        requiresAdmin: true,
      },
    },
  ],
  darwin: [
    buy,
    { topic: 'accounts', step: { text: t('stepMacAccount') } },
    accounts,
    { topic: 'ssh', step: { text: t('stepMacSsh'), command: { shell: 'sh', line: '/opt/homebrew/bin/ssh-keygen -t ed25519-sk' } } },
    pamEnrol,
    { topic: 'pam', step: { text: t('stepMacPam'), requiresAdmin: true, link: PAM_U2F_DOCS } },
  ],
  win32: [
    buy,
    // Windows Hello's security-key sign-in cannot be read without administrator rights, so it is never left out.
    { topic: 'accounts', step: { text: t('stepWinSignIn'), link: 'ms-settings:signinoptions' } },
    accounts,
    { topic: 'ssh', step: { text: t('stepWinSsh'), command: { shell: 'powershell', line: 'ssh-keygen -t ecdsa-sk' } } },
  ],
}

/** The steps for someone with no key yet: get two, then set them up. */
export const DEFAULT_STEPS: Record<Platform, Step[]> = {
  linux: STEPS.linux.map((s) => s.step),
  darwin: STEPS.darwin.map((s) => s.step),
  win32: STEPS.win32.map((s) => s.step),
}

/**
 * Someone who has a key (one is plugged in, or this computer already uses one) is not told to buy
 * one: they are told to keep a spare (unless two are plugged in) and to set up what is not set up
 * yet. Without a key, or when presence could not be read, the defaults stand.
 */
export function stepsFor(input: VerdictInput): Step[] | undefined {
  const hasKey = input.presence === 'found' || input.uses.length > 0
  if (!hasKey) return undefined
  const skip = new Set<TopicStep['topic']>(['buy', ...input.enrolled])
  const wanted = input.keys.length >= 2 ? STEPS[input.platform] : [spare, ...STEPS[input.platform]]
  return wanted.filter((s) => !skip.has(s.topic)).map((s) => s.step)
}

/**
 * A key in a drawer protects nothing and an unplugged key in use is fine, so "used" weighs more
 * than "plugged in". A setting that lets someone enrol their own key, or skips the key, fails first.
 */
export function decide(input: VerdictInput): { status: Status; summary: Msg; steps?: Step[] } {
  const steps = stepsFor(input)
  const verdict = judge(input)
  return steps ? { ...verdict, steps } : verdict
}

function judge(input: VerdictInput): { status: Status; summary: Msg } {
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

/** A pam_u2f key list others can change, made its owner's alone (pam_u2f itself only needs to read it). */
export const authfileFixes: CheckFixes = {
  offers: (outcome) =>
    (outcome.fixable ?? []).map((target) =>
      ownerOnlyOffer(target, {
        title: t('fixAuthfileTitle', { path: target.path }),
        protects: t('fixAuthfileProtects'),
        mayBreak: [t('fixAuthfileMayBreak')],
      }),
    ),
}
