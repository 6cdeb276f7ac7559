import { observedError, pathsFor, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { isPlistDict, parsePlist } from '../../readers/macos/plist.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import { findKey, findValue } from '../../readers/windows/reg-query.parse.js'
import { t } from './login.messages.js'
import {
  parseGdm,
  parseGuestJson,
  parseLightdm,
  parseSddm,
  parseSudoList,
  parseSudoers,
  type DmLogin,
  type NopasswdRule,
  type SudoList,
} from './login.parse.js'

/** Something that could not be read: where, the short value seen, and the sentence for a summary. */
export interface Unread {
  source: string
  seen: Msg
  reason: Msg
}

export interface DmFile extends DmLogin {
  source: string
}

export type SudoFacts =
  | { via: 'list'; command: string; list: SudoList }
  | { via: 'files'; files: string[]; rules: NopasswdRule[] }
  | { via: 'none'; command: string }

export interface LoginFacts {
  os: 'linux' | 'darwin' | 'win32'
  /** Display-manager files (Linux) or the loginwindow preferences (macOS) or Winlogon (Windows) that were read. */
  logins: DmFile[]
  /** Windows: Winlogon holds DefaultPassword, the password in clear text. */
  storedPassword: string | null
  /** Windows: Winlogon's DefaultUserName, whose password DefaultPassword holds. */
  defaultUser?: string | null
  guest: { source: string; enabled: boolean } | null
  sudo: SudoFacts | null
  unread: Unread[]
  /** How many places were looked at, for the evidence of a clean result. */
  looked: string[]
}

const GDM = ['/etc/gdm3/custom.conf', '/etc/gdm/custom.conf', '/etc/gdm3/daemon.conf']
const LIGHTDM = '/etc/lightdm/lightdm.conf'
const LIGHTDM_DIRS = ['/usr/share/lightdm/lightdm.conf.d', '/etc/lightdm/lightdm.conf.d']
const SDDM = '/etc/sddm.conf'
const SDDM_DIRS = ['/usr/lib/sddm/sddm.conf.d', '/etc/sddm.conf.d']
export const LOGINWINDOW = '/Library/Preferences/com.apple.loginwindow'
export const WINLOGON = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon'
const MAX_DIR_FILES = 64
const MAX_SUDOERS_FILES = 128

async function confFiles(host: Host, dir: string): Promise<string[]> {
  try {
    const entries = await host.readDir(dir)
    return entries
      .filter((e) => e.kind !== 'dir' && e.name.endsWith('.conf'))
      .map((e) => e.name)
      .sort()
      .slice(0, MAX_DIR_FILES)
      .map((name) => `${dir}/${name}`)
  } catch {
    // A folder that is absent or unreadable holds no setting Bulwark can report; the files read are listed.
    return []
  }
}

async function readConf(host: Host, file: string, parse: (text: string) => DmLogin, facts: LoginFacts): Promise<void> {
  const read = await tryReadText(host, file, { maxBytes: 1024 * 1024 })
  if (!read.ok) {
    if (read.reason.code !== 'not_found')
      facts.unread.push({ source: file, seen: observedError(read.reason.code), reason: t('reasonUnread', { file }) })
    return
  }
  facts.looked.push(file)
  facts.logins.push({ source: file, ...parse(read.value) })
}

/** The sudoers files, when they can be read (as root): null when /etc/sudoers cannot be. */
async function readSudoersTree(host: Host, facts: LoginFacts): Promise<SudoFacts | null> {
  const first = await tryReadText(host, '/etc/sudoers', { maxBytes: 1024 * 1024 })
  if (!first.ok) return null
  const queue = ['/etc/sudoers']
  const files: string[] = []
  const rules: NopasswdRule[] = []
  const seen = new Set<string>()
  while (queue.length > 0 && files.length < MAX_SUDOERS_FILES) {
    const file = queue.shift() ?? ''
    if (seen.has(file)) continue
    seen.add(file)
    const read = await tryReadText(host, file, { maxBytes: 1024 * 1024 })
    if (!read.ok) {
      if (read.reason.code !== 'not_found')
        facts.unread.push({ source: file, seen: observedError(read.reason.code), reason: t('reasonUnread', { file }) })
      continue
    }
    files.push(file)
    const parsed = parseSudoers(read.value)
    rules.push(...parsed.rules)
    for (const inc of parsed.includes) {
      const target = inc.path.startsWith('/') ? inc.path : `${pathsFor('linux').dirname(file)}/${inc.path}`
      if (!inc.dir) {
        queue.push(target)
        continue
      }
      try {
        // sudoers(5): files in an includedir that end in '~' or contain a '.' are skipped.
        const names = (await host.readDir(target))
          .filter((e) => e.kind !== 'dir' && !e.name.endsWith('~') && !e.name.includes('.'))
          .map((e) => e.name)
        queue.push(...names.sort().map((n) => `${target}/${n}`))
      } catch {
        // No such folder: sudo itself ignores a missing includedir.
      }
    }
  }
  return { via: 'files', files, rules }
}

async function readSudo(host: Host, facts: LoginFacts, signal?: AbortSignal): Promise<SudoFacts | null> {
  // As root the files can be read and say what every user may do; for anyone else they are root-only
  // (mode 0440), and `sudo -n -l` (never prompting) lists the rules of the user running Bulwark.
  const tree = await readSudoersTree(host, facts)
  if (tree) return tree
  const command = 'sudo -n -l'
  const run = await runTool(host, 'sudo', ['-n', '-l'], { timeoutMs: 5000, signal, acceptExit: () => true })
  if (!run.ok) {
    if (run.reason.code === 'not_found') return { via: 'none', command }
    facts.unread.push({ source: command, seen: run.reason.seen, reason: run.reason.reason })
    return null
  }
  const parsed = parseSudoList(`${run.value.stdout}\n${run.value.stderr}`)
  if (!parsed.ok) {
    facts.unread.push({ source: command, seen: observedError('io'), reason: t('reasonBadOutput', { command }) })
    return null
  }
  facts.looked.push(command)
  return { via: 'list', command, list: parsed.value }
}

async function readLinux(host: Host, facts: LoginFacts, signal?: AbortSignal): Promise<void> {
  for (const file of GDM) await readConf(host, file, parseGdm, facts)
  for (const file of [LIGHTDM, ...(await Promise.all(LIGHTDM_DIRS.map((d) => confFiles(host, d)))).flat()])
    await readConf(host, file, parseLightdm, facts)
  for (const file of [SDDM, ...(await Promise.all(SDDM_DIRS.map((d) => confFiles(host, d)))).flat()])
    await readConf(host, file, parseSddm, facts)
  const guest = facts.logins.filter((l) => l.guest).at(-1)
  if (guest) facts.guest = { source: guest.source, enabled: true }
  facts.sudo = await readSudo(host, facts, signal)
}

async function readDarwin(host: Host, facts: LoginFacts, signal?: AbortSignal): Promise<void> {
  const command = `defaults export ${LOGINWINDOW} -`
  const run = await runTool(host, 'defaults', ['export', LOGINWINDOW, '-'], { timeoutMs: 5000, signal, acceptExit: () => true })
  if (!run.ok) {
    facts.unread.push({ source: command, seen: run.reason.seen, reason: run.reason.reason })
    return
  }
  // defaults exits 1 with "Domain … does not exist" when nothing was ever set: no automatic login, no guest.
  if (run.value.code !== 0 && /does not exist/i.test(run.value.stderr)) {
    facts.looked.push(command)
    facts.logins.push({ source: command, autoUser: null, timedUser: null, guest: false })
    return
  }
  const plist = parsePlist(run.value.stdout)
  if (!plist.ok || !isPlistDict(plist.value)) {
    facts.unread.push({ source: command, seen: observedError('io'), reason: t('reasonBadOutput', { command }) })
    return
  }
  const auto = plist.value.autoLoginUser
  facts.looked.push(command)
  facts.logins.push({
    source: `${command} autoLoginUser`,
    autoUser: typeof auto === 'string' && auto !== '' ? auto.slice(0, 64) : null,
    timedUser: null,
    guest: false,
  })
  facts.guest = { source: `${command} GuestEnabled`, enabled: plist.value.GuestEnabled === true }
}

async function readWin32(host: Host, facts: LoginFacts, signal?: AbortSignal): Promise<void> {
  const read = await queryRegistry(host, WINLOGON, signal)
  if (read.status === 'unreadable')
    facts.unread.push({ source: WINLOGON, seen: read.reason, reason: t('reasonUnread', { file: WINLOGON }) })
  else {
    const key = read.status === 'ok' ? findKey(read.keys, WINLOGON) : undefined
    const auto = findValue(key, 'AutoAdminLogon')
    const user = findValue(key, 'DefaultUserName')
    const on = auto !== undefined && String(auto.data).trim() === '1'
    facts.looked.push(WINLOGON)
    facts.logins.push({
      source: `${WINLOGON}\\AutoAdminLogon`,
      autoUser: on ? String(user?.data ?? '?').slice(0, 64) || '?' : null,
      timedUser: null,
      guest: false,
    })
    facts.defaultUser = user ? String(user.data).slice(0, 64) : null
    // The value's presence is the finding; its content is never read into evidence.
    const password = findValue(key, 'DefaultPassword')
    if (password && String(password.data) !== '') facts.storedPassword = `${WINLOGON}\\DefaultPassword`
  }
  const script = "Get-LocalUser | Where-Object { $_.SID.Value -like '*-501' } | Select-Object Name,Enabled | ConvertTo-Json -Compress"
  const run = await runTool(host, 'powershell', ['-NoProfile', '-NonInteractive', '-Command', script], { timeoutMs: 8000, signal })
  const guest = run.ok ? parseGuestJson(run.value.stdout) : null
  if (!run.ok) facts.unread.push({ source: 'Get-LocalUser', seen: run.reason.seen, reason: run.reason.reason })
  else if (!guest?.ok)
    facts.unread.push({ source: 'Get-LocalUser', seen: observedError('io'), reason: t('reasonBadOutput', { command: 'Get-LocalUser' }) })
  else if (guest.value) facts.guest = { source: `Get-LocalUser (${guest.value.name})`, enabled: guest.value.enabled }
}

export async function readLoginFacts(host: Host, signal?: AbortSignal): Promise<LoginFacts> {
  const os = host.platform === 'darwin' ? 'darwin' : host.platform === 'win32' ? 'win32' : 'linux'
  const facts: LoginFacts = { os, logins: [], storedPassword: null, guest: null, sudo: null, unread: [], looked: [] }
  if (os === 'darwin') await readDarwin(host, facts, signal)
  else if (os === 'win32') await readWin32(host, facts, signal)
  else await readLinux(host, facts, signal)
  return facts
}
