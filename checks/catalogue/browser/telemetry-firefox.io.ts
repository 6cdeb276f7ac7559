/**
 * Reads what decides Firefox's data sharing: every profile's user.js and prefs.js, each
 * installation's default-pref files and AutoConfig, and the enterprise policies DisableTelemetry,
 * DisableFirefoxStudies and Preferences (for the data-sharing prefs only).
 *
 * Default-pref load order (modules/libpref/Preferences.cpp): `<install>/defaults/pref/*.js`, then
 * `browser/defaults/preferences/*.js`, then Debian's `browser/defaults/syspref/*.js` (a link to
 * /etc/firefox-esr); inside a folder in reverse byte order of the names. Policy sources
 * (EnterprisePolicies.sys.mjs): Windows registry (HKLM, then HKCU) and macOS managed preferences
 * win per policy over policies.json; on Linux /etc/firefox/policies/policies.json, when present,
 * replaces the installation's distribution/policies.json.
 */
import { attempt, describeHostError, pathsFor, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { firefoxInstallDirs } from '../../readers/browsers/firefox-installs.io.js'
import {
  findFirefoxProfiles,
  type FirefoxDiscovery,
  type FirefoxPackaging,
  type FirefoxProfile,
} from '../../readers/browsers/firefox-profiles.io.js'
import { lenientReason, parseJsonLenient } from '../../readers/browsers/json.parse.js'
import { managedPrefsPaths, readPlist } from '../../readers/browsers/mac-managed-prefs.io.js'
import { findKey, findValue } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import { DEFAULT_OBSCURE_VALUE, decodeAutoConfig, parseAutoConfig } from '../dns/autoconfig.parse.js'
import { parsePrefs, type PrefFileKind } from '../dns/prefs.parse.js'
import { collectFfPolicies, type PolicySource } from './telemetry.parse.js'
import type { AutoConfigFile, FfAdmin, FfPolicies, PrefFile } from './telemetry-firefox.verdict.js'
import { evidenceText as e } from './telemetry.messages.js'

export interface FfProfileFacts {
  profile: FirefoxProfile
  userJs: PrefFile
  prefsJs: PrefFile
  policies: FfPolicies
  admins: FfAdmin[]
}

export interface FirefoxFacts {
  discovery: FirefoxDiscovery
  profiles: FfProfileFacts[]
}

async function readPrefFile(host: Host, path: string, kind: PrefFileKind): Promise<PrefFile> {
  const read = await tryReadText(host, path)
  if (read.ok) return { state: 'read', path, parsed: parsePrefs(read.value, kind) }
  if (read.reason.code === 'not_found') return { state: 'absent', path }
  return { state: 'unreadable', path, reason: describeHostError(read.reason, path) }
}

const reverseByName = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0)

async function readDefaultsDir(host: Host, dir: string): Promise<PrefFile[]> {
  const listed = await attempt(dir, () => host.readDir(dir))
  if (!listed.ok) {
    if (listed.reason.code === 'not_found' || listed.reason.code === 'not_a_file') return []
    return [{ state: 'unreadable', path: dir, reason: describeHostError(listed.reason, dir) }]
  }
  const p = pathsFor(host.platform)
  const names = listed.value
    .filter((x) => x.kind !== 'dir' && x.name.toLowerCase().endsWith('.js'))
    .map((x) => x.name)
    .sort(reverseByName)
  return Promise.all(names.map((n) => readPrefFile(host, p.join(dir, n), 'default')))
}

/** The last default a file sets for a pref (general.config.*), enough to find the AutoConfig file. */
function lastDefault(files: readonly PrefFile[], name: string): string | number | boolean | undefined {
  let value: string | number | boolean | undefined
  for (const f of files)
    if (f.state === 'read') for (const x of f.parsed.entries) if (x.name === name && x.kind !== 'user_pref') value = x.value
  return value
}

async function readAutoConfig(host: Host, install: string, defaults: readonly PrefFile[]): Promise<AutoConfigFile | undefined> {
  const name = lastDefault(defaults, 'general.config.filename')
  if (typeof name !== 'string' || name === '') return undefined
  const p = pathsFor(host.platform)
  const file = p.join(install, name)
  if (/[\\/]/.test(name) || name === '..') return { state: 'unreadable', path: file, reason: e('obsNotSet') }
  const shift = lastDefault(defaults, 'general.config.obscure_value')
  const read = await attempt(file, () => host.readFile(file))
  if (!read.ok) return { state: 'unreadable', path: file, reason: describeHostError(read.reason, file) }
  return {
    state: 'read',
    path: file,
    parsed: parseAutoConfig(decodeAutoConfig(read.value, typeof shift === 'number' ? shift : DEFAULT_OBSCURE_VALUE)),
  }
}

async function readAdmin(host: Host, install: string): Promise<FfAdmin | undefined> {
  const st = await attempt(install, () => host.stat(install))
  if (!st.ok && st.reason.code === 'not_found') return undefined
  if (st.ok && st.value.kind !== 'dir') return undefined
  const p = pathsFor(host.platform)
  const dirs = [
    p.join(install, 'defaults', 'pref'),
    p.join(install, 'browser', 'defaults', 'preferences'),
    p.join(install, 'browser', 'defaults', 'syspref'),
  ]
  const defaults = (await Promise.all(dirs.map((d) => readDefaultsDir(host, d)))).flat()
  const autoconfig = await readAutoConfig(host, install, defaults)
  return { install, defaults, ...(autoconfig ? { autoconfig } : {}) }
}

async function readPoliciesJson(host: Host, file: string): Promise<PolicySource> {
  // Bytes, not text: Firefox refuses a byte-order mark, which a text read would drop.
  const read = await attempt(file, () => host.readFile(file))
  if (!read.ok) {
    if (read.reason.code === 'not_found' || read.reason.code === 'not_a_file') return { state: 'absent', source: file }
    return { state: 'uncertain', source: file, reason: describeHostError(read.reason, file) }
  }
  const json = parseJsonLenient(new TextDecoder('utf-8', { ignoreBOM: true }).decode(read.value))
  // Firefox reads policies.json with JSON.parse: anything else makes it ignore the whole file.
  if (!json.ok || !json.value.strict)
    return { state: 'rejected', source: file, error: json.ok ? lenientReason(json.value.leniency) : json.reason }
  const policies = (json.value.value as { policies?: unknown } | null)?.policies
  const values = policies && typeof policies === 'object' && !Array.isArray(policies) ? (policies as Record<string, unknown>) : {}
  return { state: 'ok', source: file, values }
}

async function readRegistry(host: Host, hive: 'HKLM' | 'HKCU', signal?: AbortSignal): Promise<PolicySource> {
  const root = `${hive}\\SOFTWARE\\Policies\\Mozilla\\Firefox`
  const r = await queryRegistry(host, root, signal)
  if (r.status === 'absent') return { state: 'absent', source: root }
  if (r.status === 'unreadable') return { state: 'uncertain', source: r.command, reason: r.reason }
  const key = findKey(r.keys, root)
  const values: Record<string, unknown> = {}
  for (const name of ['DisableTelemetry', 'DisableFirefoxStudies']) {
    const v = findValue(key, name)
    if (v) values[name] = v.data
  }
  return { state: 'ok', source: root, values }
}

async function readMac(host: Host, signal?: AbortSignal): Promise<PolicySource[]> {
  const files = [...managedPrefsPaths(host, 'org.mozilla.firefox'), '/Library/Preferences/org.mozilla.firefox.plist']
  const reads = await Promise.all(files.map((f) => readPlist(host, f, signal)))
  return reads.map((r): PolicySource => {
    if (r.status === 'absent') return { state: 'absent', source: r.source }
    if (r.status === 'unreadable') return { state: 'uncertain', source: r.source, reason: r.reason }
    // Firefox reads these only when EnterprisePoliciesEnabled is set in the same domain.
    if (r.values.EnterprisePoliciesEnabled !== true && r.values.EnterprisePoliciesEnabled !== 1)
      return { state: 'absent', source: r.source }
    return { state: 'ok', source: r.source, values: r.values }
  })
}

const LINUX_SYSTEM_FILES: Record<FirefoxPackaging, readonly string[]> = {
  native: ['/etc/firefox/policies/policies.json'],
  snap: ['/etc/firefox/policies/policies.json'],
  flatpak: ['x86_64', 'aarch64'].map(
    (arch) => `/var/lib/flatpak/extension/org.mozilla.firefox.systemconfig/${arch}/stable/policies/policies.json`,
  ),
}

/** Policy sources, highest priority first; `firstOnly` groups use only their first present file. */
async function policySources(
  host: Host,
  packaging: FirefoxPackaging,
  signal?: AbortSignal,
): Promise<{ sources: PolicySource[]; firstOnly: boolean }[]> {
  const p = pathsFor(host.platform)
  const installJson = (): Promise<PolicySource[]> =>
    Promise.all(firefoxInstallDirs(host, packaging).map((d) => readPoliciesJson(host, p.join(d, 'distribution', 'policies.json'))))
  if (host.platform === 'win32') {
    const [hklm, hkcu, json] = await Promise.all([readRegistry(host, 'HKLM', signal), readRegistry(host, 'HKCU', signal), installJson()])
    return [
      { sources: [hklm, hkcu], firstOnly: false },
      { sources: json, firstOnly: true },
    ]
  }
  if (host.platform === 'darwin') {
    const [mac, json] = await Promise.all([readMac(host, signal), installJson()])
    return [
      { sources: mac, firstOnly: true },
      { sources: json, firstOnly: true },
    ]
  }
  const system = await Promise.all(LINUX_SYSTEM_FILES[packaging].map((f) => readPoliciesJson(host, f)))
  return [{ sources: [...system, ...(await installJson())], firstOnly: true }]
}

export async function collectFirefox(host: Host, signal?: AbortSignal): Promise<FirefoxFacts> {
  const discovery = await findFirefoxProfiles(host)
  if (discovery.profiles.length === 0) return { discovery, profiles: [] }
  const packagings = [...new Set(discovery.profiles.map((pr) => pr.root.packaging))]
  const perPackaging = new Map(
    await Promise.all(
      packagings.map(async (pk) => {
        const [groups, admins] = await Promise.all([
          policySources(host, pk, signal),
          Promise.all(firefoxInstallDirs(host, pk).map((d) => readAdmin(host, d))),
        ])
        return [pk, { policies: collectFfPolicies(groups), admins: admins.filter((a): a is FfAdmin => a !== undefined) }] as const
      }),
    ),
  )
  const p = pathsFor(host.platform)
  const profiles = await Promise.all(
    discovery.profiles.map(async (profile): Promise<FfProfileFacts> => {
      const [userJs, prefsJs] = await Promise.all([
        readPrefFile(host, p.join(profile.path, 'user.js'), 'user'),
        readPrefFile(host, p.join(profile.path, 'prefs.js'), 'user'),
      ])
      const shared = perPackaging.get(profile.root.packaging) ?? { policies: collectFfPolicies([]), admins: [] }
      return { profile, userJs, prefsJs, ...shared }
    }),
  )
  return { discovery, profiles }
}
