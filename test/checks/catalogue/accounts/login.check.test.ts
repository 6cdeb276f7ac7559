import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { accountsLoginCheck } from '../../../../checks/catalogue/accounts/login.check.js'
import { LOGINWINDOW, WINLOGON } from '../../../../checks/catalogue/accounts/login.io.js'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import type { Platform } from '../../../../checks/core/types.js'
import { expectOutcome, type CheckCase } from '../tor/check-case.js'
import { createFixtureHost } from '../../../support/fixture-host.js'

const fixture = (p: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/accounts.login/${p}`, import.meta.url)), 'utf8')
const SUDO = 'sudo -n -l'
const denied = { error: 'permission_denied' } as const
// As anyone but root the sudoers files are mode 0440 root:root, so the check asks sudo itself.
const asUser = { '/etc/sudoers': denied }
const DEFAULTS = `defaults export ${LOGINWINDOW} -`
const REG = `reg query ${WINLOGON} /s`
const GUEST =
  "powershell -NoProfile -NonInteractive -Command Get-LocalUser | Where-Object { $_.SID.Value -like '*-501' } | Select-Object Name,Enabled | ConvertTo-Json -Compress"
const needsPassword = { code: 1, stderr: fixture('linux/sudo-n-l-password-required.txt') }

const cases: (CheckCase & { platform: Platform })[] = [
  {
    name: 'GDM as shipped, sudo asks for a password',
    platform: 'linux',
    host: { files: { ...asUser, '/etc/gdm3/custom.conf': fixture('linux/gdm3-custom-default.conf') }, commands: { [SUDO]: needsPassword } },
    status: 'pass',
    summary: 'clean',
    params: { count: '2' },
    evidence: [
      ['autoLoginLabel', '/etc/gdm3/custom.conf', 'off'],
      ['sudoLabel', SUDO, 'a password is required'],
    ],
  },
  {
    name: 'GDM automatic login',
    platform: 'linux',
    host: {
      files: { ...asUser, '/etc/gdm3/custom.conf': fixture('linux/gdm3-custom-autologin.conf') },
      commands: { [SUDO]: needsPassword },
    },
    status: 'fail',
    summary: 'autoLogin',
    params: { user: 'alice', source: '/etc/gdm3/custom.conf' },
    evidence: [['autoLoginLabel', '/etc/gdm3/custom.conf', 'alice']],
    steps: ['stepLinuxAuto'],
  },
  {
    name: 'GDM timed login (Fedora path)',
    platform: 'linux',
    host: {
      files: { ...asUser, '/etc/gdm/custom.conf': '[daemon]\nTimedLoginEnable=True\nTimedLogin=carol\nTimedLoginDelay=10\n' },
      commands: { [SUDO]: needsPassword },
    },
    status: 'fail',
    summary: 'timedLogin',
    params: { user: 'carol' },
  },
  {
    name: 'LightDM drop-in with autologin and a guest session',
    platform: 'linux',
    host: {
      files: {
        ...asUser,
        '/etc/lightdm/lightdm.conf': '[Seat:*]\n#autologin-user=\n',
        '/etc/lightdm/lightdm.conf.d/50-kiosk.conf': fixture('linux/lightdm-autologin-guest.conf'),
      },
      commands: { [SUDO]: needsPassword },
    },
    status: 'fail',
    summary: 'autoLogin',
    params: { user: 'bob', source: '/etc/lightdm/lightdm.conf.d/50-kiosk.conf' },
    evidence: [['guestLabel', '/etc/lightdm/lightdm.conf.d/50-kiosk.conf', 'on']],
    steps: ['stepLinuxAuto', 'stepLinuxGuest'],
  },
  {
    name: 'LightDM guest only, older [SeatDefaults]',
    platform: 'linux',
    host: { files: { ...asUser, '/etc/lightdm/lightdm.conf': '[SeatDefaults]\nallow-guest=true\n' }, commands: { [SUDO]: needsPassword } },
    status: 'warn',
    summary: 'guest',
  },
  {
    name: 'SDDM autologin drop-in (the Arch wiki example)',
    platform: 'linux',
    host: {
      files: { ...asUser, '/etc/sddm.conf.d/autologin.conf': fixture('linux/sddm-autologin.conf') },
      commands: { [SUDO]: needsPassword },
    },
    status: 'fail',
    summary: 'autoLogin',
    params: { user: 'john' },
  },
  {
    name: 'sudo NOPASSWD: ALL (real sudo -n -l output)',
    platform: 'linux',
    host: { files: asUser, commands: { [SUDO]: fixture('linux/sudo-n-l-nopasswd-all.txt') } },
    status: 'fail',
    summary: 'sudoAll',
    params: { who: 'nobody' },
    evidence: [['sudoLabel', SUDO, 'nobody: ALL']],
    steps: ['stepLinuxSudo'],
  },
  {
    name: 'sudo NOPASSWD for two commands (real sudo -n -l output)',
    platform: 'linux',
    host: { files: asUser, commands: { [SUDO]: fixture('linux/sudo-n-l-nopasswd-some.txt') } },
    status: 'warn',
    summary: 'sudoSome',
    params: { who: 'daemon', count: '2', first: '/usr/bin/apt' },
  },
  {
    name: 'no sudo installed and no display manager',
    platform: 'linux',
    host: { files: asUser },
    status: 'pass',
    summary: 'clean',
    evidence: [
      ['sudoLabel', SUDO, 'not installed'],
      ['autoLoginLabel', '/etc/gdm3/custom.conf, /etc/lightdm/lightdm.conf, /etc/sddm.conf', 'not found'],
    ],
  },
  {
    name: 'as root: sudoers with an includedir drop-in granting NOPASSWD to a group',
    platform: 'linux',
    host: {
      files: {
        '/etc/sudoers': 'Defaults\tenv_reset\nroot\tALL=(ALL:ALL) ALL\n%sudo\tALL=(ALL:ALL) ALL\n@includedir /etc/sudoers.d\n',
        '/etc/sudoers.d/README': '# files ending in ~ or containing . are skipped\n',
        '/etc/sudoers.d/90-admins': '%admins ALL=(ALL) NOPASSWD: ALL\n',
        '/etc/sudoers.d/old.bak': 'eve ALL=(ALL) NOPASSWD: ALL\n',
      },
    },
    status: 'fail',
    summary: 'sudoAll',
    params: { who: '%admins' },
  },
  {
    name: 'a display-manager file that cannot be read',
    platform: 'linux',
    host: { files: { ...asUser, '/etc/sddm.conf': denied }, commands: { [SUDO]: needsPassword } },
    status: 'unknown',
    summary: 'unread',
    evidence: [['readLabel', '/etc/sddm.conf', 'permission denied']],
  },
  {
    name: 'sudo prints something else',
    platform: 'linux',
    host: { files: asUser, commands: { [SUDO]: '\u001b[2Jhello\n' } },
    status: 'unknown',
    summary: 'unread',
  },
  {
    name: 'macOS automatic login and guest',
    platform: 'darwin',
    host: { commands: { [DEFAULTS]: fixture('darwin/loginwindow-autologin.plist') } },
    status: 'fail',
    summary: 'autoLogin',
    params: { user: 'alice' },
    evidence: [['guestLabel', `${DEFAULTS} GuestEnabled`, 'on']],
    steps: ['stepMacAuto', 'stepMacGuest'],
  },
  {
    name: 'macOS defaults',
    platform: 'darwin',
    host: { commands: { [DEFAULTS]: fixture('darwin/loginwindow-default.plist') } },
    status: 'pass',
    summary: 'clean',
  },
  {
    name: 'macOS domain never written',
    platform: 'darwin',
    host: { commands: { [DEFAULTS]: { code: 1, stderr: `Domain ${LOGINWINDOW} does not exist\n` } } },
    status: 'pass',
    summary: 'clean',
  },
  {
    name: 'macOS binary or broken output',
    platform: 'darwin',
    host: { commands: { [DEFAULTS]: 'bplist00\u0000\u0001' } },
    status: 'unknown',
    summary: 'unread',
  },
  {
    name: 'Windows AutoAdminLogon with DefaultPassword',
    platform: 'win32',
    host: {
      commands: {
        [REG]: fixture('win32/reg-winlogon-autologon-password.txt'),
        [GUEST]: fixture('win32/get-localuser-guest-disabled.json'),
      },
    },
    status: 'fail',
    summary: 'storedPassword',
    params: { user: 'kiosk' },
    evidence: [
      ['passwordLabel', `${WINLOGON}\\DefaultPassword`, 'present'],
      ['autoLoginLabel', `${WINLOGON}\\AutoAdminLogon`, 'kiosk'],
      ['guestLabel', 'Get-LocalUser (Guest)', 'off'],
    ],
    steps: ['stepWindowsAuto'],
  },
  {
    name: 'Windows defaults',
    platform: 'win32',
    host: { commands: { [REG]: fixture('win32/reg-winlogon-default.txt'), [GUEST]: fixture('win32/get-localuser-guest-disabled.json') } },
    status: 'pass',
    summary: 'clean',
  },
  {
    name: 'Windows guest enabled under a localised name',
    platform: 'win32',
    host: { commands: { [REG]: fixture('win32/reg-winlogon-default.txt'), [GUEST]: fixture('win32/get-localuser-guest-enabled.json') } },
    status: 'warn',
    summary: 'guest',
    params: { source: 'Get-LocalUser (Invité)' },
  },
  {
    name: 'Windows: PowerShell missing',
    platform: 'win32',
    host: { commands: { [REG]: fixture('win32/reg-winlogon-default.txt') } },
    status: 'unknown',
    summary: 'unread',
  },
]

describe('accounts.login', () => {
  it.each(cases)('$platform: $name → $status', async (c) => {
    const r = await runCheck(accountsLoginCheck, createFixtureHost({ platform: c.platform, ...c.host }))
    expectOutcome(r, c)
  })

  it('never shows the stored Windows password', async () => {
    const host = createFixtureHost({
      platform: 'win32',
      commands: { [REG]: fixture('win32/reg-winlogon-autologon-password.txt'), [GUEST]: '' },
    })
    const r = await runCheck(accountsLoginCheck, host)
    expect(JSON.stringify(r)).not.toContain('Secret123')
  })
})
