/**
 * Reading a setting's current value for a plan, through the read-only Host: the user's own value or that none is
 * set, never just the value in effect, because undo must reset an unset key rather than write its default.
 * GSettings: `dconf read` (the user's value, empty when unset) plus `gsettings get` (the default in effect, for
 * the preview); Windows: `reg query <key> /v <name>`; macOS: `defaults read` and `defaults read-type`.
 */
import type { Host } from '../host/host.js'
import { failed, ok, type Result } from '../host/result.js'
import { runTool } from '../host/toolkit.js'
import type { Msg } from '../i18n/message.js'
import { parseRegQuery } from '../../readers/windows/reg-query.parse.js'
import { settingName, type SettingRef, type SettingValue } from './model.js'
import { t } from './messages.js'

/** A value longer than this, or on several lines, is not a setting Bulwark writes back: it refuses instead. */
export const MAX_SETTING_CHARS = 4096

/**
 * Where dconf keeps a GSettings key: the schema's own path. Every schema a fix changes declares the path its
 * id spells with dots made slashes (org.gnome.desktop.screensaver → /org/gnome/desktop/screensaver/), as the
 * test checks against the installed schema files.
 */
export const dconfPath = (schema: string, key: string): string => `/${schema.split('.').join('/')}/${key}`

/** One printed value: its line without the final newline, or null when it is not one line Bulwark can keep. */
export function oneValue(printed: string): string | null {
  const text = printed.replace(/\r?\n$/, '')
  if (text.length > MAX_SETTING_CHARS || /[\r\n]/.test(text)) return null
  return text
}

/** A machine-wide setting needs an administrator: HKLM, or a preferences file under /Library. */
export function settingNeedsAdmin(s: SettingRef): boolean {
  if (s.backend === 'registry') return /^(HKLM|HKEY_LOCAL_MACHINE)\\/i.test(s.key)
  if (s.backend === 'defaults') return s.domain.startsWith('/Library/')
  return false
}

const DEFAULTS_TYPES: Readonly<Record<string, 'bool' | 'int' | 'string'>> = { boolean: 'bool', integer: 'int', string: 'string' }

type Read = Result<SettingValue, Msg>

async function readGsettings(
  host: Host,
  s: Extract<SettingRef, { backend: 'gsettings' }>,
  name: string,
  signal?: AbortSignal,
): Promise<Read> {
  const opts = { timeoutMs: 4000, maxBytes: 64 * 1024, ...(signal ? { signal } : {}) }
  const user = await runTool(host, 'dconf', ['read', dconfPath(s.schema, s.key)], opts)
  if (!user.ok) return failed(t('cannotReadSetting', { name, reason: user.reason.reason }))
  const effective = await runTool(host, 'gsettings', ['get', s.schema, s.key], opts)
  if (!effective.ok) return failed(t('cannotReadSetting', { name, reason: effective.reason.reason }))
  const value = oneValue(user.value.stdout)
  const shown = oneValue(effective.value.stdout)
  if (value === null || shown === null) return failed(t('settingOdd', { name }))
  return ok(value === '' ? { kind: 'default', shown } : { kind: 'value', value })
}

async function readRegistry(
  host: Host,
  s: Extract<SettingRef, { backend: 'registry' }>,
  name: string,
  signal?: AbortSignal,
): Promise<Read> {
  const run = await runTool(host, 'reg', ['query', s.key, '/v', s.name], {
    timeoutMs: 4000,
    maxBytes: 64 * 1024,
    acceptExit: (code, out) => code === 1 && /unable to find/i.test(`${out.stderr}\n${out.stdout}`),
    ...(signal ? { signal } : {}),
  })
  if (!run.ok) return failed(t('cannotReadSetting', { name, reason: run.reason.reason }))
  if (run.value.code !== 0) return ok({ kind: 'default' })
  const found = parseRegQuery(run.value.stdout)
    .flatMap((k) => k.values)
    .find((v) => v.name.toLowerCase() === s.name.toLowerCase())
  if (!found) return failed(t('cannotReadSetting', { name, reason: t('settingNotPrinted') }))
  if (found.type !== s.type) return failed(t('settingTypeDiffers', { name, found: found.type, expected: s.type }))
  const value = oneValue(found.raw)
  return value === null ? failed(t('settingOdd', { name })) : ok({ kind: 'value', value })
}

async function readDefaults(
  host: Host,
  s: Extract<SettingRef, { backend: 'defaults' }>,
  name: string,
  signal?: AbortSignal,
): Promise<Read> {
  const host_ = s.currentHost ? ['-currentHost'] : []
  const opts = {
    timeoutMs: 4000,
    maxBytes: 64 * 1024,
    // defaults exits 1 for a key never written: an answer (the default applies), not a failure.
    acceptExit: (code: number | null, out: { stderr: string }) => code === 1 && /does not exist/i.test(out.stderr),
    ...(signal ? { signal } : {}),
  }
  const read = await runTool(host, 'defaults', [...host_, 'read', s.domain, s.key], opts)
  if (!read.ok) return failed(t('cannotReadSetting', { name, reason: read.reason.reason }))
  if (read.value.code !== 0) return ok({ kind: 'default' })
  const type = await runTool(host, 'defaults', [...host_, 'read-type', s.domain, s.key], opts)
  if (!type.ok) return failed(t('cannotReadSetting', { name, reason: type.reason.reason }))
  const word = /^Type is (\w+)\s*$/.exec(type.value.stdout)?.[1] ?? ''
  // Another type (a string "1" where a boolean belongs) could not be written back as it was: refused.
  if (DEFAULTS_TYPES[word] !== s.type) return failed(t('settingTypeDiffers', { name, found: word || '?', expected: s.type }))
  const value = oneValue(read.value.stdout)
  return value === null ? failed(t('settingOdd', { name })) : ok({ kind: 'value', value })
}

export function readSettingValue(host: Host, s: SettingRef, signal?: AbortSignal): Promise<Read> {
  const name = settingName(s)
  if (s.backend === 'gsettings') return readGsettings(host, s, name, signal)
  if (s.backend === 'registry') return readRegistry(host, s, name, signal)
  return readDefaults(host, s, name, signal)
}
