/**
 * Pure parsers for the lockers of sessions without a big desktop: the arguments of swayidle, xss-lock, xautolock and
 * light-locker as /proc/PID/cmdline holds them, swayidle's config file, and `xset q`. One pass each, capped, every
 * failure a value.
 */
import { failed, ok, type Result } from '../../core/host/result.js'

/** A command line longer than this, or with more arguments, is read up to here. */
const MAX_ARGS = 512
const MAX_ARG = 4096
/** swayidle's config and `xset q` are a few lines; a larger input is refused, never scanned. */
export const MAX_LOCKER_CONFIG = 256 * 1024
const MAX_LINES = 4000

/** /proc/PID/cmdline: the arguments, each ended by a NUL. */
export function splitCmdline(text: string): string[] {
  const args: string[] = []
  let start = 0
  for (let i = 0; i <= text.length && args.length < MAX_ARGS; i++) {
    if (i === text.length || text.charCodeAt(i) === 0) {
      if (i > start || i < text.length) args.push(text.slice(start, Math.min(i, start + MAX_ARG)))
      start = i + 1
    }
  }
  return args
}

/**
 * The words of a shell command (or of a swayidle config line, which swayidle splits with wordexp): single quotes
 * keep everything, double quotes keep all but `\"`, `\\`, `\$` and `` \` ``, a backslash outside quotes keeps the
 * next character, and a `#` starting a word begins a comment. Variables are not expanded. An unclosed quote fails.
 */
export function shellWords(text: string): Result<string[], string> {
  if (text.length > MAX_LOCKER_CONFIG) return failed('too long')
  const words: string[] = []
  let word = ''
  let inWord = false
  let quote: "'" | '"' | null = null
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quote === "'") {
      if (c === "'") quote = null
      else word += c
      continue
    }
    if (quote === '"') {
      if (c === '"') quote = null
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1] as string)) word += text[++i]
      else word += c
      continue
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word.slice(0, MAX_ARG))
      word = ''
      inWord = false
      if (words.length >= MAX_ARGS) return ok(words)
      continue
    }
    if (c === '#' && !inWord) break
    inWord = true
    if (c === "'" || c === '"') quote = c
    else if (c === '\\' && i + 1 < text.length) word += text[++i]
    else word += c
  }
  if (quote !== null) return failed('unclosed quote')
  if (inWord) words.push(word.slice(0, MAX_ARG))
  return ok(words)
}

/** Screen lockers: each takes the screen and asks for the password before giving it back. */
const LOCKERS = new Set([
  'swaylock',
  'i3lock',
  'i3lock-color',
  'i3lock-fancy',
  'betterlockscreen',
  'multilockscreen',
  'xsecurelock',
  'slock',
  'xlock',
  'xtrlock',
  'physlock',
  'waylock',
  'gtklock',
  'hyprlock',
  'xflock4',
])
/** Commands that lock only with a given argument (`xscreensaver-command -lock`, `dm-tool lock`). */
const LOCKING_ARGS = new Map<string, readonly string[]>([
  ['xscreensaver-command', ['-lock', '--lock']],
  ['light-locker-command', ['-l', '--lock']],
  ['xfce4-screensaver-command', ['-l', '--lock']],
  ['mate-screensaver-command', ['-l', '--lock']],
  ['cinnamon-screensaver-command', ['-l', '--lock']],
  ['gnome-screensaver-command', ['-l', '--lock']],
  ['dm-tool', ['lock']],
  ['xdg-screensaver', ['lock']],
])

/**
 * What a command does to the screen: `locks` (it runs a screen locker), `session` (`loginctl lock-session`, which
 * only asks logind to tell the session's own lock handler), or `other` (nothing Bulwark knows to lock). A command
 * wrapped in `sh -c '…'` or `swaymsg "exec …"` is looked into, one level deep.
 */
export function lockAction(command: string, depth = 0): 'locks' | 'session' | 'other' {
  const split = shellWords(command)
  const words = split.ok ? split.value : command.split(/\s+/, MAX_ARGS).map((w) => w.slice(0, MAX_ARG))
  let session = false
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string
    const base = word.slice(word.lastIndexOf('/') + 1)
    if (LOCKERS.has(base)) return 'locks'
    const needs = LOCKING_ARGS.get(base)
    if (needs && words.slice(i + 1, i + 4).some((w) => needs.includes(w))) return 'locks'
    if (base === 'loginctl' && words.slice(i + 1, i + 3).includes('lock-session')) session = true
    if (depth === 0 && /\s/.test(word)) {
      const inner = lockAction(word, 1)
      if (inner === 'locks') return 'locks'
      if (inner === 'session') session = true
    }
  }
  return session ? 'session' : 'other'
}

/** swayidle's events (swayidle main.c: `timeout`, `before-sleep`, `lock`; a later before-sleep or lock replaces one). */
export interface SwayidleEvents {
  timeouts: { seconds: number; command: string }[]
  beforeSleep?: string
  lock?: string
}

/** Reads swayidle's event words in order into `into`; fails on what swayidle itself refuses (it exits). */
function swayidleEvents(words: readonly string[], into: SwayidleEvents): Result<SwayidleEvents, string> {
  let i = 0
  while (i < words.length) {
    const word = words[i]
    const next = words[i + 1]
    if (word === 'timeout') {
      const command = words[i + 2]
      if (next === undefined || command === undefined || !/^\d{1,9}$/.test(next)) return failed('timeout without seconds and a command')
      into.timeouts.push({ seconds: Number(next), command })
      i += words[i + 3] === 'resume' && words[i + 4] !== undefined ? 5 : 3
    } else if (word === 'idlehint' || word === 'before-sleep' || word === 'after-resume' || word === 'lock' || word === 'unlock') {
      if (next === undefined) return failed(`${word} without an argument`)
      if (word === 'before-sleep') into.beforeSleep = next
      if (word === 'lock') into.lock = next
      i += 2
    } else {
      return failed('unsupported swayidle command')
    }
  }
  return ok(into)
}

/** swayidle's command line (argv[0] included): its events and its `-C` config file. Options come first, getopt-style. */
export function parseSwayidleArgs(argv: readonly string[]): Result<{ events: SwayidleEvents; config?: string }, string> {
  let i = 1
  let config: string | undefined
  for (; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      i++
      break
    }
    if (!arg.startsWith('-') || arg === '-') break
    // getopt "C:hdwS:": flags may be grouped (-wd); C and S take the rest of the word or the next one.
    for (let j = 1; j < arg.length; j++) {
      const flag = arg[j]
      if (flag === 'C' || flag === 'S') {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i]
        if (value === undefined) return failed(`-${flag} without a value`)
        if (flag === 'C') config = value
        break
      }
      if (flag !== 'd' && flag !== 'w' && flag !== 'h') return failed('unknown option')
    }
  }
  const events = swayidleEvents(argv.slice(i), { timeouts: [] })
  if (!events.ok) return events
  return ok(config === undefined ? { events: events.value } : { events: events.value, config })
}

/** swayidle's config file: one event a line, `#` lines and empty lines skipped, the rest split as wordexp does. */
export function parseSwayidleConfig(text: string, into: SwayidleEvents): Result<SwayidleEvents, string> {
  if (text.length > MAX_LOCKER_CONFIG) return failed('too long')
  let count = 0
  for (const line of text.split('\n')) {
    if (++count > MAX_LINES) return failed('too many lines')
    if (line === '' || line.startsWith('#')) continue
    const words = shellWords(line)
    if (!words.ok) return words
    if (words.value.length === 0) continue
    const read = swayidleEvents(words.value, into)
    if (!read.ok) return read
  }
  return ok(into)
}

/** What a locker setup amounts to: how soon it locks and whether on suspend, or a command Bulwark cannot judge. */
export type LockerReading = { kind: 'read'; lockSeconds: number | null; onSuspend: boolean } | { kind: 'unrecognized'; command: string }

/**
 * swayidle locks at the first `timeout` whose command locks (0 seconds is never, main.c), and on suspend when its
 * `before-sleep` command does. `loginctl lock-session` locks when swayidle's own `lock` event runs a locker.
 */
export function swayidleLock(e: SwayidleEvents): LockerReading {
  const lockHandler = e.lock !== undefined && lockAction(e.lock) === 'locks'
  const locks = (command: string): boolean => {
    const action = lockAction(command)
    return action === 'locks' || (action === 'session' && lockHandler)
  }
  const times = e.timeouts.filter((t) => t.seconds > 0 && locks(t.command)).map((t) => t.seconds)
  const onSuspend = e.beforeSleep !== undefined && locks(e.beforeSleep)
  if (times.length === 0 && !onSuspend) {
    const commands = [...e.timeouts.map((t) => t.command), ...(e.beforeSleep === undefined ? [] : [e.beforeSleep])]
    if (commands.length > 0) return { kind: 'unrecognized', command: commands.join(' | ').slice(0, 300) }
  }
  return { kind: 'read', lockSeconds: times.length > 0 ? Math.min(...times) : null, onSuspend }
}

/** xss-lock's options that take a value (xss-lock(1): -n/--notifier, -s/--session). */
const XSS_VALUE = new Set(['-n', '--notifier', '-s', '--session'])

/**
 * xss-lock's command line: `xss-lock [OPTION…] -- LOCKER [ARG…]`. It runs the locker when the X screen saver
 * starts (`xset s`), or one screen saver cycle later when a notifier (`-n`) is given, when logind asks the session to
 * lock, and before sleep unless `--ignore-sleep` is given (xss-lock(1)).
 */
export function parseXssLockArgs(argv: readonly string[]): { locker: string[]; ignoreSleep: boolean; notifier: boolean } {
  let ignoreSleep = false
  let notifier = false
  let i = 1
  for (; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      i++
      break
    }
    if (!arg.startsWith('-')) break
    if (arg === '--ignore-sleep') ignoreSleep = true
    if (arg === '-n' || arg === '--notifier' || arg.startsWith('--notifier=')) notifier = true
    if (XSS_VALUE.has(arg)) i++
  }
  return { locker: argv.slice(i), ignoreSleep, notifier }
}

/** xautolock's options that take a value (xautolock(1)). */
const XAUTOLOCK_VALUE = new Set([
  '-time',
  '-locker',
  '-nowlocker',
  '-killtime',
  '-killer',
  '-notify',
  '-notifier',
  '-bell',
  '-corners',
  '-cornerdelay',
  '-cornerredelay',
  '-cornersize',
])

/**
 * xautolock's command line: `-time` minutes (default 10; xautolock accepts 1 to 60) and `-locker` (default
 * `xlock`). xautolock has no lock on suspend of its own.
 */
export function parseXautolockArgs(argv: readonly string[]): { minutes: number; locker: string } {
  let minutes = 10
  let locker = 'xlock'
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string
    if (!XAUTOLOCK_VALUE.has(arg)) continue
    const value = argv[++i]
    if (value === undefined) break
    if (arg === '-time' && /^\d{1,4}$/.test(value)) minutes = Math.min(60, Math.max(1, Number(value)))
    if (arg === '-locker') locker = value
  }
  return { minutes, locker }
}

/** What light-locker's command line sets over its gsettings (light-locker.c: options win over the settings). */
export interface LightLockerArgs {
  lockAfterScreensaver?: number
  lateLocking?: boolean
  lockOnSuspend?: boolean
}

/** light-locker's GOption switches: `--lock-after-screensaver=S` (or `… S`), `--[no-]late-locking`, `--[no-]lock-on-suspend`. */
export function parseLightLockerArgs(argv: readonly string[]): LightLockerArgs {
  const out: LightLockerArgs = {}
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--late-locking') out.lateLocking = true
    else if (arg === '--no-late-locking') out.lateLocking = false
    else if (arg === '--lock-on-suspend') out.lockOnSuspend = true
    else if (arg === '--no-lock-on-suspend') out.lockOnSuspend = false
    else if (arg.startsWith('--lock-after-screensaver')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i]
      if (value !== undefined && /^\d{1,9}$/.test(value)) out.lockAfterScreensaver = Number(value)
    }
  }
  return out
}

/** `xset q`: the X screen saver's timeout and DPMS, the display's own power saving. */
export interface XsetQuery {
  /** Seconds of idle before the X screen saver starts; 0 is never. */
  saverTimeout: number
  /** Seconds of the screen saver's cycle, which xss-lock waits with a notifier before locking. */
  saverCycle: number
  dpms?: { enabled: boolean; standby: number; suspend: number; off: number }
}

/**
 * `xset q` prints, among other sections:
 *   Screen Saver:
 *     prefer blanking:  yes    allow exposures:  yes
 *     timeout:  600    cycle:  600
 *   DPMS (Energy Star):
 *     Standby: 600    Suspend: 600    Off: 600
 *     DPMS is Enabled
 */
export function parseXsetQuery(text: string): Result<XsetQuery, string> {
  if (text.length > MAX_LOCKER_CONFIG) return failed('too long')
  let section = ''
  let saverTimeout: number | undefined
  let saverCycle = 0
  let times: { standby: number; suspend: number; off: number } | undefined
  let enabled: boolean | undefined
  let count = 0
  for (const raw of text.split('\n')) {
    if (++count > MAX_LINES) break
    if (raw !== '' && !/^\s/.test(raw)) section = raw.trim().toLowerCase()
    const line = raw.trim()
    if (section.startsWith('screen saver')) {
      const m = /^timeout:\s+(\d{1,9})\s+cycle:\s+(\d{1,9})$/.exec(line)
      if (m?.[1] !== undefined) {
        saverTimeout = Number(m[1])
        saverCycle = Number(m[2])
      }
    } else if (section.startsWith('dpms')) {
      const m = /^Standby:\s+(\d{1,9})\s+Suspend:\s+(\d{1,9})\s+Off:\s+(\d{1,9})$/.exec(line)
      if (m) times = { standby: Number(m[1]), suspend: Number(m[2]), off: Number(m[3]) }
      if (line === 'DPMS is Enabled') enabled = true
      if (line === 'DPMS is Disabled') enabled = false
    }
  }
  if (saverTimeout === undefined) return failed('no screen saver timeout')
  return ok(times && enabled !== undefined ? { saverTimeout, saverCycle, dpms: { enabled, ...times } } : { saverTimeout, saverCycle })
}

/** sway's config: the command of each `exec`/`exec_always` line that starts swayidle (a `\` at a line's end joins the next). */
export function swayExecSwayidle(text: string): string[] {
  if (text.length > MAX_LOCKER_CONFIG) return []
  const found: string[] = []
  let joined = ''
  let count = 0
  for (const raw of text.split('\n')) {
    if (++count > MAX_LINES) break
    const line = raw.trimEnd()
    if (line.endsWith('\\')) {
      joined += `${line.slice(0, -1)} `
      continue
    }
    const full = (joined + line).trim()
    joined = ''
    // The command starts at a non-space: with `(.*)$` spaces before a stray \r backtracked quadratically.
    const m = /^exec(?:_always)?\s+(?:--no-startup-id\s+)?(\S.*)?$/.exec(full)
    if (m?.[1] !== undefined && /(?:^|[\s/])swayidle(?:\s|$)/.test(m[1])) found.push(m[1].slice(0, MAX_ARG))
    if (found.length >= 16) break
  }
  return found
}
