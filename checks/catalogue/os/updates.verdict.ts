import type { Evidence, Msg, Outcome, Status, Step } from '../../core/types.js'
import { mostSevere } from '../../core/report/model.js'
import type { AptConfig } from './apt-config.parse.js'
import type { DnfAutomatic } from './dnf-automatic.parse.js'
import { EOL_TABLE, EOL_TABLE_DATE, OLDEST_LISTED_WINDOWS_BUILD, type EolEntry } from './eol.data.js'
import type { Hotfix } from './hotfix.parse.js'
import type { OsRelease } from '../../readers/system/os-release.parse.js'
import { t } from './updates.messages.js'

const DAY = 86_400_000
/** Within this many days of the end of support the release is a warn: time to plan the upgrade. */
export const EOL_WARN_DAYS = 60
/** apt-daily refreshes every day; two weeks without a refresh means it is not running. */
export const STALE_LIST_DAYS = 14
/** Microsoft ships security updates every month; none in two months means they stopped installing. */
export const STALE_HOTFIX_DAYS = 60

// The usual steps per platform; a result whose only gap is one of them gets just that step.
const aptStep: Step = {
  text: t('stepApt'),
  command: { shell: 'sh', line: 'sudo apt install unattended-upgrades && sudo dpkg-reconfigure -plow unattended-upgrades' },
  requiresAdmin: true,
  link: 'https://wiki.debian.org/UnattendedUpgrades',
}
const dnfStep: Step = {
  text: t('stepDnf'),
  command: { shell: 'sh', line: 'sudo dnf install dnf-automatic && sudo systemctl enable --now dnf-automatic-install.timer' },
  requiresAdmin: true,
  link: 'https://docs.fedoraproject.org/en-US/quick-docs/autoupdates/',
  kind: 'alternative',
}
const refreshStep: Step = {
  text: t('stepRefresh'),
  command: { shell: 'sh', line: 'sudo apt update && sudo apt upgrade' },
  requiresAdmin: true,
}
const linuxUpgrade: Step = { text: t('stepUpgradeRelease'), link: 'https://wiki.debian.org/DebianUpgrade' }
const macUpgrade: Step = { text: t('stepMacUpgrade'), link: 'https://support.apple.com/en-us/102662' }
const winUpgrade: Step = { text: t('stepWinUpgrade'), link: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-11-home-and-pro' }

export const linux: Step[] = [aptStep, dnfStep, refreshStep, linuxUpgrade]
export const darwin: Step[] = [{ text: t('stepMac'), link: 'https://support.apple.com/en-us/108382' }, macUpgrade]
export const win32: Step[] = [
  { text: t('stepWin'), link: 'https://support.microsoft.com/en-us/windows/update-windows-3c5ae7fc-9fb6-9af1-1984-b5e0412c556a' },
  { text: t('stepWinPolicy'), requiresAdmin: true },
  winUpgrade,
]

/** One reading and what it means on its own; the check's verdict is the worst of them. */
interface Part {
  status: Exclude<Status, 'not_applicable' | 'error'> | 'info'
  summary?: Msg
  evidence: Evidence[]
  steps?: Step[]
}

type Judged = Part & { status: Exclude<Part['status'], 'info'> }

function combine(parts: readonly Part[], passSummary: Msg): Outcome {
  // An 'info' part only adds evidence.
  const [first, ...rest] = parts.filter((p): p is Judged => p.status !== 'info')
  const worst = first && mostSevere(first, ...rest)
  // An empty value as read (a blank key, os-release with no name) is shown as "not set", never as a hole.
  const evidence = parts.flatMap((p) => p.evidence).map((e) => (e.observed === '' ? { ...e, observed: t('notSet') } : e))
  if (!worst || worst.status === 'pass')
    return { status: worst ? 'pass' : 'unknown', summary: worst ? passSummary : t('noManager'), evidence }
  return {
    status: worst.status,
    summary: worst.summary ?? passSummary,
    evidence,
    ...(worst.steps ? { steps: worst.steps } : {}),
  }
}

function days(fromMs: number, toMs: number): number {
  return Math.floor((toMs - fromMs) / DAY)
}

/**
 * The release against the shipped table: past the end fails, close to it or on limited support warns.
 * Support is never claimed without a dated source: a release the table lacks, or whose vendor publishes
 * no end date, is unknown, with where to look.
 */
export function eolPart(entry: EolEntry | undefined, shown: string, source: string, nowMs: number, upgrade: Step[]): Part {
  const label = t('labelRelease')
  const release = { label, source, observed: shown }
  if (!entry)
    return {
      status: 'unknown',
      summary: t('eolNotListed', { name: shown, tableDate: EOL_TABLE_DATE }),
      evidence: [release, { label: t('labelSupportEnds'), source: 'eol.data.ts', observed: t('notListed', { tableDate: EOL_TABLE_DATE }) }],
    }
  if (entry.eol === null)
    return {
      status: 'unknown',
      summary: t('macEolUnpublished', { name: entry.name, tableDate: EOL_TABLE_DATE }),
      evidence: [release, { label: t('labelSupportEnds'), source: entry.source, observed: t('notPublished') }],
    }
  const evidence: Evidence[] = [release, { label: t('labelSupportEnds'), source: entry.source, observed: entry.eol }]
  const end = Date.parse(`${entry.eol}T23:59:59Z`)
  const params = { name: entry.name, date: entry.eol, tableDate: EOL_TABLE_DATE }
  // A planned date that has passed is not proof the release ended: Fedora 39 shipped SUPPORT_END=2024-05-14 and
  // got updates until 2024-11-26. It warns until the table confirms the end.
  if (nowMs > end && entry.planned) return { status: 'warn', summary: t('eolPlannedPast', params), evidence, steps: upgrade }
  if (nowMs > end) return { status: 'fail', summary: t('eolPast', params), evidence, steps: upgrade }
  if (entry.limitedFrom && nowMs > Date.parse(`${entry.limitedFrom}T23:59:59Z`))
    return { status: 'warn', summary: t('eolLimited', { ...params, date: entry.limitedFrom, end: entry.eol }), evidence, steps: upgrade }
  if (end - nowMs < EOL_WARN_DAYS * DAY) return { status: 'warn', summary: t('eolSoon', params), evidence, steps: upgrade }
  return { status: 'pass', evidence }
}

/**
 * The table's row, else, for a Linux release, the end date its vendor wrote in os-release's
 * SUPPORT_END (os-release(5); Fedora sets it), taken as a plan.
 */
export function releaseEol(id: string, versionId: string, name: string, supportEnd: string): EolEntry | undefined {
  const listed = findEol(id, versionId)
  if (listed) return listed
  if (!/^\d{4}-\d{2}-\d{2}$/.test(supportEnd) || !Number.isFinite(Date.parse(`${supportEnd}T00:00:00Z`))) return undefined
  return { os: id, release: versionId, name, eol: supportEnd, planned: true, source: '/etc/os-release SUPPORT_END' }
}

export function findEol(os: string, release: string): EolEntry | undefined {
  return EOL_TABLE.find((e) => e.os === os && e.release === release)
}

// ---- Linux ----

export type Read<T> = { ok: true; value: T } | { ok: false; reason: Msg; code: string }

export interface LinuxFacts {
  nowMs: number
  osRelease: Read<OsRelease>
  apt: null | {
    dump: Read<AptConfig>
    command: string
    programInstalled: boolean
    /** apt-daily.timer and apt-daily-upgrade.timer, each masked (linked to /dev/null) or not; empty when systemd's folder is absent. */
    timersMasked: readonly (readonly [string, boolean])[]
    lastRefresh: { source: string; mtimeMs: number } | null
  }
  dnf: null | {
    conf: Read<DnfAutomatic>
    /** The enabled dnf-automatic timer unit's name, or null when none is enabled. */
    timer: string | null
    lastRefresh: { source: string; mtimeMs: number } | null
  }
  /** GNOME Software's download-updates; null when there is no session or no gsettings to ask. */
  gnomeDownload: boolean | null
}

const on = (value: string | undefined): boolean => value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'

function aptParts(apt: NonNullable<LinuxFacts['apt']>): Part[] {
  if (!apt.dump.ok)
    return [
      {
        status: 'unknown',
        summary: t('aptUnreadable', { reason: apt.dump.reason }),
        evidence: [{ label: t('labelAptSetting'), source: apt.command, observed: apt.dump.reason }],
      },
    ]
  const { values, lists } = apt.dump.value
  const evidence: Evidence[] = []
  const setting = (key: string): string | undefined => {
    const value = values.get(key)
    evidence.push({ label: t('labelAptSetting'), source: `${apt.command}: ${key}`, observed: value ?? t('notSet') })
    return value
  }
  const lists_ = setting('APT::Periodic::Update-Package-Lists')
  const unattended = setting('APT::Periodic::Unattended-Upgrade')
  const origins = [...(lists.get('Unattended-Upgrade::Origins-Pattern') ?? []), ...(lists.get('Unattended-Upgrade::Allowed-Origins') ?? [])]
  const security = origins.filter((o) => /security/i.test(o))
  evidence.push({
    label: t('labelPackage'),
    source: '/usr/bin/unattended-upgrade',
    observed: apt.programInstalled ? t('installed') : t('notInstalled'),
  })
  evidence.push({
    label: t('labelOrigins'),
    source: `${apt.command}: Unattended-Upgrade::Origins-Pattern`,
    observed: security.length > 0 ? security.slice(0, 3).join('; ') : t('noSecurityOrigin'),
  })
  for (const [unit, masked] of apt.timersMasked)
    evidence.push({ label: t('labelTimer'), source: `/etc/systemd/system/${unit}`, observed: masked ? t('masked') : t('notMasked') })
  if (!on(lists_) || !on(unattended) || !apt.programInstalled) return [{ status: 'fail', summary: t('aptOff'), evidence }]
  if (apt.timersMasked.some(([, masked]) => masked)) return [{ status: 'fail', summary: t('aptMasked'), evidence }]
  if (security.length === 0) return [{ status: 'fail', summary: t('aptNoSecurity'), evidence }]
  return [{ status: 'pass', evidence }]
}

function dnfParts(dnf: NonNullable<LinuxFacts['dnf']>): Part[] {
  const file = '/etc/dnf/automatic.conf'
  const timer: Evidence = {
    label: t('labelTimer'),
    source: '/etc/systemd/system/timers.target.wants',
    observed: dnf.timer ?? t('notEnabled'),
  }
  if (!dnf.conf.ok) {
    if (dnf.conf.code === 'not_found')
      return [
        {
          status: 'fail',
          summary: t('dnfOff'),
          evidence: [{ label: t('labelDnfSetting'), source: file, observed: dnf.conf.reason }, timer],
        },
      ]
    return [
      {
        status: 'unknown',
        summary: t('dnfUnreadable', { file, code: dnf.conf.reason }),
        evidence: [{ label: t('labelDnfSetting'), source: file, observed: dnf.conf.reason }],
      },
    ]
  }
  const { applyUpdates, upgradeType } = dnf.conf.value
  const evidence: Evidence[] = [
    { label: t('labelDnfSetting'), source: `${file}: apply_updates`, observed: applyUpdates ?? t('notSet') },
    { label: t('labelDnfSetting'), source: `${file}: upgrade_type`, observed: upgradeType ?? t('notSet') },
    timer,
  ]
  // dnf-automatic-install.timer applies updates whatever apply_updates says (dnf-automatic(8)).
  const applies = dnf.timer !== null && (/install/.test(dnf.timer) || ['yes', 'true', '1', 'on'].includes(applyUpdates ?? ''))
  return [{ status: applies ? 'pass' : 'fail', ...(applies ? {} : { summary: t('dnfOff') }), evidence }]
}

function freshnessPart(last: { source: string; mtimeMs: number } | null, nowMs: number): Part[] {
  if (!last) return []
  const age = Math.max(0, days(last.mtimeMs, nowMs))
  const evidence = [{ label: t('labelLastRefresh'), source: last.source, observed: t('daysAgo', { days: String(age) }) }]
  return [
    age > STALE_LIST_DAYS
      ? { status: 'warn', summary: t('stale', { days: String(age) }), evidence, steps: [refreshStep] }
      : { status: 'info', evidence },
  ]
}

export function linuxOutcome(f: LinuxFacts): Outcome {
  const parts: Part[] = []
  if (f.osRelease.ok) {
    const r = f.osRelease.value
    const name = r.prettyName || r.id
    const shown = r.codename && !name.includes(r.codename) ? `${name} · ${r.codename}` : name
    parts.push(
      eolPart(releaseEol(r.id, r.versionId, shown || r.versionId, r.supportEnd), shown || r.versionId, '/etc/os-release', f.nowMs, [
        linuxUpgrade,
      ]),
    )
  } else {
    const file = '/etc/os-release'
    parts.push({
      status: 'unknown',
      summary: t('releaseUnreadable', { file, code: f.osRelease.reason }),
      evidence: [{ label: t('labelRelease'), source: file, observed: f.osRelease.reason }],
    })
  }
  const managerParts = [...(f.apt ? aptParts(f.apt) : []), ...(f.dnf ? dnfParts(f.dnf) : [])]
  // Either manager installing updates by itself is enough; only when none does is the worst of them the verdict.
  const auto = managerParts.find((p) => p.status === 'pass')
  const gnome: Evidence = {
    label: t('labelGnome'),
    source: 'gsettings get org.gnome.software download-updates',
    observed: f.gnomeDownload === null ? t('noSession') : f.gnomeDownload,
  }
  if (managerParts.length === 0) parts.push({ status: 'unknown', summary: t('noManager'), evidence: [gnome] })
  else if (auto) parts.push(...managerParts.map((p) => ({ ...p, status: p === auto ? p.status : ('info' as const) })))
  else if (f.gnomeDownload === true)
    parts.push(...managerParts.map((p) => ({ ...p, status: 'info' as const })), {
      status: 'warn',
      summary: t('onlyDownload'),
      evidence: [gnome],
    })
  else parts.push(...managerParts, { status: 'info', evidence: [gnome] })
  parts.push(...freshnessPart(f.apt?.lastRefresh ?? f.dnf?.lastRefresh ?? null, f.nowMs))
  return combine(parts, t('linuxAuto'))
}

// ---- macOS ----

export interface DarwinFacts {
  nowMs: number
  /** Settings as read, the managed (profile) value winning; null when neither could be read. */
  settings: Read<ReadonlyMap<string, { value: boolean; source: string }>>
  productVersion: string | null
}

const MAC_KEYS: readonly { key: string; off: Msg; status: 'fail' | 'warn'; defaultOn: boolean }[] = [
  { key: 'AutomaticCheckEnabled', off: t('macCheckOff'), status: 'fail', defaultOn: true },
  { key: 'CriticalUpdateInstall', off: t('macCriticalOff'), status: 'fail', defaultOn: true },
  { key: 'ConfigDataInstall', off: t('macCriticalOff'), status: 'fail', defaultOn: true },
  { key: 'AutomaticDownload', off: t('macDownloadOff'), status: 'warn', defaultOn: true },
  // Whether macOS updates install themselves when the key is absent depends on what was chosen at setup: not judged.
  { key: 'AutomaticallyInstallMacOSUpdates', off: t('macInstallOff'), status: 'warn', defaultOn: false },
]

export function darwinOutcome(f: DarwinFacts): Outcome {
  const parts: Part[] = []
  const plist = '/Library/Preferences/com.apple.SoftwareUpdate'
  if (!f.settings.ok) {
    parts.push({
      status: 'unknown',
      summary: t('macUnreadable', { reason: f.settings.reason }),
      evidence: [{ label: t('labelMacSetting'), source: plist, observed: f.settings.reason }],
    })
  } else {
    for (const k of MAC_KEYS) {
      const seen = f.settings.value.get(k.key)
      if (!seen) {
        parts.push({
          status: k.defaultOn ? 'pass' : 'info',
          evidence: [
            { label: t('labelMacSetting'), source: `${plist}: ${k.key}`, observed: k.defaultOn ? t('notSetDefaultOn') : t('notSet') },
          ],
        })
        continue
      }
      const evidence = [{ label: t('labelMacSetting'), source: `${seen.source}: ${k.key}`, observed: seen.value }]
      parts.push(seen.value ? { status: 'pass', evidence } : { status: k.status, summary: k.off, evidence })
    }
  }
  if (f.productVersion) {
    const major = /^(\d{1,3})/.exec(f.productVersion)?.[1] ?? ''
    parts.push(eolPart(findEol('macos', major), f.productVersion, 'sw_vers -productVersion', f.nowMs, [macUpgrade]))
  }
  return combine(parts, t('macAuto'))
}

// ---- Windows ----

export interface WindowsFacts {
  nowMs: number
  /** HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU: absent values are null. */
  policy: Read<{ noAutoUpdate: number | null; auOptions: number | null }>
  /** The latest of the UX\Settings pause expiry times, as printed; null when none is set. */
  pausedUntil: { key: string; value: string } | null
  build: Read<{ currentBuild: string; displayVersion: string; productName: string }>
  hotfix: Read<Hotfix | null>
}

export const WU_POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU'
export const WU_UX_KEY = 'HKLM\\SOFTWARE\\Microsoft\\WindowsUpdate\\UX\\Settings'
export const NT_VERSION_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'

export function windowsOutcome(f: WindowsFacts): Outcome {
  const parts: Part[] = []
  if (!f.policy.ok) {
    parts.push({
      status: 'unknown',
      summary: t('winUnreadable', { key: WU_POLICY_KEY, reason: f.policy.reason }),
      evidence: [{ label: t('labelPolicy'), source: WU_POLICY_KEY, observed: f.policy.reason }],
    })
  } else {
    const { noAutoUpdate, auOptions } = f.policy.value
    const evidence: Evidence[] = [
      { label: t('labelPolicy'), source: `${WU_POLICY_KEY}\\NoAutoUpdate`, observed: noAutoUpdate ?? t('notSet') },
      { label: t('labelPolicy'), source: `${WU_POLICY_KEY}\\AUOptions`, observed: auOptions ?? t('notSet') },
    ]
    // AUOptions (Microsoft's "Configure Automatic Updates"): 2 notify, 3 download and notify, 4 install on a schedule,
    // 5 let the local administrator choose, 7 download and notify to restart.
    if (noAutoUpdate === 1) parts.push({ status: 'fail', summary: t('winDisabled'), evidence })
    else if (auOptions === 2 || auOptions === 3)
      parts.push({ status: 'warn', summary: t('winNotifyOnly', { option: String(auOptions) }), evidence })
    else parts.push({ status: 'pass', evidence })
  }
  if (f.pausedUntil) {
    const until = Date.parse(f.pausedUntil.value)
    const evidence = [{ label: t('labelPause'), source: `${WU_UX_KEY}\\${f.pausedUntil.key}`, observed: f.pausedUntil.value }]
    parts.push(
      Number.isFinite(until) && until > f.nowMs
        ? { status: 'warn', summary: t('winPaused', { date: f.pausedUntil.value.slice(0, 10) }), evidence }
        : { status: 'info', evidence },
    )
  }
  if (f.build.ok) {
    const { currentBuild, displayVersion, productName } = f.build.value
    const shown = `${productName} ${displayVersion} (${currentBuild})`.trim()
    const build = Number(currentBuild)
    const listed = findEol('windows', currentBuild)
    // Builds older than the oldest listed release are long past support (Windows 10 before 22H2, Windows 8.1, 7).
    const entry =
      listed ??
      (Number.isInteger(build) && build > 0 && build < OLDEST_LISTED_WINDOWS_BUILD
        ? {
            os: 'windows',
            release: currentBuild,
            name: shown,
            eol: '2025-10-14',
            source: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-10-home-and-pro',
          }
        : undefined)
    parts.push(eolPart(entry, shown, `${NT_VERSION_KEY}\\CurrentBuild`, f.nowMs, [winUpgrade]))
  } else {
    parts.push({
      status: 'unknown',
      summary: t('winUnreadable', { key: NT_VERSION_KEY, reason: f.build.reason }),
      evidence: [{ label: t('labelBuild'), source: NT_VERSION_KEY, observed: f.build.reason }],
    })
  }
  const hotfixSource = 'Get-HotFix'
  if (f.hotfix.ok && f.hotfix.value) {
    const { id, installedOn } = f.hotfix.value
    const age = days(Date.parse(`${installedOn}T00:00:00Z`), f.nowMs)
    const evidence = [{ label: t('labelHotfix'), source: hotfixSource, observed: `${id} · ${installedOn}` }]
    parts.push(
      age > STALE_HOTFIX_DAYS
        ? { status: 'warn', summary: t('winOld', { id, date: installedOn, days: String(age) }), evidence }
        : { status: 'info', evidence },
    )
  } else {
    parts.push({
      status: 'info',
      evidence: [{ label: t('labelHotfix'), source: hotfixSource, observed: f.hotfix.ok ? t('notSet') : f.hotfix.reason }],
    })
  }
  return combine(parts, t('winAuto'))
}
