/**
 * Reads macOS managed preferences (what a configuration profile or MDM installs) for one
 * application domain: `/Library/Managed Preferences/<user>/<domain>.plist` (user scope, wins)
 * and `/Library/Managed Preferences/<domain>.plist` (device scope). The files are binary
 * plists, so they are converted with `plutil -convert json -o - <file>`.
 */
import { attempt, describeHostError, pathsFor } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import { defineMessages, verbatim, type Msg } from '../../core/i18n/message.js'
import { parseJsonLenient } from './json.parse.js'

export type ManagedPrefsRead =
  | { status: 'ok'; source: string; values: Record<string, unknown> }
  | { status: 'absent'; source: string }
  | { status: 'unreadable'; source: string; reason: Msg }

const t = defineMessages('reader.plist', {
  exit: 'plutil exit code {code}',
  notDictionary: 'plutil did not print a dictionary',
})

const MANAGED_DIR = '/Library/Managed Preferences'

export function managedPrefsPaths(host: Host, domain: string): string[] {
  const p = pathsFor(host.platform)
  const user = host.env.USER || p.basename(host.home)
  return [p.join(MANAGED_DIR, user, `${domain}.plist`), p.join(MANAGED_DIR, `${domain}.plist`)]
}

/** One plist as a JSON dictionary; absent and unreadable are values, not exceptions. */
export async function readPlist(host: Host, file: string, signal?: AbortSignal): Promise<ManagedPrefsRead> {
  const st = await attempt(file, () => host.stat(file))
  if (!st.ok) {
    return st.reason.code === 'not_found'
      ? { status: 'absent', source: file }
      : { status: 'unreadable', source: file, reason: describeHostError(st.reason, file) }
  }
  // A failing plutil's own words are the reason, so every exit is read here.
  const run = await runTool(host, 'plutil', ['-convert', 'json', '-o', '-', file], {
    timeoutMs: 2000,
    acceptExit: () => true,
    signal,
  })
  if (!run.ok) return { status: 'unreadable', source: file, reason: run.reason.reason }
  if (run.value.code !== 0) {
    return {
      status: 'unreadable',
      source: file,
      // plutil's own words are shown as it printed them.
      reason: (run.value.stderr || run.value.stdout).trim()
        ? verbatim((run.value.stderr || run.value.stdout).trim())
        : t('exit', { code: String(run.value.code) }),
    }
  }
  const json = parseJsonLenient(run.value.stdout)
  const doc = json.ok ? json.value : null
  if (!doc || typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value)) {
    return { status: 'unreadable', source: file, reason: json.ok ? t('notDictionary') : json.reason }
  }
  return { status: 'ok', source: file, values: doc.value as Record<string, unknown> }
}

/** User scope first, then device scope: callers take the first value they find. */
export function readManagedPrefs(host: Host, domain: string, signal?: AbortSignal): Promise<ManagedPrefsRead[]> {
  return Promise.all(managedPrefsPaths(host, domain).map((file) => readPlist(host, file, signal)))
}
