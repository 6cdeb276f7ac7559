import { defineMessages, type Msg } from '../i18n/message.js'
import type { Severity, Status } from '../types.js'

export const PROFILE_IDS = ['everyday', 'it-baseline', 'high-risk'] as const
export type ProfileId = (typeof PROFILE_IDS)[number]

const t = defineMessages('guidance.profile', {
  everydayTitle: 'Everyday privacy',
  everydayDescription: 'Stop companies and networks from quietly collecting what you do online. The basics, done well.',
  itTitle: 'IT baseline',
  itDescription: 'A laptop you manage for someone else: encrypted DNS, a sealed VPN, tight app permissions and security keys.',
  highRiskTitle: 'High-risk (activist, journalist)',
  highRiskDescription: 'Someone may target you personally, seize this device or watch your network. Every layer counts.',
})

/** How a profile treats one check: its weight, and whether a fail is only a warning for these users. */
export interface ProfileRule {
  severity: Severity
  /** For this profile the finding is advice, not a failure (for example Tor for a high-risk user who has none yet). */
  failAs?: Extract<Status, 'warn'>
}

export interface Profile {
  id: ProfileId
  title: Msg
  description: Msg
  /** Checks that matter to this profile; a check not listed is left out of its plan and score. */
  rules: Readonly<Record<string, ProfileRule>>
}

// Profiles are data: lists of check ids with severity overrides (usable from the CLI with --profile).
export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  everyday: {
    id: 'everyday',
    title: t('everydayTitle'),
    description: t('everydayDescription'),
    rules: {
      'dns.firefox': { severity: 'medium' },
      'dns.chromium': { severity: 'medium' },
      'dns.system': { severity: 'low' },
      'os.updates': { severity: 'high' },
      'os.telemetry': { severity: 'medium' },
      'vpn.wireguard': { severity: 'low', failAs: 'warn' },
      'vpn.wireguard-keys': { severity: 'high' },
      'tor.config': { severity: 'medium' },
      'permissions.apps': { severity: 'high' },
      'permissions.browser': { severity: 'medium' },
      'os.location': { severity: 'medium' },
      'browser.webrtc': { severity: 'medium' },
      'browser.tracking': { severity: 'medium' },
      'browser.telemetry': { severity: 'medium' },
      'keys.hardware': { severity: 'low', failAs: 'warn' },
      'screen.lock': { severity: 'medium' },
      'boot.integrity': { severity: 'low', failAs: 'warn' },
      'disk.encryption': { severity: 'high' },
      'accounts.login': { severity: 'medium' },
      'remote.access': { severity: 'medium' },
      'wifi.mac-randomization': { severity: 'low' },
      'network.firewall': { severity: 'medium', failAs: 'warn' },
      'network.listening': { severity: 'medium' },
    },
  },
  'it-baseline': {
    id: 'it-baseline',
    title: t('itTitle'),
    description: t('itDescription'),
    rules: {
      'dns.firefox': { severity: 'medium' },
      'dns.chromium': { severity: 'medium' },
      'dns.system': { severity: 'high' },
      'os.updates': { severity: 'high' },
      'os.telemetry': { severity: 'low' },
      'vpn.wireguard': { severity: 'medium' },
      'vpn.wireguard-keys': { severity: 'high' },
      'tor.config': { severity: 'high' },
      'permissions.apps': { severity: 'high' },
      'permissions.browser': { severity: 'medium' },
      'os.location': { severity: 'medium' },
      'browser.webrtc': { severity: 'medium' },
      'browser.tracking': { severity: 'low' },
      'browser.telemetry': { severity: 'low' },
      'keys.hardware': { severity: 'high' },
      'screen.lock': { severity: 'high' },
      'boot.integrity': { severity: 'medium' },
      'disk.encryption': { severity: 'high' },
      'accounts.login': { severity: 'high' },
      'remote.access': { severity: 'high' },
      'network.firewall': { severity: 'high' },
      'network.listening': { severity: 'high' },
    },
  },
  'high-risk': {
    id: 'high-risk',
    title: t('highRiskTitle'),
    description: t('highRiskDescription'),
    rules: {
      'dns.firefox': { severity: 'high' },
      'dns.chromium': { severity: 'high' },
      'dns.system': { severity: 'high' },
      'os.updates': { severity: 'high' },
      'os.telemetry': { severity: 'high' },
      'vpn.wireguard': { severity: 'high' },
      'vpn.wireguard-keys': { severity: 'high' },
      'tor.service': { severity: 'medium', failAs: 'warn' },
      'tor.config': { severity: 'high' },
      'env.isolation': { severity: 'medium' },
      'boot.integrity': { severity: 'high' },
      'disk.encryption': { severity: 'high' },
      'accounts.login': { severity: 'high' },
      'remote.access': { severity: 'high' },
      'permissions.apps': { severity: 'high' },
      'permissions.browser': { severity: 'high' },
      'os.location': { severity: 'high' },
      'browser.webrtc': { severity: 'high' },
      'browser.tracking': { severity: 'high' },
      'browser.telemetry': { severity: 'high' },
      'keys.hardware': { severity: 'high' },
      'screen.lock': { severity: 'high' },
      'wifi.mac-randomization': { severity: 'medium' },
      'network.firewall': { severity: 'high' },
      'network.listening': { severity: 'high' },
    },
  },
}

export function isProfileId(value: unknown): value is ProfileId {
  return typeof value === 'string' && (PROFILE_IDS as readonly string[]).includes(value)
}

/** A result (any shape with id, status and severity) as the profile sees it; undefined when the profile leaves it out. */
export function applyRule<R extends { id: string; status: Status; severity: Severity }>(result: R, profile: Profile): R | undefined {
  const rule = profile.rules[result.id]
  if (!rule) return undefined
  const status = result.status === 'fail' && rule.failAs ? rule.failAs : result.status
  return { ...result, status, severity: rule.severity }
}

export function applyProfile<R extends { id: string; status: Status; severity: Severity }>(results: readonly R[], profile: Profile): R[] {
  return results.flatMap((r) => {
    const applied = applyRule(r, profile)
    return applied ? [applied] : []
  })
}
