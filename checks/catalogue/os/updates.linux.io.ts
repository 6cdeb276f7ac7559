import { exists, observedError, tryReadText, tryStat } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import { parseAptConfigDump, type AptConfig } from './apt-config.parse.js'
import { parseDnfAutomatic } from './dnf-automatic.parse.js'
import { osReleaseInfo, parseOsRelease } from '../../readers/system/os-release.parse.js'
import { verbatim } from '../../core/i18n/message.js'
import type { LinuxFacts, Read } from './updates.verdict.js'

async function readText(host: Host, file: string): Promise<Read<string>> {
  const read = await tryReadText(host, file, { maxBytes: 1024 * 1024 })
  return read.ok ? { ok: true, value: read.value } : { ok: false, reason: observedError(read.reason.code), code: read.reason.code }
}

async function mtime(host: Host, files: readonly string[]): Promise<{ source: string; mtimeMs: number } | null> {
  for (const file of files) {
    const st = await tryStat(host, file)
    if (st.ok) return { source: file, mtimeMs: st.value.mtimeMs }
  }
  return null
}

async function readApt(host: Host, signal: AbortSignal | undefined): Promise<LinuxFacts['apt']> {
  const run = await runTool(host, 'apt-config', ['dump'], { timeoutMs: 8000, signal })
  if (!run.ok && run.reason.code === 'not_found') return null
  let dump: Read<AptConfig>
  if (!run.ok) dump = { ok: false, reason: run.reason.seen, code: run.reason.code }
  else {
    const parsed = parseAptConfigDump(run.value.stdout)
    dump = parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: verbatim(parsed.reason), code: 'bad_output' }
  }
  // A masked unit is a link to /dev/null: stat follows it to a character device.
  const timersMasked: [string, boolean][] = []
  if (await exists(host, '/etc/systemd/system'))
    for (const unit of ['apt-daily.timer', 'apt-daily-upgrade.timer']) {
      const timer = await tryStat(host, `/etc/systemd/system/${unit}`)
      timersMasked.push([unit, timer.ok && timer.value.kind === 'other'])
    }
  return {
    dump,
    command: 'apt-config dump',
    programInstalled: await exists(host, '/usr/bin/unattended-upgrade'),
    timersMasked,
    // apt.systemd.daily touches update-success-stamp after each successful `apt-get update`; without it the lists folder's time.
    lastRefresh: await mtime(host, ['/var/lib/apt/periodic/update-success-stamp', '/var/lib/apt/lists']),
  }
}

async function readDnf(host: Host): Promise<LinuxFacts['dnf']> {
  if (!(await exists(host, '/usr/bin/dnf')) && !(await exists(host, '/usr/bin/dnf5'))) return null
  const text = await readText(host, '/etc/dnf/automatic.conf')
  const conf = text.ok ? { ok: true as const, value: parseDnfAutomatic(text.value) } : text
  let timer: string | null = null
  try {
    const wants = await host.readDir('/etc/systemd/system/timers.target.wants')
    timer = wants.map((e) => e.name).find((n) => /^dnf5?-automatic[a-z-]{0,40}\.timer$/.test(n)) ?? null
  } catch {
    timer = null
  }
  // dnf 4's persistor (dnf/persistor.py) touches last_makecache in its cache folder after each metadata refresh.
  return { conf, timer, lastRefresh: await mtime(host, ['/var/cache/dnf/last_makecache', '/var/lib/dnf/last_makecache']) }
}

async function readGnome(host: Host, signal: AbortSignal | undefined): Promise<boolean | null> {
  // gsettings outside a session reads defaults, not the user's choice: only ask inside one.
  if (!host.env.DBUS_SESSION_BUS_ADDRESS) return null
  const run = await runTool(host, 'gsettings', ['get', 'org.gnome.software', 'download-updates'], { timeoutMs: 4000, signal })
  if (!run.ok) return null
  const answer = run.value.stdout.trim()
  return answer === 'true' ? true : answer === 'false' ? false : null
}

export async function readLinuxFacts(host: Host, signal?: AbortSignal): Promise<LinuxFacts> {
  let release = await readText(host, '/etc/os-release')
  if (!release.ok && release.code === 'not_found') release = await readText(host, '/usr/lib/os-release')
  return {
    nowMs: Date.now(),
    osRelease: release.ok ? { ok: true, value: osReleaseInfo(parseOsRelease(release.value)) } : release,
    apt: await readApt(host, signal),
    dnf: await readDnf(host),
    gnomeDownload: await readGnome(host, signal),
  }
}
