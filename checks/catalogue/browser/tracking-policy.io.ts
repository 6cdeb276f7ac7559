/**
 * Reads the enterprise policies browser.tracking interprets (tracking-policy.parse.ts), from the
 * places each browser consults:
 *   Firefox — Windows: HKLM, then HKCU, SOFTWARE\Policies\Mozilla\Firefox, then the installation's
 *     distribution/policies.json; macOS: managed preferences (org.mozilla.firefox) with
 *     EnterprisePoliciesEnabled, then distribution/policies.json; Linux: /etc/firefox/policies/policies.json
 *     when it exists, otherwise the installation's file. Earlier sources win per pref.
 *   Chromium family — the same sources dns.chromium reads: every file of the managed policy folder
 *     (the name sorting last wins), HKLM then HKCU, or the managed plists.
 */
import { parseJsonLenient, lenientReason, jsonNotObject } from '../../readers/browsers/json.parse.js'
import { firefoxInstallDirs } from '../../readers/browsers/firefox-installs.io.js'
import type { FirefoxPackaging } from '../../readers/browsers/firefox-profiles.io.js'
import type { ChromiumBrowserSpec } from '../../readers/browsers/chromium-browsers.io.js'
import { managedPrefsPaths, readManagedPrefs, readPlist } from '../../readers/browsers/mac-managed-prefs.io.js'
import { attempt, describeHostError, pathsFor, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { Msg } from '../../core/i18n/message.js'
import { findKey, findValue, type RegKey } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import type { PolicyPref } from '../../readers/browsers/firefox-prefs.verdict.js'
import { CR_POLICIES, chromiumFlag, firefoxPolicyPrefs, mentionsTracking } from './tracking-policy.parse.js'
import { t, policyText as pt } from './tracking.messages.js'

export interface PolicyNote {
  source: string
  note: Msg
}

export interface PolicyRead<V> {
  values: Map<string, V>
  notes: PolicyNote[]
  /** Sources that may set these values but could not be read or interpreted. */
  uncertain: { source: string; reason: Msg }[]
}

type Found = { source: string; values: Record<string, unknown> } | { source: string; uncertain: Msg } | { source: string; note: Msg }

async function readJsonObject(host: Host, file: string, strict: boolean): Promise<Found | undefined> {
  const read = await tryReadText(host, file)
  if (!read.ok) {
    if (read.reason.code === 'not_found' || read.reason.code === 'not_a_file') return undefined
    return { source: file, uncertain: t('unreadable', { file, reason: describeHostError(read.reason, file) }) }
  }
  const json = parseJsonLenient(read.value)
  const doc = json.ok ? json.value : undefined
  // Firefox reads policies.json with JSON.parse; Chromium's loader accepts trailing commas.
  const refused = doc ? (strict ? doc.leniency : doc.leniency.filter((l) => l !== 'trailing_commas')) : []
  if (!doc || refused.length > 0) {
    const error = doc ? lenientReason(refused) : json.ok ? jsonNotObject() : json.reason
    return { source: file, note: pt('rejected', { error }) }
  }
  if (typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value))
    return { source: file, note: t('notJson', { error: jsonNotObject() }) }
  return { source: file, values: doc.value as Record<string, unknown> }
}

/** The registry form of Firefox's policies: one subkey per policy, values by name. */
function firefoxRegistryPolicies(keys: readonly RegKey[], root: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [policy, names] of [
    ['Cookies', ['Behavior', 'Locked', 'Default', 'AcceptThirdParty', 'RejectTracker']],
    ['EnableTrackingProtection', ['Value', 'Locked', 'Category']],
  ] as const) {
    const key = findKey(keys, `${root}\\${policy}`)
    if (!key) continue
    const values: Record<string, unknown> = {}
    for (const name of names) {
      const v = findValue(key, name)
      if (v) values[name] = v.data
    }
    out[policy] = values
  }
  return out
}

async function firefoxRegistry(host: Host, hive: 'HKLM' | 'HKCU', signal?: AbortSignal): Promise<Found | undefined> {
  const root = `${hive}\\SOFTWARE\\Policies\\Mozilla\\Firefox`
  const r = await queryRegistry(host, root, signal)
  if (r.status === 'absent') return undefined
  if (r.status === 'unreadable') return { source: r.command, uncertain: r.reason }
  // Preferences in the registry is a JSON text Bulwark does not interpret: say so rather than guess.
  if (findKey(r.keys, `${root}\\Preferences`) || findValue(findKey(r.keys, root), 'Preferences'))
    return { source: root, uncertain: pt('registryPreferences') }
  return { source: root, values: firefoxRegistryPolicies(r.keys, root) }
}

async function firefoxMac(host: Host, signal?: AbortSignal): Promise<Found[]> {
  const files = [...managedPrefsPaths(host, 'org.mozilla.firefox'), '/Library/Preferences/org.mozilla.firefox.plist']
  const reads = await Promise.all(files.map((f) => readPlist(host, f, signal)))
  return reads.flatMap((r): Found[] => {
    if (r.status === 'absent') return []
    if (r.status === 'unreadable') return [{ source: r.source, uncertain: r.reason }]
    if (r.values.EnterprisePoliciesEnabled !== true && r.values.EnterprisePoliciesEnabled !== 1)
      return [{ source: r.source, note: pt('notEnabled') }]
    return [{ source: r.source, values: r.values }]
  })
}

async function firefoxJson(host: Host, files: readonly string[]): Promise<Found[]> {
  const reads = await Promise.all(files.map((f) => readJsonObject(host, f, true)))
  return reads
    .filter((r): r is Found => r !== undefined)
    .map((r) => {
      if (!('values' in r)) return r
      const policies = r.values.policies
      const values = policies && typeof policies === 'object' && !Array.isArray(policies) ? (policies as Record<string, unknown>) : {}
      return { source: r.source, values }
    })
}

async function firefoxSources(host: Host, packaging: FirefoxPackaging, signal?: AbortSignal): Promise<Found[]> {
  const p = pathsFor(host.platform)
  const install = firefoxInstallDirs(host, packaging).map((d) => p.join(d, 'distribution', 'policies.json'))
  if (host.platform === 'win32') {
    const [hklm, hkcu, json] = await Promise.all([
      firefoxRegistry(host, 'HKLM', signal),
      firefoxRegistry(host, 'HKCU', signal),
      firefoxJson(host, install),
    ])
    return [...(hklm ? [hklm] : []), ...(hkcu ? [hkcu] : []), ...json]
  }
  if (host.platform === 'darwin') return [...(await firefoxMac(host, signal)), ...(await firefoxJson(host, install))]
  // Linux: the first policies.json present is the only one Firefox reads.
  const system = packaging === 'flatpak' ? [] : ['/etc/firefox/policies/policies.json']
  const found = await firefoxJson(host, [...system, ...install])
  const first = found.findIndex((f) => !('uncertain' in f))
  return first < 0 ? found : found.slice(0, first + 1)
}

/** The tracking prefs Firefox's enterprise policies set for profiles of this packaging. */
export async function readFirefoxTrackingPolicy(
  host: Host,
  packaging: FirefoxPackaging,
  signal?: AbortSignal,
): Promise<PolicyRead<PolicyPref>> {
  const out: PolicyRead<PolicyPref> = { values: new Map(), notes: [], uncertain: [] }
  for (const found of await firefoxSources(host, packaging, signal)) {
    if ('uncertain' in found) {
      out.uncertain.push({ source: found.source, reason: found.uncertain })
      continue
    }
    if ('note' in found) {
      out.notes.push(found)
      continue
    }
    const { prefs, uncertain } = firefoxPolicyPrefs(found.values, found.source)
    for (const reason of uncertain) out.uncertain.push({ source: found.source, reason })
    const fresh = [...prefs].filter(([name]) => !out.values.has(name))
    for (const [name, pref] of fresh) out.values.set(name, pref)
    const set = fresh.map(([name, pp]) => `${name}=${JSON.stringify(pp.value)}${pp.locked ? ' (locked)' : ''}`)
    const note = set.length > 0 ? pt('sets', { policies: set.join(', ') }) : mentionsTracking(found.values) ? pt('shadowed') : pt('none')
    out.notes.push({ source: found.source, note })
  }
  return out
}

async function chromiumLinux(host: Host, spec: ChromiumBrowserSpec): Promise<Found[]> {
  const p = pathsFor(host.platform)
  const perDir = await Promise.all(
    spec.linuxPolicyDirs.map(async (dir): Promise<Found[]> => {
      const listing = await attempt(dir, () => host.readDir(dir))
      if (!listing.ok) {
        if (listing.reason.code === 'not_found') return []
        return [{ source: dir, uncertain: t('unreadable', { file: dir, reason: describeHostError(listing.reason, dir) }) }]
      }
      // The file whose name sorts last wins, so it is applied first.
      const names = listing.value
        .filter((e) => (e.kind === 'file' || e.kind === 'symlink') && !e.name.startsWith('.'))
        .map((e) => e.name)
        .sort()
        .reverse()
      const reads = await Promise.all(names.map((n) => readJsonObject(host, p.join(dir, n), false)))
      return reads.filter((r): r is Found => r !== undefined)
    }),
  )
  return perDir.flat()
}

async function chromiumWindows(host: Host, spec: ChromiumBrowserSpec, signal?: AbortSignal): Promise<Found[]> {
  const key = spec.windowsPolicyKey
  if (!key) return []
  const reads = await Promise.all(
    (['HKLM', 'HKCU'] as const).map(async (hive) => ({ root: `${hive}\\${key}`, r: await queryRegistry(host, `${hive}\\${key}`, signal) })),
  )
  return reads.flatMap(({ root, r }): Found[] => {
    if (r.status === 'absent') return []
    if (r.status === 'unreadable') return [{ source: r.command, uncertain: r.reason }]
    const values: Record<string, unknown> = {}
    for (const name of CR_POLICIES) {
      const v = findValue(findKey(r.keys, root), name)
      if (v) values[name] = v.data
    }
    return [{ source: root, values }]
  })
}

async function chromiumMac(host: Host, spec: ChromiumBrowserSpec, signal?: AbortSignal): Promise<Found[]> {
  const reads = await readManagedPrefs(host, spec.macBundleId, signal)
  return reads.flatMap((r): Found[] => {
    if (r.status === 'absent') return []
    if (r.status === 'unreadable') return [{ source: r.source, uncertain: r.reason }]
    return [{ source: r.source, values: r.values }]
  })
}

/** The tracking policies of one Chromium-family browser, the first source of each winning. */
export async function readChromiumTrackingPolicy(
  host: Host,
  spec: ChromiumBrowserSpec,
  signal?: AbortSignal,
): Promise<PolicyRead<{ value: boolean; source: string }>> {
  const found =
    host.platform === 'win32'
      ? await chromiumWindows(host, spec, signal)
      : host.platform === 'darwin'
        ? await chromiumMac(host, spec, signal)
        : await chromiumLinux(host, spec)
  const out: PolicyRead<{ value: boolean; source: string }> = { values: new Map(), notes: [], uncertain: [] }
  for (const f of found) {
    if ('uncertain' in f) {
      out.uncertain.push({ source: f.source, reason: f.uncertain })
      continue
    }
    if ('note' in f) {
      out.notes.push(f)
      continue
    }
    const set: string[] = []
    for (const name of CR_POLICIES) {
      const value = chromiumFlag(f.values[name])
      if (value === undefined) {
        if (f.values[name] !== undefined)
          out.notes.push({ source: f.source, note: pt('badValue', { policy: name, value: JSON.stringify(f.values[name]) }) })
        continue
      }
      if (out.values.has(name)) continue
      out.values.set(name, { value, source: f.source })
      set.push(`${name}=${String(value)}`)
    }
    out.notes.push({ source: f.source, note: set.length > 0 ? pt('sets', { policies: set.join(', ') }) : pt('none') })
  }
  return out
}
