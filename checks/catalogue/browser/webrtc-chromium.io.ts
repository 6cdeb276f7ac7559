/**
 * Reads Chromium-family WebRTC settings: the managed policy WebRtcIPHandlingPolicy (Linux policy
 * folders, the Windows registry HKLM then HKCU, macOS managed preferences) and each profile's
 * `webrtc.ip_handling_policy` in its Preferences file. The policy, when set, wins for every profile.
 */
import { findChromiumBrowsers, type ChromiumDiscovery, type ChromiumInstallation } from '../../readers/browsers/chromium-browsers.io.js'
import { jsonSyntaxError, parseJsonLenient } from '../../readers/browsers/json.parse.js'
import { readManagedPrefs } from '../../readers/browsers/mac-managed-prefs.io.js'
import { attempt, describeHostError, pathsFor, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { Msg } from '../../core/i18n/message.js'
import { findKey, findValue } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import { CHROMIUM_POLICY } from './webrtc.verdict.js'
import { chromiumText as t } from './webrtc.messages.js'

/** Profile folders Chromium creates; Guest and System profiles keep no settings of their own. */
const PROFILE_DIR = /^(Default|Profile \d+)$/i
/** Preferences grows with settings history; a few MiB is common, far more is not a real one. */
const MAX_PREFERENCES = 16 * 1024 * 1024

export type ChromiumPolicyValue =
  { state: 'set'; value: unknown; source: string } | { state: 'unset' } | { state: 'unreadable'; source: string; reason: Msg }

export type ProfileSetting = { state: 'read'; path: string; value: unknown } | { state: 'unreadable'; path: string; reason: Msg }

export interface ChromiumBrowserRead {
  install: ChromiumInstallation
  policy: ChromiumPolicyValue
  profiles: { dir: string; setting: ProfileSetting }[]
}

async function linuxPolicy(host: Host, dirs: readonly string[]): Promise<ChromiumPolicyValue> {
  const p = pathsFor(host.platform)
  let found: ChromiumPolicyValue = { state: 'unset' }
  for (const dir of dirs) {
    const listing = await attempt(dir, () => host.readDir(dir))
    if (!listing.ok) {
      if (listing.reason.code === 'not_found') continue
      return { state: 'unreadable', source: dir, reason: describeHostError(listing.reason, dir) }
    }
    // config_dir_policy_loader merges the files in name order, a later name winning.
    const names = listing.value
      .filter((e) => (e.kind === 'file' || e.kind === 'symlink') && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort()
    for (const name of names) {
      const file = p.join(dir, name)
      const read = await tryReadText(host, file)
      if (!read.ok) {
        if (read.reason.code === 'not_found') continue
        return { state: 'unreadable', source: file, reason: describeHostError(read.reason, file) }
      }
      const json = parseJsonLenient(read.value)
      const doc = json.ok ? json.value.value : undefined
      // A file that is not a JSON object is skipped by Chromium too.
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) continue
      const value = (doc as Record<string, unknown>)[CHROMIUM_POLICY]
      if (value !== undefined) found = { state: 'set', value, source: file }
    }
  }
  return found
}

async function windowsPolicy(host: Host, key: string | undefined, signal: AbortSignal): Promise<ChromiumPolicyValue> {
  if (!key) return { state: 'unset' }
  for (const hive of ['HKLM', 'HKCU'] as const) {
    const root = `${hive}\\${key}`
    const r = await queryRegistry(host, root, signal)
    if (r.status === 'absent') continue
    if (r.status === 'unreadable') return { state: 'unreadable', source: r.command, reason: r.reason }
    const v = findValue(findKey(r.keys, root), CHROMIUM_POLICY)
    if (v) return { state: 'set', value: v.data, source: `${root}\\${CHROMIUM_POLICY}` }
  }
  return { state: 'unset' }
}

async function macPolicy(host: Host, bundleId: string, signal: AbortSignal): Promise<ChromiumPolicyValue> {
  for (const r of await readManagedPrefs(host, bundleId, signal)) {
    if (r.status === 'absent') continue
    if (r.status === 'unreadable') return { state: 'unreadable', source: r.source, reason: r.reason }
    if (CHROMIUM_POLICY in r.values) return { state: 'set', value: r.values[CHROMIUM_POLICY], source: r.source }
  }
  return { state: 'unset' }
}

export function readChromiumWebrtcPolicy(host: Host, install: ChromiumInstallation, signal: AbortSignal): Promise<ChromiumPolicyValue> {
  const spec = install.spec
  if (host.platform === 'win32') return windowsPolicy(host, spec.windowsPolicyKey, signal)
  if (host.platform === 'darwin') return macPolicy(host, spec.macBundleId, signal)
  return linuxPolicy(host, spec.linuxPolicyDirs)
}

/** `webrtc.ip_handling_policy` from one Preferences file's text (undefined when not set). */
export function ipHandlingFromPreferences(text: string): { ok: true; value: unknown } | { ok: false; reason: Msg } {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    return { ok: false, reason: t('notJson', { error: jsonSyntaxError(e) }) }
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { ok: false, reason: t('notObject') }
  const webrtc = (doc as Record<string, unknown>).webrtc
  const value = typeof webrtc === 'object' && webrtc !== null ? (webrtc as Record<string, unknown>).ip_handling_policy : undefined
  return { ok: true, value }
}

async function readProfiles(host: Host, install: ChromiumInstallation): Promise<{ dir: string; setting: ProfileSetting }[]> {
  const p = pathsFor(host.platform)
  const listing = await attempt(install.userDataDir, () => host.readDir(install.userDataDir))
  if (!listing.ok) {
    return [
      {
        dir: '',
        setting: { state: 'unreadable', path: install.userDataDir, reason: describeHostError(listing.reason, install.userDataDir) },
      },
    ]
  }
  const dirs = listing.value
    .filter((e) => e.kind === 'dir' && PROFILE_DIR.test(e.name))
    .map((e) => e.name)
    .sort()
  return Promise.all(
    dirs.map(async (dir) => {
      const path = p.join(install.userDataDir, dir, 'Preferences')
      const read = await tryReadText(host, path, { maxBytes: MAX_PREFERENCES })
      if (!read.ok) {
        // A profile folder without Preferences has never been used: nothing set, the default applies.
        if (read.reason.code === 'not_found') return { dir, setting: { state: 'read' as const, path, value: undefined } }
        return { dir, setting: { state: 'unreadable' as const, path, reason: describeHostError(read.reason, path) } }
      }
      const parsed = ipHandlingFromPreferences(read.value)
      return {
        dir,
        setting: parsed.ok
          ? { state: 'read' as const, path, value: parsed.value }
          : { state: 'unreadable' as const, path, reason: parsed.reason },
      }
    }),
  )
}

export async function readChromiumWebrtc(
  host: Host,
  signal: AbortSignal,
): Promise<{ discovery: ChromiumDiscovery; browsers: ChromiumBrowserRead[] }> {
  const discovery = await findChromiumBrowsers(host)
  const browsers = await Promise.all(
    discovery.browsers.map(async (install) => {
      const [policy, profiles] = await Promise.all([readChromiumWebrtcPolicy(host, install, signal), readProfiles(host, install)])
      return { install, policy, profiles }
    }),
  )
  return { discovery, browsers }
}
