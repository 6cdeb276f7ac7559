/**
 * Reads Firefox enterprise policies that touch DNS over HTTPS and turns them into the preference
 * values Firefox derives from them (Policies.sys.mjs, detection.md §1.1, §7.2):
 *   DNSOverHTTPS.Enabled true → network.trr.mode 2; with Fallback false → 3; Enabled false → 5;
 *   ProviderURL → network.trr.uri; Locked makes them locked, otherwise they are only defaults.
 * The `Preferences` policy can set the same prefs directly.
 *
 * Which providers Firefox consults (EnterprisePolicies.sys.mjs, _chooseProvider): on Windows the
 * registry (Group Policy) and on macOS managed preferences, combined with policies.json, the
 * platform provider winning per policy. policies.json is `/etc/firefox/policies/policies.json` on
 * Linux if that exists, otherwise `distribution/policies.json` in the installation folder.
 */
import { z } from 'zod'
import { lenientReason, parseJsonLenient } from '../../readers/browsers/json.parse.js'
import { firefoxInstallDirs } from '../../readers/browsers/firefox-installs.io.js'
import type { FirefoxPackaging } from '../../readers/browsers/firefox-profiles.io.js'
import { managedPrefsPaths, readPlist } from '../../readers/browsers/mac-managed-prefs.io.js'
import { attempt, describeHostError, pathsFor } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { type Msg } from '../../core/i18n/message.js'
import { findKey, findValue, type RegKey } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import type { PolicyPref } from '../../readers/browsers/firefox-prefs.verdict.js'
import { PREF, RELEVANT_PREFS } from './firefox.verdict.js'
import { policyText as t } from './firefox.messages.js'

export interface PolicySourceNote {
  source: string
  /** The value as written, when there is one beyond what the note says. */
  observed: string | null
  note: Msg
}

export interface FirefoxPolicies {
  prefs: Map<string, PolicyPref>
  /** Every place looked at, for evidence. */
  notes: PolicySourceNote[]
  /** Sources that may set DNS over HTTPS but could not be read or interpreted. */
  uncertain: { source: string; reason: Msg }[]
}

const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]).transform((v) => v === true || v === 1)
const DnsOverHttps = z.object({
  Enabled: flag.optional(),
  ProviderURL: z.string().optional(),
  Locked: flag.optional(),
  Fallback: flag.optional(),
})
const PreferenceSetting = z.union([
  z.object({ Value: z.union([z.string(), z.number(), z.boolean()]), Status: z.string().optional() }),
  z.union([z.string(), z.number(), z.boolean()]),
])

/** The prefs one policy object (the `policies` member of policies.json, or its registry/plist form) sets. */
export function prefsFromPolicies(
  policies: Record<string, unknown>,
  source: string,
): { prefs: Map<string, PolicyPref>; ignored: Msg[]; uncertain: Msg[] } {
  const prefs = new Map<string, PolicyPref>()
  // Firefox validates each policy against its schema and drops one that fails: that is certain.
  const ignored: Msg[] = []
  const uncertain: Msg[] = []
  if ('DNSOverHTTPS' in policies) {
    const parsed = DnsOverHttps.safeParse(policies.DNSOverHTTPS)
    const url = parsed.success ? parsed.data.ProviderURL : undefined
    const badUrl = url !== undefined && !URL.canParse(url)
    if (!parsed.success || badUrl) {
      ignored.push(
        t('invalidPolicy', {
          detail: badUrl ? `ProviderURL ${String(url)}` : (parsed.error?.issues.map((i) => i.path.join('.')).join(', ') ?? ''),
        }),
      )
    } else {
      const d = parsed.data
      const locked = d.Locked === true
      const via = 'DNSOverHTTPS'
      if (d.Enabled !== undefined) {
        const mode = d.Enabled ? (d.Fallback === false ? 3 : 2) : 5
        prefs.set(PREF.mode, { value: mode, locked, source, via })
      }
      if (url) prefs.set(PREF.uri, { value: new URL(url).href, locked, source, via })
    }
  }
  const preferences = policies.Preferences
  if (preferences && typeof preferences === 'object' && !Array.isArray(preferences)) {
    for (const name of RELEVANT_PREFS) {
      const raw = (preferences as Record<string, unknown>)[name]
      if (raw === undefined) continue
      const parsed = PreferenceSetting.safeParse(raw)
      if (!parsed.success) continue
      // The old form `"pref": value` locks the value; the new form says so with Status.
      const { value, status } =
        typeof parsed.data === 'object'
          ? { value: parsed.data.Value, status: parsed.data.Status ?? 'default' }
          : { value: parsed.data, status: 'locked' }
      if (status === 'default' || status === 'locked') prefs.set(name, { value, locked: status === 'locked', source, via: 'Preferences' })
      else uncertain.push(t('userStatus', { pref: name, status }))
    }
  }
  return { prefs, ignored, uncertain }
}

type SourceRead =
  | { state: 'absent'; source: string }
  | { state: 'ok'; source: string; policies: Record<string, unknown> }
  | { state: 'uncertain'; source: string; reason: Msg }
  /** `present`: the file exists, so Firefox picks it (and applies nothing) instead of the next one in its group. */
  | { state: 'ignored'; source: string; observed: string | null; note: Msg; present?: boolean }

async function readPoliciesJson(host: Host, file: string): Promise<SourceRead> {
  // Bytes, not text: a text read silently drops a byte-order mark, and Firefox does not.
  const read = await attempt(file, () => host.readFile(file))
  if (!read.ok) {
    if (read.reason.code === 'not_found' || read.reason.code === 'not_a_file') return { state: 'absent', source: file }
    return { state: 'uncertain', source: file, reason: t('unreadable', { reason: describeHostError(read.reason, file) }) }
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(read.value)
  // Firefox parses the file with JSON.parse: comments, trailing commas and even a byte-order mark
  // make it reject the whole file (a BOM seen doing so in firefox-esr 153's about:policies).
  const json = parseJsonLenient(text)
  if (!json.ok || !json.value.strict) {
    const error = json.ok ? lenientReason(json.value.leniency) : json.reason
    return { state: 'ignored', source: file, observed: null, note: t('rejected', { error }), present: true }
  }
  const policies = (json.value.value as { policies?: unknown } | null)?.policies
  if (!policies || typeof policies !== 'object' || Array.isArray(policies)) return { state: 'ok', source: file, policies: {} }
  return { state: 'ok', source: file, policies: policies as Record<string, unknown> }
}

/** The registry form: the DNSOverHTTPS subkey's values under HKLM (wins) and HKCU. */
function policiesFromRegistry(keys: readonly RegKey[], root: string): Record<string, unknown> {
  const key = findKey(keys, `${root}\\DNSOverHTTPS`)
  if (!key) return {}
  const out: Record<string, unknown> = {}
  for (const name of ['Enabled', 'ProviderURL', 'Locked', 'Fallback']) {
    const v = findValue(key, name)
    if (v) out[name] = v.data
  }
  return { DNSOverHTTPS: out }
}

async function readRegistry(host: Host, hive: 'HKLM' | 'HKCU', signal?: AbortSignal): Promise<SourceRead> {
  const root = `${hive}\\SOFTWARE\\Policies\\Mozilla\\Firefox`
  const r = await queryRegistry(host, root, signal)
  if (r.status === 'absent') return { state: 'absent', source: root }
  if (r.status === 'unreadable') return { state: 'uncertain', source: r.command, reason: t('unreadable', { reason: r.reason }) }
  return { state: 'ok', source: root, policies: policiesFromRegistry(r.keys, root) }
}

async function readMacManaged(host: Host, signal?: AbortSignal): Promise<SourceRead[]> {
  // Firefox reads its macOS policies through CFPreferences: managed (MDM) values, then the
  // machine-wide domain file that `sudo defaults write /Library/Preferences/org.mozilla.firefox` writes.
  const files = [...managedPrefsPaths(host, 'org.mozilla.firefox'), '/Library/Preferences/org.mozilla.firefox.plist']
  const reads = await Promise.all(files.map((f) => readPlist(host, f, signal)))
  return reads.map((r): SourceRead => {
    if (r.status === 'absent') return { state: 'absent', source: r.source }
    if (r.status === 'unreadable') return { state: 'uncertain', source: r.source, reason: t('unreadable', { reason: r.reason }) }
    if (r.values.EnterprisePoliciesEnabled !== true && r.values.EnterprisePoliciesEnabled !== 1) {
      return { state: 'ignored', source: r.source, observed: null, note: t('notEnabled') }
    }
    return { state: 'ok', source: r.source, policies: r.values }
  })
}

/** Flatpak Firefox cannot see the host's /etc; its system policies come from a systemconfig extension. */
const LINUX_SYSTEM_FILES: Record<FirefoxPackaging, readonly string[]> = {
  native: ['/etc/firefox/policies/policies.json'],
  snap: ['/etc/firefox/policies/policies.json'],
  flatpak: ['x86_64', 'aarch64'].map(
    (arch) => `/var/lib/flatpak/extension/org.mozilla.firefox.systemconfig/${arch}/stable/policies/policies.json`,
  ),
}

/** Groups of sources: within a group the first one present is used; earlier groups win per policy. */
async function readSourceGroups(host: Host, packaging: FirefoxPackaging, signal?: AbortSignal): Promise<SourceRead[][]> {
  const p = pathsFor(host.platform)
  if (host.platform === 'win32') {
    const files = firefoxInstallDirs(host, packaging).map((d) => p.join(d, 'distribution', 'policies.json'))
    const [hklm, hkcu, ...json] = await Promise.all([
      readRegistry(host, 'HKLM', signal),
      readRegistry(host, 'HKCU', signal),
      ...files.map((f) => readPoliciesJson(host, f)),
    ])
    return [[hklm as SourceRead], [hkcu as SourceRead], json]
  }
  if (host.platform === 'darwin') {
    const [managed, json] = await Promise.all([
      readMacManaged(host, signal),
      Promise.all(firefoxInstallDirs(host, packaging).map((d) => readPoliciesJson(host, p.join(d, 'distribution', 'policies.json')))),
    ])
    // The first plist that enables policies is the platform provider; policies.json combines below it.
    return [managed, json]
  }
  const system = await Promise.all(LINUX_SYSTEM_FILES[packaging].map((f) => readPoliciesJson(host, f)))
  const install = await Promise.all(
    firefoxInstallDirs(host, packaging).map((d) => readPoliciesJson(host, p.join(d, 'distribution', 'policies.json'))),
  )
  // On Linux the system file, when present, replaces the installation's file entirely.
  return [[...system, ...install]]
}

function mentionsDoh(policies: Record<string, unknown>): boolean {
  return (
    'DNSOverHTTPS' in policies ||
    ('Preferences' in policies && RELEVANT_PREFS.some((n) => JSON.stringify(policies.Preferences ?? {}).includes(n)))
  )
}

/** The DNS-over-HTTPS prefs that enterprise policy sets for profiles of this packaging. */
export async function readFirefoxPolicies(host: Host, packaging: FirefoxPackaging, signal?: AbortSignal): Promise<FirefoxPolicies> {
  const groups = await readSourceGroups(host, packaging, signal)
  const out: FirefoxPolicies = { prefs: new Map(), notes: [], uncertain: [] }
  // Providers combine per policy name: once a higher source names DNSOverHTTPS (or Preferences),
  // a lower source's value for that policy is not used at all.
  const claimed = new Set<string>()
  for (const group of groups) {
    let used = false
    const claimedHere: string[] = []
    for (const read of group) {
      if (read.state === 'absent') continue
      if (read.state === 'uncertain') {
        out.uncertain.push({ source: read.source, reason: read.reason })
        out.notes.push({ source: read.source, observed: null, note: read.reason })
        continue
      }
      if (read.state === 'ignored') {
        out.notes.push({ source: read.source, observed: read.observed, note: read.note })
        if (read.present) used = true
        continue
      }
      const { prefs: all, ignored, uncertain } = prefsFromPolicies(read.policies, read.source)
      const prefs = new Map([...all].filter(([, pp]) => !claimed.has(pp.via)))
      if (used || (all.size > 0 && prefs.size === 0)) {
        // Linux: only the first file present in a group is read; elsewhere a higher provider won.
        if (mentionsDoh(read.policies)) out.notes.push({ source: read.source, observed: describePolicyPrefs(all), note: t('shadowed') })
        used = true
        continue
      }
      used = true
      for (const reason of uncertain) out.uncertain.push({ source: read.source, reason })
      for (const note of ignored) out.notes.push({ source: read.source, observed: null, note })
      for (const [name, pref] of prefs) {
        out.prefs.set(name, pref)
        claimedHere.push(pref.via)
      }
      const vias = [...new Set(claimedHere)].join(', ')
      out.notes.push({
        source: read.source,
        observed: describePolicyPrefs(prefs),
        note: prefs.size === 0 ? t('none') : t('applies', { via: vias }),
      })
    }
    for (const via of claimedHere) claimed.add(via)
  }
  return out
}

function describePolicyPrefs(prefs: ReadonlyMap<string, PolicyPref>): string {
  if (prefs.size === 0) return 'no DNS-over-HTTPS policy'
  return [...prefs.entries()].map(([name, pp]) => `${name}=${JSON.stringify(pp.value)}${pp.locked ? ' (locked)' : ''}`).join(', ')
}
