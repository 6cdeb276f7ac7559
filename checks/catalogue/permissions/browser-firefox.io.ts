import { findFirefoxProfiles, type FirefoxProfile } from '../../readers/browsers/firefox-profiles.io.js'
import { parsePrefs } from '../../readers/browsers/firefox-prefs.parse.js'
import { describeHostError, observedError, pathsFor, tryReadText } from '../../core/host/helpers.js'
import type { HostErrorCode } from '../../core/host/host.js'
import { type Msg } from '../../core/i18n/message.js'
import type { Host } from '../../core/types.js'
import type { Collected } from './collected.verdict.js'
import { finding, type Finding } from './findings.verdict.js'
import { FIREFOX_DEFAULT_PREFS, readMozPerms, type SiteGrant } from './site-permissions.parse.js'
import type { SqliteEngine } from '../../core/host/host.js'
import { openSqliteCopy } from './sqlite.io.js'
import { defaultLabel, siteLabel } from './site-labels.verdict.js'
import { firefoxText as t } from './browser.messages.js'

const now = (): number => Date.now()

/** A grant as stored, and until when it holds in words (a date when it expires). */
function grantSeen(g: SiteGrant): Msg {
  if (g.until === 'session') return t('obsFfUntilSession', { raw: g.raw })
  if (g.until === 'policy') return t('obsFfUntilPolicy', { raw: g.raw })
  if (g.until === 'never') return t('obsFfUntilNever', { raw: g.raw })
  return t('obsFfUntil', { raw: g.raw, until: g.until })
}

interface Problem {
  file: string
  reason: Msg
  code: HostErrorCode
}

/** The effective user value of each `permissions.default.*` pref: user.js wins over prefs.js. */
async function defaultPrefs(host: Host, profile: FirefoxProfile): Promise<{ findings: Finding[]; problem?: Problem }> {
  const p = pathsFor(host.platform)
  const files = [p.join(profile.path, 'prefs.js'), p.join(profile.path, 'user.js')]
  const reads = await Promise.all(files.map((f) => tryReadText(host, f)))
  const findings: Finding[] = []
  const effective = new Map<string, { value: unknown; file: string }>()
  let problem: Problem | undefined
  reads.forEach((read, i) => {
    const file = files[i]!
    if (!read.ok) {
      if (read.reason.code !== 'not_found') problem ??= { file, reason: describeHostError(read.reason, file), code: read.reason.code }
      return
    }
    for (const [name, entry] of parsePrefs(read.value).prefs)
      if (name in FIREFOX_DEFAULT_PREFS) effective.set(name, { value: entry.value, file })
  })
  for (const [pref, { value, file }] of effective) {
    if (value !== 1) continue
    const permission = FIREFOX_DEFAULT_PREFS[pref]!
    findings.push(
      finding('warn', `Firefox ${profile.name}`, {
        label: defaultLabel(permission, 'Firefox', profile.name),
        source: `${file} → ${pref}`,
        observed: 1,
        expected: t('ffDefaultRevoke', { pref }),
      }),
    )
  }
  return problem ? { findings, problem } : { findings }
}

async function collectProfile(host: Host, profile: FirefoxProfile, engine: SqliteEngine): Promise<Collected> {
  const p = pathsFor(host.platform)
  const file = p.join(profile.path, 'permissions.sqlite')
  const [copy, defaults] = await Promise.all([openSqliteCopy(host, file, engine), defaultPrefs(host, profile)])
  const findings: Finding[] = [...defaults.findings]
  const label = t('ffProfile', { profile: profile.name })
  let gap = defaults.problem ? t('ffUnreadable', { file: defaults.problem.file, reason: defaults.problem.reason }) : undefined
  if (defaults.problem)
    findings.push(finding('unknown', '', { label, source: defaults.problem.file, observed: observedError(defaults.problem.code) }))
  if (copy.status === 'absent') {
    findings.push(finding('info', '', { label, source: file, observed: t('obsFfNoStore') }))
  } else if (copy.status !== 'ok') {
    const reason = copy.status === 'unreadable' ? describeHostError(copy.error, file) : copy.reason
    findings.push(
      finding('unknown', '', {
        label,
        source: file,
        observed: copy.status === 'unreadable' ? observedError(copy.error.code) : copy.reason,
      }),
    )
    gap ??= t('ffUnreadable', { file, reason })
  } else {
    try {
      const read = readMozPerms(copy.db, now())
      if (!read.ok) {
        findings.push(finding('unknown', '', { label, source: file, observed: read.reason }))
        gap ??= t('ffUnreadable', { file, reason: read.reason })
      } else {
        findings.push(
          finding('info', '', {
            label,
            source: file,
            observed: t('obsFfRows', { rows: read.value.rows, allowed: read.value.grants.length }),
          }),
        )
        for (const g of read.value.grants) {
          findings.push(
            finding('info', g.site, {
              label: siteLabel(g.permission, 'Firefox', profile.name, g.site),
              source: `${file} → moz_perms (origin=${g.site})`,
              observed: grantSeen(g),
              expected: t('ffRevoke', { profile: profile.name }),
            }),
          )
        }
      }
    } finally {
      copy.db.close()
    }
  }
  return gap ? { findings, gap } : { findings }
}

/** Firefox: every profile's permissions.sqlite and permissions.default.* prefs. */
export async function collectFirefox(host: Host, engine: SqliteEngine): Promise<Collected & { profiles: number }> {
  const discovery = await findFirefoxProfiles(host)
  const parts = await Promise.all(discovery.profiles.map((profile) => collectProfile(host, profile, engine)))
  const findings = parts.flatMap((part) => part.findings)
  let gap = parts.find((part) => part.gap)?.gap
  for (const problem of discovery.problems) {
    findings.push(finding('unknown', '', { label: t('ffProfiles'), source: problem.source, observed: problem.reason }))
    gap ??= t('ffDiscovery', { reason: problem.reason })
  }
  return gap ? { findings, gap, profiles: discovery.profiles.length } : { findings, profiles: discovery.profiles.length }
}
