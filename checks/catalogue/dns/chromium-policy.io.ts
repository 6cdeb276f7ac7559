/**
 * Reads the managed policies DnsOverHttpsMode and DnsOverHttpsTemplates of one Chromium-family
 * browser. Sources, per OS:
 *   Linux: every file in the browser's managed policy folder, merged per policy name, the file
 *     whose name sorts last winning (Chromium's config_dir_policy_loader); a file that is not
 *     JSON is skipped by Chromium too.
 *   Windows: HKLM, then HKCU, under SOFTWARE\Policies\<vendor>\<browser> (HKLM wins).
 *   macOS: /Library/Managed Preferences/[<user>/]<bundle id>.plist, read with plutil.
 */
import type { ChromiumBrowserSpec } from '../../readers/browsers/chromium-browsers.io.js'
import { describeLeniency, jsonNotObject, parseJsonLenient } from '../../readers/browsers/json.parse.js'
import { readManagedPrefs } from '../../readers/browsers/mac-managed-prefs.io.js'
import { attempt, describeHostError, pathsFor, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { type Msg } from '../../core/i18n/message.js'
import { findKey, findValue } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import type { ChromiumPolicy, PolicyString } from './chromium.verdict.js'
import { policyText as t } from './chromium.messages.js'

export const POLICY_MODE = 'DnsOverHttpsMode'
export const POLICY_TEMPLATES = 'DnsOverHttpsTemplates'

export interface ChromiumPolicyRead {
  policy: ChromiumPolicy
  /** `observed` is the value as written, when there is one beyond what the note says. */
  notes: { source: string; observed: string | null; note: Msg }[]
  uncertain: { source: string; reason: Msg }[]
}

type Found = { source: string; values: Record<string, unknown> }

/** Applies sources from highest to lowest priority: the first value of each policy wins. */
function combine(found: readonly Found[], out: ChromiumPolicyRead): void {
  for (const { source, values } of found) {
    const set: string[] = []
    for (const [name, key] of [
      [POLICY_MODE, 'mode'],
      [POLICY_TEMPLATES, 'templates'],
    ] as const) {
      const raw = values[name]
      if (raw === undefined) continue
      if (typeof raw !== 'string') {
        out.notes.push({ source, observed: `${name}=${JSON.stringify(raw)}`, note: t('badType', { policy: name }) })
        continue
      }
      set.push(`${name}=${JSON.stringify(raw)}`)
      if (!out.policy[key]) out.policy[key] = { value: raw, source } satisfies PolicyString
    }
    out.notes.push({ source, observed: null, note: set.length > 0 ? t('sets', { policies: set.join(', ') }) : t('none') })
  }
}

function mentionsDoh(values: Record<string, unknown>): boolean {
  return POLICY_MODE in values || POLICY_TEMPLATES in values
}

async function linuxSources(host: Host, spec: ChromiumBrowserSpec, out: ChromiumPolicyRead): Promise<Found[]> {
  const p = pathsFor(host.platform)
  const perDir = await Promise.all(
    spec.linuxPolicyDirs.map(async (dir) => {
      const listing = await attempt(dir, () => host.readDir(dir))
      if (!listing.ok) {
        if (listing.reason.code !== 'not_found')
          out.uncertain.push({ source: dir, reason: t('unreadable', { reason: describeHostError(listing.reason, dir) }) })
        return []
      }
      const names = listing.value
        .filter((e) => (e.kind === 'file' || e.kind === 'symlink') && !e.name.startsWith('.'))
        .map((e) => e.name)
        .sort()
        .reverse() // the last name in lexicographic order wins, so it is applied first
      const files = await Promise.all(
        names.map(async (name) => ({ file: p.join(dir, name), read: await tryReadText(host, p.join(dir, name)) })),
      )
      const found: Found[] = []
      for (const { file, read } of files) {
        if (!read.ok) {
          if (read.reason.code !== 'not_found')
            out.uncertain.push({ source: file, reason: t('unreadable', { reason: describeHostError(read.reason, file) }) })
          continue
        }
        const json = parseJsonLenient(read.value)
        const doc = json.ok ? json.value : null
        if (!doc || typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value)) {
          out.notes.push({ source: file, observed: null, note: t('notJson', { error: json.ok ? jsonNotObject() : json.reason }) })
          continue
        }
        const values = doc.value as Record<string, unknown>
        // Chromium's loader accepts trailing commas; comments and a BOM are less certain.
        const doubtful = doc.leniency.filter((l) => l !== 'trailing_commas')
        if (doubtful.length > 0 && mentionsDoh(values)) {
          out.uncertain.push({ source: file, reason: t('commentsUncertain', { what: describeLeniency(doubtful) }) })
        }
        found.push({ source: file, values })
      }
      return found
    }),
  )
  return perDir.flat()
}

async function windowsSources(host: Host, spec: ChromiumBrowserSpec, out: ChromiumPolicyRead, signal?: AbortSignal): Promise<Found[]> {
  const key = spec.windowsPolicyKey
  if (!key) return []
  const reads = await Promise.all(
    (['HKLM', 'HKCU'] as const).map((hive) => queryRegistry(host, `${hive}\\${key}`, signal).then((r) => ({ root: `${hive}\\${key}`, r }))),
  )
  const found: Found[] = []
  for (const { root, r } of reads) {
    if (r.status === 'absent') continue
    if (r.status === 'unreadable') {
      out.uncertain.push({ source: r.command, reason: t('unreadable', { reason: r.reason }) })
      continue
    }
    const values: Record<string, unknown> = {}
    for (const name of [POLICY_MODE, POLICY_TEMPLATES]) {
      const v = findValue(findKey(r.keys, root), name)
      if (v) values[name] = v.data
    }
    found.push({ source: root, values })
  }
  return found
}

async function macSources(host: Host, spec: ChromiumBrowserSpec, out: ChromiumPolicyRead, signal?: AbortSignal): Promise<Found[]> {
  const reads = await readManagedPrefs(host, spec.macBundleId, signal)
  const found: Found[] = []
  for (const r of reads) {
    if (r.status === 'absent') continue
    if (r.status === 'unreadable') out.uncertain.push({ source: r.source, reason: t('unreadable', { reason: r.reason }) })
    else found.push({ source: r.source, values: r.values })
  }
  return found
}

export async function readChromiumPolicy(host: Host, spec: ChromiumBrowserSpec, signal?: AbortSignal): Promise<ChromiumPolicyRead> {
  const out: ChromiumPolicyRead = { policy: {}, notes: [], uncertain: [] }
  const found =
    host.platform === 'win32'
      ? await windowsSources(host, spec, out, signal)
      : host.platform === 'darwin'
        ? await macSources(host, spec, out, signal)
        : await linuxSources(host, spec, out)
  combine(found, out)
  return out
}
