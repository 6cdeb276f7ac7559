import { describe, expect, it } from 'vitest'
import {
  lockAction,
  parseLightLockerArgs,
  parseSwayidleArgs,
  parseSwayidleConfig,
  parseXautolockArgs,
  parseXsetQuery,
  parseXssLockArgs,
  shellWords,
  splitCmdline,
  swayExecSwayidle,
  swayidleLock,
  type SwayidleEvents,
} from '../../../../checks/catalogue/screen/lockers.parse.js'
import { parsePmset } from '../../../../checks/catalogue/screen/lock.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const HUGE = 'a'.repeat(4 * 1024 * 1024)

describe('splitCmdline', () => {
  it.each([
    ['xss-lock\x00--\x00i3lock\x00-n\x00', ['xss-lock', '--', 'i3lock', '-n']],
    ['swayidle\x00timeout\x00300\x00swaylock -f -c 000000\x00', ['swayidle', 'timeout', '300', 'swaylock -f -c 000000']],
    ['a\x00\x00b\x00', ['a', '', 'b']],
    ['no-nul', ['no-nul']],
    ['', []],
  ])('%j', (text, argv) => expect(splitCmdline(text)).toEqual(argv))

  it('caps the number and length of arguments', () => {
    const many = splitCmdline('x\x00'.repeat(100_000))
    expect(many.length).toBe(512)
    expect(splitCmdline(HUGE)[0]?.length).toBe(4096)
  })
})

describe('shellWords', () => {
  it.each([
    [`timeout 300 'swaylock -f'`, ['timeout', '300', 'swaylock -f']],
    [`before-sleep "swaylock -f -i \\"$HOME/x.png\\""`, ['before-sleep', 'swaylock -f -i "$HOME/x.png"']],
    [`a\\ b c # comment 'x`, ['a b', 'c']],
    [`it's#not`, null],
    [`word#inside stays`, ['word#inside', 'stays']],
    [`"unclosed`, null],
    ['', []],
  ])('%j', (text, words) => {
    const r = shellWords(text)
    if (words === null) expect(r.ok).toBe(false)
    else expect(r).toEqual({ ok: true, value: words })
  })

  it('refuses 4 MiB and stops at 512 words', () => {
    expect(shellWords(HUGE).ok).toBe(false)
    const r = shellWords('w '.repeat(100_000))
    expect(r.ok && r.value.length).toBe(512)
  })
})

describe('lockAction', () => {
  it.each([
    ['swaylock -f', 'locks'],
    ['/usr/bin/i3lock -n -c 000000', 'locks'],
    [`sh -c 'sleep 1; i3lock'`, 'locks'],
    [`swaymsg "exec swaylock"`, 'locks'],
    ['xscreensaver-command -lock', 'locks'],
    ['xscreensaver-command -activate', 'other'],
    ['dm-tool lock', 'locks'],
    ['light-locker-command --lock', 'locks'],
    ['loginctl lock-session', 'session'],
    [`swaymsg "output * dpms off"`, 'other'],
    ['notify-send locking', 'other'],
    ['myswaylock', 'other'],
    ['', 'other'],
    ['\u001b[31mswaylock', 'other'],
  ])('%j → %s', (command, action) => expect(lockAction(command)).toBe(action))

  it('does not look deeper than one level of quoting (linear)', () => {
    expect(lockAction(`sh -c "sh -c 'sh -c swaylock'"`)).toBe('other')
    expect(lockAction(`sh -c "${'x '.repeat(100_000)}"`)).toBe('other')
  })
})

describe('parseSwayidleArgs', () => {
  it.each([
    {
      argv: [
        'swayidle',
        '-w',
        'timeout',
        '300',
        'swaylock -f',
        'timeout',
        '600',
        'swaymsg "output * dpms off"',
        'resume',
        'swaymsg "output * dpms on"',
        'before-sleep',
        'swaylock -f',
      ],
      events: {
        timeouts: [
          { seconds: 300, command: 'swaylock -f' },
          { seconds: 600, command: 'swaymsg "output * dpms off"' },
        ],
        beforeSleep: 'swaylock -f',
      },
    },
    { argv: ['swayidle', '-wd', '-C', '/cfg/idle'], events: { timeouts: [] }, config: '/cfg/idle' },
    {
      argv: ['swayidle', '-C/cfg/idle', '-S', 'seat0', 'lock', 'swaylock'],
      events: { timeouts: [], lock: 'swaylock' },
      config: '/cfg/idle',
    },
    { argv: ['swayidle'], events: { timeouts: [] } },
  ])('$argv', ({ argv, events, config }) => {
    const r = parseSwayidleArgs(argv)
    expect(r).toEqual({ ok: true, value: config === undefined ? { events } : { events, config } })
  })

  it.each([
    [['swayidle', 'timeout', 'soon', 'swaylock']],
    [['swayidle', 'timeout', '300']],
    [['swayidle', 'before-sleep']],
    [['swayidle', 'whenever', 'swaylock']],
    [['swayidle', '-x']],
    [['swayidle', '-C']],
  ])('refuses what swayidle refuses: %j', (argv) => expect(parseSwayidleArgs(argv).ok).toBe(false))
})

describe('parseSwayidleConfig', () => {
  const empty = (): SwayidleEvents => ({ timeouts: [] })
  it('reads one event a line, skipping comments and blank lines', () => {
    const text = "# lock after 5 minutes\ntimeout 300 'swaylock -f'\n\nbefore-sleep 'swaylock -f'\nlock swaylock\n"
    expect(parseSwayidleConfig(text, empty())).toEqual({
      ok: true,
      value: { timeouts: [{ seconds: 300, command: 'swaylock -f' }], beforeSleep: 'swaylock -f', lock: 'swaylock' },
    })
  })
  it.each([["timeout 300 'swaylock"], ['bogus line'], [HUGE], ['timeout 1 x\n'.repeat(5000)]])(
    'refuses malformed, hostile or huge input',
    (text) => expect(parseSwayidleConfig(text, empty()).ok).toBe(false),
  )
})

describe('swayidleLock', () => {
  it.each([
    [
      { timeouts: [{ seconds: 300, command: 'swaylock -f' }], beforeSleep: 'swaylock -f' },
      { kind: 'read', lockSeconds: 300, onSuspend: true },
    ],
    [
      {
        timeouts: [
          { seconds: 600, command: 'swaylock' },
          { seconds: 120, command: 'swaylock -f' },
        ],
      },
      { kind: 'read', lockSeconds: 120, onSuspend: false },
    ],
    // swayidle main.c: a timeout of 0 seconds never fires.
    [
      { timeouts: [{ seconds: 0, command: 'swaylock' }], beforeSleep: 'swaylock' },
      { kind: 'read', lockSeconds: null, onSuspend: true },
    ],
    [
      { timeouts: [{ seconds: 300, command: 'loginctl lock-session' }], beforeSleep: 'loginctl lock-session', lock: 'swaylock -f' },
      { kind: 'read', lockSeconds: 300, onSuspend: true },
    ],
    [{ timeouts: [{ seconds: 300, command: 'loginctl lock-session' }] }, { kind: 'unrecognized', command: 'loginctl lock-session' }],
    [
      { timeouts: [{ seconds: 600, command: 'swaymsg "output * dpms off"' }] },
      { kind: 'unrecognized', command: 'swaymsg "output * dpms off"' },
    ],
    [{ timeouts: [] }, { kind: 'read', lockSeconds: null, onSuspend: false }],
  ])('%j', (events, reading) => expect(swayidleLock(events)).toEqual(reading))
})

describe('parseXssLockArgs', () => {
  it.each([
    [['xss-lock', '--', 'i3lock', '-n'], { locker: ['i3lock', '-n'], ignoreSleep: false, notifier: false }],
    [
      ['xss-lock', '-n', '/usr/lib/xsecurelock/dimmer', '-l', '--', 'xsecurelock'],
      { locker: ['xsecurelock'], ignoreSleep: false, notifier: true },
    ],
    [['xss-lock', '--ignore-sleep', 'slock'], { locker: ['slock'], ignoreSleep: true, notifier: false }],
    [['xss-lock', '--notifier=dim-screen.sh', '--session=c2', 'i3lock'], { locker: ['i3lock'], ignoreSleep: false, notifier: true }],
    [['xss-lock'], { locker: [], ignoreSleep: false, notifier: false }],
  ])('%j', (argv, parsed) => expect(parseXssLockArgs(argv)).toEqual(parsed))
})

describe('parseXautolockArgs', () => {
  it.each([
    [['xautolock', '-time', '5', '-locker', 'i3lock -n'], { minutes: 5, locker: 'i3lock -n' }],
    [['xautolock'], { minutes: 10, locker: 'xlock' }],
    [['xautolock', '-time', '0'], { minutes: 1, locker: 'xlock' }],
    [['xautolock', '-time', '999'], { minutes: 60, locker: 'xlock' }],
    [['xautolock', '-time', 'soon', '-notify', '30', '-notifier', 'notify-send x'], { minutes: 10, locker: 'xlock' }],
    [['xautolock', '-locker'], { minutes: 10, locker: 'xlock' }],
  ])('%j', (argv, parsed) => expect(parseXautolockArgs(argv)).toEqual(parsed))
})

describe('parseLightLockerArgs', () => {
  it.each([
    [['light-locker'], {}],
    [
      ['light-locker', '--lock-after-screensaver=10', '--no-late-locking', '--lock-on-suspend'],
      { lockAfterScreensaver: 10, lateLocking: false, lockOnSuspend: true },
    ],
    [['light-locker', '--lock-after-screensaver', '0', '--no-lock-on-suspend'], { lockAfterScreensaver: 0, lockOnSuspend: false }],
    [['light-locker', '--lock-after-screensaver=-5'], {}],
  ])('%j', (argv, parsed) => expect(parseLightLockerArgs(argv)).toEqual(parsed))
})

/** What `xset q` prints against Xvfb (x11-xserver-utils 7.7), trimmed to the sections read. */
const XSET = `Keyboard Control:
  auto repeat:  on    key click percent:  0    LED mask:  00000000
Screen Saver:
  prefer blanking:  yes    allow exposures:  yes
  timeout:  600    cycle:  600
Colors:
  default colormap:  0x20    BlackPixel:  0x0    WhitePixel:  0xffffff
DPMS (Energy Star):
  Standby: 1200    Suspend: 1800    Off: 2400
  DPMS is Enabled
  Monitor is On
`

describe('parseXsetQuery', () => {
  it('reads the screen saver timeout and DPMS', () =>
    expect(parseXsetQuery(XSET)).toEqual({
      ok: true,
      value: { saverTimeout: 600, saverCycle: 600, dpms: { enabled: true, standby: 1200, suspend: 1800, off: 2400 } },
    }))
  it('reads a server without DPMS', () =>
    expect(
      parseXsetQuery(
        'Screen Saver:\n  prefer blanking:  yes    allow exposures:  yes\n  timeout:  0    cycle:  600\nServer does not have the DPMS Extension\n',
      ),
    ).toEqual({
      ok: true,
      value: { saverTimeout: 0, saverCycle: 600 },
    }))
  it.each([
    [''],
    ['xset:  unable to open display ""\n'],
    ['  timeout:  600    cycle:  600\n'],
    [HUGE],
    ['Screen Saver:\n  timeout: \u001b[2J 600 cycle: 1\n'],
  ])('refuses output without the screen saver section: %#', (text) => expect(parseXsetQuery(text).ok).toBe(false))
})

describe('swayExecSwayidle', () => {
  it('finds exec lines that start swayidle, joining continued lines', () => {
    const text =
      "set $lock swaylock -f\nexec swayidle -w \\\n  timeout 300 '$lock' \\\n  before-sleep '$lock'\nexec_always --no-startup-id mako\nexec /usr/bin/swayidle -w\n"
    expect(swayExecSwayidle(text)).toEqual(["swayidle -w    timeout 300 '$lock'    before-sleep '$lock'", '/usr/bin/swayidle -w'])
  })
  it.each([[''], ['bindsym $mod+l exec swaylock\n'], [HUGE], ['exec swayidleX\n'], ['\\\n'.repeat(100_000)]])(
    'finds nothing in %#',
    (text) => expect(swayExecSwayidle(text)).toEqual([]),
  )
})

/** Hostile shapes under the 256 KiB cap (past it the parsers refuse at once): time must grow with size, not faster. */
const KiB = 1024
const LINEAR: ReadonlyArray<[string, (text: string) => unknown, (size: number) => string]> = [
  ['shell words of alternating quotes', (t) => shellWords(t), (n) => `"'`.repeat(n / 2)],
  ['a locker command of backslashes and spaces', (t) => lockAction(t), (n) => '\\ '.repeat(n / 2)],
  ['a swayidle config of comment lines', (t) => parseSwayidleConfig(t, { timeouts: [] }), (n) => '#\n'.repeat(n / 2)],
  ['xset output of one line of spaces', parseXsetQuery, (n) => `Screen Saver:\n${' '.repeat(n)}timeout:`],
  ['a sway config of continuation lines', swayExecSwayidle, (n) => 'exec swayidle \\\n'.repeat(n / 16)],
  ['a sway exec line of spaces before a stray carriage return', swayExecSwayidle, (n) => `exec${' '.repeat(n)}x\ry`],
  ['pmset output of a line of spaces', parsePmset, (n) => `AC Power:\n${' '.repeat(n / 2)}x${' '.repeat(n / 2)}`],
  ['a cmdline of empty arguments', splitCmdline, (n) => '\x00'.repeat(n)],
]

describe.each(LINEAR)('%s', (_name, parse, make) => {
  it('takes time linear in its size (60, 120, 240 KiB)', () => {
    expectLinearTime((scale) => make(scale * 60 * KiB), parse)
  })
})
