/**
 * Reads what decides Firefox's data sharing: every profile's user.js and prefs.js and each
 * installation's default-pref files and AutoConfig (readers/browsers/firefox-prefs.io.ts), and the
 * enterprise policies DisableTelemetry, DisableFirefoxStudies and Preferences (for the data-sharing
 * prefs only). Policy sources
 * (EnterprisePolicies.sys.mjs): Windows registry (HKLM, then HKCU) and macOS managed preferences
 * win per policy over policies.json; on Linux /etc/firefox/policies/policies.json, when present,
 * replaces the installation's distribution/policies.json.
 */
import { attempt, describeHostError, pathsFor } from '../../core/host/helpers.js'
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
import { readAdminPrefs, readPrefFile } from '../../readers/browsers/firefox-prefs.io.js'
import type { AdminPrefs, PrefFile } from '../../readers/browsers/firefox-prefs.verdict.js'
import { collectFfPolicies, type PolicySource } from './telemetry.parse.js'
import type { FfPolicies } from './telemetry-firefox.verdict.js'

export interface FfProfileFacts {
  profile: FirefoxProfile
  userJs: PrefFile
  prefsJs: PrefFile
  policies: FfPolicies
  admins: AdminPrefs[]
}

export interface FirefoxFacts {
  discovery: FirefoxDiscovery
  profiles: FfProfileFacts[]
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
          Promise.all(firefoxInstallDirs(host, pk).map((d) => readAdminPrefs(host, d))),
        ])
        return [pk, { policies: collectFfPolicies(groups), admins: admins.filter((a): a is AdminPrefs => a !== undefined) }] as const
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
