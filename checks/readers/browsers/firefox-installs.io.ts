/**
 * Where Firefox installations live (the GRE folder: the one holding `defaults/pref/` and
 * `distribution/`), per OS and packaging. Shared by the policy and preference-file readers.
 */
import { pathsFor } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { FirefoxPackaging } from './firefox-profiles.io.js'

const LINUX_INSTALL_DIRS: Record<FirefoxPackaging, readonly string[]> = {
  // /usr/lib/firefox-esr is Debian's firefox-esr package.
  native: ['/usr/lib/firefox', '/usr/lib/firefox-esr', '/usr/lib64/firefox', '/opt/firefox'],
  snap: ['/snap/firefox/current/usr/lib/firefox'],
  flatpak: ['/var/lib/flatpak/app/org.mozilla.firefox/current/active/files/lib/firefox'],
}

/** Installation folders that may run profiles of this packaging, whether or not they exist. */
export function firefoxInstallDirs(host: Host, packaging: FirefoxPackaging): string[] {
  const p = pathsFor(host.platform)
  if (host.platform === 'win32') {
    const programDirs = [host.env.ProgramFiles ?? 'C:\\Program Files', host.env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)']
    return programDirs.map((d) => p.join(d, 'Mozilla Firefox'))
  }
  // On macOS the GRE folder is inside the app bundle.
  if (host.platform === 'darwin') return ['/Applications/Firefox.app/Contents/Resources']
  return [...LINUX_INSTALL_DIRS[packaging]]
}
