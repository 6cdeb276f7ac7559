/**
 * Reads the Firefox preference files browser.tracking resolves: a profile's user.js and prefs.js,
 * and an installation's default-pref files and AutoConfig file. Load order (Preferences.cpp
 * pref_InitInitialObjects / pref_LoadPrefsInDir): `<install>/defaults/pref/*.js`, then
 * `browser/defaults/preferences/*.js`, then Debian's `browser/defaults/syspref/*.js`; inside a
 * folder only `*.js` files count, in reverse byte order of their names. AutoConfig is
 * `<install>/<general.config.filename>`.
 */
import { decodeAutoConfig, DEFAULT_OBSCURE_VALUE, parseAutoConfig } from '../dns/autoconfig.parse.js'
import { parsePrefs, type PrefFileKind } from '../dns/prefs.parse.js'
import { attempt, describeHostError, pathsFor, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { foldDefaults, type AdminPrefs, type AutoConfigFile, type PrefFile } from './tracking.verdict.js'
import { t } from './tracking.messages.js'

export async function readPrefFile(host: Host, path: string, kind: PrefFileKind): Promise<PrefFile> {
  const read = await tryReadText(host, path)
  if (read.ok) return { state: 'read', path, parsed: parsePrefs(read.value, kind) }
  if (read.reason.code === 'not_found' || read.reason.code === 'not_a_file') return { state: 'absent', path }
  return { state: 'unreadable', path, reason: describeHostError(read.reason, path) }
}

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
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
  return Promise.all(names.map((n) => readPrefFile(host, p.join(dir, n), 'default')))
}

async function readAutoConfig(host: Host, install: string, defaults: readonly PrefFile[]): Promise<AutoConfigFile | undefined> {
  const name = foldDefaults(defaults, 'general.config.filename', '')
  if (!name.known) return { state: 'unreadable', path: name.source, reason: name.reason }
  if (typeof name.value !== 'string' || name.value === '') return undefined
  const p = pathsFor(host.platform)
  const file = p.join(install, name.value)
  if (/[\\/]/.test(name.value) || name.value === '..') return { state: 'unreadable', path: file, reason: t('autoconfig') }
  const obscure = foldDefaults(defaults, 'general.config.obscure_value', DEFAULT_OBSCURE_VALUE)
  const shift = obscure.known && typeof obscure.value === 'number' ? obscure.value : DEFAULT_OBSCURE_VALUE
  const read = await attempt(file, () => host.readFile(file))
  if (!read.ok) return { state: 'unreadable', path: file, reason: describeHostError(read.reason, file) }
  return { state: 'read', path: file, parsed: parseAutoConfig(decodeAutoConfig(read.value, shift)) }
}

/** The admin preference files of one installation, or undefined when it is not installed there. */
export async function readAdminPrefs(host: Host, install: string): Promise<AdminPrefs | undefined> {
  const st = await attempt(install, () => host.stat(install))
  if (!st.ok && st.reason.code === 'not_found') return undefined
  if (st.ok && st.value.kind !== 'dir') return undefined
  const p = pathsFor(host.platform)
  const dirs = [
    ['defaults', 'pref'],
    ['browser', 'defaults', 'preferences'],
    ['browser', 'defaults', 'syspref'],
  ].map((d) => p.join(install, ...d))
  const defaults = (await Promise.all(dirs.map((d) => readDefaultsDir(host, d)))).flat()
  const autoconfig = await readAutoConfig(host, install, defaults)
  return { install, defaults, ...(autoconfig ? { autoconfig } : {}) }
}
