import type { Evidence, Msg, Outcome, Status, Step } from '../../core/types.js'
import { verbatim } from '../../core/i18n/message.js'
import { mostSevere } from '../../core/report/model.js'
import { truthy } from './telemetry.parse.js'
import { t } from './telemetry.messages.js'

/** A file or registry key as read: absent (not installed, not configured), its values, or why it could not be read. */
export type Reading<T> =
  | { source: string; state: 'absent' }
  | { source: string; state: 'ok'; value: T }
  | { source: string; state: 'unreadable'; reason: Msg }
  | { source: string; state: 'malformed'; reason: string }

export interface LinuxFacts {
  apport: Reading<Map<string, string>>
  /** /etc/whoopsie, or /etc/default/whoopsie where the older package keeps it. */
  whoopsie: Reading<Map<string, string>>
  /** Whether whoopsie.service is enabled at boot (a link in multi-user.target.wants). */
  whoopsieService: { source: string; enabled: boolean }
  popcon: Reading<Map<string, string>>
  abrt: Reading<Map<string, string>>
  /** ubuntu-report's saved answer for this release; null when there is no such release to look for. */
  ubuntuReport: Reading<'opted-out' | 'sent'> | null
}

export const WIN_KEYS = {
  diagPolicy: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\DataCollection',
  diagUser: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\DataCollection',
  adUser: 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\AdvertisingInfo',
  adPolicy: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\AdvertisingInfo',
  system: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\System',
  privacy: 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Privacy',
} as const

/** Each key's DWORD values by name (a value of another type is left out). */
export type WindowsFacts = Record<keyof typeof WIN_KEYS, Reading<Map<string, number>>>

export const MAC_ANALYTICS = '/Library/Application Support/CrashReporter/DiagnosticMessagesHistory'
export const MAC_ADLIB = 'com.apple.AdLib'

export interface DarwinFacts {
  analytics: Reading<Map<string, boolean>>
  ads: Reading<Map<string, boolean>>
}

const stepWhoopsie: Step = {
  text: t('stepWhoopsie'),
  command: {
    shell: 'sh',
    line: 'for f in /etc/whoopsie /etc/default/whoopsie; do [ -f "$f" ] && sudo sed -i \'s/^report_crashes=.*/report_crashes=false/\' "$f"; done; sudo systemctl disable --now whoopsie',
  },
  requiresAdmin: true,
  link: 'https://wiki.ubuntu.com/ErrorTracker',
}
const stepApport: Step = {
  text: t('stepApport'),
  command: { shell: 'sh', line: "sudo sed -i 's/^enabled=.*/enabled=0/' /etc/default/apport && sudo systemctl disable --now apport" },
  requiresAdmin: true,
  link: 'https://wiki.ubuntu.com/Apport',
}
const stepPopcon: Step = {
  text: t('stepPopcon'),
  command: { shell: 'sh', line: 'sudo dpkg-reconfigure popularity-contest' },
  requiresAdmin: true,
  link: 'https://manpages.ubuntu.com/manpages/noble/man8/popularity-contest.8.html',
}
const stepAbrt: Step = {
  text: t('stepAbrt'),
  command: { shell: 'sh', line: 'sudo abrt-auto-reporting disabled' },
  requiresAdmin: true,
  link: 'https://github.com/abrt/abrt',
}
const stepUbuntuReport: Step = {
  text: t('stepUbuntuReport'),
  command: { shell: 'sh', line: 'ubuntu-report -f send no' },
  link: 'https://github.com/ubuntu/ubuntu-report',
}
const WIN_PRIVACY_DOC =
  'https://learn.microsoft.com/en-us/windows/privacy/manage-connections-from-windows-operating-system-components-to-microsoft-services'
const stepWinDiag: Step = {
  text: t('stepWinDiag'),
  link: 'https://learn.microsoft.com/en-us/windows/privacy/configure-windows-diagnostic-data-in-your-organization',
}
const stepWinAdId: Step = { text: t('stepWinAdId'), link: WIN_PRIVACY_DOC }
const stepWinActivity: Step = { text: t('stepWinActivity'), link: WIN_PRIVACY_DOC }
const stepWinTailored: Step = { text: t('stepWinTailored'), link: WIN_PRIVACY_DOC }
const stepMacAnalytics: Step = { text: t('stepMacAnalytics'), link: 'https://support.apple.com/guide/mac-help/mh27990/mac' }
const stepMacAds: Step = { text: t('stepMacAds') }

export const linux: Step[] = [stepWhoopsie, stepApport, stepPopcon, stepAbrt, stepUbuntuReport]
export const win32: Step[] = [stepWinDiag, stepWinAdId, stepWinActivity, stepWinTailored]
export const darwin: Step[] = [stepMacAnalytics, stepMacAds]

/** One setting and what it means on its own; the verdict is the worst of them. 'info' only adds evidence. */
interface Part {
  status: Exclude<Status, 'not_applicable' | 'error'> | 'info'
  summary?: Msg
  evidence: Evidence[]
  step?: Step
}
type Judged = Part & { status: Exclude<Part['status'], 'info'> }

function combine(parts: readonly Part[], passSummary: Msg): Outcome {
  const judged = parts.filter((p): p is Judged => p.status !== 'info')
  const evidence = parts.flatMap((p) => p.evidence)
  const [first, ...rest] = judged
  const worst = first && mostSevere(first, ...rest)
  if (!worst || worst.status === 'pass') return { status: 'pass', summary: passSummary, evidence }
  // The steps for what is on, worst first; none of its own for an unknown (the defaults say where to look).
  const steps = [...new Set(judged.filter((p) => p.status === 'fail' || p.status === 'warn').map((p) => p.step))].filter(
    (s): s is Step => s !== undefined,
  )
  return { status: worst.status, summary: worst.summary ?? passSummary, evidence, ...(steps.length ? { steps } : {}) }
}

/** A reading that could not be used: unknown, naming the file and why. */
function unusable(r: Reading<unknown>, label: Msg): Part | null {
  if (r.state === 'unreadable')
    return {
      status: 'unknown',
      summary: t('unreadable', { source: r.source, reason: r.reason }),
      evidence: [{ label, source: r.source, observed: r.reason }],
    }
  if (r.state === 'malformed')
    return {
      status: 'unknown',
      summary: t('malformed', { source: r.source }),
      evidence: [{ label, source: r.source, observed: verbatim(r.reason) }],
    }
  return null
}

/** One key of a config file: `on` when its value is true, pass when false, `unset` when the key is missing. */
function fileSetting(
  r: Reading<Map<string, string>>,
  key: string,
  on: { status: 'warn' | 'fail'; summary: Msg; step: Step },
  unset: 'off' | 'unknown',
): Part[] {
  const bad = unusable(r, t('labelSetting'))
  if (bad) return [bad]
  // Not installed: said so, so a pass for "no reporter here" shows what was looked for.
  if (r.state !== 'ok') return [{ status: 'info', evidence: [{ label: t('labelFile'), source: r.source, observed: t('fileAbsent') }] }]
  const raw = r.value.get(key)
  const value = raw === undefined && unset === 'off' ? false : truthy(raw)
  const evidence: Evidence[] = [{ label: t('labelSetting'), source: `${r.source}: ${key}`, observed: raw ?? t('notSet') }]
  // A value that is no yes/no word, or a key whose default Bulwark cannot vouch for, is not guessed.
  if (value === null) return [{ status: 'unknown', summary: t('malformed', { source: r.source }), evidence }]
  return [value ? { ...on, evidence } : { status: 'pass', evidence }]
}

/** Pure: the verdict for the Linux reporters. */
export function linuxOutcome(f: LinuxFacts): Outcome {
  const parts: Part[] = [
    // Upstream's file says enabled=0; Ubuntu's package turns it on with enabled=1. A file without the key is not guessed.
    ...fileSetting(f.apport, 'enabled', { status: 'warn', summary: t('apportOn'), step: stepApport }, 'unknown'),
    // whoopsie reads report_crashes from its [General] section.
    ...fileSetting(f.whoopsie, 'report_crashes', { status: 'fail', summary: t('whoopsieOn'), step: stepWhoopsie }, 'unknown'),
    ...fileSetting(f.popcon, 'PARTICIPATE', { status: 'warn', summary: t('popconOn'), step: stepPopcon }, 'off'),
    // abrt.conf: AutoreportingEnabled defaults to no (abrt.conf(5)); popcon sends only on PARTICIPATE="yes".
    ...fileSetting(f.abrt, 'AutoreportingEnabled', { status: 'fail', summary: t('abrtOn'), step: stepAbrt }, 'off'),
  ]
  if (f.whoopsie.state === 'ok')
    parts.push({
      status: 'info',
      evidence: [
        {
          label: t('labelService'),
          source: f.whoopsieService.source,
          observed: f.whoopsieService.enabled ? t('serviceEnabled') : t('serviceNotEnabled'),
        },
      ],
    })
  const ur = f.ubuntuReport
  if (ur) {
    const bad = unusable(ur, t('labelAnswer'))
    if (bad) parts.push(bad)
    else if (ur.state === 'ok') {
      const evidence = [
        { label: t('labelAnswer'), source: ur.source, observed: ur.value === 'sent' ? t('answerSent') : t('answerOptedOut') },
      ]
      parts.push(
        ur.value === 'sent'
          ? { status: 'warn', summary: t('ubuntuReportSent'), evidence, step: stepUbuntuReport }
          : { status: 'pass', evidence },
      )
    }
  }
  const found = parts.some((p) => p.status !== 'info')
  return combine(parts, found ? t('allOff') : t('linuxNone'))
}

function dword(r: Reading<Map<string, number>>, name: string): number | null {
  return r.state === 'ok' ? (r.value.get(name) ?? null) : null
}

function regEvidence(r: Reading<Map<string, number>>, name: string, label: Msg): Evidence {
  const value = dword(r, name)
  return { label, source: `${r.source}\\${name}`, observed: value ?? t('notSet') }
}

/** Pure: the verdict for Windows' diagnostic data, advertising ID, activity history and tailored experiences. */
export function windowsOutcome(f: WindowsFacts): Outcome {
  const parts: Part[] = []
  for (const key of ['diagPolicy', 'diagUser', 'adUser', 'adPolicy', 'system', 'privacy'] as const) {
    const bad = unusable(f[key], t('labelSetting'))
    if (bad) parts.push(bad)
  }

  // A policy's level wins over the one chosen in Settings; 0 and 1 are "required only" (0 is off on Enterprise).
  const policyLevel = dword(f.diagPolicy, 'AllowTelemetry')
  // An unreadable policy key may hold a level that overrides the user's: then no level is judged at all.
  const level = f.diagPolicy.state === 'unreadable' ? null : (policyLevel ?? dword(f.diagUser, 'AllowTelemetry'))
  const diagEvidence =
    policyLevel !== null
      ? [regEvidence(f.diagPolicy, 'AllowTelemetry', t('labelPolicy'))]
      : [regEvidence(f.diagUser, 'AllowTelemetry', t('labelSetting'))]
  if (level === null) {
    if (f.diagPolicy.state !== 'unreadable' && f.diagUser.state !== 'unreadable')
      parts.push({ status: 'unknown', summary: t('diagUnset'), evidence: diagEvidence })
  } else if (level >= 2) parts.push({ status: 'fail', summary: t('diagOptional'), evidence: diagEvidence, step: stepWinDiag })
  else parts.push({ status: 'pass', evidence: diagEvidence })

  const adPolicy = dword(f.adPolicy, 'DisabledByGroupPolicy')
  const adUser = dword(f.adUser, 'Enabled')
  if (adPolicy === 1) parts.push({ status: 'pass', evidence: [regEvidence(f.adPolicy, 'DisabledByGroupPolicy', t('labelPolicy'))] })
  else {
    const evidence = [regEvidence(f.adUser, 'Enabled', t('labelSetting'))]
    // No value: Windows never set an advertising ID for this user, nothing to judge.
    parts.push(
      adUser === null
        ? { status: 'info', evidence }
        : adUser === 0
          ? { status: 'pass', evidence }
          : { status: 'warn', summary: t('adIdOn'), evidence, step: stepWinAdId },
    )
  }

  // Windows stores activity history by default; only a policy of 0 turns publishing (and so uploading) off.
  const publish = dword(f.system, 'PublishUserActivities')
  const activityEvidence = [
    regEvidence(f.system, 'PublishUserActivities', t('labelPolicy')),
    regEvidence(f.system, 'UploadUserActivities', t('labelPolicy')),
  ]
  if (f.system.state !== 'unreadable')
    parts.push(
      publish === 0
        ? { status: 'pass', evidence: activityEvidence }
        : { status: 'warn', summary: t('activityOn'), evidence: activityEvidence, step: stepWinActivity },
    )

  const tailored = dword(f.privacy, 'TailoredExperiencesWithDiagnosticDataEnabled')
  const tailoredEvidence = [regEvidence(f.privacy, 'TailoredExperiencesWithDiagnosticDataEnabled', t('labelSetting'))]
  parts.push(
    tailored === null
      ? { status: 'info', evidence: tailoredEvidence }
      : tailored === 0
        ? { status: 'pass', evidence: tailoredEvidence }
        : { status: 'warn', summary: t('tailoredOn'), evidence: tailoredEvidence, step: stepWinTailored },
  )
  return combine(parts, t('allOff'))
}

function plistEvidence(r: Reading<Map<string, boolean>>, key: string): { value: boolean | null; evidence: Evidence[] } {
  const value = r.state === 'ok' ? (r.value.get(key) ?? null) : null
  return { value, evidence: [{ label: t('labelSetting'), source: `${r.source}: ${key}`, observed: value ?? t('notSet') }] }
}

/** Pure: the verdict for macOS analytics sharing and personalised ads. */
export function darwinOutcome(f: DarwinFacts): Outcome {
  const parts: Part[] = []
  const badAnalytics = unusable(f.analytics, t('labelSetting'))
  if (badAnalytics) parts.push(badAnalytics)
  else if (f.analytics.state === 'absent')
    parts.push({
      status: 'unknown',
      summary: t('macNoAnalytics'),
      evidence: [{ label: t('labelSetting'), source: f.analytics.source, observed: t('notSet') }],
    })
  else {
    // The Setup Assistant writes both keys; a missing one is "not shared", as the Settings pane shows it.
    const apple = plistEvidence(f.analytics, 'AutoSubmit')
    const developers = plistEvidence(f.analytics, 'ThirdPartyDataSubmit')
    parts.push(
      apple.value
        ? { status: 'warn', summary: t('macApple'), evidence: apple.evidence, step: stepMacAnalytics }
        : { status: 'pass', evidence: apple.evidence },
    )
    parts.push(
      developers.value
        ? { status: 'fail', summary: t('macDevelopers'), evidence: developers.evidence, step: stepMacAnalytics }
        : { status: 'pass', evidence: developers.evidence },
    )
  }
  const badAds = unusable(f.ads, t('labelSetting'))
  if (badAds) parts.push(badAds)
  else {
    const ads = plistEvidence(f.ads, 'allowApplePersonalizedAdvertising')
    // Not set: this user never changed it, and Bulwark does not guess the default of their region.
    parts.push(
      ads.value === null
        ? { status: 'info', evidence: ads.evidence }
        : ads.value
          ? { status: 'warn', summary: t('macAds'), evidence: ads.evidence, step: stepMacAds }
          : { status: 'pass', evidence: ads.evidence },
    )
  }
  return combine(parts, t('allOff'))
}
