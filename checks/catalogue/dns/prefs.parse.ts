/**
 * Parses Firefox preference files (`prefs.js`, `user.js`). Pure: no I/O.
 *
 *   user_pref("network.trr.mode", 3);   // also pref(...) and sticky_pref(...)
 *
 * Firefox reads these files with a tokenizer, not line by line: a statement may span lines,
 * comments are `//`, `/* *\/` and `#`, strings take single or double quotes with C-like
 * escapes. A statement that does not parse (a truncated write, binary garbage) is skipped and
 * reported, and parsing resumes at the next statement, so one bad line never hides the rest.
 * In user.js and prefs.js every form sets the user value; the last assignment wins. Default-pref
 * files (`defaults/pref/*.js`) use `pref(name, value, locked)`; `entries` keeps every statement for them.
 */
export type PrefValue = string | number | boolean

export interface PrefEntry {
  name: string
  value: PrefValue
  /** 1-based line where the statement starts. */
  line: number
  kind: PrefKeyword
  /** `, locked` after the value: in a default-pref file it locks the pref. */
  locked?: true
}

export interface SkippedStatement {
  line: number
  /** The statement's text as read (cut to 200 characters). */
  text: string
}

export interface ParsedPrefs {
  prefs: Map<string, PrefEntry>
  /** Every statement read, in file order: default-pref files need them all (a lock stops later writes). */
  entries: PrefEntry[]
  skipped: SkippedStatement[]
}

const KEYWORDS = ['user_pref', 'pref', 'sticky_pref'] as const
type PrefKeyword = (typeof KEYWORDS)[number]

type Token =
  | { type: 'word'; text: string; line: number; start: number; lineStart: boolean }
  | { type: 'string'; text: string; line: number; start: number; lineStart: boolean }
  | { type: 'int'; value: number; line: number; start: number; lineStart: boolean }
  | { type: 'punct'; text: string; line: number; start: number; lineStart: boolean }
  | { type: 'bad'; text: string; line: number; start: number; lineStart: boolean }

type WithoutLineStart<T> = T extends unknown ? Omit<T, 'lineStart'> : never

const INT32_MIN = -2147483648
const INT32_MAX = 2147483647

function decodeEscape(src: string, i: number): { text: string; next: number } | undefined {
  const c = src[i]
  switch (c) {
    case '"':
    case "'":
    case '\\':
      return { text: c, next: i + 1 }
    case 'n':
      return { text: '\n', next: i + 1 }
    case 'r':
      return { text: '\r', next: i + 1 }
    case 't':
      return { text: '\t', next: i + 1 }
    case 'x': {
      const hex = src.slice(i + 1, i + 3)
      return /^[0-9a-fA-F]{2}$/.test(hex) ? { text: String.fromCharCode(parseInt(hex, 16)), next: i + 3 } : undefined
    }
    case 'u': {
      const hex = src.slice(i + 1, i + 5)
      return /^[0-9a-fA-F]{4}$/.test(hex) ? { text: String.fromCharCode(parseInt(hex, 16)), next: i + 5 } : undefined
    }
    default:
      return undefined
  }
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  let line = 1
  let sawTokenOnLine = false
  const push = (t: WithoutLineStart<Token>): void => {
    tokens.push({ ...t, lineStart: !sawTokenOnLine })
    sawTokenOnLine = true
  }
  while (i < src.length) {
    const c = src[i] as string
    if (c === '\n') {
      line++
      i++
      sawTokenOnLine = false
      continue
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF') {
      i++
      continue
    }
    if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      while (i < src.length && src[i] !== '\n') i++
      continue
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2)
      const stop = end === -1 ? src.length : end + 2
      for (let j = i; j < stop; j++) if (src[j] === '\n') line++
      i = stop
      continue
    }
    const start = i
    const startLine = line
    if (c === '"' || c === "'") {
      let text = ''
      let j = i + 1
      let closed = false
      let broken = false
      while (j < src.length) {
        const d = src[j] as string
        if (d === c) {
          closed = true
          j++
          break
        }
        if (d === '\n') {
          // Firefox allows newlines in strings, but a truncated file usually ends here: count lines.
          line++
        }
        if (d === '\\') {
          const esc = decodeEscape(src, j + 1)
          if (!esc) {
            broken = true
            j += 2
            continue
          }
          text += esc.text
          j = esc.next
          continue
        }
        text += d
        j++
      }
      i = j
      push(
        closed && !broken
          ? { type: 'string', text, line: startLine, start }
          : { type: 'bad', text: src.slice(start, j), line: startLine, start },
      )
      continue
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1
      while (j < src.length && /[A-Za-z0-9_]/.test(src[j] as string)) j++
      push({ type: 'word', text: src.slice(i, j), line: startLine, start })
      i = j
      continue
    }
    if (/[-+0-9]/.test(c)) {
      let j = i + 1
      while (j < src.length && /[0-9]/.test(src[j] as string)) j++
      const text = src.slice(i, j)
      const value = /^[-+]?[0-9]+$/.test(text) ? Number(text) : NaN
      const ok = Number.isFinite(value) && value >= INT32_MIN && value <= INT32_MAX
      push(ok ? { type: 'int', value, line: startLine, start } : { type: 'bad', text, line: startLine, start })
      i = j
      continue
    }
    if (c === '(' || c === ')' || c === ',' || c === ';') {
      push({ type: 'punct', text: c, line: startLine, start })
      i++
      continue
    }
    push({ type: 'bad', text: c, line: startLine, start })
    i++
  }
  return tokens
}

function isKeyword(t: Token | undefined): t is Extract<Token, { type: 'word' }> & { text: PrefKeyword } {
  return t?.type === 'word' && (KEYWORDS as readonly string[]).includes(t.text)
}

function isPunct(t: Token | undefined, text: string): boolean {
  return t?.type === 'punct' && t.text === text
}

/** One statement starting at tokens[i]; returns the entry (or undefined) and the index after it. */
function parseStatement(tokens: Token[], i: number): { entry?: PrefEntry; next: number } {
  const kw = tokens[i]
  if (!isKeyword(kw)) return { next: i }
  const name = isPunct(tokens[i + 1], '(') ? tokens[i + 2] : undefined
  if (!name || name.type !== 'string' || !isPunct(tokens[i + 3], ',')) return { next: i }
  const v = tokens[i + 4]
  let value: PrefValue
  if (v?.type === 'string') value = v.text
  else if (v?.type === 'int') value = v.value
  else if (v?.type === 'word' && (v.text === 'true' || v.text === 'false')) value = v.text === 'true'
  else return { next: i }
  let j = i + 5
  // Attributes after the value (`, sticky`, `, locked`) belong to default-pref files.
  let locked = false
  while (isPunct(tokens[j], ',') && tokens[j + 1]?.type === 'word') {
    if ((tokens[j + 1] as { text: string }).text === 'locked') locked = true
    j += 2
  }
  if (!isPunct(tokens[j], ')') || !isPunct(tokens[j + 1], ';')) return { next: i }
  return { entry: { name: name.text, value, line: kw.line, kind: kw.text, ...(locked ? { locked: true as const } : {}) }, next: j + 2 }
}

export function parsePrefs(text: string): ParsedPrefs {
  const tokens = tokenize(text)
  const prefs = new Map<string, PrefEntry>()
  const entries: PrefEntry[] = []
  const skipped: SkippedStatement[] = []
  let i = 0
  while (i < tokens.length) {
    const { entry, next } = parseStatement(tokens, i)
    if (entry) {
      prefs.set(entry.name, entry)
      entries.push(entry)
      i = next
      continue
    }
    // Skip to just after the next ';', or to the next keyword that starts a line, whichever is first:
    // a truncated statement has no ';' and must not swallow the valid one on the following line.
    const first = tokens[i] as Token
    let j = i + 1
    while (j < tokens.length && !isPunct(tokens[j - 1], ';') && !(isKeyword(tokens[j]) && tokens[j]?.lineStart)) j++
    const endToken = tokens[j]
    const end = endToken ? endToken.start : text.length
    skipped.push({ line: first.line, text: text.slice(first.start, end).trim().slice(0, 200) })
    i = j
  }
  return { prefs, entries, skipped }
}
