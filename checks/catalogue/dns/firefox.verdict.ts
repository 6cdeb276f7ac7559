/**
 * How Firefox arrives at its DNS-over-HTTPS settings, and what they are worth. Pure.
 *
 * Firefox keeps a default value, a user value and a lock per pref; the effective value is the
 * default when locked, else the user value if any, else the default. They are written in this
 * order (docs/checks/dns-browsers.md, "How the value is decided", has the sources):
 *   1. default-pref files of the installation, in Firefox's load order: `pref()` sets the default,
 *      `pref(…, locked)` sets and locks it, and a locked default no longer changes;
 *   2. prefs.js, then user.js (user values);
 *   3. AutoConfig (`mozilla.cfg`), top to bottom: pref() user value, defaultPref() default,
 *      lockPref() default + lock, unlockPref(), clearPref() drops the user value;
 *   4. enterprise policies: a locked policy wins; an unlocked one replaces the default only.
 */
import { isHttpsUrl, type BrowserVerdict } from '../../readers/browsers/browsers.verdict.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Platform, Step } from '../../core/types.js'
import { t } from './firefox.messages.js'
import type { AutoConfigOp, OpaqueStatement, OpaqueWhy, ParsedAutoConfig } from './autoconfig.parse.js'
import type { ParsedPrefs, PrefEntry, PrefValue } from './prefs.parse.js'

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

/** A value a policy sets: a default unless locked. */
export interface PolicyPref {
  value: PrefValue
  locked: boolean
  /** The file, registry key or plist it came from. */
  source: string
  /** The policy that set it: 'DNSOverHTTPS' or 'Preferences'. */
  via: string
}

/** One preference file as read: parsed, absent, or unreadable (with the reason). */
export type PrefFile =
  | { state: 'read'; path: string; parsed: ParsedPrefs }
  | { state: 'absent'; path: string }
  | { state: 'unreadable'; path: string; reason: Msg }

/** AutoConfig as read: parsed, or unreadable (absent counts: Firefox then refuses to start). */
export type AutoConfigFile = { state: 'read'; path: string; parsed: ParsedAutoConfig } | { state: 'unreadable'; path: string; reason: Msg }

/** What one Firefox installation sets for every profile it runs. */
export interface AdminPrefs {
  install: string
  /** Default-pref files in the order Firefox loads them. */
  defaults: PrefFile[]
  autoconfig?: AutoConfigFile
}

export type Origin =
  | { kind: 'policy'; locked: boolean; source: string; via: string }
  | { kind: 'file'; file: 'user.js' | 'prefs.js' | 'default' | 'autoconfig'; path: string; line: number; locked?: boolean; via?: string }
  | { kind: 'builtin' }

export type UnknownCause =
  | { kind: 'unreadable'; reason: Msg }
  | { kind: 'damaged'; line: number; text: string }
  | { kind: 'opaque'; line: number; text: string; why: OpaqueWhy }
  | { kind: 'policyConflict'; source: string; lockedAt: string }

export type Resolved = { known: true; value: PrefValue; origin: Origin } | { known: false; path: string; cause: UnknownCause }

/**
 * Firefox keeps a pref's type: in user.js or prefs.js a value of another type (mode "3" as text) is
 * refused and the value before it stands. Seen with firefox-esr 153: user.js "3" over prefs.js 2
 * left 2, and "3" alone was never saved.
 */
export function hasBuiltInType(name: PrefName, value: PrefValue): boolean {
  return typeof value === typeof BUILT_IN[name]
}

/** The statements for DoH settings in a user.js or prefs.js that Firefox refuses for their type. */
export function wrongTypeEntries(file: PrefFile): PrefEntry[] {
  if (file.state !== 'read') return []
  return file.parsed.entries.filter(
    (e) => (RELEVANT_PREFS as readonly string[]).includes(e.name) && !hasBuiltInType(e.name as PrefName, e.value),
  )
}

function fromFile(file: PrefFile, name: PrefName, label: 'user.js' | 'prefs.js'): Resolved | 'none' {
  if (file.state === 'absent') return 'none'
  if (file.state === 'unreadable') return { known: false, path: file.path, cause: { kind: 'unreadable', reason: file.reason } }
  const entry = file.parsed.entries.findLast((e) => e.name === name && e.kind === 'user_pref' && hasBuiltInType(name, e.value))
  // Firefox dropped a damaged statement that names this pref (perhaps with a valid one after it): say so, don't guess.
  const damaged = file.parsed.skipped.find((s) => s.text.includes(name) && (!entry || s.line > entry.line))
  if (damaged) return { known: false, path: file.path, cause: { kind: 'damaged', line: damaged.line, text: damaged.text } }
  // pref(), sticky_pref() and lockPref() in a user file set or lock the default, not the user value.
  const other = file.parsed.entries.find((e) => e.name === name && e.kind !== 'user_pref')
  if (other) {
    const text = `${other.kind}("${name}", ${JSON.stringify(other.value)})`
    return { known: false, path: file.path, cause: { kind: 'damaged', line: other.line, text } }
  }
  if (!entry) return 'none'
  return { known: true, value: entry.value, origin: { kind: 'file', file: label, path: file.path, line: entry.line } }
}

type Known = Extract<Resolved, { known: true }>
const BUILTIN_ORIGIN: Origin = { kind: 'builtin' }

/**
 * The default value and lock that default-pref files leave for `name`, or why that is unknown.
 * Also used for `general.config.filename` and `general.config.obscure_value`.
 */
export function foldDefaults(
  files: readonly PrefFile[],
  name: string,
  initial: PrefValue | undefined,
): { value: PrefValue | undefined; origin: Origin; locked: boolean } | Extract<Resolved, { known: false }> {
  let value = initial
  let origin: Origin = BUILTIN_ORIGIN
  let locked = false
  for (const file of files) {
    if (file.state === 'absent') continue
    if (file.state === 'unreadable') return { known: false, path: file.path, cause: { kind: 'unreadable', reason: file.reason } }
    const damaged = file.parsed.skipped.find((s) => s.text.includes(name))
    if (damaged) return { known: false, path: file.path, cause: { kind: 'damaged', line: damaged.line, text: damaged.text } }
    for (const e of file.parsed.entries.filter((x: PrefEntry) => x.name === name)) {
      // user_pref() has no documented meaning in a default-pref file: do not guess what it does.
      if (e.kind === 'user_pref')
        return {
          known: false,
          path: file.path,
          cause: { kind: 'damaged', line: e.line, text: `user_pref("${name}", ${JSON.stringify(e.value)})` },
        }
      if (locked) continue
      value = e.value
      locked = e.locked === true
      origin = { kind: 'file', file: 'default', path: file.path, line: e.line, ...(locked ? { locked: true } : {}) }
    }
  }
  return { value, origin, locked }
}

function opaqueFor(ac: ParsedAutoConfig, name: string): OpaqueStatement | undefined {
  return ac.opaque.find((o) => o.prefName === undefined || o.prefName === name)
}

export function resolvePref(
  name: PrefName,
  userJs: PrefFile,
  prefsJs: PrefFile,
  policy: ReadonlyMap<string, PolicyPref>,
  admin?: AdminPrefs,
): Resolved {
  const p = policy.get(name)
  const fromPolicy = (pp: PolicyPref): Resolved => ({
    known: true,
    value: pp.value,
    origin: { kind: 'policy', locked: pp.locked, source: pp.source, via: pp.via },
  })
  if (p?.locked) return fromPolicy(p)
  const folded = foldDefaults(admin?.defaults ?? [], name, BUILT_IN[name])
  if ('known' in folded) return folded
  let def: Known = { known: true, value: folded.value ?? BUILT_IN[name], origin: folded.origin }
  let locked = folded.locked
  let user: Resolved | undefined
  for (const [file, label] of [
    [userJs, 'user.js'],
    [prefsJs, 'prefs.js'],
  ] as const) {
    const r = fromFile(file, name, label)
    if (r !== 'none') {
      user = r
      break
    }
  }
  const ac = admin?.autoconfig
  if (ac?.state === 'unreadable') return { known: false, path: ac.path, cause: { kind: 'unreadable', reason: ac.reason } }
  if (ac) {
    const opaque = opaqueFor(ac.parsed, name)
    if (opaque)
      return {
        known: false,
        path: opaque.path ?? ac.path,
        cause: { kind: 'opaque', line: opaque.line, text: opaque.text, why: opaque.why },
      }
    for (const op of ac.parsed.ops.filter((o: AutoConfigOp) => o.name === name)) {
      const origin = (lock: boolean): Origin => ({
        kind: 'file',
        file: 'autoconfig',
        path: ac.path,
        line: op.line,
        via: `${op.fn}()`,
        ...(lock ? { locked: true } : {}),
      })
      const value = op.value ?? BUILT_IN[name]
      if (op.fn === 'pref') user = { known: true, value, origin: origin(false) }
      else if (op.fn === 'clearPref') user = undefined
      else if (op.fn === 'unlockPref') locked = false
      else if (op.fn === 'lockPref') {
        // prefcalls.js lockPref(): unlock, set the default, lock again.
        def = { known: true, value, origin: origin(true) }
        locked = true
      } else if (!locked) def = { known: true, value, origin: origin(false) }
    }
  }
  if (p) {
    if (locked && p.value !== def.value) {
      const lockedAt = def.origin.kind === 'file' ? `${def.origin.path}:${def.origin.line}` : ''
      return { known: false, path: p.source, cause: { kind: 'policyConflict', source: p.source, lockedAt } }
    }
    if (!locked) def = fromPolicy(p) as Known
  }
  return locked ? def : (user ?? def)
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
