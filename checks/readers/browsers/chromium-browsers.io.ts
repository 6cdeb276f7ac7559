/**
 * The Chromium-family browsers Bulwark knows, where each keeps its user data ("User Data" with
 * the browser-wide `Local State` and one folder per profile) and where its managed policies live,
 * per OS. Shared by the checks that read Chromium settings (DNS over HTTPS, site permissions).
 */
import { attempt, describeHostError, pathsFor } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Platform } from '../../core/types.js'

export type ChromiumBrowserId = 'chrome' | 'chromium' | 'edge' | 'brave' | 'vivaldi'

export interface ChromiumBrowserSpec {
  id: ChromiumBrowserId
  name: string
  /** Settings page scheme, e.g. 'chrome' for chrome://settings. */
  scheme: string
  /** User data folders relative to the user's config base, per OS (several packagings on Linux). */
  userData: Record<Platform, readonly string[][]>
  /** Linux: folders whose files are mandatory policy (all read, merged, later file names win). */
  linuxPolicyDirs: readonly string[]
  /** Windows: key under HKLM and HKCU (HKLM wins); undefined where the vendor documents none. */
  windowsPolicyKey?: string
  /** macOS: the managed-preferences domain (bundle id). */
  macBundleId: string
}

/**
 * Linux user data sits under $XDG_CONFIG_HOME (default ~/.config); Flatpak and Snap builds keep
 * their own. Those entries are marked with a leading '~' and resolve against the home folder.
 */
export const CHROMIUM_BROWSERS: readonly ChromiumBrowserSpec[] = [
  {
    id: 'chrome',
    name: 'Google Chrome',
    scheme: 'chrome',
    userData: {
      linux: [['google-chrome'], ['~', '.var', 'app', 'com.google.Chrome', 'config', 'google-chrome']],
      darwin: [['Google', 'Chrome']],
      win32: [['Google', 'Chrome', 'User Data']],
    },
    linuxPolicyDirs: ['/etc/opt/chrome/policies/managed'],
    windowsPolicyKey: 'SOFTWARE\\Policies\\Google\\Chrome',
    macBundleId: 'com.google.Chrome',
  },
  {
    id: 'chromium',
    name: 'Chromium',
    scheme: 'chrome',
    userData: {
      linux: [
        ['chromium'],
        ['~', 'snap', 'chromium', 'common', 'chromium'],
        ['~', '.var', 'app', 'org.chromium.Chromium', 'config', 'chromium'],
      ],
      darwin: [['Chromium']],
      win32: [['Chromium', 'User Data']],
    },
    // Debian and Fedora use /etc/chromium; Ubuntu's chromium-browser uses /etc/chromium-browser.
    linuxPolicyDirs: ['/etc/chromium/policies/managed', '/etc/chromium-browser/policies/managed'],
    windowsPolicyKey: 'SOFTWARE\\Policies\\Chromium',
    macBundleId: 'org.chromium.Chromium',
  },
  {
    id: 'edge',
    name: 'Microsoft Edge',
    scheme: 'edge',
    userData: {
      linux: [['microsoft-edge'], ['~', '.var', 'app', 'com.microsoft.Edge', 'config', 'microsoft-edge']],
      darwin: [['Microsoft Edge']],
      win32: [['Microsoft', 'Edge', 'User Data']],
    },
    linuxPolicyDirs: ['/etc/opt/edge/policies/managed'],
    windowsPolicyKey: 'SOFTWARE\\Policies\\Microsoft\\Edge',
    macBundleId: 'com.microsoft.Edge',
  },
  {
    id: 'brave',
    name: 'Brave',
    scheme: 'brave',
    userData: {
      linux: [
        ['BraveSoftware', 'Brave-Browser'],
        ['~', '.var', 'app', 'com.brave.Browser', 'config', 'BraveSoftware', 'Brave-Browser'],
      ],
      darwin: [['BraveSoftware', 'Brave-Browser']],
      win32: [['BraveSoftware', 'Brave-Browser', 'User Data']],
    },
    linuxPolicyDirs: ['/etc/brave/policies/managed'],
    windowsPolicyKey: 'SOFTWARE\\Policies\\BraveSoftware\\Brave',
    macBundleId: 'com.brave.Browser',
  },
  {
    id: 'vivaldi',
    name: 'Vivaldi',
    scheme: 'vivaldi',
    userData: {
      linux: [['vivaldi']],
      darwin: [['Vivaldi']],
      win32: [['Vivaldi', 'User Data']],
    },
    // Vivaldi documents managed policies only through a macOS profile (com.vivaldi.Vivaldi);
    // no Linux folder or Windows key is documented, so none is guessed.
    linuxPolicyDirs: [],
    macBundleId: 'com.vivaldi.Vivaldi',
  },
]

export interface ChromiumInstallation {
  spec: ChromiumBrowserSpec
  /** The user data folder ("User Data"). */
  userDataDir: string
  localStatePath: string
}

export interface ChromiumDiscovery {
  browsers: ChromiumInstallation[]
  /** User data folders that may exist but could not be examined. */
  problems: { spec: ChromiumBrowserSpec; source: string; reason: Msg }[]
}

/** The per-user base the relative user data paths hang from. */
function configBase(host: Host): string {
  const p = pathsFor(host.platform)
  if (host.platform === 'win32') return host.env.LOCALAPPDATA ?? p.join(host.home, 'AppData', 'Local')
  if (host.platform === 'darwin') return p.join(host.home, 'Library', 'Application Support')
  return host.env.XDG_CONFIG_HOME || p.join(host.home, '.config')
}

export function chromiumUserDataDirs(host: Host, spec: ChromiumBrowserSpec): string[] {
  const p = pathsFor(host.platform)
  const base = configBase(host)
  return spec.userData[host.platform].map(([first, ...rest]) =>
    first === '~' ? p.join(host.home, ...rest) : p.join(base, first ?? '', ...rest),
  )
}

/**
 * Every Chromium-family browser that has a user data folder with a `Local State` for this user.
 * A browser installed but never started has none, and has no setting to report yet.
 */
export async function findChromiumBrowsers(
  host: Host,
  specs: readonly ChromiumBrowserSpec[] = CHROMIUM_BROWSERS,
): Promise<ChromiumDiscovery> {
  const p = pathsFor(host.platform)
  const out: ChromiumDiscovery = { browsers: [], problems: [] }
  const candidates = specs.flatMap((spec) => chromiumUserDataDirs(host, spec).map((userDataDir) => ({ spec, userDataDir })))
  const found = await Promise.all(
    candidates.map(async ({ spec, userDataDir }) => {
      const localStatePath = p.join(userDataDir, 'Local State')
      const st = await attempt(localStatePath, () => host.stat(localStatePath))
      if (st.ok) return { spec, userDataDir, localStatePath }
      if (st.reason.code !== 'not_found') {
        out.problems.push({ spec, source: localStatePath, reason: describeHostError(st.reason, localStatePath) })
      }
      return undefined
    }),
  )
  out.browsers = found.filter((b): b is ChromiumInstallation => b !== undefined)
  return out
}
