/**
 * The GLib key-file format Flatpak uses for metadata, overrides and `flatpak info --show-permissions`.
 * Pure: no I/O. https://specifications.freedesktop.org/desktop-entry-spec/latest/basic-format.html
 *
 *   # comment
 *   [Context]
 *   filesystems=home;!host;xdg-download:ro;
 */
import { failed, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { storeText as t } from './stores.messages.js'

export type KeyFile = ReadonlyMap<string, ReadonlyMap<string, string>>

export const GROUP = /^\[([^\][\x00-\x1f]+)\]\s*$/

/** `key = value`: the key is what comes before the first `=`; found with indexOf, as a regex here backtracks on long lines. */
export function entryOf(line: string): [string, string] | undefined {
  const eq = line.indexOf('=')
  const key = line.slice(0, Math.max(eq, 0)).trimEnd()
  if (eq <= 0 || key === '' || /^[\s#[]/.test(key)) return undefined
  return [key, line.slice(eq + 1).trim()]
}

export function parseKeyFile(text: string): Result<KeyFile, Msg> {
  if (text.includes('\0')) return failed(t('keyfileBinary'))
  const groups = new Map<string, Map<string, string>>()
  let current: Map<string, string> | undefined
  const lines = text.replace(/^\uFEFF/, '').split('\n')
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '')
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue
    const group = GROUP.exec(line)
    if (group) {
      const name = group[1]!
      current = groups.get(name) ?? new Map<string, string>()
      groups.set(name, current)
      continue
    }
    const entry = entryOf(line)
    if (!entry) return failed(t('keyfileBadLine', { line: i + 1 }))
    if (!current) return failed(t('keyfileKeyFirst', { line: i + 1 }))
    current.set(entry[0], entry[1])
  }
  return ok(groups)
}

/** A `;`-separated list value, with GLib's escapes (`\;`, `\s`, `\\`) undone. */
export function listValue(value: string | undefined): string[] {
  if (value === undefined) return []
  const items: string[] = []
  let item = ''
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!
    if (c === '\\' && i + 1 < value.length) {
      const next = value[++i]!
      item += next === 's' ? ' ' : next === 'n' ? '\n' : next === 't' ? '\t' : next
    } else if (c === ';') {
      items.push(item)
      item = ''
    } else item += c
  }
  if (item !== '') items.push(item)
  return items.filter((x) => x !== '')
}
