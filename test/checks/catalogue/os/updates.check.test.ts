import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, it, vi } from 'vitest'
import { osUpdatesCheck } from '../../../../checks/catalogue/os/updates.check.js'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import type { Platform } from '../../../../checks/core/types.js'
import { expectOutcome, type CheckCase } from '../tor/check-case.js'
import { createFixtureHost } from '../../../support/fixture-host.js'

const fixture = (p: string): string => readFileSync(fileURLToPath(new URL(`../../../fixtures/os.updates/${p}`, import.meta.url)), 'utf8')
const DUMP_ON = fixture('linux/apt-config-dump-on.txt')
const DUMP_OFF = fixture('linux/apt-config-dump-off.txt')
const DEBIAN12 = fixture('linux/os-release-debian12.txt')
const DEBIAN13 = fixture('linux/os-release-debian13.txt')
const UBUNTU2510 = fixture('linux/os-release-ubuntu2510.txt')
const FEDORA39 = fixture('linux/os-release-fedora39.txt')
const FEDORA40 = fixture('linux/os-release-fedora40.txt')
const UBUNTU2004 = 'PRETTY_NAME="Ubuntu 20.04.6 LTS"\nID=ubuntu\nVERSION_ID="20.04"\nVERSION_CODENAME=focal\n'
// Fedora 44's fields as its /etc/os-release writes them (SUPPORT_END as in Fedora's own file, see SOURCE.md).
const FEDORA44 =
  'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=44\nPRETTY_NAME="Fedora Linux 44 (Workstation Edition)"\nSUPPORT_END=2027-05-19\n'
const FEDORA43 = FEDORA44.replace(/44/g, '43').replace('2027-05-19', '2026-12-02')
const UU = '/usr/bin/unattended-upgrade'
const DNF_ON = {
  '/usr/bin/dnf': '',
  '/etc/dnf/automatic.conf': '[commands]\napply_updates = yes\n',
  '/etc/systemd/system/timers.target.wants/dnf-automatic-install.timer': '',
}
const SYSTEMD = '/etc/systemd/system/apt-daily.timer'

const MAC_PREFS = 'defaults export /Library/Preferences/com.apple.SoftwareUpdate -'
const MAC_MANAGED = 'defaults export /Library/Managed Preferences/com.apple.SoftwareUpdate -'
const MAC_ABSENT = { code: 1, stderr: 'Domain /Library/Managed Preferences/com.apple.SoftwareUpdate does not exist' }

const REG_AU = 'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU /s'
const REG_UX = 'reg query HKLM\\SOFTWARE\\Microsoft\\WindowsUpdate\\UX\\Settings /s'
const REG_NT = 'reg query HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion /s'
const ABSENT = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.' }
const hotfix = (date: string): string => `{"HotFixID":"KB5046617","InstalledOn":"${date}"}`
const HOTFIX = (stdout: string): Record<string, string> => ({
  [`powershell -NoProfile -NonInteractive -Command Get-HotFix | Where-Object InstalledOn | Sort-Object InstalledOn -Descending | Select-Object -First 1 HotFixID,@{n='InstalledOn';e={$_.InstalledOn.ToString('yyyy-MM-dd')}} | ConvertTo-Json -Compress`]:
    stdout,
})

const cases: (CheckCase & { platform: Platform })[] = [
  {
    name: 'Debian 13 with unattended-upgrades on (real apt-config dump)',
    platform: 'linux',
    host: { files: { '/etc/os-release': DEBIAN13, [UU]: '', [SYSTEMD]: '' }, commands: { 'apt-config dump': DUMP_ON } },
    status: 'pass',
    summary: 'linuxAuto',
    evidence: [
      ['labelAptSetting', 'apt-config dump: APT::Periodic::Unattended-Upgrade', '1'],
      ['labelSupportEnds', 'https://salsa.debian.org/debian/distro-info-data (distro-info-data 0.58+deb12u7)', '2030-06-30'],
    ],
  },
  {
    name: 'Debian 13 with Unattended-Upgrade "0"',
    platform: 'linux',
    host: { files: { '/etc/os-release': DEBIAN13, [UU]: '' }, commands: { 'apt-config dump': DUMP_OFF } },
    status: 'fail',
    summary: 'aptOff',
    evidence: [['labelAptSetting', 'apt-config dump: APT::Periodic::Unattended-Upgrade', '0']],
    steps: ['stepApt', 'stepDnf', 'stepRefresh', 'stepUpgradeRelease'],
  },
  {
    name: 'the setting on but the package missing',
    platform: 'linux',
    host: { files: { '/etc/os-release': DEBIAN13 }, commands: { 'apt-config dump': DUMP_ON } },
    status: 'fail',
    summary: 'aptOff',
    evidence: [['labelPackage', UU, 'not installed']],
  },
  {
    name: 'an apt-daily-upgrade.timer that cannot be read is not taken as masked',
    platform: 'linux',
    host: {
      files: { '/etc/os-release': DEBIAN13, [UU]: '', '/etc/systemd/system/apt-daily-upgrade.timer': { error: 'not_a_file' } },
      commands: { 'apt-config dump': DUMP_ON },
    },
    status: 'pass',
    summary: 'linuxAuto',
    evidence: [['labelTimer', '/etc/systemd/system/apt-daily-upgrade.timer', 'not masked']],
  },
  {
    name: 'Debian 12 on limited (LTS) support, updates on',
    platform: 'linux',
    host: { files: { '/etc/os-release': DEBIAN12, [UU]: '' }, commands: { 'apt-config dump': DUMP_ON } },
    status: 'warn',
    summary: 'eolLimited',
    params: { date: '2026-07-11', end: '2028-06-30', tableDate: '2026-12-07' },
    steps: ['stepUpgradeRelease'],
  },
  {
    name: 'Ubuntu 20.04 past its end of standard support',
    platform: 'linux',
    host: { files: { '/etc/os-release': UBUNTU2004, [UU]: '' }, commands: { 'apt-config dump': DUMP_ON } },
    status: 'fail',
    summary: 'eolPast',
    params: { date: '2025-05-29' },
  },
  {
    name: 'Fedora with dnf-automatic-install.timer enabled',
    platform: 'linux',
    host: {
      files: {
        '/etc/os-release': FEDORA44,
        '/usr/bin/dnf': '',
        '/etc/dnf/automatic.conf': '[commands]\nupgrade_type = default\napply_updates = no\n',
        '/etc/systemd/system/timers.target.wants/dnf-automatic-install.timer': '',
      },
    },
    status: 'pass',
    summary: 'linuxAuto',
    evidence: [['labelTimer', '/etc/systemd/system/timers.target.wants', 'dnf-automatic-install.timer']],
  },
  {
    name: 'Fedora with dnf-automatic.timer but apply_updates = no',
    platform: 'linux',
    host: {
      files: {
        '/etc/os-release': FEDORA44,
        '/usr/bin/dnf': '',
        '/etc/dnf/automatic.conf': '[commands]\napply_updates = no\n',
        '/etc/systemd/system/timers.target.wants/dnf-automatic.timer': '',
      },
    },
    status: 'fail',
    summary: 'dnfOff',
    evidence: [['labelDnfSetting', '/etc/dnf/automatic.conf: apply_updates', 'no']],
  },
  {
    name: 'Fedora with no dnf-automatic at all, GNOME Software downloading',
    platform: 'linux',
    host: {
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus' },
      files: { '/etc/os-release': FEDORA44, '/usr/bin/dnf': '' },
      commands: { 'gsettings get org.gnome.software download-updates': 'true\n' },
    },
    status: 'warn',
    summary: 'onlyDownload',
  },
  {
    name: 'neither apt nor dnf',
    platform: 'linux',
    host: { files: { '/etc/os-release': DEBIAN13 } },
    status: 'unknown',
    summary: 'noManager',
  },
  {
    name: 'a release the table lacks and without SUPPORT_END is not judged supported',
    platform: 'linux',
    host: { files: { '/etc/os-release': 'ID=arch\nPRETTY_NAME="Arch Linux"\n', [UU]: '' }, commands: { 'apt-config dump': DUMP_ON } },
    status: 'unknown',
    summary: 'eolNotListed',
    params: { name: 'Arch Linux', tableDate: '2026-12-07' },
    evidence: [['labelSupportEnds', 'eol.data.ts', "not in Bulwark's table (from 2026-12-07)"]],
  },
  {
    name: 'real Ubuntu 25.10 os-release, past its end of standard support',
    platform: 'linux',
    host: { files: { '/etc/os-release': UBUNTU2510, [UU]: '' }, commands: { 'apt-config dump': DUMP_ON } },
    status: 'fail',
    summary: 'eolPast',
    params: { name: 'Ubuntu 25.10', date: '2026-07-09' },
  },
  {
    name: 'Ubuntu 26.04 LTS, supported until 2031',
    platform: 'linux',
    host: {
      files: { '/etc/os-release': 'PRETTY_NAME="Ubuntu 26.04 LTS"\nID=ubuntu\nVERSION_ID="26.04"\n', [UU]: '' },
      commands: { 'apt-config dump': DUMP_ON },
    },
    status: 'pass',
    summary: 'linuxAuto',
    evidence: [['labelSupportEnds', 'https://salsa.debian.org/debian/distro-info-data (distro-info-data 0.58+deb12u7)', '2031-05-29']],
  },
  {
    name: 'real Fedora 40 os-release, past its end',
    platform: 'linux',
    host: {
      files: { '/etc/os-release': FEDORA40, ...DNF_ON },
    },
    status: 'fail',
    summary: 'eolPast',
    params: { date: '2025-05-13' },
  },
  {
    name: 'Fedora 43 two days before its planned end',
    platform: 'linux',
    host: {
      files: { '/etc/os-release': FEDORA43, ...DNF_ON },
    },
    status: 'warn',
    summary: 'eolSoon',
    params: { name: 'Fedora 43', date: '2026-12-09' },
    evidence: [['labelSupportEnds', 'https://fedorapeople.org/groups/schedule/f-43/f-43-key-tasks.html', '2026-12-09']],
  },
  {
    name: 'a Fedora the table lacks: its own SUPPORT_END, still ahead',
    platform: 'linux',
    host: {
      files: {
        '/etc/os-release': FEDORA44.replace(/44/g, '45').replace('2027-05-19', '2027-12-01'),
        ...DNF_ON,
      },
    },
    status: 'pass',
    summary: 'linuxAuto',
    evidence: [['labelSupportEnds', '/etc/os-release SUPPORT_END', '2027-12-01']],
  },
  {
    name: 'real Fedora 39 os-release read as if the table lacked it: a past SUPPORT_END warns, it does not fail',
    platform: 'linux',
    host: {
      files: {
        '/etc/os-release': FEDORA39.replace(/39/g, '49'),
        ...DNF_ON,
      },
    },
    status: 'warn',
    summary: 'eolPlannedPast',
    params: { date: '2024-05-14' },
  },
  {
    name: 'a hostile SUPPORT_END is not taken as a date',
    platform: 'linux',
    host: {
      files: {
        '/etc/os-release': 'ID=fedora\nVERSION_ID=99\nPRETTY_NAME="Fedora 99"\nSUPPORT_END="2099-13-45\u001b[2J"\n',
        ...DNF_ON,
      },
    },
    status: 'unknown',
    summary: 'eolNotListed',
  },
  {
    name: 'apt-config printing nonsense',
    platform: 'linux',
    host: { files: { '/etc/os-release': DEBIAN13, [UU]: '' }, commands: { 'apt-config dump': '\u001b[2Jgarbage\n' } },
    status: 'unknown',
    summary: 'aptUnreadable',
  },
  {
    name: 'os-release unreadable',
    platform: 'linux',
    host: { files: { '/etc/os-release': { error: 'permission_denied' }, [UU]: '' }, commands: { 'apt-config dump': DUMP_ON } },
    status: 'unknown',
    summary: 'releaseUnreadable',
  },
  {
    name: 'macOS 15 with every automatic update on: Apple publishes no end date, so support is not claimed',
    platform: 'darwin',
    host: {
      commands: {
        [MAC_PREFS]: fixture('darwin/softwareupdate-all-on.xml'),
        [MAC_MANAGED]: MAC_ABSENT,
        'sw_vers -productVersion': '15.7.2\n',
      },
    },
    status: 'unknown',
    summary: 'macEolUnpublished',
    params: { name: 'macOS 15 Sequoia', tableDate: '2026-12-07' },
    evidence: [
      ['labelMacSetting', '/Library/Preferences/com.apple.SoftwareUpdate: CriticalUpdateInstall', true],
      ['labelSupportEnds', 'https://support.apple.com/en-us/100100', 'no date published'],
    ],
  },
  {
    name: 'macOS with security responses off',
    platform: 'darwin',
    host: {
      commands: {
        [MAC_PREFS]: fixture('darwin/softwareupdate-critical-off.xml'),
        [MAC_MANAGED]: MAC_ABSENT,
        'sw_vers -productVersion': '15.7.2\n',
      },
    },
    status: 'fail',
    summary: 'macCriticalOff',
  },
  {
    name: 'a profile turning security responses off wins over the user file',
    platform: 'darwin',
    host: {
      commands: {
        [MAC_PREFS]: fixture('darwin/softwareupdate-all-on.xml'),
        [MAC_MANAGED]: fixture('darwin/softwareupdate-critical-off.xml'),
        'sw_vers -productVersion': '15.7.2\n',
      },
    },
    status: 'fail',
    summary: 'macCriticalOff',
    evidence: [['labelMacSetting', '/Library/Managed Preferences/com.apple.SoftwareUpdate: CriticalUpdateInstall', false]],
  },
  {
    name: 'macOS 13 Ventura past its end',
    platform: 'darwin',
    host: {
      commands: {
        [MAC_PREFS]: fixture('darwin/softwareupdate-all-on.xml'),
        [MAC_MANAGED]: MAC_ABSENT,
        'sw_vers -productVersion': '13.7.8\n',
      },
    },
    status: 'fail',
    summary: 'eolPast',
    params: { name: 'macOS 13 Ventura' },
  },
  {
    name: 'macOS settings unreadable',
    platform: 'darwin',
    host: { commands: { [MAC_PREFS]: { error: 'permission_denied' }, [MAC_MANAGED]: MAC_ABSENT, 'sw_vers -productVersion': '15.7.2\n' } },
    status: 'unknown',
    summary: 'macUnreadable',
  },
  {
    name: 'Windows 11 25H2, no policy, a recent update',
    platform: 'win32',
    host: { commands: { [REG_AU]: ABSENT, [REG_UX]: ABSENT, [REG_NT]: fixture('win32/reg-nt-25h2.txt'), ...HOTFIX(hotfix('2026-11-12')) } },
    status: 'pass',
    summary: 'winAuto',
    evidence: [['labelHotfix', 'Get-HotFix', 'KB5046617 · 2026-11-12']],
  },
  {
    name: 'Windows Update disabled by policy',
    platform: 'win32',
    host: {
      commands: {
        [REG_AU]: fixture('win32/reg-au-disabled.txt'),
        [REG_UX]: ABSENT,
        [REG_NT]: fixture('win32/reg-nt-25h2.txt'),
        ...HOTFIX(hotfix('2026-11-12')),
      },
    },
    status: 'fail',
    summary: 'winDisabled',
    evidence: [['labelPolicy', `${REG_AU.slice(10, -3)}\\NoAutoUpdate`, 1]],
  },
  {
    name: 'Windows Update paused',
    platform: 'win32',
    host: {
      commands: {
        [REG_AU]: ABSENT,
        [REG_UX]: fixture('win32/reg-ux-paused.txt'),
        [REG_NT]: fixture('win32/reg-nt-25h2.txt'),
        ...HOTFIX(hotfix('2026-11-12')),
      },
    },
    status: 'warn',
    summary: 'winPaused',
    params: { date: '2026-12-22' },
  },
  {
    name: 'Windows 11 24H2 past its end (Home and Pro)',
    platform: 'win32',
    host: { commands: { [REG_AU]: ABSENT, [REG_UX]: ABSENT, [REG_NT]: fixture('win32/reg-nt-24h2.txt'), ...HOTFIX(hotfix('2026-11-12')) } },
    status: 'fail',
    summary: 'eolPast',
    params: { date: '2026-10-13' },
    steps: ['stepWinUpgrade'],
  },
  {
    name: 'no update installed for months',
    platform: 'win32',
    host: { commands: { [REG_AU]: ABSENT, [REG_UX]: ABSENT, [REG_NT]: fixture('win32/reg-nt-25h2.txt'), ...HOTFIX(hotfix('2026-08-01')) } },
    status: 'warn',
    summary: 'winOld',
    params: { days: '128' },
  },
  {
    name: 'an old build below every listed release',
    platform: 'win32',
    host: {
      commands: {
        [REG_AU]: ABSENT,
        [REG_UX]: ABSENT,
        [REG_NT]: fixture('win32/reg-nt-25h2.txt').replace(/26200/g, '17763'),
        ...HOTFIX(hotfix('2026-11-12')),
      },
    },
    status: 'fail',
    summary: 'eolPast',
  },
]

describe('os.updates', () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-07T12:00:00Z'))
  })
  afterAll(() => vi.useRealTimers())

  it.each(cases)('$platform: $name', async (c) => {
    const r = await runCheck(osUpdatesCheck, createFixtureHost({ platform: c.platform, ...c.host }))
    expectOutcome(r, c)
  })
})
