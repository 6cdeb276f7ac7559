/**
 * Reading a setting's current value, and what Bulwark accepts as a setting's name and value, one place per
 * backend. The planner reads through the read-only Host, the writer (src-main/node/fix) through its own runner;
 * both read the user's own value or that none is set, never just the value in effect, because undo must reset an
 * unset key rather than write its default. GSettings: `dconf read` (the user's value, empty when unset) plus
 * `gsettings get` (the default in effect, for the preview); Windows: `reg query <key> /v <name>`; macOS:
 * `defaults read` and `defaults read-type`.
 */
import type { Host } from '../host/host.js'
import { failed, ok, type Result } from '../host/result.js'
import { runTool } from '../host/toolkit.js'
import { verbatim, type Msg } from '../i18n/message.js'
import { parseRegQuery } from '../host/reg-query.parse.js'
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

// What each tool is handed. A journal is a file on disk that someone could edit, so every name and value read back
// from it is held to these before it becomes an argument: nothing a program could take as an option (a leading
// `-` or `/`), no control character, no quote, nothing outside the hives and domains fixes use.
const GSETTINGS_SCHEMA = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/
const GSETTINGS_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,100}$/
const REG_KEY = /^(HKCU|HKLM|HKEY_CURRENT_USER|HKEY_LOCAL_MACHINE)(\\[^\\\u0000-\u001f\u007f"]{1,255}){1,32}$/
const REG_NAME = /^[^\\\u0000-\u001f\u007f"/-][^\\\u0000-\u001f\u007f"]{0,254}$/
const REG_DATA: Readonly<Record<'REG_DWORD' | 'REG_SZ', RegExp>> = {
  // As `reg query` prints a DWORD, and as `reg add /d` takes it back.
  REG_DWORD: /^0x[0-9a-fA-F]{1,8}$/,
  REG_SZ: /^[^\u0000-\u001f\u007f"]{0,1024}$/,
}
const DEFAULTS_DOMAIN = /^(\/Library\/Preferences\/)?[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/
const DEFAULTS_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const DEFAULTS_DATA: Readonly<Record<'bool' | 'int' | 'string', RegExp>> = {
  // `defaults read` prints a boolean as 1 or 0; a plan made by hand may say true or false.
  bool: /^(0|1|true|false)$/,
  int: /^-?\d{1,18}$/,
  string: /^[^\u0000-\u001f\u007f-][^\u0000-\u001f\u007f]{0,1023}$|^$/,
}

/**
 * Why Bulwark would not hand this setting (and this value) to its tool, or null when it would. The writer asks
 * before every command; the planner asks too, so no fix is applied whose undo would be refused.
 */
export function settingProblem(s: SettingRef, value?: SettingValue): string | null {
  const data = value?.kind === 'value' ? value.value : undefined
  if (s.backend === 'gsettings') {
    if (!GSETTINGS_SCHEMA.test(s.schema)) return 'not a GSettings schema name'
    if (!GSETTINGS_KEY.test(s.key)) return 'not a GSettings key name'
    return data !== undefined && oneValue(data) !== data ? 'not a one-line value' : null
  }
  if (s.backend === 'registry') {
    if (!REG_KEY.test(s.key) || s.key.length > 1024) return 'not a registry key under HKCU or HKLM'
    if (!REG_NAME.test(s.name)) return 'not a registry value name'
    return data !== undefined && !REG_DATA[s.type].test(data) ? `not ${s.type} data Bulwark writes` : null
  }
  if (!DEFAULTS_DOMAIN.test(s.domain)) return 'not a defaults domain'
  if (!DEFAULTS_KEY.test(s.key)) return 'not a defaults key'
  return data !== undefined && !DEFAULTS_DATA[s.type].test(data) ? `not a ${s.type} value Bulwark writes` : null
}

/** What a program printed, whatever its exit: each backend says what a non-zero exit means. */
export interface SettingRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs one program (an argv, never a shell line) for a reading; a failure is why it could not run at all. */
export type SettingExec = (file: string, args: readonly string[]) => Promise<Result<SettingRun, Msg>>

export interface ReadOptions {
  /** Also read what a GSettings default is, for the preview (the writer, comparing values, does not need it). */
  withDefault?: boolean
}

type Read = Result<SettingValue, Msg>

const saidBy = (run: SettingRun): Msg => verbatim((run.stderr || run.stdout || `exit code ${String(run.code)}`).trim().slice(0, 300))

async function readGsettings(
  exec: SettingExec,
  s: Extract<SettingRef, { backend: 'gsettings' }>,
  name: string,
  options: ReadOptions,
): Promise<Read> {
  const user = await exec('dconf', ['read', dconfPath(s.schema, s.key)])
  if (!user.ok) return failed(t('cannotReadSetting', { name, reason: user.reason }))
  if (user.value.code !== 0) return failed(t('cannotReadSetting', { name, reason: saidBy(user.value) }))
  const value = oneValue(user.value.stdout)
  if (value === null) return failed(t('settingOdd', { name }))
  if (value !== '') return ok({ kind: 'value', value })
  if (options.withDefault === false) return ok({ kind: 'default' })
  const effective = await exec('gsettings', ['get', s.schema, s.key])
  if (!effective.ok) return failed(t('cannotReadSetting', { name, reason: effective.reason }))
  if (effective.value.code !== 0) return failed(t('cannotReadSetting', { name, reason: saidBy(effective.value) }))
  const shown = oneValue(effective.value.stdout)
  return shown === null ? failed(t('settingOdd', { name })) : ok({ kind: 'default', shown })
}

/** The value `reg query` printed for this name, from the key's own lines (a subkey's value of that name is not it). */
function printedValue(stdout: string, s: Extract<SettingRef, { backend: 'registry' }>) {
  return parseRegQuery(stdout)
    .flatMap((k) => k.values)
    .find((v) => v.name.toLowerCase() === s.name.toLowerCase())
}

async function readRegistry(exec: SettingExec, s: Extract<SettingRef, { backend: 'registry' }>, name: string): Promise<Read> {
  const run = await exec('reg', ['query', s.key, '/v', s.name])
  if (!run.ok) return failed(t('cannotReadSetting', { name, reason: run.reason }))
  if (run.value.code !== 0) {
    if (/unable to find/i.test(`${run.value.stderr}\n${run.value.stdout}`)) return ok({ kind: 'default' })
    // reg words "not found" in the display language; listing the key itself tells a missing value in any language.
    const key = await exec('reg', ['query', s.key])
    if (key.ok && key.value.code === 0 && printedValue(key.value.stdout, s) === undefined) return ok({ kind: 'default' })
    return failed(t('cannotReadSetting', { name, reason: saidBy(run.value) }))
  }
  const found = printedValue(run.value.stdout, s)
  if (!found) return failed(t('cannotReadSetting', { name, reason: t('settingNotPrinted') }))
  if (found.type !== s.type) return failed(t('settingTypeDiffers', { name, found: found.type, expected: s.type }))
  const value = oneValue(found.raw)
  return value === null ? failed(t('settingOdd', { name })) : ok({ kind: 'value', value })
}

const DEFAULTS_TYPES: Readonly<Record<string, 'bool' | 'int' | 'string'>> = { boolean: 'bool', integer: 'int', string: 'string' }

async function readDefaults(exec: SettingExec, s: Extract<SettingRef, { backend: 'defaults' }>, name: string): Promise<Read> {
  const host = s.currentHost ? ['-currentHost'] : []
  const read = await exec('defaults', [...host, 'read', s.domain, s.key])
  if (!read.ok) return failed(t('cannotReadSetting', { name, reason: read.reason }))
  if (read.value.code !== 0) {
    // defaults exits 1 for a key never written: an answer (the default applies), not a failure.
    if (read.value.code === 1 && /does not exist/i.test(read.value.stderr)) return ok({ kind: 'default' })
    return failed(t('cannotReadSetting', { name, reason: saidBy(read.value) }))
  }
  const type = await exec('defaults', [...host, 'read-type', s.domain, s.key])
  if (!type.ok) return failed(t('cannotReadSetting', { name, reason: type.reason }))
  if (type.value.code !== 0) return failed(t('cannotReadSetting', { name, reason: saidBy(type.value) }))
  const word = /^Type is (\w+)\s*$/.exec(type.value.stdout)?.[1] ?? ''
  // Another type (a string "1" where a boolean belongs) could not be written back as it was: refused.
  if (DEFAULTS_TYPES[word] !== s.type) return failed(t('settingTypeDiffers', { name, found: word || '?', expected: s.type }))
  const value = oneValue(read.value.stdout)
  return value === null ? failed(t('settingOdd', { name })) : ok({ kind: 'value', value })
}

/** A setting's value now, read with these programs: its tool's own commands, one reader per backend. */
export function readSettingWith(exec: SettingExec, s: SettingRef, options: ReadOptions = {}): Promise<Read> {
  const name = settingName(s)
  if (s.backend === 'gsettings') return readGsettings(exec, s, name, options)
  if (s.backend === 'registry') return readRegistry(exec, s, name)
  return readDefaults(exec, s, name)
}

/** The same reading through the read-only Host: what the planner backs up. */
export function readSettingValue(host: Host, s: SettingRef, signal?: AbortSignal): Promise<Read> {
  const exec: SettingExec = async (file, args) => {
    const run = await runTool(host, file, args, { timeoutMs: 4000, maxBytes: 64 * 1024, acceptExit: () => true, signal })
    return run.ok ? ok(run.value) : failed(run.reason.reason)
  }
  return readSettingWith(exec, s)
}
