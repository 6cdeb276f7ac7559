/**
 * Linux: GeoClue, the service desktop apps ask for the location, and GNOME's location switch, which
 * GNOME Shell (GeoClue's agent) enforces for every app, the pre-allowed ones included.
 */
import { attempt, exists, observedError, processListCommand, tryReadText } from '../../core/host/helpers.js'
import { runTool } from '../../core/host/toolkit.js'
import { verbatim, type Msg } from '../../core/i18n/message.js'
import type { Evidence, Host } from '../../core/types.js'
import { linuxText as t } from './location.messages.js'
import { parseGeoclueConfig, parseGsettingsBoolean, type GeoclueConfig, type GeoclueFile } from './location.parse.js'

export const GEOCLUE_CONF = '/etc/geoclue/geoclue.conf'
export const GEOCLUE_CONF_D = '/etc/geoclue/conf.d'
/** Where distributions install the daemon (Debian, Fedora, openSUSE: libexec; Arch: lib). */
const DAEMONS = ['/usr/libexec/geoclue', '/usr/lib/geoclue', '/usr/lib/geoclue-2.0/geoclue']
const GSETTINGS = ['get', 'org.gnome.system.location', 'enabled'] as const
export const GSETTINGS_COMMAND = `gsettings ${GSETTINGS.join(' ')}`
/** More drop-ins than any real system has; a hostile directory cannot make the scan read thousands. */
const MAX_DROP_INS = 32

export type DesktopSwitch = { kind: 'read'; enabled: boolean } | { kind: 'unread'; reason: Msg }

export interface LinuxLocation {
  platform: 'linux'
  evidence: Evidence[]
  installed: boolean
  /** null: a file could not be read or is damaged (`problem` says which). */
  config: GeoclueConfig | null
  problem?: { path: string; seen: Msg }
  desktop: DesktopSwitch
  /** The daemon reads /etc/geoclue/conf.d (2.7 and later, or a version Bulwark could not read). */
  dropIns: boolean
}

/** The daemon's `--version` ("2.6.0"); null when there is no daemon to ask or its answer is not a version. */
async function daemonVersion(host: Host, daemon: string | null, evidence: Evidence[], signal?: AbortSignal): Promise<string | null> {
  if (!daemon) return null
  const run = await runTool(host, daemon, ['--version'], { timeoutMs: 4000, maxBytes: 4096, signal })
  const version = run.ok ? (/^\s*(\d{1,3}\.\d{1,3}(?:\.\d{1,3})?)\s*$/.exec(run.value.stdout)?.[1] ?? null) : null
  evidence.push({
    label: t('labelVersion'),
    source: `${daemon} --version`,
    observed: version ?? (run.ok ? t('seenNoVersion') : run.reason.seen),
  })
  return version
}

/**
 * GeoClue reads drop-ins from conf.d since 2.7.0; 2.6 and older read geoclue.conf alone (Debian 12's 2.6.0 binary
 * names no other file). A version that could not be read is taken as a current one.
 */
function readsDropIns(version: string | null): boolean {
  const [major = 0, minor = 0] = (version ?? '').split('.').map(Number)
  return version === null || major > 2 || (major === 2 && minor >= 7)
}

async function readConfig(
  host: Host,
  evidence: Evidence[],
  version: string | null,
): Promise<{ files: GeoclueFile[]; problem?: LinuxLocation['problem'] }> {
  const files: GeoclueFile[] = []
  const main = await tryReadText(host, GEOCLUE_CONF)
  if (main.ok) files.push({ path: GEOCLUE_CONF, text: main.value })
  else if (main.reason.code !== 'not_found') return { files, problem: { path: GEOCLUE_CONF, seen: observedError(main.reason.code) } }
  const listed = await attempt(GEOCLUE_CONF_D, () => host.readDir(GEOCLUE_CONF_D))
  if (!listed.ok && listed.reason.code !== 'not_found')
    return { files, problem: { path: GEOCLUE_CONF_D, seen: observedError(listed.reason.code) } }
  const names = (listed.ok ? listed.value : [])
    .filter((e) => e.kind !== 'dir' && e.name.endsWith('.conf'))
    .map((e) => e.name)
    // GLib sorts the drop-ins by name (byte order) before loading them.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_DROP_INS)
  if (!readsDropIns(version)) {
    // A drop-in an older daemon never reads changes nothing: shown, so a user who wrote one sees why.
    for (const name of names)
      evidence.push({
        label: t('labelConfig'),
        source: `${GEOCLUE_CONF_D}/${name}`,
        observed: t('seenIgnored', { version: version ?? '' }),
      })
    names.length = 0
  }
  for (const name of names) {
    const file = `${GEOCLUE_CONF_D}/${name}`
    const read = await tryReadText(host, file)
    if (!read.ok) return { files, problem: { path: file, seen: observedError(read.reason.code) } }
    files.push({ path: file, text: read.value })
  }
  for (const f of files) evidence.push({ label: t('labelConfig'), source: f.path, observed: t('seenRead') })
  return { files }
}

async function readDesktopSwitch(host: Host, evidence: Evidence[], signal?: AbortSignal): Promise<DesktopSwitch> {
  // Under sudo, gsettings answers with root's settings, not the user's.
  if (host.env.SUDO_USER) {
    const reason = t('desktopAsRoot', { user: host.env.SUDO_USER.slice(0, 64) })
    evidence.push({ label: t('labelDesktop'), source: GSETTINGS_COMMAND, observed: t('seenNotRead') })
    return { kind: 'unread', reason }
  }
  const run = await runTool(host, 'gsettings', GSETTINGS, { timeoutMs: 4000, signal })
  if (!run.ok) {
    evidence.push({ label: t('labelDesktop'), source: GSETTINGS_COMMAND, observed: run.reason.seen })
    return { kind: 'unread', reason: t('desktopUnread', { command: GSETTINGS_COMMAND }) }
  }
  const value = parseGsettingsBoolean(run.value.stdout)
  evidence.push({ label: t('labelDesktop'), source: GSETTINGS_COMMAND, observed: value ?? verbatim(run.value.stdout.trim().slice(0, 200)) })
  return value === null ? { kind: 'unread', reason: t('desktopUnread', { command: GSETTINGS_COMMAND }) } : { kind: 'read', enabled: value }
}

async function daemonRunning(host: Host, evidence: Evidence[]): Promise<void> {
  const source = processListCommand('linux')
  const listed = await attempt(source, () => host.sysinfo.processes())
  // GeoClue starts on demand over D-Bus, so "not running" says nothing about whether it is allowed: evidence only.
  const observed = listed.ok
    ? listed.value.some((p) => p.name === 'geoclue')
      ? t('seenRunning')
      : t('seenNotRunning')
    : observedError(listed.reason.code)
  evidence.push({ label: t('labelDaemon'), source, observed })
}

export async function readLinuxLocation(host: Host, signal?: AbortSignal): Promise<LinuxLocation> {
  const evidence: Evidence[] = []
  let daemon: string | null = null
  for (const d of DAEMONS) if (!daemon && (await exists(host, d))) daemon = d
  const version = await daemonVersion(host, daemon, evidence, signal)
  const dropIns = readsDropIns(version)
  const { files, problem } = await readConfig(host, evidence, version)
  if (problem) {
    evidence.push({ label: t('labelConfig'), source: problem.path, observed: problem.seen })
    return {
      platform: 'linux',
      evidence,
      installed: true,
      config: null,
      problem,
      desktop: { kind: 'unread', reason: t('seenNotRead') },
      dropIns,
    }
  }
  if (files.length === 0 && !daemon) {
    evidence.push({ label: t('labelConfig'), source: GEOCLUE_CONF, observed: t('seenAbsent') })
    return { platform: 'linux', evidence, installed: false, config: null, desktop: { kind: 'unread', reason: t('seenNotRead') }, dropIns }
  }
  const config = parseGeoclueConfig(files)
  if (config.bad.length > 0) {
    const first = config.bad[0]!
    const seen = t('seenBadLine', { line: String(first.line) })
    evidence.push({ label: t('labelConfig'), source: first.path, observed: seen })
    return {
      platform: 'linux',
      evidence,
      installed: true,
      config: null,
      problem: { path: first.path, seen },
      desktop: { kind: 'unread', reason: seen },
      dropIns,
    }
  }
  const source = files.at(-1)?.path ?? GEOCLUE_CONF
  evidence.push(
    { label: t('labelAgents'), source, observed: config.agents.length ? config.agents.join(';') : t('seenNone') },
    { label: t('labelWifi'), source, observed: String(config.wifi) },
    { label: t('labelUrl'), source, observed: config.wifiUrl ?? t('seenDefaultUrl') },
    { label: t('labelSubmit'), source, observed: String(config.submitData) },
    {
      label: t('labelPreAllowed'),
      source,
      observed: config.preAllowed.length ? config.preAllowed.map((a) => a.id).join(', ') : t('seenNone'),
    },
  )
  await daemonRunning(host, evidence)
  const desktop = await readDesktopSwitch(host, evidence, signal)
  return { platform: 'linux', evidence, installed: true, config, desktop, dropIns }
}
