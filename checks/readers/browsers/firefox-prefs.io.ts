/**
 * Reads the preference files that decide a Firefox profile's prefs: the profile's user.js and
 * prefs.js, and what an administrator puts into an installation, its default-pref files and the
 * AutoConfig file they name. I/O only; firefox-prefs.verdict.ts decides what they mean.
 *
 * Load order (modules/libpref/Preferences.cpp pref_InitInitialObjects / pref_LoadPrefsInDir):
 * `<install>/defaults/pref/*.js`, then the application's `browser/defaults/preferences/*.js`, then
 * Debian's `browser/defaults/syspref/*.js` (a symlink to /etc/firefox-esr, added by Debian's
 * "Add another preferences directory for applications: preferences/syspref" patch). Inside a
 * folder only `*.js` files count, in reverse byte order of their names, so the name sorting first
 * is applied last. AutoConfig is `<install>/<general.config.filename>`.
 */
import { attempt, describeHostError, pathsFor, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { DEFAULT_OBSCURE_VALUE, decodeAutoConfig, parseAutoConfig } from './firefox-autoconfig.parse.js'
import { parsePrefs, type PrefFileKind } from './firefox-prefs.parse.js'
import { foldDefaults, type AdminPrefs, type AutoConfigFile, type PrefFile } from './firefox-prefs.verdict.js'
import { firefoxPrefsText as t } from './browsers.messages.js'

export async function readPrefFile(host: Host, path: string, kind: PrefFileKind): Promise<PrefFile> {
  const read = await tryReadText(host, path)
  if (read.ok) return { state: 'read', path, parsed: parsePrefs(read.value, kind) }
  if (read.reason.code === 'not_found') return { state: 'absent', path }
  return { state: 'unreadable', path, reason: describeHostError(read.reason, path) }
}

/** Firefox compares leaf names bytewise and loads in reverse; UTF-16 order matches for ASCII names. */
const reverseByName = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0)

async function readDefaultsDir(host: Host, dir: string): Promise<PrefFile[]> {
  const listed = await attempt(dir, () => host.readDir(dir))
  if (!listed.ok) {
    if (listed.reason.code === 'not_found' || listed.reason.code === 'not_a_file') return []
    return [{ state: 'unreadable', path: dir, reason: describeHostError(listed.reason, dir) }]
  }
  const p = pathsFor(host.platform)
  const names = listed.value
    .filter((e) => e.kind !== 'dir' && e.name.toLowerCase().endsWith('.js'))
    .map((e) => e.name)
    .sort(reverseByName)
  return Promise.all(names.map((n) => readPrefFile(host, p.join(dir, n), 'default')))
}

async function readAutoConfig(host: Host, install: string, defaults: readonly PrefFile[]): Promise<AutoConfigFile | undefined> {
  const p = pathsFor(host.platform)
  const name = foldDefaults(defaults, 'general.config.filename', undefined)
  if (!name.known) {
    // An unreadable default file makes every pref unknown already; a damaged line naming the file hides which one runs.
    if (name.cause.kind !== 'damaged') return undefined
    const { line, text } = name.cause
    return { state: 'unreadable', path: name.path, reason: t('cfgNameUnknown', { file: name.path, line, text }) }
  }
  if (typeof name.value !== 'string' || name.value === '') return undefined
  const file = p.join(install, name.value)
  if (/[\\/]/.test(name.value) || name.value === '..')
    return { state: 'unreadable', path: file, reason: t('badCfgName', { name: name.value }) }
  const obscure = foldDefaults(defaults, 'general.config.obscure_value', DEFAULT_OBSCURE_VALUE)
  const shift = obscure.known && typeof obscure.value === 'number' ? obscure.value : DEFAULT_OBSCURE_VALUE
  const read = await attempt(file, () => host.readFile(file))
  if (!read.ok) {
    const reason = read.reason.code === 'not_found' ? t('missingCfg', { file }) : describeHostError(read.reason, file)
    return { state: 'unreadable', path: file, reason }
  }
  const parsed = parseAutoConfig(decodeAutoConfig(read.value, shift))
  // Once AutoConfig runs, it fetches autoadmin.global_config_url wherever that pref was set, a
  // default-pref file included (nsReadConfig readConfigFile): settings Bulwark cannot see.
  const remote = foldDefaults(defaults, 'autoadmin.global_config_url', undefined)
  if (remote.known && typeof remote.value === 'string' && remote.value !== '' && remote.origin.kind === 'file') {
    const text = `pref("autoadmin.global_config_url", ${JSON.stringify(remote.value)})`
    parsed.opaque.push({ line: remote.origin.line, text, why: 'remote', path: remote.origin.path })
  }
  return { state: 'read', path: file, parsed }
}

/** The admin preference files of one installation, or undefined when it is not installed there. */
export async function readAdminPrefs(host: Host, install: string): Promise<AdminPrefs | undefined> {
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
