/**
 * Reads a Firefox AutoConfig file (`mozilla.cfg`) without running it. Pure: no I/O.
 *
 * AutoConfig is JavaScript. Firefox byte-shifts the file back by `general.config.obscure_value`
 * (13 unless a default-pref file says otherwise) and always skips its first line
 * (nsReadConfig.cpp openAndEvaluateJSFile, nsJSConfigTriggers.cpp EvaluateAdminConfigScript).
 * Bulwark only evaluates the plain top-level calls `pref("name", literal)`, `defaultPref(…)`,
 * `lockPref(…)`, `clearPref("name")` and `unlockPref("name")`. Everything else that could change a
 * pref (a call inside a block or after a condition, a computed name or value,
 * a redefined pref function, a remote config URL, any other text naming a DNS-over-HTTPS pref)
 * is reported as opaque, never guessed.
 */
import type { PrefValue } from './firefox-prefs.parse.js'

export type AutoConfigFn = 'pref' | 'defaultPref' | 'lockPref' | 'unlockPref' | 'clearPref'

export interface AutoConfigOp {
  fn: AutoConfigFn
  name: string
  /** Absent for clearPref/unlockPref. */
  value?: PrefValue
  line: number
}

export type OpaqueWhy = 'conditional' | 'computed' | 'redefined' | 'remote' | 'mentions' | 'unparseable'

export interface OpaqueStatement {
  line: number
  /** The text around it, cut to 200 characters. */
  text: string
  why: OpaqueWhy
  /** The pref it targets when that much is certain; absent when it could touch any pref. */
  prefName?: string
  /** The file it stands in, when that is not the AutoConfig file itself (a default-pref file). */
  path?: string
}

export interface ParsedAutoConfig {
  ops: AutoConfigOp[]
  opaque: OpaqueStatement[]
}

/** Firefox's default `general.config.obscure_value` (modules/libpref/init/all.js). */
export const DEFAULT_OBSCURE_VALUE = 13

/** Undoes AutoConfig's byte shift the way nsReadConfig does (char arithmetic wraps at 8 bits). */
export function decodeAutoConfig(bytes: Uint8Array, obscureValue: number): string {
  const shifted = obscureValue > 0 ? bytes.map((b) => (b - obscureValue) & 0xff) : bytes
  return new TextDecoder('utf-8').decode(shifted)
}

const PREF_FNS: readonly string[] = ['pref', 'defaultPref', 'lockPref', 'unlockPref', 'clearPref']
const MENTIONS_DOH = /network\.trr|doh-rollout/i

type Tok =
  | { t: 'id'; v: string; line: number; start: number; nl: boolean }
  | { t: 'str'; v: string; line: number; start: number; nl: boolean; template: boolean }
  | { t: 'num'; v: number; line: number; start: number; nl: boolean }
  | { t: 'p'; v: string; line: number; start: number; nl: boolean }

function tokenize(src: string, firstLine: number): Tok[] | { error: string; line: number } {
  const out: Tok[] = []
  let i = 0
  let line = firstLine
  let nl = true
  const push = (tok: Omit<Tok, 'nl'> & Record<string, unknown>): void => {
    out.push({ ...tok, nl } as Tok)
    nl = false
  }
  while (i < src.length) {
    const c = src[i] as string
    if (c === '\n') {
      line++
      i++
      nl = true
      continue
    }
    if (/\s/.test(c) || c === '\uFEFF') {
      i++
      continue
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++
      continue
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2)
      if (end === -1) return { error: 'unterminated comment', line }
      for (let j = i; j < end; j++) if (src[j] === '\n') line++
      i = end + 2
      continue
    }
    const start = i
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1
      let text = ''
      const startLine = line
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\n') {
          if (c !== '`') return { error: 'unterminated string', line: startLine }
          line++
        }
        if (src[j] === '\\') {
          const e = src[j + 1] ?? ''
          text += e === 'n' ? '\n' : e === 't' ? '\t' : e
          j += 2
          continue
        }
        text += src[j]
        j++
      }
      if (j >= src.length) return { error: 'unterminated string', line: startLine }
      push({ t: 'str', v: text, line: startLine, start, template: c === '`' })
      i = j + 1
      continue
    }
    if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1
      while (j < src.length && /[A-Za-z0-9_$]/.test(src[j] as string)) j++
      push({ t: 'id', v: src.slice(i, j), line, start })
      i = j
      continue
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1
      while (j < src.length && /[0-9A-Za-z_.]/.test(src[j] as string)) j++
      const text = src.slice(i, j)
      push({ t: 'num', v: /^[0-9]+$/.test(text) ? Number(text) : NaN, line, start })
      i = j
      continue
    }
    push({ t: 'p', v: c, line, start })
    i++
  }
  return out
}

const isP = (tok: Tok | undefined, v: string): boolean => tok?.t === 'p' && tok.v === v

/** A literal argument: a plain string, an integer (optionally negative), true or false. */
function literalAt(toks: Tok[], i: number): { value: PrefValue; next: number } | undefined {
  const a = toks[i]
  if (a?.t === 'str' && !a.template) return { value: a.v, next: i + 1 }
  if (a?.t === 'num' && Number.isInteger(a.v)) return { value: a.v, next: i + 1 }
  if (isP(a, '-') && toks[i + 1]?.t === 'num') {
    const n = (toks[i + 1] as { v: number }).v
    return Number.isInteger(n) ? { value: -n, next: i + 2 } : undefined
  }
  if (a?.t === 'id' && (a.v === 'true' || a.v === 'false')) return { value: a.v === 'true', next: i + 1 }
  return undefined
}

/** Tokens after which a call runs unconditionally, as its own statement. */
function startsStatement(prev: Tok | undefined, cur: Tok, lastCallEnd: number, index: number): boolean {
  if (!prev) return true
  if (isP(prev, ';') || isP(prev, '}')) return true
  // Automatic semicolon insertion: a call on a new line right after a complete plain call.
  return cur.nl && lastCallEnd === index
}

export function parseAutoConfig(text: string): ParsedAutoConfig {
  // Firefox skips the first line (up to and including \n, \r or \r\n) before evaluating.
  const m = /^[^\r\n]*(\r\n|\r|\n)?/.exec(text)
  const skipped = m ? m[0] : ''
  const body = text.slice(skipped.length)
  const firstLine = skipped.endsWith('\n') || skipped.endsWith('\r') ? 2 : 1
  const snippet = (from: number): string =>
    body
      .slice(from, from + 200)
      .split(/\r?\n/)[0]
      ?.trim() ?? ''
  const toks = tokenize(body, firstLine)
  if (!Array.isArray(toks)) {
    // Firefox cannot evaluate it either (and refuses to start); it matters only if it names DoH prefs.
    return { ops: [], opaque: MENTIONS_DOH.test(body) ? [{ line: toks.line, text: toks.error, why: 'unparseable' }] : [] }
  }
  const ops: AutoConfigOp[] = []
  const opaque: OpaqueStatement[] = []
  let depth = 0
  let lastCallEnd = -1
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i] as Tok
    if (isP(tok, '{')) depth++
    if (isP(tok, '}')) depth = Math.max(0, depth - 1)
    if (tok.t === 'str' && MENTIONS_DOH.test(tok.v)) {
      // Claimed below when it is the name of a plain call; otherwise it is used some other way.
      const callee = toks[i - 2]
      const plainName = isP(toks[i - 1], '(') && callee?.t === 'id' && PREF_FNS.includes(callee.v)
      if (!plainName) opaque.push({ line: tok.line, text: snippet(tok.start), why: 'mentions' })
    }
    if (tok.t !== 'id' || !PREF_FNS.includes(tok.v) || isP(toks[i - 1], '.')) continue
    // `function lockPref`, `var pref =`, `pref = …`: every later plain call means something else.
    const before = toks[i - 1]
    if ((before?.t === 'id' && /^(function|var|let|const)$/.test(before.v)) || isP(toks[i + 1], '=')) {
      opaque.push({ line: tok.line, text: snippet(tok.start), why: 'redefined' })
      continue
    }
    if (!isP(toks[i + 1], '(')) continue
    const nameTok = toks[i + 2]
    const fn = tok.v as AutoConfigFn
    if (nameTok?.t !== 'str' || nameTok.template || !(isP(toks[i + 3], ',') || isP(toks[i + 3], ')'))) {
      opaque.push({ line: tok.line, text: snippet(tok.start), why: 'computed' })
      continue
    }
    const name = nameTok.v
    if (name === 'autoadmin.global_config_url') {
      // Firefox then downloads more AutoConfig from that address: it can set anything.
      opaque.push({ line: tok.line, text: snippet(tok.start), why: 'remote' })
    }
    const unconditional = depth === 0 && startsStatement(toks[i - 1], tok, lastCallEnd, i)
    const takesValue = fn === 'pref' || fn === 'defaultPref' || fn === 'lockPref'
    let end: number
    let value: PrefValue | undefined
    if (takesValue) {
      const lit = isP(toks[i + 3], ',') ? literalAt(toks, i + 4) : undefined
      if (!lit || !isP(toks[lit.next], ')')) {
        opaque.push({ line: tok.line, text: snippet(tok.start), why: 'computed', prefName: name })
        continue
      }
      value = lit.value
      end = lit.next
    } else {
      if (!isP(toks[i + 3], ')')) {
        opaque.push({ line: tok.line, text: snippet(tok.start), why: 'computed', prefName: name })
        continue
      }
      end = i + 3
    }
    const after = toks[end + 1]
    const complete = !after || isP(after, ';') || isP(after, '}') || after.nl
    if (!unconditional || !complete) {
      opaque.push({ line: tok.line, text: snippet(tok.start), why: 'conditional', prefName: name })
      continue
    }
    ops.push({ fn, name, ...(value === undefined ? {} : { value }), line: tok.line })
    lastCallEnd = isP(after, ';') ? end + 2 : end + 1
    i = end
  }
  return { ops, opaque }
}
