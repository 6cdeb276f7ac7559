/**
 * Chromium's secure-DNS setting and what it is worth. Pure.
 *
 * The setting is browser-wide, in `Local State` (`dns_over_https.mode` = off | automatic | secure,
 * `dns_over_https.templates` = space-separated DoH URI templates). The policies DnsOverHttpsMode
 * and DnsOverHttpsTemplates override each value separately (detection.md §1.2, §7.5).
 */
import { isHttpsUrl, type BrowserVerdict } from '../../readers/browsers/browsers.verdict.js'
import type { Msg } from '../../core/i18n/message.js'
import type { ChromiumBrowserSpec } from '../../readers/browsers/chromium-browsers.io.js'
import type { Platform, Step } from '../../core/types.js'
import { POLICY_MODE, POLICY_TEMPLATES } from './chromium-policy.io.js'
import { t } from './chromium.messages.js'

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

const DOH_TEMPLATE = 'https://dns.quad9.net/dns-query'

function linuxPolicyLine(dir: string): string {
  const policy = { [POLICY_MODE]: 'secure', [POLICY_TEMPLATES]: DOH_TEMPLATE }
  return `sudo mkdir -p ${dir} && printf '%s\\n' '${JSON.stringify(policy)}' | sudo tee ${dir}/secure-dns.json`
}

function windowsPolicyLine(key: string): string {
  return `New-Item -Path '${key}' -Force | Out-Null; Set-ItemProperty -Path '${key}' -Name ${POLICY_MODE} -Value 'secure' -Type String; Set-ItemProperty -Path '${key}' -Name ${POLICY_TEMPLATES} -Value '${DOH_TEMPLATE}' -Type String`
}

/** macOS reads browser policy only from managed preferences, which a configuration profile installs. */
function macPolicyStep(): Step {
  // A hand-written plist there is removed by macOS, so no shell command is offered.
  return {
    text: t('stepPolicyMac', { mode: POLICY_MODE, templates: POLICY_TEMPLATES, url: DOH_TEMPLATE }),
    requiresAdmin: true,
    link: 'https://support.google.com/chrome/a/answer/9020077',
  }
}

function policySteps(platform: Platform): Step[] {
  if (platform === 'darwin') return [macPolicyStep()]
  const win = platform === 'win32'
  return [
    {
      text: t('stepPolicy'),
      requiresAdmin: true,
      command: win
        ? { shell: 'powershell', line: windowsPolicyLine('HKLM:\\SOFTWARE\\Policies\\Google\\Chrome') }
        : { shell: 'sh', line: linuxPolicyLine('/etc/opt/chrome/policies/managed') },
    },
    {
      text: win
        ? t('stepPolicyOthers', {
            chromium: 'HKLM:\\SOFTWARE\\Policies\\Chromium',
            edge: 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Edge',
            brave: 'HKLM:\\SOFTWARE\\Policies\\BraveSoftware\\Brave',
          })
        : t('stepPolicyOthers', {
            chromium: '/etc/chromium/policies/managed/',
            edge: '/etc/opt/edge/policies/managed/',
            brave: '/etc/brave/policies/managed/',
          }),
      requiresAdmin: true,
    },
  ]
}

/** The platform's default steps: every browser's settings page, no Local State edit, or instead the policies. */
export function stepsFor(platform: Platform): Step[] {
  return [
    { text: t('stepUi') },
    { text: t('stepNoLocalState') },
    ...policySteps(platform).map((step): Step => ({ ...step, kind: 'alternative' })),
  ]
}

function settingsPage(spec: ChromiumBrowserSpec): string {
  return spec.id === 'edge' ? 'edge://settings/privacy' : `${spec.scheme}://settings/security`
}

/** The policy step for one browser on Linux or Windows, where its vendor documents a place for it. */
function policyStepFor(platform: 'linux' | 'win32', spec: ChromiumBrowserSpec): Step[] {
  const dir = spec.linuxPolicyDirs[0]
  const command =
    platform === 'win32'
      ? spec.windowsPolicyKey && { shell: 'powershell' as const, line: windowsPolicyLine(`HKLM:\\${spec.windowsPolicyKey}`) }
      : dir && { shell: 'sh' as const, line: linuxPolicyLine(dir) }
  return command ? [{ text: t('stepPolicyFor', { browser: spec.name }), requiresAdmin: true, command }] : []
}

/**
 * The steps for the browsers that are not yet on secure DNS, or undefined when none is left: each one's
 * settings page, and a policy step only for those found (macOS: one configuration profile for all).
 */
export function fittingSteps(platform: Platform, browsers: readonly ChromiumBrowserSpec[]): Step[] | undefined {
  const specs = browsers.filter((s, i) => browsers.findIndex((x) => x.id === s.id) === i)
  if (specs.length === 0) return undefined
  return [
    ...specs.map((s) => ({ text: t('stepUiFor', { browser: s.name, page: settingsPage(s) }) })),
    { text: t('stepNoLocalState') },
    ...(platform === 'darwin' ? [macPolicyStep()] : specs.flatMap((s) => policyStepFor(platform, s))),
  ]
}
