/**
 * Reads what decides Firefox's WebRTC prefs for each profile: the installation's default-pref files
 * and AutoConfig file and the profile's prefs.js and user.js (readers/browsers/firefox-prefs.io.ts),
 * and the `Preferences` enterprise policy (Windows registry, macOS managed preferences, policies.json).
 */
import { readAdminPrefs, readPrefFile } from '../../readers/browsers/firefox-prefs.io.js'
import type { AdminPrefs, PolicyPref, PrefInputs } from '../../readers/browsers/firefox-prefs.verdict.js'
import { findFirefoxProfiles, type FirefoxDiscovery, type FirefoxPackaging } from '../../readers/browsers/firefox-profiles.io.js'
import { firefoxInstallDirs } from '../../readers/browsers/firefox-installs.io.js'
import { parseJsonLenient } from '../../readers/browsers/json.parse.js'
import { managedPrefsPaths, readPlist } from '../../readers/browsers/mac-managed-prefs.io.js'
import { attempt, describeHostError, pathsFor } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { Msg } from '../../core/i18n/message.js'
import { findKey, findValue } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import { FF_PREFS } from './webrtc.verdict.js'
import { firefoxText as t } from './webrtc.messages.js'

export interface PolicyRead {
  prefs: Map<string, PolicyPref>
  /** Where the Preferences policy came from, or why a source could not be read (the result is then unknown). */
  source?: string
  uncertain?: { source: string; reason: Msg }
}

type PolicySource = { source: string; policies: Record<string, unknown> } | { source: string; uncertain: Msg } | undefined

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The WebRTC prefs one `Preferences` policy sets (Policies.sys.mjs: the old plain form locks; Status
 * defaults to "default"; "user" sets the user value, "clear" drops it).
 */
export function webrtcPolicyPrefs(preferences: unknown, source: string): Map<string, PolicyPref> {
  const out = new Map<string, PolicyPref>()
  if (!isObject(preferences)) return out
  for (const name of FF_PREFS) {
    const raw = preferences[name]
    if (raw === undefined) continue
    const base = { source, via: 'Preferences' }
    if (!isObject(raw)) {
      out.set(name, { ...base, locked: true, ...(typeof raw === 'boolean' ? { value: raw } : {}) })
      continue
    }
    // The registry gives booleans as 0/1 with Type "boolean".
    const v = raw.Value
    const value = typeof v === 'boolean' ? v : raw.Type === 'boolean' && (v === 0 || v === 1) ? v === 1 : undefined
    const effect = raw.Status === 'user' || raw.Status === 'clear' ? { effect: raw.Status as 'user' | 'clear' } : {}
    out.set(name, { ...base, locked: raw.Status === 'locked', ...effect, ...(value === undefined ? {} : { value }) })
  }
  return out
}

async function jsonSource(host: Host, file: string): Promise<PolicySource> {
  const read = await attempt(file, () => host.readFile(file))
  if (!read.ok) {
    if (read.reason.code === 'not_found' || read.reason.code === 'not_a_file') return undefined
    return { source: file, uncertain: describeHostError(read.reason, file) }
  }
  const json = parseJsonLenient(new TextDecoder('utf-8', { ignoreBOM: true }).decode(read.value))
  // Firefox reads policies.json with JSON.parse: anything lenient is a rejected file, which sets nothing.
  if (!json.ok || !json.value.strict) return { source: file, policies: {} }
  const root = json.value.value
  const policies = isObject(root) && isObject(root.policies) ? root.policies : {}
  return { source: file, policies }
}

async function registrySource(host: Host, hive: 'HKLM' | 'HKCU', signal: AbortSignal): Promise<PolicySource> {
  const root = `${hive}\\SOFTWARE\\Policies\\Mozilla\\Firefox`
  const r = await queryRegistry(host, root, signal)
  if (r.status === 'absent') return undefined
  if (r.status === 'unreadable') return { source: r.command, uncertain: r.reason }
  const value = findValue(findKey(r.keys, root), 'Preferences')
  if (!value) return { source: root, policies: {} }
  // The ADMX writes the policy as one line of JSON.
  const text = Array.isArray(value.data) ? value.data.join('\n') : String(value.data)
  const json = parseJsonLenient(text)
  if (!json.ok || !json.value.strict) return { source: `${root}\\Preferences`, uncertain: t('registryNotJson') }
  return { source: `${root}\\Preferences`, policies: { Preferences: json.value.value } }
}

async function macSources(host: Host, signal: AbortSignal): Promise<PolicySource[]> {
  const files = [...managedPrefsPaths(host, 'org.mozilla.firefox'), '/Library/Preferences/org.mozilla.firefox.plist']
  const reads = await Promise.all(files.map((f) => readPlist(host, f, signal)))
  return reads.map((r): PolicySource => {
    if (r.status === 'absent') return undefined
    if (r.status === 'unreadable') return { source: r.source, uncertain: r.reason }
    const enabled = r.values.EnterprisePoliciesEnabled === true || r.values.EnterprisePoliciesEnabled === 1
    return { source: r.source, policies: enabled ? r.values : {} }
  })
}

const LINUX_SYSTEM: Record<FirefoxPackaging, readonly string[]> = {
  native: ['/etc/firefox/policies/policies.json'],
  snap: ['/etc/firefox/policies/policies.json'],
  flatpak: ['x86_64', 'aarch64'].map(
    (a) => `/var/lib/flatpak/extension/org.mozilla.firefox.systemconfig/${a}/stable/policies/policies.json`,
  ),
}

/**
 * The `Preferences` policy for profiles of one packaging. Providers combine per policy name, the
 * platform provider (registry, managed preferences) first, so the first source naming Preferences
 * decides it; on Linux only the first policies.json present is read at all.
 */
export async function readWebrtcPolicy(host: Host, packaging: FirefoxPackaging, signal: AbortSignal): Promise<PolicyRead> {
  const p = pathsFor(host.platform)
  const installJson = firefoxInstallDirs(host, packaging).map((d) => p.join(d, 'distribution', 'policies.json'))
  let ordered: PolicySource[]
  if (host.platform === 'win32') {
    ordered = await Promise.all([
      registrySource(host, 'HKLM', signal),
      registrySource(host, 'HKCU', signal),
      ...installJson.map((f) => jsonSource(host, f)),
    ])
  } else if (host.platform === 'darwin') {
    ordered = [...(await macSources(host, signal)), ...(await Promise.all(installJson.map((f) => jsonSource(host, f))))]
  } else {
    const all = await Promise.all([...LINUX_SYSTEM[packaging], ...installJson].map((f) => jsonSource(host, f)))
    ordered = all.filter((s) => s !== undefined).slice(0, 1)
  }
  for (const s of ordered) {
    if (!s) continue
    if ('uncertain' in s) return { prefs: new Map(), uncertain: { source: s.source, reason: s.uncertain } }
    if ('Preferences' in s.policies) return { prefs: webrtcPolicyPrefs(s.policies.Preferences, s.source), source: s.source }
  }
  return { prefs: new Map() }
}

export interface FirefoxProfileRead {
  name: string
  path: string
  /** AutoConfig and defaults differ per installation and nothing says which one runs a profile: one set per installation. */
  variants: PrefInputs[]
  policy: PolicyRead
}

export interface FirefoxRead {
  discovery: FirefoxDiscovery
  profiles: FirefoxProfileRead[]
}

export async function readFirefoxWebrtc(host: Host, signal: AbortSignal): Promise<FirefoxRead> {
  const discovery = await findFirefoxProfiles(host)
  const p = pathsFor(host.platform)
  const packagings = [...new Set(discovery.profiles.map((pr) => pr.root.packaging))]
  const perPackaging = new Map(
    await Promise.all(
      packagings.map(async (pk) => {
        const [policy, installs] = await Promise.all([
          readWebrtcPolicy(host, pk, signal),
          Promise.all(firefoxInstallDirs(host, pk).map((d) => readAdminPrefs(host, d))),
        ])
        return [pk, { policy, installs: installs.filter((i): i is AdminPrefs => i !== undefined) }] as const
      }),
    ),
  )
  const profiles = await Promise.all(
    discovery.profiles.map(async (profile): Promise<FirefoxProfileRead> => {
      const [userJs, prefsJs] = await Promise.all([
        readPrefFile(host, p.join(profile.path, 'user.js'), 'user'),
        readPrefFile(host, p.join(profile.path, 'prefs.js'), 'user'),
      ])
      const { policy, installs } = perPackaging.get(profile.root.packaging) ?? { policy: { prefs: new Map() }, installs: [] }
      const base: PrefInputs = { userJs, prefsJs, policy: policy.prefs }
      const variants = installs.map((admin): PrefInputs => ({ ...base, admin }))
      return { name: profile.name, path: profile.path, variants: variants.length > 0 ? variants : [base], policy }
    }),
  )
  return { discovery, profiles }
}
