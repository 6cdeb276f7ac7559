/**
 * The GLib key-file format NetworkManager's configuration, its connection profiles (`.nmconnection`) and
 * iwd's files use. Pure: no I/O. https://docs.gtk.org/glib/struct.KeyFile.html
 *
 *   # comment
 *   [connection-mac]
 *   wifi.cloned-mac-address=stable
 *
 * Groups keep the order they first appear in; a group written twice is one group, later keys winning,
 * as GLib reads it. A line that is neither a group, a `key=value`, a comment nor blank makes GLib refuse
 * the whole file, so it is refused here too (with its line number), never half-trusted.
 */
import { failed, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { t } from './mac-randomization.messages.js'

export interface KeyGroup {
  name: string
  entries: ReadonlyMap<string, string>
}

const GROUP = /^\[([^\][\x00-\x1f]*)\]\s*$/

/** GLib's value escapes; `\;` stays as it is, lists are not split here. */
function unescape(value: string): string {
  if (!value.includes('\\')) return value
  return value.replace(/\\(.)/g, (_, c: string) =>
    c === 's' ? ' ' : c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === '\\' ? '\\' : `\\${c}`,
  )
}

export function parseKeyFile(text: string): Result<KeyGroup[], Msg> {
  if (text.includes('\0')) return failed(t('parseBinary'))
  const order: string[] = []
  const groups = new Map<string, Map<string, string>>()
  let current: Map<string, string> | undefined
  const lines = text.replace(/^\uFEFF/, '').split('\n')
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '')
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    const group = GROUP.exec(trimmed)
    if (group) {
      const name = group[1] ?? ''
      current = groups.get(name)
      if (!current) {
        current = new Map<string, string>()
        groups.set(name, current)
        order.push(name)
      }
      continue
    }
    // indexOf, not a regex: a regex here backtracks on long hostile lines.
    const eq = line.indexOf('=')
    const key = eq > 0 ? line.slice(0, eq).trim() : ''
    if (key === '' || /[\x00-\x1f[\]]/.test(key)) return failed(t('parseBadLine', { line: i + 1 }))
    if (!current) return failed(t('parseKeyFirst', { line: i + 1 }))
    current.set(key, unescape(line.slice(eq + 1).trim()))
  }
  return ok(order.map((name) => ({ name, entries: groups.get(name) ?? new Map<string, string>() })))
}

/** GLib's booleans ("true"/"false"), plus the yes/no/1/0 NetworkManager's configuration also accepts; undefined for anything else. */
export function keyFileBoolean(value: string | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase()
  if (v === 'yes' || v === 'true' || v === '1' || v === 'on') return true
  if (v === 'no' || v === 'false' || v === '0' || v === 'off') return false
  return undefined
}

/** A name read from a file or a tool, made safe to show: no control characters, at most 80 characters. */
export function displayName(name: string): string {
  const clean = name.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?')
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean
}
