/**
 * Finds Tor on this machine: the daemon binary, Tor Browser installs, running tor processes and every
 * torrc that applies (detection.md §3). Read-only; memoised per Host so tor.service and tor.config
 * share one look.
 */
import { perHost } from '../../core/host/toolkit.js'
import { attempt, exists, pathsFor, processListCommand, which } from '../../core/host/helpers.js'
import type { Host, HostError } from '../../core/host/host.js'
import { torProcesses, type TorProcess } from './cmdline.parse.js'
import { loadTorrc, type LoadedLine, type LoadedTorrc } from './torrc.io.js'

export interface TorInstall {
  kind: 'daemon' | 'tor-browser'
  /** The binary (daemon) or the install folder (Tor Browser). */
  path: string
}

export interface TorrcCandidate {
  path: string
  /** The `--defaults-torrc` that tor reads first (its options apply unless the torrc sets them). */
  defaults: string | null
  origin: 'process' | 'system' | 'tor-browser'
  pid?: number
  /** tor's working directory, from which it resolves relative paths; null when not known. */
  cwd: string | null
}

export interface TorDiscovery {
  installs: TorInstall[]
  processes: TorProcess[]
  /** The process list could not be read: "no tor running" is then not known. */
  processError: HostError | null
  torrcs: TorrcCandidate[]
}

/** Debian and Ubuntu start the system tor with this defaults file (it sets CookieAuthentication 1). */
export const DEBIAN_SERVICE_DEFAULTS = '/usr/share/tor/tor-service-defaults-torrc'

const DAEMON_DIRS = {
  linux: ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'],
  darwin: ['/opt/homebrew/bin', '/usr/local/bin', '/opt/local/bin'],
  win32: [],
} as const

function systemTorrcs(host: Host): string[] {
  const paths = pathsFor(host.platform)
  switch (host.platform) {
    case 'linux':
      return ['/etc/tor/torrc', '/usr/local/etc/tor/torrc']
    case 'darwin':
      return ['/opt/homebrew/etc/tor/torrc', '/usr/local/etc/tor/torrc']
    case 'win32':
      // tor.exe with no -f reads %APPDATA%\tor\torrc.
      return [paths.join(host.env.APPDATA ?? paths.join(host.home, 'AppData', 'Roaming'), 'tor', 'torrc')]
  }
}

/** Tor Browser install folders that exist, per OS. */
async function torBrowserInstalls(host: Host): Promise<string[]> {
  const paths = pathsFor(host.platform)
  const home = host.home
  if (host.platform === 'darwin') {
    const apps = ['/Applications/Tor Browser.app', paths.join(home, 'Applications', 'Tor Browser.app')]
    return filterExisting(host, apps)
  }
  if (host.platform === 'win32') {
    const desktops = [paths.join(home, 'Desktop'), paths.join(home, 'OneDrive', 'Desktop')]
    if (host.env.OneDrive) desktops.push(paths.join(host.env.OneDrive, 'Desktop'))
    const dirs = [...new Set(desktops.map((d) => paths.join(d, 'Tor Browser')))]
    const found = await Promise.all(
      dirs.map(async (d) => ((await exists(host, paths.join(d, 'Browser', 'TorBrowser', 'Tor', 'tor.exe'))) ? d : null)),
    )
    return found.filter((d): d is string => d !== null)
  }
  // Linux: torbrowser-launcher (native and Flatpak) keeps one install per arch; tarballs go anywhere,
  // so look in the usual places for a tor-browser* folder with its start-tor-browser.desktop.
  const launcherRoots = [
    paths.join(home, '.local', 'share', 'torbrowser', 'tbb'),
    paths.join(home, '.var', 'app', 'com.github.micahflee.torbrowser-launcher', 'data', 'torbrowser', 'tbb'),
  ]
  const tarballParents = [home, paths.join(home, 'Downloads'), paths.join(home, 'Desktop'), '/opt']
  const candidates = await Promise.all([
    ...launcherRoots.map(async (root) => (await listDirs(host, root)).map((arch) => paths.join(root, arch, 'tor-browser'))),
    ...tarballParents.map(async (parent) =>
      (await listDirs(host, parent)).filter((n) => /^tor-browser/i.test(n)).map((n) => paths.join(parent, n)),
    ),
  ])
  const found = await Promise.all(
    candidates.flat().map(async (d) => ((await exists(host, paths.join(d, 'start-tor-browser.desktop'))) ? d : null)),
  )
  return found.filter((d): d is string => d !== null)
}

async function listDirs(host: Host, dir: string): Promise<string[]> {
  const listed = await attempt(dir, () => host.readDir(dir))
  return listed.ok ? listed.value.filter((e) => e.kind === 'dir' || e.kind === 'symlink').map((e) => e.name) : []
}

async function filterExisting(host: Host, list: string[]): Promise<string[]> {
  const found = await Promise.all(list.map(async (p) => ((await exists(host, p)) ? p : null)))
  return found.filter((p): p is string => p !== null)
}

function torBrowserTorrc(host: Host, install: string): string {
  const paths = pathsFor(host.platform)
  if (host.platform === 'darwin') return paths.join(host.home, 'Library', 'Application Support', 'TorBrowser-Data', 'Tor', 'torrc')
  return paths.join(install, 'Browser', 'TorBrowser', 'Data', 'Tor', 'torrc')
}

/**
 * The first candidate that exists (a path rejoined across spaces), else the plain first word. A
 * relative candidate is tried from tor's working directory, and kept relative for the loader to resolve.
 */
async function pickPath(host: Host, candidates: readonly string[], cwd: string | null): Promise<string | null> {
  const paths = pathsFor(host.platform)
  for (const c of candidates) if (await exists(host, paths.isAbsolute(c) || cwd === null ? c : paths.join(cwd, c))) return c
  return candidates[candidates.length - 1] ?? null
}

/**
 * tor's compiled-in files, when it was started without -f or --defaults-torrc: `<sysconfdir>/tor/torrc`
 * and `<sysconfdir>/tor/torrc-defaults`, sysconfdir being /etc for a tor in /usr and `<prefix>/etc`
 * otherwise (Homebrew, /usr/local); tor.exe reads %APPDATA%\tor\torrc.
 */
function compiledDefaults(host: Host, executable: string): { torrc: string; defaults: string } {
  const paths = pathsFor(host.platform)
  if (host.platform === 'win32') {
    const dir = paths.join(host.env.APPDATA ?? paths.join(host.home, 'AppData', 'Roaming'), 'tor')
    return { torrc: paths.join(dir, 'torrc'), defaults: paths.join(dir, 'torrc-defaults') }
  }
  const prefix = paths.isAbsolute(executable) ? paths.dirname(paths.dirname(executable)) : '/usr'
  const etc = prefix === '/usr' || prefix === '/' ? '/etc' : paths.join(prefix, 'etc')
  return { torrc: paths.join(etc, 'tor', 'torrc'), defaults: paths.join(etc, 'tor', 'torrc-defaults') }
}

async function discover(host: Host): Promise<TorDiscovery> {
  const [daemon, browsers, listed, debianDefaults] = await Promise.all([
    which(host, 'tor', DAEMON_DIRS[host.platform]),
    torBrowserInstalls(host),
    attempt(processListCommand(host.platform), () => host.sysinfo.processes()),
    host.platform === 'linux' ? exists(host, DEBIAN_SERVICE_DEFAULTS) : false,
  ])
  const processes = listed.ok ? torProcesses(listed.value, host.platform) : []
  const installs: TorInstall[] = [
    ...(daemon ? [{ kind: 'daemon' as const, path: daemon }] : []),
    ...browsers.map((path) => ({ kind: 'tor-browser' as const, path })),
  ]

  const torrcs: TorrcCandidate[] = []
  const seen = new Set<string>()
  const add = (c: TorrcCandidate): void => {
    const key = host.platform === 'win32' ? c.path.toLowerCase() : c.path
    if (seen.has(key)) return
    seen.add(key)
    torrcs.push(c)
  }
  for (const p of processes) {
    // Linux shows a process's working directory as /proc/PID/cwd (readable by its user and root).
    const cwd = host.platform === 'linux' ? `/proc/${p.pid}/cwd` : null
    const compiled = compiledDefaults(host, p.executable)
    const [torrc, defaults] = await Promise.all([pickPath(host, p.args.torrc, cwd), pickPath(host, p.args.defaultsTorrc, cwd)])
    // Every running tor is its own set (two may share one torrc and differ on the command line).
    torrcs.push({ path: torrc ?? compiled.torrc, defaults: defaults ?? compiled.defaults, origin: 'process', pid: p.pid, cwd })
    seen.add(host.platform === 'win32' ? (torrc ?? compiled.torrc).toLowerCase() : (torrc ?? compiled.torrc))
  }
  for (const path of systemTorrcs(host))
    add({ path, defaults: path === '/etc/tor/torrc' && debianDefaults ? DEBIAN_SERVICE_DEFAULTS : null, origin: 'system', cwd: null })
  for (const install of browsers) add({ path: torBrowserTorrc(host, install), defaults: null, origin: 'tor-browser', cwd: null })
  return { installs, processes, processError: listed.ok ? null : listed.reason, torrcs }
}

export interface TorConfigSet {
  candidate: TorrcCandidate
  torrc: LoadedTorrc
  defaults: LoadedTorrc | null
  /** Options on a running tor's command line, as lines (file: "tor command line (PID n)", line: argument order). */
  commandLine: (LoadedLine & { append: boolean })[]
}

export const discoverTor = perHost(discover)

/** Every torrc candidate, loaded with its includes; a candidate that does not exist is left out. */
export const loadTorConfigs = perHost(async (host): Promise<TorConfigSet[]> => {
  const d = await discoverTor(host)
  const argsByPid = new Map(d.processes.map((p) => [p.pid, p.args]))
  const sets = await Promise.all(
    d.torrcs.map(async (candidate) => ({
      candidate,
      commandLine: (candidate.pid === undefined ? [] : (argsByPid.get(candidate.pid)?.options ?? [])).map((o, i) => ({
        keyword: o.key,
        key: o.key,
        value: o.value,
        line: i + 1,
        file: `tor command line (PID ${candidate.pid ?? ''})`,
        append: o.append,
      })),
      torrc: await loadTorrc(host, candidate.path, { cwd: candidate.cwd }),
      defaults: candidate.defaults ? await loadTorrc(host, candidate.defaults, { cwd: candidate.cwd, defaults: true }) : null,
    })),
  )
  return sets.filter((s) => s.torrc.rootError?.code !== 'not_found')
})

/**
 * The lines that set `key` for this tor (tor.1: the command line overrides the torrc, which overrides
 * the defaults file): the command line's own, added to the files' when all are `+Option`; else the
 * torrc's; else the defaults file's. (A `+Option` inside a torrc is rare and read as a plain one.)
 */
export function effectiveLines(set: TorConfigSet, key: string): LoadedLine[] {
  const own = set.torrc.lines.filter((l) => l.key === key)
  const files = own.length > 0 || !set.defaults ? own : set.defaults.lines.filter((l) => l.key === key)
  const args = set.commandLine.filter((l) => l.key === key)
  if (args.length === 0) return files
  return args.every((l) => l.append) ? [...files, ...args] : args
}

/** systemd's units for tor: Debian's `tor@default.service` (and other instances) and a plain `tor.service`. */
const TOR_UNIT = /^tor(@[A-Za-z0-9_.-]+)?\.service$/

/** The systemd unit a tor process runs in, from its cgroup (`0::/system.slice/system-tor.slice/tor@default.service`); null outside one. */
export async function torServiceUnit(host: Host, pid: number): Promise<string | null> {
  if (host.platform !== 'linux') return null
  const file = `/proc/${pid}/cgroup`
  const read = await attempt(file, () => host.readText(file, { maxBytes: 64 * 1024 }))
  if (!read.ok) return null
  for (const line of read.value.split('\n')) {
    const unit = line.trim().split('/').at(-1) ?? ''
    if (TOR_UNIT.test(unit)) return unit
  }
  return null
}
