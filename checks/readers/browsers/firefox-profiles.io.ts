/**
 * Finds every Firefox profile of the current user, on every layout Firefox uses, by reading
 * `profiles.ini` and `installs.ini` the way Firefox does. Shared by the checks that read
 * per-profile files (DNS over HTTPS, site permissions).
 */
import { attempt, describeHostError, pathsFor, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { type Msg } from '../../core/i18n/message.js'
import { parseIni, type IniSection } from './ini.parse.js'
import { profilesText as t } from './browsers.messages.js'

/** How Firefox was packaged for the profiles under a root: it decides which policy files apply. */
export type FirefoxPackaging = 'native' | 'snap' | 'flatpak'

export interface FirefoxRoot {
  /** The folder holding profiles.ini. */
  dir: string
  packaging: FirefoxPackaging
}

export interface FirefoxProfile {
  name: string
  /** Absolute path of the profile folder. */
  path: string
  root: FirefoxRoot
  /** `Default=1` in its [ProfileN] section: the profile the profile manager preselects. */
  isDefault: boolean
  /** Named by an `[Install…]` section or installs.ini: the profile some installed Firefox starts with. */
  isInstallDefault: boolean
}

export interface DiscoveryProblem {
  /** The file or folder that could not be read. */
  source: string
  reason: Msg
}

export interface FirefoxDiscovery {
  profiles: FirefoxProfile[]
  /** Listed in profiles.ini but absent on disk: Firefox would recreate them empty. */
  missing: { name: string; path: string; source: string }[]
  problems: DiscoveryProblem[]
  /** Every profiles.ini read, with any lines that were not understood. */
  inis: { path: string; badLines: number[] }[]
}

/** Every folder a profiles.ini can live in on this platform, in the order Firefox prefers them. */
export function firefoxProfileRoots(host: Host): FirefoxRoot[] {
  const p = pathsFor(host.platform)
  const home = host.home
  if (host.platform === 'darwin') return [{ dir: p.join(home, 'Library', 'Application Support', 'Firefox'), packaging: 'native' }]
  if (host.platform === 'win32') {
    const appData = host.env.APPDATA ?? p.join(home, 'AppData', 'Roaming')
    return [{ dir: p.join(appData, 'Mozilla', 'Firefox'), packaging: 'native' }]
  }
  const xdgConfig = host.env.XDG_CONFIG_HOME || p.join(home, '.config')
  const flatpakApp = p.join(home, '.var', 'app', 'org.mozilla.firefox')
  const roots: FirefoxRoot[] = [
    { dir: p.join(home, '.mozilla', 'firefox'), packaging: 'native' },
    // Firefox 147+ puts new profiles under $XDG_CONFIG_HOME (detection.md §1.1, §7.4).
    { dir: p.join(xdgConfig, 'mozilla', 'firefox'), packaging: 'native' },
    { dir: p.join(home, 'snap', 'firefox', 'common', '.mozilla', 'firefox'), packaging: 'snap' },
    { dir: p.join(flatpakApp, '.mozilla', 'firefox'), packaging: 'flatpak' },
    // Inside the Flatpak sandbox XDG_CONFIG_HOME is ~/.var/app/<id>/config; .config is checked too.
    { dir: p.join(flatpakApp, 'config', 'mozilla', 'firefox'), packaging: 'flatpak' },
    { dir: p.join(flatpakApp, '.config', 'mozilla', 'firefox'), packaging: 'flatpak' },
  ]
  const seen = new Set<string>()
  return roots.filter((r) => (seen.has(r.dir) ? false : (seen.add(r.dir), true)))
}

/** profiles.ini paths use '/' even on Windows; IsRelative=1 means relative to the ini's folder. */
function resolveProfilePath(host: Host, rootDir: string, path: string, isRelative: boolean): string {
  const p = pathsFor(host.platform)
  const native = host.platform === 'win32' ? path.replace(/\//g, '\\') : path
  return isRelative ? p.join(rootDir, native) : p.normalize(native)
}

function installDefaults(host: Host, root: string, sections: readonly IniSection[], installsIni: readonly IniSection[]): Set<string> {
  const defaults = new Set<string>()
  const add = (value: string | undefined): void => {
    if (!value) return
    // Install defaults name the profile by its Path= value: relative to the root unless absolute.
    const p = pathsFor(host.platform)
    const native = host.platform === 'win32' ? value.replace(/\//g, '\\') : value
    defaults.add(p.isAbsolute(native) ? p.normalize(native) : p.join(root, native))
  }
  for (const s of sections) if (s.name.startsWith('Install')) add(s.values.Default)
  for (const s of installsIni) add(s.values.Default)
  return defaults
}

async function readRoot(host: Host, root: FirefoxRoot, out: FirefoxDiscovery): Promise<void> {
  const p = pathsFor(host.platform)
  const iniPath = p.join(root.dir, 'profiles.ini')
  const [ini, installs] = await Promise.all([tryReadText(host, iniPath), tryReadText(host, p.join(root.dir, 'installs.ini'))])
  if (!ini.ok) {
    // No profiles.ini means Firefox never used this root; anything else is a real obstacle.
    if (ini.reason.code !== 'not_found') out.problems.push({ source: iniPath, reason: describeHostError(ini.reason, iniPath) })
    return
  }
  const parsed = parseIni(ini.value)
  out.inis.push({ path: iniPath, badLines: parsed.badLines })
  const listed = parsed.sections.filter((s) => /^Profile\d+$/.test(s.name) && s.values.Path)
  if (listed.length === 0 && parsed.badLines.length > 0) {
    out.problems.push({ source: iniPath, reason: t('garbledIni', { file: iniPath, lines: parsed.badLines.slice(0, 5).join(', ') }) })
    return
  }
  const defaults = installDefaults(host, root.dir, parsed.sections, installs.ok ? parseIni(installs.value).sections : [])
  await Promise.all(
    listed.map(async (s) => {
      const path = resolveProfilePath(host, root.dir, s.values.Path ?? '', s.values.IsRelative !== '0')
      const name = s.values.Name ?? p.basename(path)
      const st = await attempt(path, () => host.stat(path))
      if (!st.ok) {
        if (st.reason.code === 'not_found') out.missing.push({ name, path, source: iniPath })
        else out.problems.push({ source: path, reason: describeHostError(st.reason, path) })
        return
      }
      if (st.value.kind !== 'dir') {
        out.missing.push({ name, path, source: iniPath })
        return
      }
      out.profiles.push({ name, path, root, isDefault: s.values.Default === '1', isInstallDefault: defaults.has(path) })
    }),
  )
}

/** Every Firefox profile of the user whose home `host` describes; unreadable places are reported, not thrown. */
export async function findFirefoxProfiles(host: Host): Promise<FirefoxDiscovery> {
  const out: FirefoxDiscovery = { profiles: [], missing: [], problems: [], inis: [] }
  await Promise.all(firefoxProfileRoots(host).map((root) => readRoot(host, root, out)))
  // The same folder can be reached from two roots (a symlinked ~/.mozilla): report it once.
  const seen = new Set<string>()
  out.profiles = out.profiles
    .filter((profile) => (seen.has(profile.path) ? false : (seen.add(profile.path), true)))
    .sort((a, b) => a.path.localeCompare(b.path))
  return out
}
