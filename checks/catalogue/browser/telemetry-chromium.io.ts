/**
 * Reads the usage-statistics choice of Chrome, Chromium and Edge: `Local State`
 * (user_experience_metrics.reporting_enabled), on Linux Chrome's "Consent To Send Stats" file, and
 * the managed policies MetricsReportingEnabled, DiagnosticData and PersonalizationReportingEnabled.
 * Policy sources per OS, highest first: Linux every file of the managed folder (the name sorting last
 * wins); Windows HKLM, then HKCU; macOS managed preferences (user, then device).
 */
import { attempt, describeHostError, pathsFor, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { Msg } from '../../core/i18n/message.js'
import {
  CHROMIUM_BROWSERS,
  findChromiumBrowsers,
  type ChromiumBrowserSpec,
  type ChromiumDiscovery,
} from '../../readers/browsers/chromium-browsers.io.js'
import { jsonNotObject, parseJsonLenient } from '../../readers/browsers/json.parse.js'
import { readManagedPrefs } from '../../readers/browsers/mac-managed-prefs.io.js'
import { findKey, findValue } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import { parseLocalStateMetrics, type LocalStateMetrics } from './telemetry.parse.js'
import { evidenceText as e } from './telemetry.messages.js'

export const CR_POLICIES = ['MetricsReportingEnabled', 'DiagnosticData', 'PersonalizationReportingEnabled'] as const
export type CrPolicyName = (typeof CR_POLICIES)[number]

export interface CrPolicyValue {
  value: unknown
  source: string
}

export interface CrBrowserFacts {
  spec: ChromiumBrowserSpec
  localStatePath: string
  localState: LocalStateMetrics | { state: 'unreadable'; reason: Msg }
  /** Linux only: Chrome's consent file, when its presence was checked. */
  consentFile?: { path: string; present: boolean }
  policies: Partial<Record<CrPolicyName, CrPolicyValue>>
  policyNotes: { source: string; observed: Msg | string }[]
  policyUncertain: { source: string; reason: Msg }[]
}

export interface ChromiumFacts {
  discovery: ChromiumDiscovery
  browsers: CrBrowserFacts[]
}

/** The browsers whose data sharing this check judges. */
const SPECS = CHROMIUM_BROWSERS.filter((s) => s.id === 'chrome' || s.id === 'chromium' || s.id === 'edge')

type Found = { source: string; values: Record<string, unknown> }

async function linuxPolicies(host: Host, spec: ChromiumBrowserSpec, out: CrBrowserFacts): Promise<Found[]> {
  const p = pathsFor(host.platform)
  const found: Found[] = []
  for (const dir of spec.linuxPolicyDirs) {
    const listing = await attempt(dir, () => host.readDir(dir))
    if (!listing.ok) {
      if (listing.reason.code !== 'not_found') out.policyUncertain.push({ source: dir, reason: describeHostError(listing.reason, dir) })
      continue
    }
    const names = listing.value
      .filter((x) => (x.kind === 'file' || x.kind === 'symlink') && !x.name.startsWith('.'))
      .map((x) => x.name)
      .sort()
      .reverse()
    for (const name of names) {
      const file = p.join(dir, name)
      const read = await tryReadText(host, file)
      if (!read.ok) {
        if (read.reason.code !== 'not_found') out.policyUncertain.push({ source: file, reason: describeHostError(read.reason, file) })
        continue
      }
      const json = parseJsonLenient(read.value)
      const doc = json.ok ? json.value.value : null
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
        // Chromium skips a file it cannot parse: say so, it decides nothing.
        out.policyNotes.push({ source: file, observed: json.ok ? jsonNotObject() : json.reason })
        continue
      }
      found.push({ source: file, values: doc as Record<string, unknown> })
    }
  }
  return found
}

async function windowsPolicies(host: Host, spec: ChromiumBrowserSpec, out: CrBrowserFacts, signal?: AbortSignal): Promise<Found[]> {
  const key = spec.windowsPolicyKey
  if (!key) return []
  const found: Found[] = []
  for (const hive of ['HKLM', 'HKCU'] as const) {
    const root = `${hive}\\${key}`
    const r = await queryRegistry(host, root, signal)
    if (r.status === 'absent') continue
    if (r.status === 'unreadable') {
      out.policyUncertain.push({ source: r.command, reason: r.reason })
      continue
    }
    const values: Record<string, unknown> = {}
    for (const name of CR_POLICIES) {
      const v = findValue(findKey(r.keys, root), name)
      if (v) values[name] = typeof v.data === 'bigint' ? Number(v.data) : v.data
    }
    found.push({ source: root, values })
  }
  return found
}

async function macPolicies(host: Host, spec: ChromiumBrowserSpec, out: CrBrowserFacts, signal?: AbortSignal): Promise<Found[]> {
  const found: Found[] = []
  for (const r of await readManagedPrefs(host, spec.macBundleId, signal)) {
    if (r.status === 'unreadable') out.policyUncertain.push({ source: r.source, reason: r.reason })
    else if (r.status === 'ok') found.push({ source: r.source, values: r.values })
  }
  return found
}

async function readBrowser(
  host: Host,
  spec: ChromiumBrowserSpec,
  userDataDir: string,
  localStatePath: string,
  signal?: AbortSignal,
): Promise<CrBrowserFacts> {
  const read = await tryReadText(host, localStatePath)
  const out: CrBrowserFacts = {
    spec,
    localStatePath,
    localState: read.ok
      ? parseLocalStateMetrics(read.value)
      : { state: 'unreadable', reason: describeHostError(read.reason, localStatePath) },
    policies: {},
    policyNotes: [],
    policyUncertain: [],
  }
  if (host.platform === 'linux' && spec.id === 'chrome') {
    // Chrome on Linux keeps the consent in this file too (google_update_settings_posix.cc).
    const path = pathsFor(host.platform).join(userDataDir, 'Consent To Send Stats')
    const st = await attempt(path, () => host.stat(path))
    out.consentFile = { path, present: st.ok }
  }
  const found =
    host.platform === 'win32'
      ? await windowsPolicies(host, spec, out, signal)
      : host.platform === 'darwin'
        ? await macPolicies(host, spec, out, signal)
        : await linuxPolicies(host, spec, out)
  for (const { source, values } of found) {
    const set = CR_POLICIES.filter((n) => n in values)
    for (const name of set) if (!out.policies[name]) out.policies[name] = { value: values[name], source }
    out.policyNotes.push({
      source,
      observed: set.length > 0 ? set.map((n) => `${n}=${JSON.stringify(values[n]) ?? ''}`).join(', ') : e('obsPolicyNone'),
    })
  }
  return out
}

export async function collectChromium(host: Host, signal?: AbortSignal): Promise<ChromiumFacts> {
  const discovery = await findChromiumBrowsers(host, SPECS)
  const browsers = await Promise.all(discovery.browsers.map((b) => readBrowser(host, b.spec, b.userDataDir, b.localStatePath, signal)))
  return { discovery, browsers }
}
