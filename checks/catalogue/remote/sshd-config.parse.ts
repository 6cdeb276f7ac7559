/**
 * OpenSSH server settings, read the way sshd reads them: `sshd -T` output, or `sshd_config` and its
 * `Include`s. Pure: the files are read by sshd-config.io.ts and handed in. Linear, never throws.
 *
 * Rules taken from sshd (servconf.c, misc.c argv_split) and checked against sshd -T here: keywords are
 * case-insensitive and end at white space or one `=`; double quotes group; a `#` that starts a word ends
 * the line; the first value a keyword is given wins; `Port` and `ListenAddress` add up; a `Match` block
 * lasts until the next `Match` or the end of the file it is in (also an included file); `Include` is
 * relative to the sshd directory and takes globs, and a pattern that matches nothing is no error.
 */
import { failed, isIPv6, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { p } from './sshd-config.messages.js'

/** One keyword line of one file. */
export interface ConfigLine {
  keyword: string
  args: string[]
  line: number
}

/** A keyword line where it was read, and the Match block it sits in (null: global). */
export interface Directive extends ConfigLine {
  file: string
  match: string | null
}

/** A setting and where its value came from: `file:line`, `sshd -T`, or `default`. */
export interface SshdValue {
  value: string
  source: string
}

export interface SshdListen {
  address: string
  port: number
  source: string
}

/** A Match block that changes one of the settings this check judges, for the connections it matches. */
export interface SshdMatch {
  criteria: string
  source: string
  /** `passwordauthentication yes`, … (lower-case keyword, value as written). */
  sets: string[]
}

export interface SshdSettings {
  passwordAuthentication: SshdValue
  kbdInteractiveAuthentication: SshdValue
  permitRootLogin: SshdValue
  permitEmptyPasswords: SshdValue
  usePam: SshdValue
  authenticationMethods: SshdValue
  listen: SshdListen[]
  matches: SshdMatch[]
}

/** More lines than any real configuration holds: a hostile file stops here rather than filling memory. */
const MAX_LINES = 50_000
export const JUDGED = [
  'passwordauthentication',
  'kbdinteractiveauthentication',
  'permitrootlogin',
  'permitemptypasswords',
  'usepam',
  'authenticationmethods',
] as const
type Judged = (typeof JUDGED)[number]

/** OpenSSH's compiled-in defaults (sshd_config(5); `sshd -T` on an empty file prints the same). */
const DEFAULTS: Readonly<Record<Judged, string>> = {
  passwordauthentication: 'yes',
  kbdinteractiveauthentication: 'yes',
  permitrootlogin: 'prohibit-password',
  permitemptypasswords: 'no',
  usepam: 'no',
  authenticationmethods: 'any',
}

/** Older names sshd still accepts for the same setting. */
const ALIASES: Readonly<Record<string, Judged>> = { challengeresponseauthentication: 'kbdinteractiveauthentication' }

const canonical = (keyword: string): string => ALIASES[keyword] ?? keyword

/** One line split into words as sshd's argv_split does; null for a blank or comment line, a string for an error. */
function splitLine(text: string): string[] | null | 'quote' {
  const words: string[] = []
  let word = ''
  let inWord = false
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quoted) {
      if (c === '"') quoted = false
      else if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) word += text[++i]
      else word += c
      continue
    }
    if (c === ' ' || c === '\t' || c === '\f' || c === '\r' || c === '\v') {
      if (inWord) words.push(word)
      word = ''
      inWord = false
      continue
    }
    if (c === '#' && !inWord) break
    if (c === '"') {
      quoted = true
      inWord = true
      continue
    }
    word += c
    inWord = true
  }
  if (quoted) return 'quote'
  if (inWord) words.push(word)
  if (words.length === 0) return null
  // `Keyword=value` and `Keyword = value`: the first `=` ends the keyword.
  const [first, ...rest] = words as [string, ...string[]]
  const eq = first.indexOf('=')
  if (eq >= 0) {
    const value = first.slice(eq + 1)
    return [first.slice(0, eq), ...(value ? [value] : []), ...rest]
  }
  const [second, ...others] = rest
  if (second?.startsWith('=')) return second.length > 1 ? [first, second.slice(1), ...others] : [first, ...others]
  return words
}

/** An sshd_config file as keyword lines; a file sshd itself would refuse is an error naming the line. */
export function parseSshdConfigText(text: string): Result<ConfigLine[], Msg> {
  if (text.includes('\u0000')) return failed(p('nul'))
  const out: ConfigLine[] = []
  const lines = text.split('\n')
  if (lines.length > MAX_LINES) return failed(p('tooManyLines', { count: String(MAX_LINES) }))
  for (let n = 0; n < lines.length; n++) {
    const words = splitLine(lines[n] as string)
    if (words === null) continue
    if (words === 'quote') return failed(p('quote', { line: String(n + 1) }))
    const [keyword, ...args] = words as [string, ...string[]]
    if (!keyword) return failed(p('noKeyword', { line: String(n + 1) }))
    out.push({ keyword: canonical(keyword.toLowerCase()), args, line: n + 1 })
  }
  return ok(out)
}

/** fnmatch-style match of one path component: `*`, `?` and `[…]` (with `!`/`^` negation); `*` never matches a leading dot. */
export function globMatch(pattern: string, name: string): boolean {
  if (name.startsWith('.') && !pattern.startsWith('.')) return false
  // Iterative matcher with one backtrack point for the last `*`: linear in practice, never exponential.
  let p = 0
  let n = 0
  let starP = -1
  let starN = 0
  while (n < name.length) {
    const pc = pattern[p]
    if (pc === '*') {
      starP = p++
      starN = n
      continue
    }
    if (pc === '[') {
      const close = pattern.indexOf(']', p + 2)
      if (close > 0) {
        const body = pattern.slice(p + 1, close)
        const negate = body.startsWith('!') || body.startsWith('^')
        const set = negate ? body.slice(1) : body
        const c = name[n] as string
        let hit = false
        for (let i = 0; i < set.length; i++) {
          if (set[i + 1] === '-' && i + 2 < set.length) {
            if (c >= (set[i] as string) && c <= (set[i + 2] as string)) hit = true
            i += 2
          } else if (set[i] === c) hit = true
        }
        if (hit !== negate) {
          p = close + 1
          n++
          continue
        }
      } else if (name[n] === '[') {
        p++
        n++
        continue
      }
    } else if (pc !== undefined && (pc === '?' || pc === name[n])) {
      p++
      n++
      continue
    }
    if (starP < 0) return false
    p = starP + 1
    n = ++starN
  }
  while (pattern[p] === '*') p++
  return p === pattern.length
}

export const hasGlob = (text: string): boolean => /[*?[]/.test(text)

const YES_NO = new Set(['yes', 'no'])
const ROOT_VALUES = new Set(['yes', 'no', 'prohibit-password', 'without-password', 'forced-commands-only'])

/** A value the check can judge, lower-cased; undefined for one sshd would refuse. */
function judgedValue(keyword: Judged, args: readonly string[]): string | undefined {
  if (keyword === 'authenticationmethods') return args.length > 0 ? args.join(' ') : undefined
  const v = args[0]?.toLowerCase()
  if (v === undefined) return undefined
  if (keyword === 'permitrootlogin') return ROOT_VALUES.has(v) ? v : undefined
  return YES_NO.has(v) ? v : undefined
}

const isJudged = (keyword: string): keyword is Judged => (JUDGED as readonly string[]).includes(keyword)

/** `host`, `host:port`, `[v6]:port` or a bare IPv6 literal, as ListenAddress takes them. */
function listenOf(arg: string, ports: readonly number[], source: string): SshdListen[] | undefined {
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(arg)
  if (bracket) return withPorts(bracket[1] as string, bracket[2], ports, source)
  if (isIPv6(arg)) return withPorts(arg, undefined, ports, source)
  const hostPort = /^([^:]+)(?::(\d+))?$/.exec(arg)
  if (hostPort) return withPorts(hostPort[1] as string, hostPort[2], ports, source)
  return undefined
}

function withPorts(address: string, port: string | undefined, ports: readonly number[], source: string): SshdListen[] | undefined {
  if (port === undefined) return ports.map((p) => ({ address, port: p, source }))
  const n = Number(port)
  return n >= 1 && n <= 65535 ? [{ address, port: n, source }] : undefined
}

/** The effective settings of sshd_config and its includes (already expanded, in sshd's order). */
export function resolveSshdConfig(directives: readonly Directive[]): Result<SshdSettings, Msg> {
  const first = new Map<Judged, SshdValue>()
  const matchFirst = new Map<string, Map<Judged, SshdValue>>()
  const ports: number[] = []
  let portSource = 'default'
  const listenArgs: Directive[] = []
  let family = 'any'
  const matches = new Map<string, SshdMatch>()
  for (const d of directives) {
    const where = `${d.file}:${d.line}`
    if (d.keyword === 'match') continue
    if (d.match !== null) {
      if (!isJudged(d.keyword)) continue
      const value = judgedValue(d.keyword, d.args)
      if (value === undefined) return failed(p('badValue', { setting: `${d.keyword} ${d.args.join(' ')}`.slice(0, 200), file: where }))
      const key = `${d.file}\u0000${d.match}`
      const block = matches.get(key) ?? { criteria: d.match, source: where, sets: [] }
      block.sets.push(`${d.keyword} ${value}`)
      matches.set(key, block)
      // `Match all` applies to every connection: what it sets first overrides the global value.
      if (/^all$/i.test(d.match.trim())) {
        const seen = matchFirst.get('all') ?? new Map<Judged, SshdValue>()
        if (!seen.has(d.keyword)) seen.set(d.keyword, { value, source: where })
        matchFirst.set('all', seen)
      }
      continue
    }
    if (isJudged(d.keyword)) {
      const value = judgedValue(d.keyword, d.args)
      if (value === undefined) return failed(p('badValue', { setting: `${d.keyword} ${d.args.join(' ')}`.slice(0, 200), file: where }))
      if (!first.has(d.keyword)) first.set(d.keyword, { value, source: where })
    } else if (d.keyword === 'port') {
      for (const a of d.args) {
        const n = Number(a)
        if (!/^\d+$/.test(a) || n < 1 || n > 65535) return failed(p('badPort', { value: a.slice(0, 80), file: where }))
        ports.push(n)
        if (portSource === 'default') portSource = where
      }
    } else if (d.keyword === 'listenaddress') {
      listenArgs.push(d)
    } else if (d.keyword === 'addressfamily' && family === 'any') {
      family = (d.args[0] ?? 'any').toLowerCase()
    }
  }
  const all = matchFirst.get('all')
  const setting = (k: Judged): SshdValue => all?.get(k) ?? first.get(k) ?? { value: DEFAULTS[k], source: 'default' }
  const effectivePorts = ports.length > 0 ? ports : [22]
  const listen: SshdListen[] = []
  for (const d of listenArgs) {
    const arg = d.args[0] ?? ''
    const found = listenOf(arg, effectivePorts, `${d.file}:${d.line}`)
    if (!found) return failed(p('badListen', { value: arg.slice(0, 80), file: `${d.file}:${d.line}` }))
    listen.push(...found)
  }
  if (listen.length === 0) {
    // No ListenAddress: every address of the families AddressFamily allows.
    const wild = family === 'inet' ? ['0.0.0.0'] : family === 'inet6' ? ['::'] : ['::', '0.0.0.0']
    for (const address of wild) for (const port of effectivePorts) listen.push({ address, port, source: portSource })
  }
  return ok({
    passwordAuthentication: setting('passwordauthentication'),
    kbdInteractiveAuthentication: setting('kbdinteractiveauthentication'),
    permitRootLogin: setting('permitrootlogin'),
    permitEmptyPasswords: setting('permitemptypasswords'),
    usePam: setting('usepam'),
    authenticationMethods: setting('authenticationmethods'),
    listen,
    matches: [...matches.values()],
  })
}

/**
 * `sshd -T` output: one `keyword value` line per setting, keywords lower-case, every value filled in
 * (`permitrootlogin without-password` is how it prints prohibit-password). Anything else is refused.
 */
export function parseSshdT(stdout: string, source = 'sshd -T'): Result<Omit<SshdSettings, 'matches'>, Msg> {
  if (stdout.includes('\u0000')) return failed(p('nul'))
  const values = new Map<string, string>()
  const listen: SshdListen[] = []
  const lines = stdout.split('\n')
  if (lines.length > MAX_LINES) return failed(p('tooManyLines', { count: String(MAX_LINES) }))
  for (const raw of lines) {
    const line = raw.trim()
    if (!line) continue
    const m = /^([a-z0-9]+) (.*)$/.exec(line)
    if (!m) return failed(p('notKeywordLine', { line: line.slice(0, 80) }))
    const keyword = canonical(m[1] as string)
    const value = (m[2] as string).trim()
    if (keyword === 'listenaddress') {
      // `0.0.0.0:22`, `[::]:22`, optionally followed by `rdomain <name>`.
      const addr = /^(?:\[([^\]]+)\]|([^\s:]+)):(\d+)(?:\s|$)/.exec(value)
      if (!addr) return failed(p('badListen', { value: value.slice(0, 80), file: source }))
      listen.push({ address: (addr[1] ?? addr[2]) as string, port: Number(addr[3]), source })
    } else if (!values.has(keyword)) values.set(keyword, value)
  }
  const get = (k: Judged): Result<SshdValue, Msg> => {
    const v = values.get(k)
    if (v === undefined) return k === 'usepam' ? ok({ value: 'no', source }) : failed(p('missing', { setting: k }))
    const judged = judgedValue(k, v.split(/\s+/))
    return judged === undefined
      ? failed(p('badValue', { setting: `${k} ${v}`.slice(0, 200), file: source }))
      : ok({ value: judged, source })
  }
  if (!values.has('port')) return failed(p('notSshdT'))
  const judged: Partial<Record<Judged, SshdValue>> = {}
  for (const k of JUDGED) {
    const got = get(k)
    if (!got.ok) return got
    judged[k] = got.value
  }
  const pick = (k: Judged): SshdValue => judged[k] ?? { value: DEFAULTS[k], source }
  return ok({
    passwordAuthentication: pick('passwordauthentication'),
    kbdInteractiveAuthentication: pick('kbdinteractiveauthentication'),
    permitRootLogin: pick('permitrootlogin'),
    permitEmptyPasswords: pick('permitemptypasswords'),
    usePam: pick('usepam'),
    authenticationMethods: pick('authenticationmethods'),
    listen,
  })
}

/** What the settings let a person log in with. */
export interface SshdLogin {
  /** A password (PasswordAuthentication, or keyboard-interactive through PAM) is enough on its own. */
  password: boolean
  /** root may log in with a password. */
  rootPassword: boolean
  /** An account with an empty password may log in. */
  emptyPasswords: boolean
}

/**
 * Keyboard-interactive asks for a password only through PAM on Linux and macOS (sshd's auth2-chall.c
 * drops its PAM device when UsePAM is no), and AuthenticationMethods can demand a key as well.
 */
export function loginOf(s: Pick<SshdSettings, Exclude<keyof SshdSettings, 'listen' | 'matches'>>): SshdLogin {
  const methods = s.authenticationMethods.value
  const lists = methods === 'any' ? [['any']] : methods.split(/\s+/).map((l) => l.split(','))
  const alone = (m: string): boolean => lists.some((l) => l.every((x) => x === 'any' || x.startsWith(m)))
  const password = s.passwordAuthentication.value === 'yes' && alone('password')
  const kbd = s.kbdInteractiveAuthentication.value === 'yes' && s.usePam.value === 'yes' && alone('keyboard-interactive')
  const any = password || kbd
  return {
    password: any,
    rootPassword: any && s.permitRootLogin.value === 'yes',
    emptyPasswords: any && s.permitEmptyPasswords.value === 'yes',
  }
}
