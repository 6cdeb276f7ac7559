/**
 * Parses Firefox preference files (`prefs.js`, `user.js`, `defaults/pref/*.js`) exactly as Firefox's
 * own parser does (modules/libpref/parser/src/lib.rs), because Firefox, not this file's author,
 * decides what a damaged file means. Pure and linear: every character is read at most twice.
 *
 *   <pref>  = ("user_pref" | "pref" | "sticky_pref" | "lockPref") "(" <string> "," <value> <attrs> ")" ";"
 *   <value> = <string> | "true" | "false" | ("+" | "-")? [0-9]+        (a 32-bit int)
 *   <attrs> = ("," ("sticky" | "locked"))*   in default-pref files only; nothing in user files
 *
 * Comments are `//`, `#` and non-nested `/* *\/`; strings take either quote and only the escapes
 * \" \' \\ \n \r \xNN \uNNNN (not \t, not \x00 or \u0000, surrogates in pairs); a NUL ends the file;
 * a byte-order mark is skipped only at the very start. On any error Firefox drops tokens up to and
 * including the next `;`, so one bad line can swallow the valid statement after it: that statement is
 * NOT applied, and it is reported in `skipped` with the damaged one. `user_pref` sets the user value;
 * `pref`/`sticky_pref` set the default (even in user.js) and `lockPref` sets and locks it.
 */
export type PrefValue = string | number | boolean

export const PREF_KEYWORDS = ['user_pref', 'pref', 'sticky_pref', 'lockPref'] as const
export type PrefKeyword = (typeof PREF_KEYWORDS)[number]

export interface PrefEntry {
  name: string
  value: PrefValue
  /** 1-based line of the keyword. */
  line: number
  kind: PrefKeyword
  /** `lockPref`, or `, locked` in a default-pref file: the default is locked. */
  locked?: true
}

export interface SkippedStatement {
  line: number
  /** What Firefox dropped, from the damaged statement to the `;` that ends its recovery (cut to 200 characters). */
  text: string
}

export interface ParsedPrefs {
  /** The last applied statement for each name. */
  prefs: Map<string, PrefEntry>
  /** Every applied statement, in file order: default-pref files need them all (a lock stops later writes). */
  entries: PrefEntry[]
  skipped: SkippedStatement[]
}

/** A user file (user.js, prefs.js) refuses `, sticky`/`, locked` attributes; a default-pref file allows them. */
export type PrefFileKind = 'user' | 'default'

type Token =
  | { type: 'punct'; char: '(' | ')' | ',' | ';' | '+' | '-' }
  | { type: 'eof' }
  | { type: 'keyword'; word: PrefKeyword | 'true' | 'false' | 'sticky' | 'locked' }
  | { type: 'string'; text: string }
  | { type: 'int'; value: number }
  | { type: 'error' }

type Located = Token & { start: number; line: number }

const KEYWORDS: ReadonlySet<string> = new Set([...PREF_KEYWORDS, 'true', 'false', 'sticky', 'locked'])
const INT32_MAX = 2147483647
const UINT32_MAX = 4294967295

const isKeywordChar = (c: string): boolean => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_'
const isDigit = (c: string): boolean => c >= '0' && c <= '9'
const isHex = (c: string): boolean => isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')

class Lexer {
  private i: number
  line = 1
  private readonly end: number

  constructor(private readonly src: string) {
    this.i = src.startsWith('\uFEFF') ? 1 : 0
    const nul = src.indexOf('\0')
    this.end = nul === -1 ? src.length : nul
  }

  get offset(): number {
    return this.i
  }

  private peek(): string {
    return this.i < this.end ? (this.src[this.i] as string) : '\0'
  }

  private take(): string {
    const c = this.peek()
    if (this.i < this.end) this.i++
    return c
  }

  /** Consumes an end of line (`\n`, `\r` or `\r\n`) when one is next; true if it did. */
  private newline(): boolean {
    const c = this.peek()
    if (c === '\n') {
      this.i++
      this.line++
      return true
    }
    if (c === '\r') {
      this.i++
      if (this.peek() === '\n') this.i++
      this.line++
      return true
    }
    return false
  }

  next(): Located {
    const src = this.src
    for (;;) {
      if (this.i >= this.end) return { type: 'eof', start: this.i, line: this.line }
      const code = src.charCodeAt(this.i)
      // Space, \t, \v, \f; then \n and \r, which count lines.
      if (code === 32 || code === 9 || code === 11 || code === 12) {
        this.i++
        continue
      }
      if (code === 10 || code === 13) {
        this.newline()
        continue
      }
      const start = this.i
      const line = this.line
      const c = src[this.i++] as string
      if (c === '(' || c === ')' || c === ',' || c === ';' || c === '+' || c === '-') return { type: 'punct', char: c, start, line }
      if (c === '#') {
        this.skipLine()
        continue
      }
      if (c === '/') {
        const d = this.peek()
        if (d === '/') {
          this.skipLine()
          continue
        }
        if (d === '*') {
          this.i++
          if (!this.skipBlockComment()) return { type: 'error', start, line }
          continue
        }
        if (d !== '\n' && d !== '\r') this.take()
        return { type: 'error', start, line }
      }
      if (isKeywordChar(c)) {
        while (isKeywordChar(this.peek())) this.i++
        const word = src.slice(start, this.i)
        if (!KEYWORDS.has(word)) return { type: 'error', start, line }
        return { type: 'keyword', word: word as Extract<Token, { type: 'keyword' }>['word'], start, line }
      }
      if (isDigit(c)) {
        let value = code - 48
        while (isDigit(this.peek())) value = Math.min(value * 10 + (src.charCodeAt(this.i++) - 48), UINT32_MAX + 1)
        // "123foo" is one error; recovery reads "foo" again as its own token.
        if (isKeywordChar(this.peek()) || value > UINT32_MAX) return { type: 'error', start, line }
        return { type: 'int', value, start, line }
      }
      if (c === '"' || c === "'") return { ...this.string(c), start, line }
      return { type: 'error', start, line }
    }
  }

  private skipLine(): void {
    while (this.i < this.end && this.peek() !== '\n' && this.peek() !== '\r') this.i++
    this.newline()
  }

  private skipBlockComment(): boolean {
    while (this.i < this.end) {
      if (this.newline()) continue
      if (this.take() === '*' && this.peek() === '/') {
        this.i++
        return true
      }
    }
    return false
  }

  private hex(digits: number): number | undefined {
    let value = 0
    for (let n = 0; n < digits; n++) {
      const c = this.peek()
      if (!isHex(c)) return undefined
      this.i++
      value = value * 16 + parseInt(c, 16)
    }
    return value
  }

  /** A string literal after its opening quote; an error inside it still reads on to the closing quote. */
  private string(quote: string): Token {
    const parts: string[] = []
    let bad = false
    let run = this.i
    for (;;) {
      const c = this.peek()
      if (c !== quote && c !== '\\' && c !== '\n' && c !== '\r' && c !== '\0') {
        this.i++
        continue
      }
      parts.push(this.src.slice(run, this.i))
      if (c === '\0') return { type: 'error' }
      if (c === quote) {
        this.i++
        return bad ? { type: 'error' } : { type: 'string', text: parts.join('') }
      }
      if (c === '\n' || c === '\r') {
        parts.push(c === '\r' && this.src[this.i + 1] === '\n' ? '\r\n' : c)
        this.newline()
      } else {
        this.i++
        const escaped = this.escape()
        if (escaped === undefined) bad = true
        else parts.push(escaped)
      }
      run = this.i
    }
  }

  private escape(): string | undefined {
    const c = this.peek()
    if (c === '"' || c === "'" || c === '\\') return this.take()
    if (c === 'n' || c === 'r') return this.take() === 'n' ? '\n' : '\r'
    if (c === 'x') {
      this.i++
      const v = this.hex(2)
      return v === undefined || v === 0 ? undefined : String.fromCharCode(v)
    }
    if (c === 'u') {
      this.i++
      const v = this.hex(4)
      if (v === undefined || v === 0) return undefined
      if ((v & 0xfc00) === 0xdc00) return undefined
      if ((v & 0xfc00) !== 0xd800) return String.fromCharCode(v)
      if (this.peek() !== '\\' || this.src[this.i + 1] !== 'u') return undefined
      this.i += 2
      const lo = this.hex(4)
      return lo !== undefined && (lo & 0xfc00) === 0xdc00 ? String.fromCharCode(v, lo) : undefined
    }
    // A newline after the backslash is left for the string to count; anything else is consumed.
    if (c !== '\n' && c !== '\r' && c !== '\0') this.i++
    return undefined
  }
}

const isPunct = (t: Token, char: string): boolean => t.type === 'punct' && t.char === char
const isPrefKeyword = (t: Token): t is Extract<Token, { type: 'keyword' }> & { word: PrefKeyword } =>
  t.type === 'keyword' && (PREF_KEYWORDS as readonly string[]).includes(t.word)

/** A statement's value (the token after the name's `,`), reading a sign's int; undefined when it is no value. */
function readValue(lexer: Lexer, first: Located): { value?: PrefValue; last: Located } {
  if (first.type === 'string') return { value: first.text, last: first }
  if (first.type === 'keyword' && (first.word === 'true' || first.word === 'false')) return { value: first.word === 'true', last: first }
  if (first.type === 'int') return first.value <= INT32_MAX ? { value: first.value, last: first } : { last: first }
  if (isPunct(first, '-') || isPunct(first, '+')) {
    const int = lexer.next()
    if (int.type !== 'int') return { last: int }
    const limit = isPunct(first, '-') ? INT32_MAX + 1 : INT32_MAX
    if (int.value > limit) return { last: int }
    return { value: isPunct(first, '-') ? -int.value || 0 : int.value, last: int }
  }
  return { last: first }
}

/** One statement from its keyword; the entry, or the token at which it went wrong. */
function readStatement(lexer: Lexer, keyword: Located, kind: PrefFileKind): { entry: PrefEntry } | { failedAt: Located } {
  if (!isPrefKeyword(keyword)) return { failedAt: keyword }
  const open = lexer.next()
  if (!isPunct(open, '(')) return { failedAt: open }
  const name = lexer.next()
  if (name.type !== 'string') return { failedAt: name }
  const comma = lexer.next()
  if (!isPunct(comma, ',')) return { failedAt: comma }
  const { value, last } = readValue(lexer, lexer.next())
  if (value === undefined) return { failedAt: last }
  let locked = keyword.word === 'lockPref'
  let token = lexer.next()
  if (kind === 'default') {
    while (isPunct(token, ',')) {
      const attr = lexer.next()
      if (attr.type !== 'keyword' || (attr.word !== 'sticky' && attr.word !== 'locked')) return { failedAt: attr }
      if (attr.word === 'locked') locked = true
      token = lexer.next()
    }
  }
  if (!isPunct(token, ')')) return { failedAt: token }
  const semicolon = lexer.next()
  if (!isPunct(semicolon, ';')) return { failedAt: semicolon }
  return { entry: { name: name.text, value, line: keyword.line, kind: keyword.word, ...(locked ? { locked: true as const } : {}) } }
}

export function parsePrefs(text: string, kind: PrefFileKind = 'user'): ParsedPrefs {
  const lexer = new Lexer(text)
  const prefs = new Map<string, PrefEntry>()
  const entries: PrefEntry[] = []
  const skipped: SkippedStatement[] = []
  let token = lexer.next()
  while (token.type !== 'eof') {
    const first = token
    const read = readStatement(lexer, first, kind)
    if ('entry' in read) {
      prefs.set(read.entry.name, read.entry)
      entries.push(read.entry)
      token = lexer.next()
      continue
    }
    // Panic-mode recovery, as Firefox: drop tokens through the next ';' (or to the end of the file).
    let at = read.failedAt
    while (at.type !== 'eof' && !isPunct(at, ';')) at = lexer.next()
    const end = at.type === 'eof' ? text.length : lexer.offset
    skipped.push({
      line: first.line,
      text: text
        .slice(first.start, Math.min(end, first.start + 400))
        .trim()
        .slice(0, 200),
    })
    token = at.type === 'eof' ? at : lexer.next()
  }
  return { prefs, entries, skipped }
}
