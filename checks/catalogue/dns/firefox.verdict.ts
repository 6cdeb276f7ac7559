/**
 * What Firefox's DNS-over-HTTPS settings are worth. Pure. Each pref is resolved by Firefox's own
 * precedence (readers/browsers/firefox-prefs.verdict.ts; docs/checks/dns-browsers.md, "How the
 * value is decided", has the sources).
 */
import { isHttpsUrl, type BrowserVerdict } from '../../readers/browsers/browsers.verdict.js'
import type { Platform, Step } from '../../core/types.js'
import { t } from './firefox.messages.js'
import type { PrefEntry, PrefValue } from '../../readers/browsers/firefox-prefs.parse.js'
import {
  resolvePref as resolveShared,
  wrongTypeEntries as sharedWrongTypeEntries,
  type AdminPrefs,
  type PolicyPref,
  type PrefFile,
  type Resolved,
} from '../../readers/browsers/firefox-prefs.verdict.js'

export const PREF = {
  mode: 'network.trr.mode',
  uri: 'network.trr.uri',
  rollout: 'doh-rollout.mode',
  strictFallback: 'network.trr.strict_native_fallback',
} as const
export type PrefName = (typeof PREF)[keyof typeof PREF]
export const RELEVANT_PREFS: readonly PrefName[] = Object.values(PREF)

/** Built-in defaults. With no network.trr.uri Firefox uses network.trr.default_provider_uri. */
const BUILT_IN: Record<PrefName, PrefValue> = {
  [PREF.mode]: 0,
  [PREF.uri]: '',
  [PREF.rollout]: 0,
  [PREF.strictFallback]: false,
}

/**
 * Firefox keeps a pref's type: in user.js or prefs.js a value of another type (mode "3" as text) is
 * refused and the value before it stands. Seen with firefox-esr 153: user.js "3" over prefs.js 2
 * left 2, and "3" alone was never saved.
 */
export function wrongTypeEntries(file: PrefFile): PrefEntry[] {
  return sharedWrongTypeEntries(file, BUILT_IN)
}

function resolvePref(
  name: PrefName,
  userJs: PrefFile,
  prefsJs: PrefFile,
  policy: ReadonlyMap<string, PolicyPref>,
  admin?: AdminPrefs,
): Resolved {
  return resolveShared(name, BUILT_IN[name], { userJs, prefsJs, policy, ...(admin ? { admin } : {}) })
}

export type FirefoxVerdict = BrowserVerdict

export type VerdictReason =
  | 'trr_only' // mode 3 with an https resolver
  | 'trr_only_default_provider' // mode 3, Firefox's default provider
  | 'trr_only_bad_uri' // mode 3 with a resolver address Firefox will not use
  | 'trr_first' // mode 2
  | 'rollout_first' // mode 0 but the DoH rollout turned TRR-first on
  | 'native' // mode 0
  | 'reserved' // modes 1 and 4
  | 'off_by_choice' // mode 5
  | 'invalid_mode' // a value Firefox does not define
  | 'unreadable'

export interface ProfileAssessment {
  verdict: FirefoxVerdict
  reason: VerdictReason
  mode: Resolved
  uri: Resolved
  rollout: Resolved
  strictFallback: Resolved
}

export function assessProfile(
  userJs: PrefFile,
  prefsJs: PrefFile,
  policy: ReadonlyMap<string, PolicyPref>,
  admin?: AdminPrefs,
): ProfileAssessment {
  const mode = resolvePref(PREF.mode, userJs, prefsJs, policy, admin)
  const uri = resolvePref(PREF.uri, userJs, prefsJs, policy, admin)
  const rollout = resolvePref(PREF.rollout, userJs, prefsJs, policy, admin)
  const strictFallback = resolvePref(PREF.strictFallback, userJs, prefsJs, policy, admin)
  const base = { mode, uri, rollout, strictFallback }
  const decide = (verdict: FirefoxVerdict, reason: VerdictReason): ProfileAssessment => ({ ...base, verdict, reason })
  if (!mode.known) return decide('unknown', 'unreadable')
  switch (mode.value) {
    case 3: {
      if (!uri.known) return decide('unknown', 'unreadable')
      const text = typeof uri.value === 'string' ? uri.value.trim() : ''
      if (text === '') return decide('pass', 'trr_only_default_provider')
      return isHttpsUrl(text) ? decide('pass', 'trr_only') : decide('warn', 'trr_only_bad_uri')
    }
    case 2:
      return decide('warn', 'trr_first')
    case 0:
      if (!rollout.known) return decide('unknown', 'unreadable')
      return rollout.value === 2 ? decide('warn', 'rollout_first') : decide('fail', 'native')
    case 1:
    case 4:
      return decide('fail', 'reserved')
    case 5:
      return decide('fail', 'off_by_choice')
    default:
      return decide('fail', 'invalid_mode')
  }
}

const DOH_URL = 'https://dns.quad9.net/dns-query'

const USER_JS_LINES = [
  `user_pref("network.trr.mode", 3);`,
  `user_pref("network.trr.uri", "${DOH_URL}");`,
  `user_pref("network.trr.custom_uri", "${DOH_URL}");`,
]

function userJsStep(platform: Platform): Step {
  const line =
    platform === 'win32'
      ? `Add-Content -Path "$env:APPDATA\\Mozilla\\Firefox\\Profiles\\<profile folder>\\user.js" -Value '${USER_JS_LINES.join("','")}'`
      : `printf '%s\\n' ${USER_JS_LINES.map((l) => `'${l}'`).join(' ')} >> "<profile folder>/user.js"`
  return { text: t('stepUserJs'), command: { shell: platform === 'win32' ? 'powershell' : 'sh', line } }
}

const POLICY_JSON = `{"policies": {"DNSOverHTTPS": {"Enabled": true, "ProviderURL": "${DOH_URL}", "Fallback": false, "Locked": true}}}`

function adminStep(platform: Platform): Step {
  if (platform === 'win32') {
    const key = 'HKLM:\\SOFTWARE\\Policies\\Mozilla\\Firefox\\DNSOverHTTPS'
    return {
      text: t('stepLocked'),
      requiresAdmin: true,
      command: {
        shell: 'powershell',
        line: `New-Item -Path '${key}' -Force | Out-Null; Set-ItemProperty -Path '${key}' -Name Enabled -Value 1 -Type DWord; Set-ItemProperty -Path '${key}' -Name ProviderURL -Value '${DOH_URL}' -Type String; Set-ItemProperty -Path '${key}' -Name Fallback -Value 0 -Type DWord; Set-ItemProperty -Path '${key}' -Name Locked -Value 1 -Type DWord`,
      },
    }
  }
  if (platform === 'darwin') {
    return {
      text: t('stepLocked'),
      requiresAdmin: true,
      command: {
        shell: 'sh',
        // defaults(1) cannot type values inside a dictionary, so plutil writes the nested policy.
        line: `sudo defaults write /Library/Preferences/org.mozilla.firefox EnterprisePoliciesEnabled -bool true && sudo plutil -replace DNSOverHTTPS -json '${JSON.stringify({ Enabled: true, ProviderURL: DOH_URL, Fallback: false, Locked: true })}' /Library/Preferences/org.mozilla.firefox.plist`,
      },
    }
  }
  return {
    text: t('stepLockedLinux'),
    requiresAdmin: true,
    command: {
      shell: 'sh',
      line: `sudo mkdir -p /etc/firefox/policies && printf '%s\\n' '${POLICY_JSON}' | sudo tee /etc/firefox/policies/policies.json`,
    },
  }
}

/** The platform's default steps: the settings page, or instead a user.js block (and how to undo it) or a locked policy. */
export function stepsFor(platform: Platform): Step[] {
  return [
    { text: t('stepUi') },
    { ...userJsStep(platform), kind: 'alternative' },
    { text: t('stepUndo'), kind: 'undo' },
    { ...adminStep(platform), kind: 'alternative' },
  ]
}

/** What locks the value that decided a profile's verdict, when the user cannot change it: the policy, file or AutoConfig. */
export function lockedBy(a: ProfileAssessment): string | undefined {
  const decisive =
    a.mode.known && a.mode.value === 3 ? [a.mode, a.uri] : a.mode.known && a.mode.value === 0 ? [a.mode, a.rollout] : [a.mode]
  for (const r of decisive) {
    if (!r.known) continue
    const o = r.origin
    if (o.kind === 'policy' && o.locked) return o.source
    if (o.kind === 'file' && o.locked) return o.path
  }
  return undefined
}

/**
 * The steps that fit the weakest profile, or undefined when the defaults do. When its value is locked
 * (a locked policy, a locked default pref, AutoConfig lockPref()), the settings page and user.js cannot
 * change it: say who can, and give them the policy step for this platform only.
 */
export function fittingSteps(platform: Platform, worst: ProfileAssessment | undefined): Step[] | undefined {
  if (!worst || worst.verdict === 'pass') return undefined
  const source = lockedBy(worst)
  if (source === undefined) return undefined
  return [{ text: t('stepAskAdmin', { source }) }, adminStep(platform)]
}
