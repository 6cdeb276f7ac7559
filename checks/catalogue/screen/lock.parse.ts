/**
 * Pure parsers for what the screen-lock settings look like as read: gsettings values, KDE's
 * kscreenlockerrc, macOS `sysadminctl -screenLock status` and `defaults read` integers. Linear, capped,
 * every failure a value.
 */
import { failed, ok, type Result } from '../../core/host/result.js'

/** No real setting is longer; anything longer is refused rather than scanned. */
const MAX_VALUE = 4096
/** kscreenlockerrc has a handful of lines; a file with more is read up to here. */
const MAX_INI_LINES = 10_000

/** A gsettings value as `gsettings get` prints it: `true`, `uint32 300`, `300`, `'text'`. */
export function parseGsettingsValue(text: string): Result<boolean | number | string, string> {
  if (text.length > MAX_VALUE) return failed('value too long')
  const value = text.trim()
  if (value === 'true') return ok(true)
  if (value === 'false') return ok(false)
  const number = /^(?:u?int(?:16|32|64) )?(-?\d{1,15})$/.exec(value)
  if (number?.[1] !== undefined) return ok(Number(number[1]))
  const quoted = /^'([^'\\\n]*)'$/.exec(value)
  if (quoted?.[1] !== undefined) return ok(quoted[1])
  return failed('not a boolean, number or string')
}

/**
 * The keys of one group of a KDE config file (`[Daemon]`), last one wins as KConfig reads them.
 * Locale-suffixed keys (`Key[de]`) and other groups are ignored.
 */
export function parseKdeGroup(text: string, group: string): Map<string, string> {
  const keys = new Map<string, string>()
  let inGroup = false
  let count = 0
  for (const raw of text.split('\n')) {
    if (++count > MAX_INI_LINES) break
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    if (line.startsWith('[')) {
      inGroup = line === `[${group}]`
      continue
    }
    if (!inGroup) continue
    const eq = line.indexOf('=')
    if (eq <= 0) continue
    const key = line.slice(0, eq).trim()
    if (key.length > 200 || key.includes('[')) continue
    keys.set(
      key,
      line
        .slice(eq + 1)
        .trim()
        .slice(0, MAX_VALUE),
    )
  }
  return keys
}

/** A KConfig boolean (`true`, `1`, `on`, `yes`); undefined when it is none of the words KConfig knows. */
export function kdeBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined
  const v = value.toLowerCase()
  if (['true', '1', 'on', 'yes'].includes(v)) return true
  if (['false', '0', 'off', 'no'].includes(v)) return false
  return undefined
}

/** A non-negative integer setting; undefined when it is not one. */
export function wholeNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,9}$/.test(value.trim())) return undefined
  return Number(value.trim())
}

/** `sysadminctl -screenLock status`: whether a password is asked for, and after how long. */
export type ScreenLockStatus = { off: true } | { off: false; delaySeconds: number }

/**
 * sysadminctl prints the answer to stderr behind a timestamp and its pid:
 *   2024-05-02 10:00:00.000 sysadminctl[1234:5678] screenLock delay is immediate
 *   … screenLock delay is 300 seconds
 *   … screenLock is off
 */
export function parseScreenLockStatus(text: string): Result<ScreenLockStatus, string> {
  if (text.length > 64 * 1024) return failed('output too long')
  if (/\bscreenLock is off\b/i.test(text)) return ok({ off: true })
  if (/\bscreenLock delay is immediate\b/i.test(text)) return ok({ off: false, delaySeconds: 0 })
  const delay = /\bscreenLock delay is (-?\d{1,9})(?:\.\d{1,9})? seconds?\b/i.exec(text)
  if (delay?.[1] !== undefined) {
    const seconds = Number(delay[1])
    // -1 is how sysadminctl reports the lock turned off on some releases.
    return ok(seconds < 0 ? { off: true } : { off: false, delaySeconds: seconds })
  }
  return failed('no "screenLock" line')
}

/** `pmset -g` and `pmset -g custom` are a few dozen lines; larger output is refused. */
const MAX_PMSET = 256 * 1024

/**
 * `pmset -g` (sections "System-wide power settings:", "Currently in use:") and `pmset -g custom` (one section per
 * power source: "Battery Power:", "AC Power:", "UPS Power:"): each section's settings, as printed,
 *   Currently in use:
 *    sleep                1 (sleep prevented by sharingd, coreaudiod)
 *    displaysleep         10
 * A setting's name is its first word (a few, like "Sleep On Power Button", have more; none is needed here).
 */
export function parsePmset(text: string): Result<Map<string, Map<string, string>>, string> {
  if (text.length > MAX_PMSET) return failed('output too long')
  const sections = new Map<string, Map<string, string>>()
  let current: Map<string, string> | undefined
  let count = 0
  for (const raw of text.split('\n')) {
    if (++count > MAX_INI_LINES) break
    const line = raw.replace(/\r$/, '')
    if (line.trim() === '') continue
    if (!/^\s/.test(line)) {
      const name = line.trim()
      if (!name.endsWith(':') || name.length > 100) return failed('not a pmset section')
      current = new Map()
      sections.set(name.slice(0, -1), current)
      continue
    }
    const m = /^\s+(\S{1,64})\s+(\S.{0,4095})$/.exec(line)
    if (m?.[1] !== undefined && m[2] !== undefined && current) current.set(m[1], m[2].trim())
  }
  if (sections.size === 0) return failed('no pmset section')
  return ok(sections)
}

/** A pmset timer ("10", "1 (sleep prevented by …)") in minutes; undefined when it is not one. */
export function pmsetMinutes(value: string | undefined): number | undefined {
  const m = value === undefined ? null : /^(\d{1,6})(?:\s|$)/.exec(value)
  return m?.[1] === undefined ? undefined : Number(m[1])
}
