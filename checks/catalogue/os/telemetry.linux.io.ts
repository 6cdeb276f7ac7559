import { exists, observedError, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { Result } from '../../core/host/toolkit.js'
import { osReleaseInfo, parseOsRelease } from '../../readers/system/os-release.parse.js'
import { MAX_CONFIG_CHARS, parseKeyValues, parseUbuntuReportState } from './telemetry.parse.js'
import type { LinuxFacts, Reading } from './telemetry.verdict.js'

const WHOOPSIE_UNIT = '/etc/systemd/system/multi-user.target.wants/whoopsie.service'

/** A file read and parsed; a missing file is "absent" (the reporter is not installed), never an error. */
export async function readParsed<T>(host: Host, file: string, parse: (text: string) => Result<T, string>): Promise<Reading<T>> {
  const read = await tryReadText(host, file, { maxBytes: MAX_CONFIG_CHARS })
  if (!read.ok) {
    if (read.reason.code === 'not_found') return { source: file, state: 'absent' }
    return { source: file, state: 'unreadable', reason: observedError(read.reason.code) }
  }
  const parsed = parse(read.value)
  return parsed.ok ? { source: file, state: 'ok', value: parsed.value } : { source: file, state: 'malformed', reason: parsed.reason }
}

/** ubuntu-report keeps one file per release in $XDG_CACHE_HOME/ubuntu-report (internal/utils/reports.go upstream). */
function ubuntuReportDir(host: Host): string {
  const xdg = host.env.XDG_CACHE_HOME
  return `${xdg?.startsWith('/') ? xdg : `${host.home}/.cache`}/ubuntu-report`
}

/** Newer whoopsie packages keep their settings in /etc/whoopsie, older ones in /etc/default/whoopsie: the first found counts. */
async function readWhoopsie(host: Host): Promise<Reading<Map<string, string>>> {
  const current = await readParsed(host, '/etc/whoopsie', parseKeyValues)
  return current.state === 'absent' ? readParsed(host, '/etc/default/whoopsie', parseKeyValues) : current
}

export async function readLinuxFacts(host: Host): Promise<LinuxFacts> {
  const osRelease = await tryReadText(host, '/etc/os-release', { maxBytes: 64 * 1024 })
  const release = osRelease.ok ? osReleaseInfo(parseOsRelease(osRelease.value)) : null
  // The file name is <ID>.<VERSION_ID> of os-release; both are checked so a hostile os-release cannot walk the path.
  const ubuntuReport =
    release && /^[a-z0-9._-]{1,40}$/.test(release.id) && /^[0-9.]{1,20}$/.test(release.versionId)
      ? await readParsed(host, `${ubuntuReportDir(host)}/${release.id}.${release.versionId}`, parseUbuntuReportState)
      : null
  return {
    apport: await readParsed(host, '/etc/default/apport', parseKeyValues),
    whoopsie: await readWhoopsie(host),
    whoopsieService: { source: WHOOPSIE_UNIT, enabled: await exists(host, WHOOPSIE_UNIT) },
    popcon: await readParsed(host, '/etc/popularity-contest.conf', parseKeyValues),
    abrt: await readParsed(host, '/etc/abrt/abrt.conf', parseKeyValues),
    ubuntuReport,
  }
}
