/**
 * Chromium's secure-DNS setting and what it is worth. Pure.
 *
 * The setting is browser-wide, in `Local State` (`dns_over_https.mode` = off | automatic | secure,
 * `dns_over_https.templates` = space-separated DoH URI templates). The policies DnsOverHttpsMode
 * and DnsOverHttpsTemplates override each value separately (detection.md §1.2, §7.5).
 */
import { isHttpsUrl, type BrowserVerdict } from '../../readers/browsers/browsers.verdict.js'
import type { Msg } from '../../core/i18n/message.js'

export interface PolicyString {
  value: string
  /** File, registry key or plist it came from. */
  source: string
}

export interface ChromiumPolicy {
  mode?: PolicyString
  templates?: PolicyString
}

/** Local State as read: its dns_over_https values (undefined when not set), or why it could not be read. */
export type LocalState =
  { state: 'read'; path: string; mode?: unknown; templates?: unknown } | { state: 'unreadable'; path: string; reason: Msg }

export type ChromiumSetting =
  | { known: true; value: string | undefined; origin: 'policy' | 'local_state' | 'default'; source: string }
  | { known: false; source: string; reason: Msg }

export type ChromiumReason =
  'secure' | 'secure_no_template' | 'automatic' | 'default_automatic' | 'off' | 'unrecognised_mode' | 'unreadable'

export interface ChromiumAssessment {
  verdict: BrowserVerdict
  reason: ChromiumReason
  mode: ChromiumSetting
  templates: ChromiumSetting
}

function setting(policy: PolicyString | undefined, local: LocalState, key: 'mode' | 'templates'): ChromiumSetting {
  if (policy) return { known: true, value: policy.value, origin: 'policy', source: policy.source }
  if (local.state === 'unreadable') return { known: false, source: local.path, reason: local.reason }
  const raw = local[key]
  if (raw === undefined) return { known: true, value: undefined, origin: 'default', source: local.path }
  // A non-string here is not a value Chromium writes; it reads it as unset.
  return {
    known: true,
    value: typeof raw === 'string' ? raw : undefined,
    origin: typeof raw === 'string' ? 'local_state' : 'default',
    source: local.path,
  }
}

/** At least one template is an https:// URL (templates may carry a `{?dns}` suffix). */
export function hasUsableTemplate(templates: string | undefined): boolean {
  return (templates ?? '').split(/\s+/).some((tpl) => tpl !== '' && isHttpsUrl(tpl))
}

export function assessChromium(local: LocalState, policy: ChromiumPolicy): ChromiumAssessment {
  const mode = setting(policy.mode, local, 'mode')
  const templates = setting(policy.templates, local, 'templates')
  const decide = (verdict: BrowserVerdict, reason: ChromiumReason): ChromiumAssessment => ({ verdict, reason, mode, templates })
  if (!mode.known) return decide('unknown', 'unreadable')
  switch (mode.value) {
    case 'secure':
      if (!templates.known) return decide('unknown', 'unreadable')
      // Secure mode never falls back to plain DNS; without a usable template lookups fail instead.
      return hasUsableTemplate(templates.value) ? decide('pass', 'secure') : decide('warn', 'secure_no_template')
    case 'automatic':
      return decide('warn', 'automatic')
    case undefined:
      return decide('warn', 'default_automatic')
    case 'off':
      return decide('fail', 'off')
    default:
      // Chromium treats any other mode string as off.
      return decide('fail', 'unrecognised_mode')
  }
}
