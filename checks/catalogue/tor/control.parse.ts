/**
 * Parses Tor control-port replies (control-spec §2.3, §3.21 PROTOCOLINFO, §3.9 GETINFO). Pure: no I/O.
 *
 *   250-PROTOCOLINFO 1
 *   250-AUTH METHODS=COOKIE,SAFECOOKIE COOKIEFILE="/run/tor/control.authcookie"
 *   250-VERSION Tor="0.4.9.11"
 *   250 OK
 */
import { failed, ok, type Result } from '../../core/host/toolkit.js'
import { unquote } from './torrc.parse.js'

export interface ReplyLine {
  code: number
  /** '-' mid-reply, ' ' end of reply, '+' data follows (already folded into `text`). */
  sep: '-' | ' ' | '+'
  text: string
}

export interface ParsedReplies {
  lines: ReplyLine[]
  /** Bytes that are not control-protocol lines: this is not a Tor control port (or it was cut). */
  garbage: boolean
}

export function parseReplyLines(input: string): ParsedReplies {
  const raw = input.split(/\r?\n/)
  // A reply is cut mid-line when the peer closes early: the tail is no line at all.
  if (raw[raw.length - 1] === '') raw.pop()
  const lines: ReplyLine[] = []
  let garbage = false
  for (let i = 0; i < raw.length; i++) {
    const m = /^(\d{3})([- +])(.*)$/.exec(raw[i] ?? '')
    if (!m) {
      garbage = true
      continue
    }
    const sep = m[2] as ReplyLine['sep']
    let text = m[3] ?? ''
    if (sep === '+') {
      const data: string[] = []
      while (i + 1 < raw.length && raw[i + 1] !== '.') data.push((raw[++i] ?? '').replace(/^\./, ''))
      i += 1
      text += `\n${data.join('\n')}`
    }
    lines.push({ code: Number(m[1]), sep, text })
  }
  return { lines, garbage }
}

/** Splits `KEY=value KEY2="quoted value"` into pairs; bare words get an empty value. */
export function parseKeyValues(text: string): Map<string, string> {
  const out = new Map<string, string>()
  let rest = text.trim()
  while (rest !== '') {
    const m = /^([A-Za-z0-9_/-]+)(=?)/.exec(rest)
    if (!m) break
    const key = (m[1] ?? '').toUpperCase()
    rest = rest.slice(m[0].length)
    let value = ''
    if (m[2] === '=') {
      if (rest.startsWith('"')) {
        const q = unquote(rest)
        if ('error' in q) break
        value = q.value
        rest = q.rest
      } else {
        const end = rest.search(/\s|$/)
        value = rest.slice(0, end)
        rest = rest.slice(end)
      }
    }
    out.set(key, value)
    rest = rest.trimStart()
  }
  return out
}

/** Why a control-port reply was not usable, with the start of what was said. */
export interface ReplyProblem<P extends string = string> {
  problem: P
  detail: string
}

export interface ProtocolFacts {
  methods: string[]
  cookieFile: string | null
  version: string | null
}

export type ProtocolInfo = Result<ProtocolFacts, ReplyProblem<'empty' | 'not_tor' | 'error_reply' | 'truncated'>>

export function parseProtocolInfo(input: string): ProtocolInfo {
  if (input.trim() === '') return failed({ problem: 'empty' as const, detail: '' })
  const { lines, garbage } = parseReplyLines(input)
  const first = lines[0]
  if (first === undefined || (garbage && lines.length === 0)) return failed({ problem: 'not_tor' as const, detail: input.slice(0, 80) })
  if (first.code !== 250) return failed({ problem: 'error_reply' as const, detail: `${first.code} ${first.text}` })
  if (!/^PROTOCOLINFO\b/.test(first.text)) return failed({ problem: 'not_tor' as const, detail: first.text.slice(0, 80) })
  const auth = lines.find((l) => l.text.startsWith('AUTH '))
  if (!auth) return failed({ problem: 'truncated' as const, detail: input.slice(0, 80) })
  const kv = parseKeyValues(auth.text.slice(5))
  const methods = (kv.get('METHODS') ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean)
  const versionLine = lines.find((l) => l.text.startsWith('VERSION '))
  const version = versionLine ? (parseKeyValues(versionLine.text.slice(8)).get('TOR') ?? null) : null
  return ok({ methods, cookieFile: kv.get('COOKIEFILE') || null, version })
}

export interface Bootstrap {
  progress: number
  tag: string | null
  summary: string | null
  /** Present when tor reports a problem reaching the network (status/bootstrap-phase WARN). */
  warning: string | null
}

/** tor's own words go into a summary: printable, one line, short; anything else becomes `?`. */
export function torWords(value: string | undefined): string | null {
  if (value === undefined || value === '') return null
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?')
  return clean.length > 160 ? `${clean.slice(0, 160)}…` : clean
}

export function parseBootstrapPhase(value: string): Bootstrap | null {
  const kv = parseKeyValues(value.replace(/^(NOTICE|WARN|ERR)\s+/, ''))
  if (!kv.has('BOOTSTRAP')) return null
  const progressText = kv.get('PROGRESS') ?? ''
  if (!/^\d{1,3}$/.test(progressText)) return null
  const progress = Number(progressText)
  if (progress > 100) return null
  return { progress, tag: torWords(kv.get('TAG')), summary: torWords(kv.get('SUMMARY')), warning: torWords(kv.get('WARNING')) }
}

export interface AuthenticatedFacts {
  version: string | null
  bootstrap: Bootstrap | null
}

export type AuthenticatedInfo = Result<AuthenticatedFacts, ReplyProblem<'auth_failed' | 'empty' | 'not_tor'>>

/** The reply to `AUTHENTICATE …` + `GETINFO version status/bootstrap-phase` + `QUIT`, as one stream. */
export function parseAuthenticatedInfo(input: string): AuthenticatedInfo {
  if (input.trim() === '') return failed({ problem: 'empty' as const, detail: '' })
  const { lines } = parseReplyLines(input)
  const first = lines[0]
  if (first === undefined) return failed({ problem: 'not_tor' as const, detail: input.slice(0, 80) })
  if (first.code !== 250) return failed({ problem: 'auth_failed' as const, detail: `${first.code} ${first.text}` })
  let version: string | null = null
  let bootstrap: Bootstrap | null = null
  for (const line of lines.slice(1)) {
    if (line.code !== 250) continue
    const eq = line.text.indexOf('=')
    if (eq < 0) continue
    const key = line.text.slice(0, eq)
    const value = line.text.slice(eq + 1).trim()
    if (key === 'version') version = value.split(/\s/)[0] ?? null
    if (key === 'status/bootstrap-phase') bootstrap = parseBootstrapPhase(value)
  }
  return ok({ version, bootstrap })
}

/** True once the stream holds a final reply line for the last command (`250 closing connection` or an error). */
export function controlReplyComplete(input: string, expectedFinals: number): boolean {
  const { lines } = parseReplyLines(input.endsWith('\n') ? input : input.slice(0, input.lastIndexOf('\n') + 1))
  const finals = lines.filter((l) => l.sep === ' ')
  return finals.length >= expectedFinals || finals.some((l) => l.code >= 500)
}
