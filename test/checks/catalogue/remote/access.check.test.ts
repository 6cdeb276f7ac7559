import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, it } from 'vitest'
import { remoteAccessCheck } from '../../../../checks/catalogue/remote/access.check.js'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import type { ProcessInfo } from '../../../../checks/core/host/host.js'
import type { Msg, MsgParams } from '../../../../checks/core/i18n/message.js'
import type { Platform } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureCommand } from '../../../support/fixture-host.js'
import { expectOutcome, type CheckCase } from '../tor/check-case.js'

const fixture = (p: string): string => readFileSync(fileURLToPath(new URL(`../../../fixtures/remote.access/${p}`, import.meta.url)), 'utf8')
const proc = (name: string, path = ''): ProcessInfo => ({ pid: 812, name, command: name, params: '', path, user: 'root' })

// Linux: sshd on PATH, Debian's shipped sshd_config, sshd -T as root (and as a user it is refused).
const SSHD_T = '/usr/sbin/sshd -T'
const SSHD_T_ROOT = '/usr/sbin/sshd -T -C user=root,host=remote.invalid,addr=192.0.2.1'
const NO_HOSTKEYS: FixtureCommand = { code: 1, stderr: 'sshd: no hostkeys available -- exiting.\n' }
const linux = (o: { sshdT?: FixtureCommand; files?: Record<string, string>; running?: boolean; socketUnit?: boolean }) => ({
  env: { PATH: '/usr/sbin:/usr/bin' },
  files: {
    '/usr/sbin/sshd': '',
    '/etc/ssh/sshd_config': fixture('linux/sshd_config.debian'),
    ...(o.socketUnit ? { '/etc/systemd/system/sockets.target.wants/ssh.socket': '' } : {}),
    ...o.files,
  },
  processes: o.running === false ? [proc('systemd')] : [proc('systemd'), proc('sshd', '/usr/sbin')],
  commands: { [SSHD_T]: o.sshdT ?? NO_HOSTKEYS, [SSHD_T_ROOT]: o.sshdT ?? NO_HOSTKEYS },
})

// macOS: launchd's overrides, ARDAgent in the process list, the Remote Management preferences through plutil.
const LAUNCHCTL = 'launchctl print-disabled system'
const PLUTIL = 'plutil -convert xml1 -o - /Library/Preferences/com.apple.RemoteManagement.plist'
const NO_PLIST: FixtureCommand = {
  code: 1,
  stderr:
    '/Library/Preferences/com.apple.RemoteManagement.plist: file does not exist or is not readable or is not a regular file (Error Domain=NSCocoaErrorDomain Code=260)\n',
}
const ARD = proc('ARDAgent', '/System/Library/CoreServices/RemoteManagement/ARDAgent.app/Contents/MacOS/ARDAgent')
const mac = (launchctl: string, o: { ard?: boolean; plist?: FixtureCommand; config?: string } = {}) => ({
  files: { '/etc/ssh/sshd_config': o.config ?? 'Include /etc/ssh/sshd_config.d/*\nKbdInteractiveAuthentication no\nUsePAM yes\n' },
  processes: [proc('launchd'), ...(o.ard ? [ARD] : [])],
  commands: { [LAUNCHCTL]: fixture(`darwin/${launchctl}`), [PLUTIL]: o.plist ?? NO_PLIST },
})

// Windows: reg query of the Terminal Server, policy, Remote Assistance and sshd service keys.
const REG = (key: string): string => `reg query ${key} /s`
const TS = REG('HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server')
const POLICY = REG('HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services')
const ASSIST = REG('HKLM\\SYSTEM\\CurrentControlSet\\Control\\Remote Assistance')
const SSHD_SVC = REG('HKLM\\SYSTEM\\CurrentControlSet\\Services\\sshd')
const ABSENT: FixtureCommand = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' }
const DENIED: FixtureCommand = { code: 1, stderr: 'ERROR: Access is denied.\r\n' }
const win = (ts: string, o: { policy?: FixtureCommand; assist?: FixtureCommand; sshd?: boolean; config?: string } = {}) => ({
  files: (o.config ? { 'C:\\ProgramData\\ssh\\sshd_config': o.config } : {}) as Record<string, string>,
  processes: o.sshd ? [proc('sshd.exe')] : [proc('svchost.exe')],
  commands: {
    [TS]: fixture(`win32/${ts}`),
    [POLICY]: o.policy ?? ABSENT,
    [ASSIST]: o.assist ?? fixture('win32/remote-assistance-off.txt'),
    [SSHD_SVC]: o.sshd ? fixture('win32/sshd-service.txt') : ABSENT,
  },
})

/** The summary's reason, matched by key and the parameters given (toMatchObject: the rest may be anything). */
const reasonIs = (key: string, params?: Record<string, string>): MsgParams => ({
  reason: { key, ...(params ? { params } : {}) } as unknown as Msg,
})

const cases: (CheckCase & { platform: Platform })[] = [
  {
    name: 'Linux without an SSH server',
    platform: 'linux',
    host: { env: { PATH: '/usr/bin' }, processes: [proc('systemd')] },
    status: 'pass',
    summary: 'allOff',
    evidence: [['labelSshServer', '/usr/sbin/sshd', 'not installed']],
  },
  {
    name: 'Linux with openssh-server installed but not running',
    platform: 'linux',
    host: linux({ running: false }),
    status: 'pass',
    summary: 'allOff',
    evidence: [['labelSshProcess', 'ps -e', 'not running']],
  },
  {
    name: "Debian's shipped settings read with sshd -T as root: passwords on",
    platform: 'linux',
    host: linux({ sshdT: fixture('linux/sshd-T-debian.txt') }),
    status: 'warn',
    summary: 'sshPasswords',
    evidence: [
      ['labelPasswordAuth', SSHD_T, 'yes'],
      ['labelKbdInteractive', SSHD_T, 'no'],
      ['labelRootLogin', SSHD_T_ROOT, 'without-password'],
      ['labelListen', SSHD_T, '0.0.0.0:22'],
    ],
    steps: ['stepSshKeyOnly', 'stepSshOff'],
  },
  {
    name: "Debian's shipped file as a user (sshd -T refused): the compiled-in default says passwords on",
    platform: 'linux',
    host: linux({}),
    status: 'warn',
    summary: 'sshPasswords',
    evidence: [
      ['labelPasswordAuth', '/etc/ssh/sshd_config', 'not set (default yes)'],
      ['labelKbdInteractive', '/etc/ssh/sshd_config:62', 'no'],
      ['labelEffective', SSHD_T, 'exit code 1'],
    ],
  },
  {
    name: 'a drop-in turns passwords off: keys only',
    platform: 'linux',
    host: linux({ files: { '/etc/ssh/sshd_config.d/00-key-only.conf': 'PasswordAuthentication no\n' } }),
    status: 'pass',
    summary: 'sshKeysOnly',
    evidence: [['labelPasswordAuth', '/etc/ssh/sshd_config.d/00-key-only.conf:1', 'no']],
  },
  {
    name: 'a socket-activated server (no sshd process) is on',
    platform: 'linux',
    host: linux({ running: false, socketUnit: true }),
    status: 'warn',
    summary: 'sshPasswords',
    evidence: [['labelSshProcess', '/etc/systemd/system/sockets.target.wants/ssh.socket', 'on']],
  },
  {
    name: 'root login with a password, sshd on every address and no firewall rules at all: fail',
    platform: 'linux',
    host: linux({ sshdT: fixture('linux/sshd-T-root-yes.txt') }),
    status: 'fail',
    summary: 'sshRootReachable',
    evidence: [
      ['labelRootLogin', SSHD_T_ROOT, 'yes'],
      ['labelListen', SSHD_T, '[::]:22'],
      // This fixture machine has no IPv6 address (no /proc/net/if_inet6), so only IPv4 reaches the server.
      ['labelReach', '[::]:22', 'refused by /proc/net/if_inet6: no IPv6 address but loopback: drop'],
      ['labelReach', '0.0.0.0:22', 'let in by ipv4: no firewall chain'],
    ],
  },
  {
    name: 'PermitEmptyPasswords yes in the file fails',
    platform: 'linux',
    host: linux({ files: { '/etc/ssh/sshd_config.d/10-empty.conf': 'PermitEmptyPasswords yes\n' } }),
    status: 'fail',
    summary: 'sshEmptyPasswords',
    evidence: [['labelEmptyPasswords', '/etc/ssh/sshd_config.d/10-empty.conf:1', 'yes']],
  },
  {
    name: 'a Match block that turns passwords back on for some users counts',
    platform: 'linux',
    host: linux({
      files: {
        '/etc/ssh/sshd_config.d/00-key-only.conf': 'PasswordAuthentication no\nMatch Address 10.0.0.0/8\n  PasswordAuthentication yes\n',
      },
    }),
    status: 'warn',
    summary: 'sshPasswords',
    evidence: [['labelMatch', '/etc/ssh/sshd_config.d/00-key-only.conf:3', 'Address 10.0.0.0/8: passwordauthentication yes']],
  },
  {
    name: 'an unreadable drop-in folder is unknown, naming it',
    platform: 'linux',
    host: { ...linux({}), files: { ...linux({}).files, '/etc/ssh/sshd_config.d': { error: 'permission_denied' } } },
    status: 'unknown',
    summary: 'sshUnread',
  },
  {
    name: 'a broken sshd_config is unknown, naming the line',
    platform: 'linux',
    host: linux({ files: { '/etc/ssh/sshd_config': 'PasswordAuthentication perhaps\n' } }),
    status: 'unknown',
    summary: 'sshUnread',
    evidence: [['labelConfig', '/etc/ssh/sshd_config', 'read error']],
  },
  {
    name: 'a file Bulwark cannot follow is still judged by sshd -T when it runs',
    platform: 'linux',
    host: linux({
      files: { '/etc/ssh/sshd_config.d/x.conf': 'PasswordAuthentication perhaps\n' },
      sshdT: fixture('linux/sshd-T-debian.txt'),
    }),
    status: 'warn',
    summary: 'sshPasswords',
    evidence: [['labelPasswordAuth', SSHD_T, 'yes']],
  },
  {
    name: "an sshd_config that includes itself stops at sshd's depth limit, naming the file",
    platform: 'linux',
    host: linux({ files: { '/etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config\n' } }),
    status: 'unknown',
    summary: 'sshUnread',
    params: reasonIs('remote.access.tooDeep', { file: '/etc/ssh/sshd_config', limit: '16' }),
  },
  {
    name: 'a glob over a folder of 300 files stops at the file limit',
    platform: 'linux',
    host: linux({
      files: Object.fromEntries(
        Array.from({ length: 300 }, (_, i) => [`/etc/ssh/sshd_config.d/${String(i).padStart(3, '0')}.conf`, 'Port 22\n']),
      ),
    }),
    status: 'unknown',
    summary: 'sshUnread',
    params: reasonIs('remote.access.tooMany'),
  },
  {
    name: 'a drop-in over 1 MiB is not read, and says so',
    platform: 'linux',
    host: linux({ files: { '/etc/ssh/sshd_config.d/big.conf': `# ${'x'.repeat(1024 * 1024)}\n` } }),
    status: 'unknown',
    summary: 'sshUnread',
    params: reasonIs('remote.access.unreadable', { source: '/etc/ssh/sshd_config.d/big.conf' }),
  },
  {
    name: 'a drop-in this user may not read is unknown, naming it',
    platform: 'linux',
    host: { ...linux({}), files: { ...linux({}).files, '/etc/ssh/sshd_config.d/50-secret.conf': { error: 'permission_denied' } } },
    status: 'unknown',
    summary: 'sshUnread',
    params: reasonIs('remote.access.unreadable', { source: '/etc/ssh/sshd_config.d/50-secret.conf' }),
  },
  {
    name: 'sshd -T printing junk is unknown, naming the command',
    platform: 'linux',
    host: linux({ sshdT: '\u001b[31mhello\n' }),
    status: 'unknown',
    summary: 'sshUnread',
    params: reasonIs('remote.access.badOutput', { command: SSHD_T }),
  },
  {
    name: 'macOS with everything off (Ventura and later wording)',
    platform: 'darwin',
    host: mac('launchctl-print-disabled-off.txt'),
    status: 'pass',
    summary: 'allOff',
    evidence: [
      ['labelRemoteLogin', `${LAUNCHCTL}: com.openssh.sshd`, 'disabled'],
      ['labelScreenSharing', `${LAUNCHCTL}: com.apple.screensharing`, 'disabled'],
      ['labelRemoteManagement', 'ps -e: ARDAgent', 'not running'],
    ],
  },
  {
    name: 'macOS Remote Login and Screen Sharing on: passwords, the worst leads',
    platform: 'darwin',
    host: mac('launchctl-print-disabled-on.txt'),
    status: 'warn',
    summary: 'sshPasswords',
    evidence: [
      ['labelRemoteLogin', `${LAUNCHCTL}: com.openssh.sshd`, 'enabled'],
      ['labelPasswordAuth', '/etc/ssh/sshd_config', 'not set (default yes)'],
    ],
    steps: ['stepMacRemoteLogin', 'stepMacScreenSharing'],
  },
  {
    name: 'macOS 12 wording (false: not disabled)',
    platform: 'darwin',
    host: mac('launchctl-print-disabled-monterey.txt', { config: 'PasswordAuthentication no\n' }),
    status: 'pass',
    summary: 'sshKeysOnly',
    evidence: [['labelRemoteLogin', `${LAUNCHCTL}: com.openssh.sshd`, 'enabled']],
  },
  {
    name: 'macOS Remote Management with a VNC password',
    platform: 'darwin',
    host: mac('launchctl-print-disabled-off.txt', { ard: true, plist: fixture('darwin/RemoteManagement-vnc.xml') }),
    status: 'warn',
    summary: 'vncPasswordOn',
    evidence: [
      ['labelRemoteManagement', 'ps -e: ARDAgent', 'running'],
      ['labelVnc', '/Library/Preferences/com.apple.RemoteManagement.plist: VNCLegacyConnectionsEnabled', 'on'],
    ],
    steps: ['stepMacRemoteManagement'],
  },
  {
    name: 'macOS where launchctl fails is unknown',
    platform: 'darwin',
    host: {
      ...mac('launchctl-print-disabled-off.txt'),
      commands: { [LAUNCHCTL]: { code: 1, stderr: 'Could not print\n' }, [PLUTIL]: NO_PLIST },
    },
    status: 'unknown',
    summary: 'stateUnknown',
  },
  {
    name: 'Windows with Remote Desktop and Remote Assistance off, no OpenSSH server',
    platform: 'win32',
    host: win('terminal-server-off.txt'),
    status: 'pass',
    summary: 'allOff',
    evidence: [
      ['labelRdp', 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\fDenyTSConnections', '0x1'],
      ['labelRemoteAssistance', 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Remote Assistance\\fAllowToGetHelp', '0x0'],
      ['labelWinSsh', 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\sshd', 'not installed'],
    ],
  },
  {
    name: 'Windows Remote Desktop on with NLA',
    platform: 'win32',
    host: win('terminal-server-on-nla.txt'),
    status: 'warn',
    summary: 'rdpOnNla',
    evidence: [['labelNla', 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp\\UserAuthentication', '0x1']],
    steps: ['stepRdpOff'],
  },
  {
    name: 'Windows Remote Desktop without NLA, firewall not read: a warning',
    platform: 'win32',
    host: win('terminal-server-on-no-nla.txt'),
    status: 'warn',
    summary: 'rdpNoNla',
    steps: ['stepRdpNla', 'stepRdpOff'],
  },
  {
    name: 'Windows Group Policy that denies Remote Desktop wins over the machine setting',
    platform: 'win32',
    host: win('terminal-server-on-no-nla.txt', {
      policy:
        '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\r\n    fDenyTSConnections    REG_DWORD    0x1\r\n\r\n',
    }),
    status: 'pass',
    summary: 'allOff',
    evidence: [['labelRdp', 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\fDenyTSConnections', '0x1']],
  },
  {
    name: 'Windows Remote Assistance allowed',
    platform: 'win32',
    host: win('terminal-server-off.txt', { assist: fixture('win32/remote-assistance-on.txt') }),
    status: 'warn',
    summary: 'remoteAssistanceOn',
    steps: ['stepRemoteAssistanceOff'],
  },
  {
    name: 'Windows OpenSSH server running with its default settings (passwords on)',
    platform: 'win32',
    host: win('terminal-server-off.txt', {
      sshd: true,
      config: 'Match Group administrators\r\n       AuthorizedKeysFile __PROGRAMDATA__/ssh/administrators_authorized_keys\r\n',
    }),
    status: 'warn',
    summary: 'sshPasswords',
    evidence: [
      ['labelWinSsh', 'Get-Process: sshd', 'running'],
      ['labelPasswordAuth', 'C:\\ProgramData\\ssh\\sshd_config', 'not set (default yes)'],
    ],
    steps: ['stepWinSshKeyOnly', 'stepWinSshOff'],
  },
  {
    name: 'Windows registry refused is unknown',
    platform: 'win32',
    host: { ...win('terminal-server-off.txt'), commands: { ...win('terminal-server-off.txt').commands, [TS]: DENIED } },
    status: 'unknown',
    summary: 'stateUnknown',
  },
]

describe('remote.access on each OS', () => {
  it.each(cases)('$platform: $name', async (c) => {
    const host = createFixtureHost({ platform: c.platform, ...c.host })
    const r = await runCheck(remoteAccessCheck, host)
    expectOutcome(r, c)
  })
})
