import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { screenLockCheck } from '../../../../checks/catalogue/screen/lock.check.js'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import type { Platform } from '../../../../checks/core/types.js'
import type { ProcessInfo } from '../../../../checks/core/host/host.js'
import { createFixtureHost, type FixtureCommand } from '../../../support/fixture-host.js'
import { expectOutcome, type CheckCase } from '../tor/check-case.js'

const fixture = (p: string): string => readFileSync(fileURLToPath(new URL(`../../../fixtures/screen.lock/${p}`, import.meta.url)), 'utf8')
const GNOME_ENV = { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus' }
const noKey = (key: string): FixtureCommand => ({ code: 1, stderr: `No such key “${key}”\n` })

/** What `gsettings get` prints for each GNOME key; a key left out is one this system has no schema for. */
function gnome(values: Partial<Record<string, string>>): Record<string, FixtureCommand> {
  const keys = {
    'org.gnome.desktop.screensaver lock-enabled': 'true',
    'org.gnome.desktop.session idle-delay': 'uint32 300',
    'org.gnome.desktop.screensaver lock-delay': 'uint32 0',
    'org.gnome.desktop.lockdown disable-lock-screen': 'false',
    'org.gnome.desktop.screensaver ubuntu-lock-on-suspend': undefined,
    ...values,
  }
  return Object.fromEntries(
    Object.entries(keys).map(([k, v]) => [`gsettings get ${k}`, v === undefined ? noKey(k.split(' ')[1] ?? k) : `${v}\n`]),
  )
}

const noSchema = (schema: string): FixtureCommand => ({ code: 1, stderr: `No such schema “${schema}”\n` })

/** MATE's keys as `gsettings get` prints them (minutes); `undefined` is a key whose schema is not installed. */
function mate(values: Partial<Record<string, string>>): Record<string, FixtureCommand> {
  const keys = {
    'org.mate.screensaver lock-enabled': 'true',
    'org.mate.session idle-delay': '5',
    'org.mate.screensaver lock-delay': '0',
    'org.mate.lockdown disable-lock-screen': 'false',
    'org.mate.screensaver idle-activation-enabled': 'true',
    'org.mate.power-manager lock-use-screensaver': 'true',
    'org.mate.power-manager lock-suspend': 'true',
    ...values,
  }
  return Object.fromEntries(
    Object.entries(keys).map(([k, v]) => [`gsettings get ${k}`, v === undefined ? noSchema(k.split(' ')[0] ?? k) : `${v}\n`]),
  )
}

/** Cinnamon's keys (seconds), with cinnamon-settings-daemon's lock-on-suspend at its schema default, false. */
function cinnamon(values: Partial<Record<string, string>>): Record<string, FixtureCommand> {
  const keys = {
    'org.cinnamon.desktop.screensaver lock-enabled': 'true',
    'org.cinnamon.desktop.session idle-delay': 'uint32 300',
    'org.cinnamon.desktop.screensaver lock-delay': 'uint32 0',
    'org.cinnamon.desktop.lockdown disable-lock-screen': 'false',
    'org.cinnamon.desktop.screensaver idle-activation-enabled': 'true',
    'org.cinnamon.settings-daemon.plugins.power lock-on-suspend': 'false',
    ...values,
  }
  return Object.fromEntries(
    Object.entries(keys).map(([k, v]) => [`gsettings get ${k}`, v === undefined ? noSchema(k.split(' ')[0] ?? k) : `${v}\n`]),
  )
}
const MATE_ENV = { XDG_CURRENT_DESKTOP: 'MATE', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/x' }
const CINNAMON_ENV = { XDG_CURRENT_DESKTOP: 'X-Cinnamon', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/x' }

/** A process as the process list shows it, and its /proc/PID/cmdline (NUL-separated arguments). */
function proc(pid: number, argv: string[], user = 'alex'): { process: ProcessInfo; files: Record<string, string> } {
  const name = (argv[0] ?? '').split('/').pop() ?? ''
  return {
    process: { pid, name, command: argv[0] ?? '', params: argv.slice(1).join(' '), path: argv[0] ?? '', user },
    files: { [`/proc/${pid}/cmdline`]: `${argv.join('\x00')}\x00` },
  }
}
/** A session running these processes, with `xset q` reporting this screen saver timeout. */
function session(
  env: Record<string, string>,
  procs: ReturnType<typeof proc>[],
  xsetTimeout?: number,
  more: Record<string, FixtureCommand> = {},
  files: Record<string, string> = {},
): CheckCase['host'] {
  return {
    env: { USER: 'alex', ...env },
    processes: procs.map((p) => p.process),
    files: Object.assign({}, files, ...procs.map((p) => p.files)),
    commands: {
      ...(xsetTimeout === undefined
        ? {}
        : {
            'xset q': `Screen Saver:\n  prefer blanking:  yes    allow exposures:  yes\n  timeout:  ${xsetTimeout}    cycle:  600\nDPMS (Energy Star):\n  Standby: 600    Suspend: 600    Off: 600\n  DPMS is Enabled\n  Monitor is On\n`,
          }),
      ...more,
    },
  }
}
const I3 = { XDG_CURRENT_DESKTOP: 'i3', DISPLAY: ':0' }
const SWAY = { XDG_CURRENT_DESKTOP: 'sway', WAYLAND_DISPLAY: 'wayland-1' }
const SWAYIDLE_CONFIG = '/home/alex/.config/swayidle/config'

const XFCE_AUTOSTART = '/etc/xdg/autostart/xfce4-screensaver.desktop'
const XFCE_USER = '/home/alex/.config/xfce4/xfconf/xfce-perchannel-xml/xfce4-screensaver.xml'
const XFCE_SYSTEM = '/etc/xdg/xfce4/xfconf/xfce-perchannel-xml/xfce4-screensaver.xml'
const SYSADMINCTL = 'sysadminctl -screenLock status'
const IDLE = 'defaults -currentHost read com.apple.screensaver idleTime'
const NO_IDLE: FixtureCommand = {
  code: 1,
  stderr: '\nThe domain/default pair of (com.apple.screensaver, idleTime) does not exist\n',
}
const PMSET = 'pmset -g'
const PMSET_CUSTOM = 'pmset -g custom'
const REG_DESKTOP = 'reg query HKCU\\Control Panel\\Desktop /s'
const REG_POLICY = 'reg query HKCU\\Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop /s'
const REG_SYSTEM = 'reg query HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /s'
const ABSENT: FixtureCommand = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' }

const cases: (CheckCase & { platform: Platform })[] = [
  {
    name: 'GNOME defaults on Ubuntu: 5 minutes, immediate lock',
    platform: 'linux',
    host: { env: GNOME_ENV, commands: gnome({}) },
    status: 'pass',
    summary: 'quick',
    params: { desktop: 'GNOME', minutes: '5' },
    evidence: [
      ['labelIdleDelay', 'gsettings get org.gnome.desktop.session idle-delay', 300],
      ['labelLockEnabled', 'gsettings get org.gnome.desktop.screensaver lock-enabled', true],
    ],
  },
  {
    name: 'GNOME with the lock turned off',
    platform: 'linux',
    host: { env: GNOME_ENV, commands: gnome({ 'org.gnome.desktop.screensaver lock-enabled': 'false' }) },
    status: 'fail',
    summary: 'never',
    evidence: [['labelLockEnabled', 'gsettings get org.gnome.desktop.screensaver lock-enabled', false]],
  },
  {
    name: 'GNOME with the lock screen disabled by lockdown',
    platform: 'linux',
    host: { env: GNOME_ENV, commands: gnome({ 'org.gnome.desktop.lockdown disable-lock-screen': 'true' }) },
    status: 'fail',
    summary: 'never',
  },
  {
    name: 'GNOME that never blanks (idle-delay 0)',
    platform: 'linux',
    host: { env: GNOME_ENV, commands: gnome({ 'org.gnome.desktop.session idle-delay': 'uint32 0' }) },
    status: 'fail',
    summary: 'never',
  },
  {
    name: 'GNOME locking 15 minutes after a 5-minute blank',
    platform: 'linux',
    host: { env: GNOME_ENV, commands: gnome({ 'org.gnome.desktop.screensaver lock-delay': 'uint32 900' }) },
    status: 'fail',
    summary: 'tooSlow',
    params: { minutes: '20' },
  },
  {
    name: 'GNOME at 10 minutes',
    platform: 'linux',
    host: { env: GNOME_ENV, commands: gnome({ 'org.gnome.desktop.session idle-delay': 'uint32 600' }) },
    status: 'warn',
    summary: 'slow',
    params: { minutes: '10' },
  },
  {
    name: 'Ubuntu with lock on suspend off',
    platform: 'linux',
    host: { env: GNOME_ENV, commands: gnome({ 'org.gnome.desktop.screensaver ubuntu-lock-on-suspend': 'false' }) },
    status: 'warn',
    summary: 'noSuspend',
    evidence: [['labelOnSuspend', 'gsettings get org.gnome.desktop.screensaver ubuntu-lock-on-suspend', false]],
  },
  {
    name: 'gsettings missing',
    platform: 'linux',
    host: { env: GNOME_ENV, commands: {} },
    status: 'unknown',
    summary: 'unreadable',
    evidence: [['labelLockEnabled', 'gsettings get org.gnome.desktop.screensaver lock-enabled', 'not found']],
  },
  {
    name: 'gsettings printing nonsense',
    platform: 'linux',
    host: { env: GNOME_ENV, commands: gnome({ 'org.gnome.desktop.session idle-delay': '\u001b[31mboom' }) },
    status: 'unknown',
    summary: 'unreadable',
  },
  {
    name: 'GNOME without a D-Bus session (SSH)',
    platform: 'linux',
    host: { env: { XDG_CURRENT_DESKTOP: 'GNOME' }, commands: gnome({}) },
    status: 'unknown',
    summary: 'noBus',
  },
  {
    name: 'run through sudo',
    platform: 'linux',
    host: { env: { ...GNOME_ENV, SUDO_USER: 'alice' }, commands: gnome({}) },
    status: 'unknown',
    summary: 'asRoot',
    params: { user: 'alice' },
  },
  {
    name: 'no desktop session at all',
    platform: 'linux',
    host: { env: {} },
    status: 'unknown',
    summary: 'noSession',
    evidence: [['labelDesktop', 'XDG_CURRENT_DESKTOP', 'not set']],
  },
  {
    name: 'i3 with no locker running',
    platform: 'linux',
    host: session(I3, [proc(10, ['i3'])]),
    status: 'warn',
    summary: 'noLocker',
    params: { desktop: 'i3' },
    evidence: [['labelLocker', 'ps -e', 'none']],
  },
  {
    name: 'startx with no desktop name and no locker: a plain X session',
    platform: 'linux',
    host: session({ DISPLAY: ':0' }, []),
    status: 'warn',
    summary: 'noLocker',
    params: { desktop: 'X11' },
  },
  {
    name: 'over SSH with a forwarded DISPLAY: no desktop session',
    platform: 'linux',
    host: session(
      { DISPLAY: 'localhost:10.0', SSH_CONNECTION: '10.0.0.2 5000 10.0.0.1 22' },
      [proc(20, ['xss-lock', '--', 'i3lock'])],
      300,
    ),
    status: 'unknown',
    summary: 'noSession',
  },
  {
    name: 'LXQt with none of the known lockers: its own may lock, so unknown',
    platform: 'linux',
    host: session({ XDG_CURRENT_DESKTOP: 'LXQt', DISPLAY: ':0' }, []),
    status: 'unknown',
    summary: 'unsupported',
    params: { desktop: 'LXQt' },
  },
  {
    name: 'i3 with xss-lock -- i3lock and xset s 300',
    platform: 'linux',
    host: session(I3, [proc(4242, ['xss-lock', '--transfer-sleep-lock', '--', 'i3lock', '--nofork'])], 300),
    status: 'pass',
    summary: 'quick',
    params: { desktop: 'xss-lock', minutes: '5' },
    evidence: [
      ['labelLocker', '/proc/4242/cmdline', 'xss-lock --transfer-sleep-lock -- i3lock --nofork'],
      ['labelSaverTimeout', 'xset q', 300],
      ['labelDpmsOff', 'xset q', 600],
    ],
  },
  {
    name: 'xss-lock with the X screen saver off (xset s off): DPMS blanks, nothing locks',
    platform: 'linux',
    host: session(I3, [proc(4242, ['xss-lock', '--', 'i3lock'])], 0),
    status: 'fail',
    summary: 'never',
    evidence: [['labelSaverTimeout', 'xset q', 0]],
  },
  {
    name: 'xss-lock with a notifier locks one screen saver cycle later (xset s 180 120: 5 minutes)',
    platform: 'linux',
    host: session(I3, [proc(4242, ['xss-lock', '-n', '/usr/share/doc/xss-lock/dim-screen.sh', '--', 'i3lock', '-n'])], undefined, {
      'xset q': 'Screen Saver:\n  prefer blanking:  yes    allow exposures:  yes\n  timeout:  180    cycle:  120\n',
    }),
    status: 'pass',
    summary: 'quick',
    params: { minutes: '5' },
  },
  {
    name: 'xss-lock --ignore-sleep: no lock on suspend',
    platform: 'linux',
    host: session(I3, [proc(4242, ['xss-lock', '--ignore-sleep', '--', 'slock'])], 180),
    status: 'warn',
    summary: 'noSuspend',
    params: { desktop: 'xss-lock', minutes: '3' },
  },
  {
    name: 'xss-lock running a script Bulwark cannot judge',
    platform: 'linux',
    host: session(I3, [proc(4242, ['xss-lock', '--', '/home/alex/bin/lock.sh'])], 300),
    status: 'unknown',
    summary: 'lockerUnrecognized',
    params: { locker: 'xss-lock', command: '/home/alex/bin/lock.sh' },
  },
  {
    name: 'xss-lock, but xset cannot be run',
    platform: 'linux',
    host: session(I3, [proc(4242, ['xss-lock', '--', 'i3lock'])], undefined, {
      'xset q': { code: 1, stderr: 'xset:  unable to open display ":0"\n' },
    }),
    status: 'unknown',
    summary: 'unreadable',
    params: { source: 'xset q' },
  },
  {
    name: 'another user’s locker does not count',
    platform: 'linux',
    host: session(I3, [proc(4242, ['xss-lock', '--', 'i3lock'], 'bob')], 300),
    status: 'warn',
    summary: 'noLocker',
  },
  {
    name: 'the process list without /proc: arguments from the process list',
    platform: 'linux',
    host: {
      env: { ...I3, USER: 'alex' },
      processes: [proc(77, ['xss-lock', '--', 'i3lock']).process],
      commands: { 'xset q': 'Screen Saver:\n  timeout:  120    cycle:  600\n' },
    },
    status: 'pass',
    summary: 'quick',
    evidence: [['labelLocker', 'ps -e', 'xss-lock -- i3lock']],
  },
  {
    name: 'xautolock -time 5 -locker slock: 5 minutes, but nothing on suspend',
    platform: 'linux',
    host: session(I3, [proc(300, ['xautolock', '-time', '5', '-locker', 'slock'])]),
    status: 'warn',
    summary: 'noSuspend',
    params: { desktop: 'xautolock', minutes: '5' },
  },
  {
    name: 'xautolock and xss-lock together: the earlier lock, and xss-lock locks on suspend',
    platform: 'linux',
    host: session(I3, [proc(300, ['xautolock', '-time', '3', '-locker', 'i3lock']), proc(301, ['xss-lock', '--', 'i3lock'])], 600),
    status: 'pass',
    summary: 'quick',
    params: { desktop: 'xautolock + xss-lock', minutes: '3' },
  },
  {
    name: 'sway with swayidle: timeout 300 swaylock, before-sleep swaylock',
    platform: 'linux',
    host: session(SWAY, [
      proc(500, [
        'swayidle',
        '-w',
        'timeout',
        '300',
        'swaylock -f -c 000000',
        'timeout',
        '600',
        'swaymsg "output * dpms off"',
        'resume',
        'swaymsg "output * dpms on"',
        'before-sleep',
        'swaylock -f -c 000000',
      ]),
    ]),
    status: 'pass',
    summary: 'quick',
    params: { desktop: 'swayidle', minutes: '5' },
    evidence: [
      [
        'labelLocker',
        '/proc/500/cmdline',
        'swayidle -w timeout 300 swaylock -f -c 000000 timeout 600 swaymsg "output * dpms off" resume swaymsg "output * dpms on" before-sleep swaylock -f -c 000000',
      ],
    ],
  },
  {
    name: 'swayidle -w reading its events from ~/.config/swayidle/config',
    platform: 'linux',
    host: session(
      SWAY,
      [proc(500, ['swayidle', '-w'])],
      undefined,
      {},
      { [SWAYIDLE_CONFIG]: "timeout 600 'swaylock -f'\nbefore-sleep 'swaylock -f'\n" },
    ),
    status: 'warn',
    summary: 'slow',
    params: { minutes: '10' },
    evidence: [['labelLockerConfig', SWAYIDLE_CONFIG, 'present']],
  },
  {
    name: 'swayidle -C with a config locking through logind',
    platform: 'linux',
    host: session(
      SWAY,
      [proc(500, ['swayidle', '-C', '/etc/idle.conf'])],
      undefined,
      {},
      { '/etc/idle.conf': "timeout 1200 'loginctl lock-session'\nlock 'swaylock -f'\nbefore-sleep 'loginctl lock-session'\n" },
    ),
    status: 'fail',
    summary: 'tooSlow',
    params: { minutes: '20' },
  },
  {
    name: 'swayidle without before-sleep',
    platform: 'linux',
    host: session(SWAY, [proc(500, ['swayidle', 'timeout', '240', 'swaylock'])]),
    status: 'warn',
    summary: 'noSuspend',
    params: { minutes: '4' },
  },
  {
    name: 'swayidle with a malformed config: unknown, naming the file',
    platform: 'linux',
    host: session(SWAY, [proc(500, ['swayidle'])], undefined, {}, { [SWAYIDLE_CONFIG]: "timeout 300 'swaylock\n" }),
    status: 'unknown',
    summary: 'unreadable',
    params: { source: SWAYIDLE_CONFIG },
  },
  {
    name: 'sway with no swayidle running: the config line that would start it is shown',
    platform: 'linux',
    host: session(
      SWAY,
      [proc(2, ['sway'])],
      undefined,
      {},
      { '/home/alex/.config/sway/config': "exec swayidle -w timeout 300 'swaylock -f'\n" },
    ),
    status: 'warn',
    summary: 'noLocker',
    params: { desktop: 'sway' },
    evidence: [['labelLockerConfig', '/home/alex/.config/sway/config', "swayidle -w timeout 300 'swaylock -f'"]],
  },
  {
    name: 'xscreensaver running: seen, not read',
    platform: 'linux',
    host: session(I3, [proc(9, ['xscreensaver', '-no-splash'])]),
    status: 'unknown',
    summary: 'lockerNotRead',
    params: { locker: 'xscreensaver' },
  },
  {
    name: 'xss-lock in a Wayland session: it watches X, not the compositor',
    platform: 'linux',
    host: session(SWAY, [proc(4242, ['xss-lock', '--', 'i3lock'])]),
    status: 'unknown',
    summary: 'lockerNotRead',
  },
  {
    name: 'XFCE with light-locker (Xubuntu): gsettings, after xset s 300',
    platform: 'linux',
    host: session(
      { XDG_CURRENT_DESKTOP: 'XFCE', DISPLAY: ':0', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/x' },
      [proc(61, ['light-locker'])],
      300,
      {
        'gsettings get apps.light-locker lock-after-screensaver': 'uint32 0\n',
        'gsettings get apps.light-locker lock-on-suspend': 'true\n',
      },
    ),
    status: 'fail',
    summary: 'never',
    evidence: [['labelLockDelay', 'gsettings get apps.light-locker lock-after-screensaver', 0]],
  },
  {
    name: 'light-locker with its schema defaults (5 s after the screen saver, lock on suspend)',
    platform: 'linux',
    host: session(
      { XDG_CURRENT_DESKTOP: 'XFCE', DISPLAY: ':0', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/x' },
      [proc(61, ['light-locker'])],
      240,
      {
        'gsettings get apps.light-locker lock-after-screensaver': 'uint32 5\n',
        'gsettings get apps.light-locker lock-on-suspend': 'true\n',
      },
    ),
    status: 'pass',
    summary: 'quick',
    params: { desktop: 'light-locker', minutes: '4.1' },
  },
  {
    name: 'light-locker under i3: options win over its settings, no bus needed, no power manager',
    platform: 'linux',
    host: session(I3, [proc(61, ['light-locker', '--lock-after-screensaver=10', '--no-lock-on-suspend'])], 300),
    status: 'warn',
    summary: 'noSuspend',
  },
  {
    name: 'XFCE light-locker with its own lock-on-suspend off: the power manager locks through xflock4',
    platform: 'linux',
    host: session(
      { XDG_CURRENT_DESKTOP: 'XFCE', DISPLAY: ':0' },
      [proc(61, ['light-locker', '--lock-after-screensaver=5', '--no-lock-on-suspend'])],
      240,
    ),
    status: 'pass',
    summary: 'quick',
    evidence: [
      [
        'labelOnSuspend',
        '/home/alex/.config/xfce4/xfconf/xfce-perchannel-xml/xfce4-power-manager.xml /xfce4-power-manager/lock-screen-suspend-hibernate',
        'true (default)',
      ],
    ],
  },
  {
    name: 'XFCE light-locker with both its and the power manager’s lock on suspend off',
    platform: 'linux',
    host: session(
      { XDG_CURRENT_DESKTOP: 'XFCE', DISPLAY: ':0' },
      [proc(61, ['light-locker', '--lock-after-screensaver=5', '--no-lock-on-suspend'])],
      240,
      {},
      {
        '/home/alex/.config/xfce4/xfconf/xfce-perchannel-xml/xfce4-power-manager.xml':
          '<channel name="xfce4-power-manager" version="1.0"><property name="xfce4-power-manager" type="empty"><property name="lock-screen-suspend-hibernate" type="bool" value="false"/></property></channel>',
      },
    ),
    status: 'warn',
    summary: 'noSuspend',
  },
  {
    name: 'light-locker settings without a D-Bus session',
    platform: 'linux',
    host: session({ XDG_CURRENT_DESKTOP: 'XFCE', DISPLAY: ':0' }, [proc(61, ['light-locker'])], 300),
    status: 'unknown',
    summary: 'noBus',
  },
  {
    name: 'KDE with no kscreenlockerrc: KDE defaults (5 minutes + 5 s grace, lock on resume)',
    platform: 'linux',
    host: { env: { XDG_CURRENT_DESKTOP: 'KDE' }, home: '/home/u' },
    status: 'warn',
    summary: 'slow',
    params: { desktop: 'KDE Plasma', minutes: '5.1' },
    evidence: [['labelIdleMinutes', '/home/u/.config/kscreenlockerrc [Daemon] Timeout', '5 (default)']],
  },
  {
    name: 'KDE with Autolock off',
    platform: 'linux',
    host: {
      env: { XDG_CURRENT_DESKTOP: 'KDE' },
      home: '/home/u',
      files: { '/home/u/.config/kscreenlockerrc': fixture('linux/kscreenlockerrc-autolock-off') },
    },
    status: 'fail',
    summary: 'never',
    evidence: [['labelLockEnabled', '/home/u/.config/kscreenlockerrc [Daemon] Autolock', 'false']],
  },
  {
    name: 'KDE at 3 minutes with no grace, but not on resume',
    platform: 'linux',
    host: {
      env: { XDG_CURRENT_DESKTOP: 'KDE', XDG_CONFIG_HOME: '/cfg' },
      files: { '/cfg/kscreenlockerrc': '[Daemon]\nTimeout=3\nLockGrace=0\nLockOnResume=false\n[Greeter]\nTimeout=99\n' },
    },
    status: 'warn',
    summary: 'noSuspend',
    params: { minutes: '3' },
  },
  {
    name: 'KDE at 3 minutes, no grace',
    platform: 'linux',
    host: {
      env: { XDG_CURRENT_DESKTOP: 'KDE', XDG_CONFIG_HOME: '/cfg' },
      files: { '/cfg/kscreenlockerrc': '[Daemon]\nTimeout=3\nLockGrace=0\n' },
    },
    status: 'pass',
    summary: 'quick',
    params: { desktop: 'KDE Plasma', minutes: '3' },
  },
  {
    name: 'KDE config unreadable',
    platform: 'linux',
    host: {
      env: { XDG_CURRENT_DESKTOP: 'KDE', XDG_CONFIG_HOME: '/cfg' },
      files: { '/cfg/kscreenlockerrc': { error: 'permission_denied' } },
    },
    status: 'unknown',
    summary: 'unreadable',
  },
  {
    name: 'MATE counts minutes',
    platform: 'linux',
    host: {
      env: { XDG_CURRENT_DESKTOP: 'MATE', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/x' },
      commands: {
        'gsettings get org.mate.screensaver lock-enabled': 'true\n',
        'gsettings get org.mate.session idle-delay': '5\n',
        'gsettings get org.mate.screensaver lock-delay': '0\n',
        'gsettings get org.mate.lockdown disable-lock-screen': 'false\n',
        'gsettings get org.mate.screensaver idle-activation-enabled': 'true\n',
      },
    },
    status: 'pass',
    summary: 'quick',
    params: { desktop: 'MATE', minutes: '5' },
  },
  {
    name: 'MATE idle-delay 0 counts as 10 minutes (mate-screensaver gs-prefs.c)',
    platform: 'linux',
    host: {
      env: { XDG_CURRENT_DESKTOP: 'MATE', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/x' },
      commands: {
        'gsettings get org.mate.screensaver lock-enabled': 'true\n',
        'gsettings get org.mate.session idle-delay': '0\n',
        'gsettings get org.mate.screensaver lock-delay': '0\n',
        'gsettings get org.mate.lockdown disable-lock-screen': 'false\n',
        'gsettings get org.mate.screensaver idle-activation-enabled': 'true\n',
      },
    },
    status: 'warn',
    summary: 'slow',
    params: { desktop: 'MATE', minutes: '10' },
  },
  {
    name: 'MATE: suspend lock follows the screen saver (lock-use-screensaver, its default)',
    platform: 'linux',
    host: { env: MATE_ENV, commands: mate({ 'org.mate.power-manager lock-suspend': 'false' }) },
    status: 'pass',
    summary: 'quick',
    evidence: [['labelSuspendFollows', 'gsettings get org.mate.power-manager lock-use-screensaver', true]],
  },
  {
    name: 'MATE: power manager set to its own rule, lock-suspend off',
    platform: 'linux',
    host: {
      env: MATE_ENV,
      commands: mate({ 'org.mate.power-manager lock-use-screensaver': 'false', 'org.mate.power-manager lock-suspend': 'false' }),
    },
    status: 'warn',
    summary: 'noSuspend',
    params: { desktop: 'MATE', minutes: '5' },
    evidence: [
      ['labelSuspendFollows', 'gsettings get org.mate.power-manager lock-use-screensaver', false],
      ['labelOnSuspend', 'gsettings get org.mate.power-manager lock-suspend', false],
    ],
  },
  {
    name: 'MATE: own rule, lock-suspend on',
    platform: 'linux',
    host: { env: MATE_ENV, commands: mate({ 'org.mate.power-manager lock-use-screensaver': 'false' }) },
    status: 'pass',
    summary: 'quick',
    evidence: [['labelOnSuspend', 'gsettings get org.mate.power-manager lock-suspend', true]],
  },
  {
    name: 'MATE: following the screen saver whose lock is off',
    platform: 'linux',
    host: { env: MATE_ENV, commands: mate({ 'org.mate.screensaver lock-enabled': 'false' }) },
    status: 'fail',
    summary: 'never',
  },
  {
    name: 'MATE without mate-power-manager: lock on suspend not read, the idle lock decides',
    platform: 'linux',
    host: {
      env: MATE_ENV,
      commands: mate({ 'org.mate.power-manager lock-use-screensaver': undefined, 'org.mate.power-manager lock-suspend': undefined }),
    },
    status: 'pass',
    summary: 'quick',
    params: { desktop: 'MATE', minutes: '5' },
  },
  {
    name: 'Cinnamon: lock-on-suspend at its schema default (false)',
    platform: 'linux',
    host: { env: CINNAMON_ENV, commands: cinnamon({}) },
    status: 'warn',
    summary: 'noSuspend',
    params: { desktop: 'Cinnamon', minutes: '5' },
    evidence: [['labelOnSuspend', 'gsettings get org.cinnamon.settings-daemon.plugins.power lock-on-suspend', false]],
  },
  {
    name: 'Cinnamon: lock-on-suspend on',
    platform: 'linux',
    host: { env: CINNAMON_ENV, commands: cinnamon({ 'org.cinnamon.settings-daemon.plugins.power lock-on-suspend': 'true' }) },
    status: 'pass',
    summary: 'quick',
    params: { desktop: 'Cinnamon', minutes: '5' },
  },
  {
    name: 'Cinnamon: lock delay added (lock-delay 300 s after a 5-minute blank)',
    platform: 'linux',
    host: {
      env: CINNAMON_ENV,
      commands: cinnamon({
        'org.cinnamon.desktop.screensaver lock-delay': 'uint32 300',
        'org.cinnamon.settings-daemon.plugins.power lock-on-suspend': 'true',
      }),
    },
    status: 'warn',
    summary: 'slow',
    params: { minutes: '10' },
  },
  {
    name: 'Cinnamon without cinnamon-settings-daemon: lock on suspend not read',
    platform: 'linux',
    host: { env: CINNAMON_ENV, commands: cinnamon({ 'org.cinnamon.settings-daemon.plugins.power lock-on-suspend': undefined }) },
    status: 'pass',
    summary: 'quick',
  },
  {
    name: 'Cinnamon with the screen saver not started on idle',
    platform: 'linux',
    host: { env: CINNAMON_ENV, commands: cinnamon({ 'org.cinnamon.desktop.screensaver idle-activation-enabled': 'false' }) },
    status: 'fail',
    summary: 'never',
  },
  {
    name: 'XFCE with xfce4-screensaver installed and never configured: its defaults, 5 minutes',
    platform: 'linux',
    host: { env: { XDG_CURRENT_DESKTOP: 'XFCE' }, files: { [XFCE_AUTOSTART]: '[Desktop Entry]\n' } },
    status: 'pass',
    summary: 'quick',
    params: { desktop: 'XFCE', minutes: '5' },
    evidence: [
      ['labelLocker', XFCE_AUTOSTART, 'present'],
      ['labelIdleMinutes', `${XFCE_USER} /saver/idle-activation/delay`, '5 (default)'],
      [
        'labelOnSuspend',
        '/home/alex/.config/xfce4/xfconf/xfce-perchannel-xml/xfce4-power-manager.xml /xfce4-power-manager/lock-screen-suspend-hibernate',
        'true (default)',
      ],
    ],
  },
  {
    name: 'XFCE: 10 minutes idle plus 1 minute lock delay',
    platform: 'linux',
    host: { env: { XDG_CURRENT_DESKTOP: 'XFCE' }, files: { [XFCE_USER]: fixture('linux/xfce4-screensaver-10min.xml') } },
    status: 'warn',
    summary: 'slow',
    params: { desktop: 'XFCE', minutes: '11' },
    evidence: [
      ['labelIdleMinutes', `${XFCE_USER} /saver/idle-activation/delay`, 10],
      ['labelLockMinutes', `${XFCE_USER} /lock/saver-activation/delay`, 1],
    ],
  },
  {
    name: 'XFCE: the user turned the lock off',
    platform: 'linux',
    host: { env: { XDG_CURRENT_DESKTOP: 'XFCE' }, files: { [XFCE_USER]: fixture('linux/xfce4-screensaver-lock-off.xml') } },
    status: 'fail',
    summary: 'never',
    evidence: [['labelLockEnabled', `${XFCE_USER} /lock/enabled`, false]],
  },
  {
    name: 'XFCE: a system default of 30 minutes the user did not change',
    platform: 'linux',
    host: {
      env: { XDG_CURRENT_DESKTOP: 'XFCE' },
      files: {
        [XFCE_SYSTEM]:
          '<channel name="xfce4-screensaver" version="1.0"><property name="saver" type="empty"><property name="idle-activation" type="empty"><property name="delay" type="int" value="30"/></property></property></channel>',
      },
    },
    status: 'fail',
    summary: 'tooSlow',
    params: { minutes: '30' },
  },
  {
    name: 'XFCE: power manager does not lock on suspend',
    platform: 'linux',
    host: {
      env: { XDG_CURRENT_DESKTOP: 'XFCE' },
      files: {
        [XFCE_AUTOSTART]: '[Desktop Entry]\n',
        '/home/alex/.config/xfce4/xfconf/xfce-perchannel-xml/xfce4-power-manager.xml':
          '<channel name="xfce4-power-manager" version="1.0"><property name="xfce4-power-manager" type="empty"><property name="lock-screen-suspend-hibernate" type="bool" value="false"/></property></channel>',
      },
    },
    status: 'warn',
    summary: 'noSuspend',
  },
  {
    name: 'XFCE without xfce4-screensaver (light-locker or none): unknown, naming what was looked for',
    platform: 'linux',
    host: { env: { XDG_CURRENT_DESKTOP: 'XFCE' } },
    status: 'unknown',
    summary: 'xfceNoLocker',
    evidence: [['labelLocker', XFCE_AUTOSTART, 'none']],
  },
  {
    name: 'XFCE: a malformed settings file is unknown, naming the file',
    platform: 'linux',
    host: { env: { XDG_CURRENT_DESKTOP: 'XFCE' }, files: { [XFCE_USER]: '<channel name="xfce4-screensaver"><property name="a"' } },
    status: 'unknown',
    summary: 'unreadable',
    params: { source: XFCE_USER },
  },
  {
    name: 'XFCE: an unreadable settings file is unknown',
    platform: 'linux',
    host: { env: { XDG_CURRENT_DESKTOP: 'XFCE' }, files: { [XFCE_USER]: { error: 'permission_denied' } } },
    status: 'unknown',
    summary: 'unreadable',
  },
  {
    name: 'macOS: immediate password, idleTime 300',
    platform: 'darwin',
    host: { commands: { [SYSADMINCTL]: { stderr: fixture('darwin/sysadminctl-immediate.txt') }, [IDLE]: '300\n' } },
    status: 'pass',
    summary: 'quick',
    params: { desktop: 'macOS', minutes: '5' },
    evidence: [
      ['labelPasswordDelay', SYSADMINCTL, 0],
      ['labelIdleDelay', IDLE, 300],
    ],
  },
  {
    name: 'macOS: idleTime never set (20-minute default)',
    platform: 'darwin',
    host: { commands: { [SYSADMINCTL]: { stderr: fixture('darwin/sysadminctl-immediate.txt') }, [IDLE]: NO_IDLE } },
    status: 'fail',
    summary: 'tooSlow',
    params: { minutes: '20' },
    evidence: [['labelIdleDelay', IDLE, '1200 (default)']],
  },
  {
    name: 'macOS: 5-minute password delay after 5 minutes idle',
    platform: 'darwin',
    host: { commands: { [SYSADMINCTL]: { stderr: fixture('darwin/sysadminctl-300.txt') }, [IDLE]: '300\n' } },
    status: 'warn',
    summary: 'slow',
    params: { minutes: '10' },
  },
  {
    name: 'macOS: no password',
    platform: 'darwin',
    host: { commands: { [SYSADMINCTL]: { stderr: fixture('darwin/sysadminctl-off.txt') }, [IDLE]: '300\n' } },
    status: 'fail',
    summary: 'never',
    evidence: [['labelPasswordDelay', SYSADMINCTL, 'off']],
  },
  {
    name: 'macOS: display sleep 10 minutes (pmset -g) locks before the 20-minute screen saver default',
    platform: 'darwin',
    host: {
      commands: {
        [SYSADMINCTL]: { stderr: fixture('darwin/sysadminctl-immediate.txt') },
        [IDLE]: NO_IDLE,
        [PMSET_CUSTOM]: { error: 'not_found' },
        [PMSET]: fixture('darwin/pmset-g-displaysleep-10.txt'),
      },
    },
    status: 'warn',
    summary: 'slow',
    params: { desktop: 'macOS', minutes: '10' },
    evidence: [
      ['labelDisplaySleep', 'pmset -g: Currently in use displaysleep', 10],
      ['labelIdleDelay', IDLE, '1200 (default)'],
    ],
  },
  {
    name: 'macOS: per power source, the slower one counts (battery 2, AC 30 minutes; screen saver at 20)',
    platform: 'darwin',
    host: {
      commands: {
        [SYSADMINCTL]: { stderr: fixture('darwin/sysadminctl-immediate.txt') },
        [IDLE]: NO_IDLE,
        [PMSET_CUSTOM]: fixture('darwin/pmset-g-custom-battery-2-ac-30.txt'),
      },
    },
    status: 'fail',
    summary: 'tooSlow',
    params: { minutes: '20' },
    evidence: [
      ['labelDisplaySleep', 'pmset -g custom: Battery Power displaysleep', 2],
      ['labelDisplaySleep', 'pmset -g custom: AC Power displaysleep', 30],
    ],
  },
  {
    name: 'macOS: screen saver at 5 minutes with display sleep at 20 (pmset -g, sleep prevented)',
    platform: 'darwin',
    host: {
      commands: {
        [SYSADMINCTL]: { stderr: fixture('darwin/sysadminctl-immediate.txt') },
        [IDLE]: '300\n',
        [PMSET_CUSTOM]: { code: 1, stderr: 'pmset: error\n' },
        [PMSET]: fixture('darwin/pmset-g-displaysleep-20.txt'),
      },
    },
    status: 'pass',
    summary: 'quick',
    params: { minutes: '5' },
    evidence: [['labelDisplaySleep', 'pmset -g: Currently in use displaysleep', 20]],
  },
  {
    name: 'macOS: screen saver never, display sleep 3 minutes: the display locks it',
    platform: 'darwin',
    host: {
      commands: {
        [SYSADMINCTL]: { stderr: fixture('darwin/sysadminctl-immediate.txt') },
        [IDLE]: '0\n',
        [PMSET_CUSTOM]: 'AC Power:\n displaysleep         3\n',
      },
    },
    status: 'pass',
    summary: 'quick',
    params: { minutes: '3' },
  },
  {
    name: 'macOS: screen saver never and display never sleeps',
    platform: 'darwin',
    host: {
      commands: {
        [SYSADMINCTL]: { stderr: fixture('darwin/sysadminctl-immediate.txt') },
        [IDLE]: '0\n',
        [PMSET_CUSTOM]: 'AC Power:\n displaysleep         0\n',
      },
    },
    status: 'fail',
    summary: 'never',
  },
  {
    name: 'macOS: 5-minute password delay after the display sleeps at 5 (10 minutes)',
    platform: 'darwin',
    host: {
      commands: {
        [SYSADMINCTL]: { stderr: fixture('darwin/sysadminctl-300.txt') },
        [IDLE]: NO_IDLE,
        [PMSET_CUSTOM]: 'Battery Power:\n displaysleep         5\nAC Power:\n displaysleep         5\n',
      },
    },
    status: 'warn',
    summary: 'slow',
    params: { minutes: '10' },
  },
  {
    name: 'macOS: hostile pmset output is left out; the screen saver alone decides (stricter, never a guessed pass)',
    platform: 'darwin',
    host: {
      commands: {
        [SYSADMINCTL]: { stderr: fixture('darwin/sysadminctl-immediate.txt') },
        [IDLE]: NO_IDLE,
        [PMSET_CUSTOM]: '\u001b[2J AC Power:\n displaysleep 1\n',
        [PMSET]: 'Currently in use\n displaysleep 1\n',
      },
    },
    status: 'fail',
    summary: 'tooSlow',
    evidence: [
      ['labelDisplaySleep', 'pmset -g custom', 'read error'],
      ['labelDisplaySleep', 'pmset -g', 'read error'],
    ],
  },
  {
    name: 'macOS: sysadminctl says something else',
    platform: 'darwin',
    host: { commands: { [SYSADMINCTL]: { stderr: 'usage: sysadminctl\n' }, [IDLE]: '300\n' } },
    status: 'unknown',
    summary: 'unreadable',
  },
  {
    name: 'Windows: secure screen saver at 5 minutes',
    platform: 'win32',
    host: { commands: { [REG_DESKTOP]: fixture('win32/desktop-secure-300.txt'), [REG_POLICY]: ABSENT, [REG_SYSTEM]: ABSENT } },
    status: 'pass',
    summary: 'quick',
    params: { desktop: 'Windows', minutes: '5' },
    evidence: [['labelSecure', 'HKCU\\Control Panel\\Desktop\\ScreenSaverIsSecure', '1']],
  },
  {
    name: 'Windows: a new account (no screen saver chosen, no password)',
    platform: 'win32',
    host: { commands: { [REG_DESKTOP]: fixture('win32/desktop-default.txt'), [REG_POLICY]: ABSENT, [REG_SYSTEM]: ABSENT } },
    status: 'fail',
    summary: 'never',
    evidence: [
      ['labelInactivity', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\InactivityTimeoutSecs', 'not set'],
    ],
  },
  {
    name: 'Windows: a real account with the screen saver on, none chosen and no timeout stored',
    platform: 'win32',
    host: { commands: { [REG_DESKTOP]: fixture('win32/desktop-published-no-saver.txt'), [REG_POLICY]: ABSENT, [REG_SYSTEM]: ABSENT } },
    status: 'fail',
    summary: 'never',
    evidence: [
      ['labelScreenSaver', 'HKCU\\Control Panel\\Desktop\\ScreenSaveActive', '1'],
      ['labelScreenSaver', 'HKCU\\Control Panel\\Desktop\\SCRNSAVE.EXE', 'not set'],
      ['labelTimeout', 'HKCU\\Control Panel\\Desktop\\ScreenSaveTimeOut', 'not set'],
    ],
  },
  {
    name: 'Windows: InactivityTimeoutSecs 900 machine policy',
    platform: 'win32',
    host: {
      commands: {
        [REG_DESKTOP]: fixture('win32/desktop-default.txt'),
        [REG_POLICY]: ABSENT,
        [REG_SYSTEM]:
          '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\r\n    InactivityTimeoutSecs    REG_DWORD    0x384\r\n\r\n',
      },
    },
    status: 'warn',
    summary: 'slow',
    params: { minutes: '15' },
  },
  {
    name: 'Windows: the policy turns the password off',
    platform: 'win32',
    host: {
      commands: {
        [REG_DESKTOP]: fixture('win32/desktop-secure-300.txt'),
        [REG_POLICY]:
          '\r\nHKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop\r\n    ScreenSaverIsSecure    REG_SZ    0\r\n\r\n',
        [REG_SYSTEM]: ABSENT,
      },
    },
    status: 'fail',
    summary: 'never',
    evidence: [['labelSecure', 'HKCU\\Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop\\ScreenSaverIsSecure', '0']],
  },
  {
    name: 'Windows: reg denied',
    platform: 'win32',
    host: { commands: { [REG_DESKTOP]: { error: 'permission_denied' } } },
    status: 'unknown',
    summary: 'unreadable',
  },
]

describe('screen.lock', () => {
  it.each(cases)('$platform: $name', async (c) => {
    const host = createFixtureHost({ platform: c.platform, ...c.host })
    const result = await runCheck(screenLockCheck, host)
    expectOutcome(result, c)
  })

  it('a process list that cannot be read is unknown, naming it', async () => {
    const host = createFixtureHost({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'i3', DISPLAY: ':0' } })
    host.sysinfo.processes = () => Promise.reject(new Error('EACCES'))
    const result = await runCheck(screenLockCheck, host)
    expectOutcome(result, { name: '', host: {}, status: 'unknown', summary: 'unreadable', params: { source: 'ps -e' } })
  })

  it('a hostile command line reaches the evidence without control characters', async () => {
    const hostile = proc(66, ['xss-lock', '--', '\u001b]0;owned\u0007i3lock', '\u001b[2J'])
    const host = createFixtureHost({ platform: 'linux', ...session(I3, [hostile], 300) })
    const result = await runCheck(screenLockCheck, host)
    const seen = result.evidence.map((e) => (typeof e.observed === 'string' ? e.observed : '')).join('')
    expect(seen).toContain('i3lock')
    expect(seen).not.toMatch(/[\u0000-\u001f]/)
  })

  it('never changes a setting: only gsettings get is run', async () => {
    const host = createFixtureHost({ platform: 'linux', env: GNOME_ENV, commands: gnome({}) })
    await runCheck(screenLockCheck, host)
    expect(host.calls.filter((c) => c.startsWith('gsettings')).every((c) => c.startsWith('gsettings get '))).toBe(true)
  })
})
