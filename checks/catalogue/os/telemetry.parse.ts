import type { Result } from '../../core/host/toolkit.js'

/** Config files here are a few hundred bytes; past this it is not one of them. */
export const MAX_CONFIG_CHARS = 256 * 1024
const MAX_LINES = 4096
const MAX_KEY = 64
const MAX_VALUE = 256

/**
 * `key=value` lines as the reporters' files hold them: shell-sourced `/etc/default/apport` and
 * `/etc/popularity-contest.conf` (`PARTICIPATE="yes"`), whoopsie's ini (`report_crashes=true` under
 * `[General]`) and abrt's `Key = Value`. Comments, sections and other lines are skipped; the last
 * assignment wins, as it does when the shell sources the file. Linear, capped, never throws.
 */
export function parseKeyValues(text: string): Result<Map<string, string>, string> {
  if (text.length > MAX_CONFIG_CHARS) return { ok: false, reason: `larger than ${MAX_CONFIG_CHARS} characters` }
  if (text.includes('\0')) return { ok: false, reason: 'binary data' }
  const values = new Map<string, string>()
  const lines = text.split('\n', MAX_LINES + 1)
  if (lines.length > MAX_LINES) return { ok: false, reason: `more than ${MAX_LINES} lines` }
  for (const raw of lines) {
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith(';') || line.startsWith('[')) continue
    // The value starts at a non-space: `=\s*(.*)$` backtracked quadratically on spaces before a stray \r.
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S.*)?$/.exec(line)
    const key = m?.[1]
    if (key === undefined || key.length > MAX_KEY) continue
    values.set(key, unquote(m?.[2] ?? ''))
  }
  return { ok: true, value: values }
}

function unquote(value: string): string {
  let v = value.trim()
  const q = v[0]
  if ((q === '"' || q === "'") && v.length >= 2 && v.endsWith(q)) v = v.slice(1, -1)
  else v = v.replace(/\s+#.*$/, '')
  // Control characters never reach a terminal; an over-long value is cut, not trusted.
  return v.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, MAX_VALUE)
}

/** A yes/no word as these files write it (yes, true, 1, on); null for anything else. */
export function truthy(value: string | undefined): boolean | null {
  if (value === undefined) return null
  const v = value.trim().toLowerCase()
  if (['1', 'yes', 'true', 'on', 'y'].includes(v)) return true
  if (['0', 'no', 'false', 'off', 'n'].includes(v)) return false
  return null
}

/**
 * ubuntu-report's answer for one release (`~/.cache/ubuntu-report/<distro>.<version>`): `{"OptOut": true}` when the
 * user declined, the report it sent otherwise (its upstream test data: pkg/sysmetrics/testdata/previous_reports).
 */
export function parseUbuntuReportState(text: string): Result<'opted-out' | 'sent', string> {
  if (text.length > MAX_CONFIG_CHARS) return { ok: false, reason: `larger than ${MAX_CONFIG_CHARS} characters` }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'not JSON' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not a JSON object' }
  return { ok: true, value: (value as Record<string, unknown>).OptOut === true ? 'opted-out' : 'sent' }
}
