import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { osTelemetryCheck } from '../../../../checks/catalogue/os/telemetry.check.js'
import { WIN_KEYS } from '../../../../checks/catalogue/os/telemetry.verdict.js'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import type { Platform } from '../../../../checks/core/types.js'
import { expectOutcome, type CheckCase } from '../tor/check-case.js'
import { createFixtureHost, type FixtureCommand } from '../../../support/fixture-host.js'

const fixture = (p: string): string => readFileSync(fileURLToPath(new URL(`../../../fixtures/os.telemetry/${p}`, import.meta.url)), 'utf8')

// ---- Linux
const UBUNTU = 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n'
const HOME = '/home/u'
const UR = `${HOME}/.cache/ubuntu-report/ubuntu.24.04`
const APPORT_ON = fixture('linux/apport-enabled')
const APPORT_OFF = fixture('linux/apport-upstream')
const WHOOPSIE_ON = fixture('linux/whoopsie-true')
const WHOOPSIE_OFF = fixture('linux/whoopsie-false')
const POPCON_YES = fixture('linux/popularity-contest-yes.conf')
const POPCON_NO = fixture('linux/popularity-contest-no.conf')
const ABRT_OFF = fixture('linux/abrt.conf')
const ABRT_ON = fixture('linux/abrt-autoreporting.conf')
const WHOOPSIE_UNIT = '/etc/systemd/system/multi-user.target.wants/whoopsie.service'
const ubuntuOff = {
  '/etc/os-release': UBUNTU,
  '/etc/default/apport': APPORT_OFF,
  '/etc/whoopsie': WHOOPSIE_OFF,
  '/etc/popularity-contest.conf': POPCON_NO,
  [UR]: fixture('linux/ubuntu-report-optout'),
}

// ---- Windows
const q = (key: string): string => `reg query ${key} /s`
const ABSENT: FixtureCommand = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.' }
const DENIED: FixtureCommand = { code: 1, stderr: 'ERROR: Access is denied.' }
const winAllOff: Record<string, FixtureCommand> = {
  [q(WIN_KEYS.diagPolicy)]: fixture('win32/reg-diag-policy-required.txt'),
  [q(WIN_KEYS.diagUser)]: fixture('win32/reg-diag-user-optional.txt'),
  [q(WIN_KEYS.adUser)]: fixture('win32/reg-adid-off.txt'),
  [q(WIN_KEYS.adPolicy)]: ABSENT,
  [q(WIN_KEYS.system)]: fixture('win32/reg-system-activity-off.txt'),
  [q(WIN_KEYS.privacy)]: fixture('win32/reg-privacy-tailored-off.txt'),
}

// ---- macOS
const ANALYTICS = 'defaults export /Library/Application Support/CrashReporter/DiagnosticMessagesHistory -'
const ADLIB = 'defaults export com.apple.AdLib -'
const MAC_ABSENT: FixtureCommand = { code: 1, stderr: 'Domain com.apple.AdLib does not exist' }

const cases: (CheckCase & { platform: Platform })[] = [
  {
    name: 'Ubuntu with every reporter off (popcon config written by its real postinst)',
    platform: 'linux',
    host: { home: HOME, files: ubuntuOff },
    status: 'pass',
    summary: 'allOff',
    evidence: [
      ['labelSetting', '/etc/default/apport: enabled', '0'],
      ['labelSetting', '/etc/whoopsie: report_crashes', 'false'],
      ['labelSetting', '/etc/popularity-contest.conf: PARTICIPATE', 'no'],
      ['labelAnswer', UR, 'declined'],
      ['labelService', WHOOPSIE_UNIT, 'not enabled at boot'],
    ],
  },
  {
    name: 'a system with none of the reporters',
    platform: 'linux',
    host: { home: HOME, files: { '/etc/os-release': 'ID=debian\nVERSION_ID="12"\n' } },
    status: 'pass',
    summary: 'linuxNone',
    evidence: [
      ['labelFile', '/etc/default/apport', 'not present'],
      ['labelFile', '/etc/default/whoopsie', 'not present'],
      ['labelFile', '/etc/popularity-contest.conf', 'not present'],
      ['labelFile', '/etc/abrt/abrt.conf', 'not present'],
    ],
  },
  {
    name: 'Apport on (Ubuntu’s enabled=1) and popcon participating',
    platform: 'linux',
    host: { home: HOME, files: { ...ubuntuOff, '/etc/default/apport': APPORT_ON, '/etc/popularity-contest.conf': POPCON_YES } },
    status: 'warn',
    summary: 'apportOn',
    evidence: [
      ['labelSetting', '/etc/default/apport: enabled', '1'],
      ['labelSetting', '/etc/popularity-contest.conf: PARTICIPATE', 'yes'],
    ],
    steps: ['stepApport', 'stepPopcon'],
  },
  {
    name: 'ubuntu-report sent this release’s report ($XDG_CACHE_HOME honoured)',
    platform: 'linux',
    host: {
      home: HOME,
      env: { XDG_CACHE_HOME: '/var/tmp/cache' },
      files: { ...ubuntuOff, '/var/tmp/cache/ubuntu-report/ubuntu.24.04': fixture('linux/ubuntu-report-sent') },
    },
    status: 'warn',
    summary: 'ubuntuReportSent',
    evidence: [['labelAnswer', '/var/tmp/cache/ubuntu-report/ubuntu.24.04', 'report sent']],
    steps: ['stepUbuntuReport'],
  },
  {
    name: 'whoopsie reporting crashes automatically (the older /etc/default/whoopsie), service enabled',
    platform: 'linux',
    host: {
      home: HOME,
      files: { ...ubuntuOff, '/etc/whoopsie': { error: 'not_found' }, '/etc/default/whoopsie': WHOOPSIE_ON, [WHOOPSIE_UNIT]: '' },
    },
    status: 'fail',
    summary: 'whoopsieOn',
    evidence: [
      ['labelSetting', '/etc/default/whoopsie: report_crashes', 'true'],
      ['labelService', WHOOPSIE_UNIT, 'enabled at boot'],
    ],
    steps: ['stepWhoopsie'],
  },
  {
    name: 'Fedora with ABRT auto-reporting on',
    platform: 'linux',
    host: { home: HOME, files: { '/etc/os-release': 'ID=fedora\nVERSION_ID=41\n', '/etc/abrt/abrt.conf': ABRT_ON } },
    status: 'fail',
    summary: 'abrtOn',
    evidence: [['labelSetting', '/etc/abrt/abrt.conf: AutoreportingEnabled', 'yes']],
    steps: ['stepAbrt'],
  },
  {
    name: 'Fedora with ABRT as shipped (AutoreportingEnabled = no)',
    platform: 'linux',
    host: { home: HOME, files: { '/etc/os-release': 'ID=fedora\nVERSION_ID=41\n', '/etc/abrt/abrt.conf': ABRT_OFF } },
    status: 'pass',
    summary: 'allOff',
    evidence: [['labelSetting', '/etc/abrt/abrt.conf: AutoreportingEnabled', 'no']],
  },
  {
    name: 'whoopsie file unreadable',
    platform: 'linux',
    host: { home: HOME, files: { ...ubuntuOff, '/etc/whoopsie': { error: 'permission_denied' } } },
    status: 'unknown',
    summary: 'unreadable',
    params: { source: '/etc/whoopsie' },
  },
  {
    name: 'Apport file without its enabled line: not guessed',
    platform: 'linux',
    host: { home: HOME, files: { ...ubuntuOff, '/etc/default/apport': 'maxsize=209715200\n' } },
    status: 'unknown',
    summary: 'malformed',
    evidence: [['labelSetting', '/etc/default/apport: enabled', 'not set']],
  },
  {
    name: 'a garbled ubuntu-report answer',
    platform: 'linux',
    host: { home: HOME, files: { ...ubuntuOff, [UR]: '{"OptOut": tru' } },
    status: 'unknown',
    summary: 'malformed',
  },
  {
    name: 'required diagnostic data by policy, everything else off',
    platform: 'win32',
    host: { commands: winAllOff },
    status: 'pass',
    summary: 'allOff',
    evidence: [
      ['labelPolicy', `${WIN_KEYS.diagPolicy}\\AllowTelemetry`, 1],
      ['labelSetting', `${WIN_KEYS.adUser}\\Enabled`, 0],
      ['labelPolicy', `${WIN_KEYS.system}\\PublishUserActivities`, 0],
      ['labelSetting', `${WIN_KEYS.privacy}\\TailoredExperiencesWithDiagnosticDataEnabled`, 0],
    ],
  },
  {
    name: 'optional diagnostic data chosen in Settings (no policy)',
    platform: 'win32',
    host: { commands: { ...winAllOff, [q(WIN_KEYS.diagPolicy)]: ABSENT } },
    status: 'fail',
    summary: 'diagOptional',
    evidence: [['labelSetting', `${WIN_KEYS.diagUser}\\AllowTelemetry`, 3]],
    steps: ['stepWinDiag'],
  },
  {
    name: 'advertising ID and tailored experiences on, activity history not turned off',
    platform: 'win32',
    host: {
      commands: {
        ...winAllOff,
        [q(WIN_KEYS.adUser)]: fixture('win32/reg-adid-on.txt'),
        [q(WIN_KEYS.system)]: ABSENT,
        [q(WIN_KEYS.privacy)]: fixture('win32/reg-privacy-tailored-on.txt'),
      },
    },
    status: 'warn',
    summary: 'adIdOn',
    evidence: [
      ['labelSetting', `${WIN_KEYS.adUser}\\Enabled`, 1],
      ['labelPolicy', `${WIN_KEYS.system}\\PublishUserActivities`, 'not set'],
    ],
    steps: ['stepWinAdId', 'stepWinActivity', 'stepWinTailored'],
  },
  {
    name: 'advertising ID turned off by policy wins over the user’s setting',
    platform: 'win32',
    host: {
      commands: {
        ...winAllOff,
        [q(WIN_KEYS.adUser)]: fixture('win32/reg-adid-on.txt'),
        [q(WIN_KEYS.adPolicy)]:
          '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\AdvertisingInfo\r\n    DisabledByGroupPolicy    REG_DWORD    0x1\r\n',
      },
    },
    status: 'pass',
    summary: 'allOff',
    evidence: [['labelPolicy', `${WIN_KEYS.adPolicy}\\DisabledByGroupPolicy`, 1]],
  },
  {
    name: 'a REG_QWORD AllowTelemetry 0 under the policy key is not a policy: the optional level chosen in Settings decides',
    platform: 'win32',
    host: {
      commands: {
        ...winAllOff,
        [q(WIN_KEYS.diagPolicy)]: fixture('win32/reg-diag-policy-required.txt').replace('REG_DWORD    0x1', 'REG_QWORD    0x0'),
      },
    },
    status: 'fail',
    summary: 'diagOptional',
    evidence: [['labelSetting', `${WIN_KEYS.diagUser}\\AllowTelemetry`, 3]],
  },
  {
    name: 'AllowTelemetry as REG_SZ (10se1ucgo/DisableWinTracking#66) with no policy reads as not set: unknown',
    platform: 'win32',
    host: {
      commands: {
        ...winAllOff,
        [q(WIN_KEYS.diagPolicy)]: ABSENT,
        [q(WIN_KEYS.diagUser)]: fixture('win32/reg-diag-user-optional.txt').replace(
          'AllowTelemetry    REG_DWORD    0x3',
          'AllowTelemetry    REG_SZ    0',
        ),
      },
    },
    status: 'unknown',
    summary: 'diagUnset',
  },
  {
    name: 'no diagnostic data setting anywhere',
    platform: 'win32',
    host: { commands: { ...winAllOff, [q(WIN_KEYS.diagPolicy)]: ABSENT, [q(WIN_KEYS.diagUser)]: ABSENT } },
    status: 'unknown',
    summary: 'diagUnset',
  },
  {
    name: 'policy key unreadable',
    platform: 'win32',
    host: { commands: { ...winAllOff, [q(WIN_KEYS.diagPolicy)]: DENIED } },
    status: 'unknown',
    summary: 'unreadable',
  },
  {
    name: 'analytics and personalised ads off',
    platform: 'darwin',
    host: { commands: { [ANALYTICS]: fixture('darwin/analytics-off.xml'), [ADLIB]: fixture('darwin/adlib-off.xml') } },
    status: 'pass',
    summary: 'allOff',
    evidence: [
      ['labelSetting', `${ANALYTICS}: AutoSubmit`, false],
      ['labelSetting', `${ANALYTICS}: ThirdPartyDataSubmit`, false],
      ['labelSetting', `${ADLIB}: allowApplePersonalizedAdvertising`, false],
    ],
  },
  {
    name: 'Mac analytics shared with Apple, ads never set',
    platform: 'darwin',
    host: { commands: { [ANALYTICS]: fixture('darwin/analytics-apple.xml'), [ADLIB]: MAC_ABSENT } },
    status: 'warn',
    summary: 'macApple',
    evidence: [['labelSetting', `${ADLIB}: allowApplePersonalizedAdvertising`, 'not set']],
    steps: ['stepMacAnalytics'],
  },
  {
    name: 'Mac analytics 1 and app developers 0 as integers, the values a real Mac printed (SOURCE.md)',
    platform: 'darwin',
    host: { commands: { [ANALYTICS]: fixture('darwin/analytics-apple-integers.xml'), [ADLIB]: fixture('darwin/adlib-off.xml') } },
    status: 'warn',
    summary: 'macApple',
    evidence: [
      ['labelSetting', `${ANALYTICS}: AutoSubmit`, true],
      ['labelSetting', `${ANALYTICS}: ThirdPartyDataSubmit`, false],
    ],
  },
  {
    name: 'shared with app developers and personalised ads on',
    platform: 'darwin',
    host: { commands: { [ANALYTICS]: fixture('darwin/analytics-all.xml'), [ADLIB]: fixture('darwin/adlib-on.xml') } },
    status: 'fail',
    summary: 'macDevelopers',
    evidence: [['labelSetting', `${ANALYTICS}: ThirdPartyDataSubmit`, true]],
    steps: ['stepMacAnalytics', 'stepMacAds'],
  },
  {
    name: 'no analytics file',
    platform: 'darwin',
    host: { commands: { [ANALYTICS]: { code: 1, stderr: 'Domain does not exist' }, [ADLIB]: fixture('darwin/adlib-off.xml') } },
    status: 'unknown',
    summary: 'macNoAnalytics',
  },
  {
    name: 'defaults prints garbage',
    platform: 'darwin',
    host: { commands: { [ANALYTICS]: '<plist><dict><key>AutoSubmit', [ADLIB]: fixture('darwin/adlib-off.xml') } },
    status: 'unknown',
    summary: 'malformed',
  },
]

describe('os.telemetry', () => {
  it.each(cases)('$platform: $name', async (c) => {
    const r = await runCheck(osTelemetryCheck, createFixtureHost({ platform: c.platform, ...c.host }))
    expectOutcome(r, c)
  })

  it('never runs a shell or a write: only reg query and defaults export', async () => {
    const host = createFixtureHost({ platform: 'win32', commands: winAllOff })
    await runCheck(osTelemetryCheck, host)
    expect(host.calls.every((c) => c.startsWith('reg query ') || c.startsWith('read ') || c.startsWith('stat '))).toBe(true)
  })
})
