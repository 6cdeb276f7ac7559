import { failed, ok, type Result } from '../../core/host/toolkit.js'
import { parseIni } from '../../readers/browsers/ini.parse.js'

/** What one display-manager file says about signing in without a password. */
export interface DmLogin {
  /** The user signed in automatically, or null. */
  autoUser: string | null
  /** GDM's timed login: the greeter signs the user in after a delay unless someone intervenes. */
  timedUser: string | null
  /** LightDM's guest session. */
  guest: boolean
}

// GLib key files (GDM, LightDM) and SDDM take true/false; GDM also accepts 1 (g_key_file_get_boolean).
const isTrue = (v: string | undefined): boolean => v !== undefined && /^(true|1|yes)$/i.test(v)
const nonEmpty = (v: string | undefined): string | null => (v !== undefined && v.trim() !== '' ? v.trim().slice(0, 64) : null)

/** GDM `custom.conf`: [daemon] AutomaticLoginEnable + AutomaticLogin, TimedLoginEnable + TimedLogin. */
export function parseGdm(text: string): DmLogin {
  const values = Object.assign(
    {},
    ...parseIni(text)
      .sections.filter((s) => s.name === 'daemon')
      .map((s) => s.values),
  ) as Record<string, string>
  return {
    autoUser: isTrue(values.AutomaticLoginEnable) ? (nonEmpty(values.AutomaticLogin) ?? '?') : null,
    timedUser: isTrue(values.TimedLoginEnable) ? (nonEmpty(values.TimedLogin) ?? '?') : null,
    guest: false,
  }
}

/** LightDM: autologin-user and allow-guest in [Seat:*] (or the older [SeatDefaults], or a named seat). */
export function parseLightdm(text: string): DmLogin {
  const seats = parseIni(text).sections.filter((s) => s.name === 'SeatDefaults' || s.name.startsWith('Seat:'))
  const values = Object.assign({}, ...seats.map((s) => s.values)) as Record<string, string>
  return { autoUser: nonEmpty(values['autologin-user']), timedUser: null, guest: isTrue(values['allow-guest']) }
}

/** SDDM: [Autologin] User= (Session= alone does nothing). */
export function parseSddm(text: string): DmLogin {
  const values = Object.assign(
    {},
    ...parseIni(text)
      .sections.filter((s) => s.name === 'Autologin')
      .map((s) => s.values),
  ) as Record<string, string>
  return { autoUser: nonEmpty(values.User), timedUser: null, guest: false }
}

/** One passwordless rule: who it is for, and the commands (["ALL"] for everything). */
export interface NopasswdRule {
  who: string
  commands: string[]
}

export type SudoList =
  | { kind: 'rules'; user: string; rules: NopasswdRule[]; entries: number }
  | { kind: 'not_allowed'; user: string }
  /** `sudo -n -l` wanted a password: with sudo's default `listpw=any` that means no rule of the user is NOPASSWD. */
  | { kind: 'password_required' }

const MAX_LINES = 10_000

/** Splits "NOPASSWD: /bin/a, PASSWD: /bin/b, /bin/c" into commands with the tag in force for each (tags carry over). */
function nopasswdCommands(spec: string, inherited: boolean): { commands: string[]; last: boolean } {
  let nopasswd = inherited
  const commands: string[] = []
  for (const part of spec.split(',').slice(0, 1000)) {
    let rest = part.trim()
    for (;;) {
      const tag =
        /^(NOPASSWD|PASSWD|NOEXEC|EXEC|SETENV|NOSETENV|LOG_INPUT|NOLOG_INPUT|LOG_OUTPUT|NOLOG_OUTPUT|MAIL|NOMAIL|FOLLOW|NOFOLLOW|INTERCEPT|NOINTERCEPT):\s*/.exec(
          rest,
        )
      if (!tag) break
      if (tag[1] === 'NOPASSWD') nopasswd = true
      if (tag[1] === 'PASSWD') nopasswd = false
      rest = rest.slice(tag[0].length)
    }
    if (nopasswd && rest) commands.push(rest.slice(0, 200))
  }
  return { commands, last: nopasswd }
}

/**
 * `sudo -n -l` as sudo 1.9 prints it:
 *   User alice may run the following commands on host:
 *       (ALL) NOPASSWD: ALL
 * or "User alice is not allowed to run sudo on host.", or "sudo: a password is required".
 */
export function parseSudoList(text: string): Result<SudoList, string> {
  const lines = text.split(/\r?\n/, MAX_LINES)
  if (lines.some((l) => /^sudo: (a password is required|a terminal is required)/.test(l))) return ok({ kind: 'password_required' })
  const denied = lines.map((l) => /^User (\S{1,64}) is not allowed to run sudo on /.exec(l)).find(Boolean)
  if (denied) return ok({ kind: 'not_allowed', user: denied[1] ?? '' })
  const header = lines.findIndex((l) => /^User \S{1,64} may run the following commands on /.test(l))
  if (header < 0) return failed('no "may run the following commands" line')
  const user = /^User (\S+)/.exec(lines[header] ?? '')?.[1] ?? ''
  const rules: NopasswdRule[] = []
  let entries = 0
  for (const line of lines.slice(header + 1)) {
    if (!/^\s+\S/.test(line)) break
    entries++
    const body = line.trim().replace(/^\([^)]{0,200}\)\s*/, '')
    const { commands } = nopasswdCommands(body, false)
    if (commands.length > 0) rules.push({ who: user, commands })
  }
  return ok({ kind: 'rules', user, rules, entries })
}

export interface SudoersFile {
  rules: NopasswdRule[]
  /** `@include`/`#include` files and `@includedir`/`#includedir` folders, in order. */
  includes: { path: string; dir: boolean }[]
}

/**
 * A sudoers file (sudoers(5)): backslash continuations joined, comments dropped (but `#include` and
 * `#includedir` are directives, and `#1000` is a uid), Defaults and aliases skipped, and every user
 * specification with a NOPASSWD tag kept. Linear and capped at 10,000 lines.
 */
export function parseSudoers(text: string): SudoersFile {
  const rules: NopasswdRule[] = []
  const includes: SudoersFile['includes'] = []
  const logical: string[] = []
  let pending = ''
  for (const raw of text.split(/\r?\n/, MAX_LINES)) {
    if (raw.endsWith('\\')) {
      pending += `${raw.slice(0, -1)} `
      continue
    }
    logical.push(pending + raw)
    pending = ''
  }
  if (pending) logical.push(pending)
  for (const full of logical) {
    const line = full.trim()
    const include = /^[@#](include|includedir)\s+(\S.*)$/.exec(line)
    if (include) {
      includes.push({ path: (include[2] ?? '').trim().replace(/^"(.*)"$/, '$1'), dir: include[1] === 'includedir' })
      continue
    }
    // A comment starts at a # that is not a uid (#1000) — sudoers' own rule.
    const code = line.replace(/(^|\s)#(?!\d).*$/, '').trim()
    if (!code || /^Defaults\b/.test(code) || /^(User|Runas|Host|Cmnd|Cmd)_Alias\b/.test(code)) continue
    // "who host = …": a user or %group, then at least one host before the '=' (tested only when there is one).
    const who = code.includes('=') && /^([^\s=]{1,64})\s+[^\s=][^=]*=/.exec(code)?.[1]
    const eq = code.indexOf('=')
    if (!who) continue
    // Several "host = (runas) cmds" groups may follow one another, separated by ':'; the tag state runs across commas.
    const { commands } = nopasswdCommands(code.slice(eq + 1).replace(/\([^)]{0,200}\)/g, ''), false)
    if (commands.length > 0) rules.push({ who, commands })
  }
  return { rules, includes }
}

/** The Guest account (the one whose SID ends in -501) as `Get-LocalUser | … | ConvertTo-Json -Compress` prints it. */
export function parseGuestJson(text: string): Result<{ name: string; enabled: boolean } | null, string> {
  const trimmed = text.trim()
  if (trimmed === '') return ok(null)
  if (trimmed.length > 65_536) return failed('output too long')
  let value: unknown
  try {
    value = JSON.parse(trimmed)
  } catch {
    return failed('not JSON')
  }
  const first: unknown = Array.isArray(value) ? value[0] : value
  if (typeof first !== 'object' || first === null) return failed('not an object')
  const { Name: name, Enabled: enabled } = first as { Name?: unknown; Enabled?: unknown }
  if (typeof name !== 'string' || typeof enabled !== 'boolean') return failed('no Name and Enabled')
  return ok({ name: name.slice(0, 64), enabled })
}
