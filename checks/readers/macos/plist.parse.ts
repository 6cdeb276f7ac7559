/**
 * Parses an XML property list (Apple's PropertyList-1.0 DTD): what `ioreg -a`, `plutil -convert xml1`,
 * `defaults export` and most `.plist` files on disk produce. Binary plists (`bplist00`) are refused
 * with a reason. Pure: no I/O. Never throws: malformed input is an error value.
 *
 * Types: dict, array, string, key, integer (number, or bigint beyond 2^53), real, true, false,
 * data (base64 → bytes), date (ISO 8601 → Date). Entities: the five XML ones and numeric references.
 */
import { failed, ok, type Result } from '../../core/host/toolkit.js'

export type PlistValue = string | number | bigint | boolean | Date | Uint8Array | PlistValue[] | PlistDict
export interface PlistDict {
  [key: string]: PlistValue
}

/** The root value, or why the document is not a readable XML plist. */
export type PlistResult = Result<PlistValue, string>

/** Deeper nesting than any real plist; stops hostile input from exhausting the stack. */
const MAX_DEPTH = 256

class PlistError extends Error {}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decodeEntities(text: string, at: number): string {
  if (!text.includes('&')) return text
  return text.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new PlistError(`unterminated entity near offset ${at}`)
    const named = NAMED_ENTITIES[name]
    if (named !== undefined) return named
    const numeric = /^#(x[0-9a-f]+|[0-9]+)$/i.exec(name)
    if (numeric) {
      const digits = numeric[1] as string
      const code = digits[0] === 'x' || digits[0] === 'X' ? parseInt(digits.slice(1), 16) : parseInt(digits, 10)
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) {
        throw new PlistError(`invalid character reference &${name}; near offset ${at}`)
      }
      return String.fromCodePoint(code)
    }
    throw new PlistError(`unknown entity &${name}; near offset ${at}`)
  })
}

type Tag = { kind: 'open' | 'close' | 'empty'; name: string; at: number }

class Reader {
  private pos = 0
  constructor(private readonly text: string) {}

  /** Skips whitespace, comments, processing instructions and the DOCTYPE. */
  private skipMisc(): void {
    for (;;) {
      while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++
      if (this.text.startsWith('<!--', this.pos)) this.skipPast('-->')
      else if (this.text.startsWith('<?', this.pos)) this.skipPast('?>')
      else if (this.text.startsWith('<!DOCTYPE', this.pos)) this.skipDoctype()
      else return
    }
  }

  private skipPast(end: string): void {
    const found = this.text.indexOf(end, this.pos)
    if (found < 0) throw new PlistError(`unterminated ${end} construct at offset ${this.pos}`)
    this.pos = found + end.length
  }

  private skipDoctype(): void {
    // A DOCTYPE may carry an internal subset in brackets; plists never do, but skip it properly.
    const bracket = this.text.indexOf('[', this.pos)
    const close = this.text.indexOf('>', this.pos)
    if (close < 0) throw new PlistError(`unterminated DOCTYPE at offset ${this.pos}`)
    if (bracket >= 0 && bracket < close) {
      this.pos = bracket
      this.skipPast(']')
      this.skipPast('>')
    } else {
      this.pos = close + 1
    }
  }

  nextTag(): Tag {
    this.skipMisc()
    const at = this.pos
    if (this.pos >= this.text.length) throw new PlistError('unexpected end of document')
    if (this.text[this.pos] !== '<') throw new PlistError(`unexpected text at offset ${at}`)
    const end = this.text.indexOf('>', this.pos)
    if (end < 0) throw new PlistError(`unterminated tag at offset ${at}`)
    const inner = this.text.slice(this.pos + 1, end)
    this.pos = end + 1
    const m = /^(\/?)([A-Za-z][\w.-]*)(?:\s[^>]*?)?\s*(\/?)$/.exec(inner)
    if (!m) throw new PlistError(`malformed tag at offset ${at}`)
    if (m[1] && m[3]) throw new PlistError(`malformed tag at offset ${at}`)
    return { kind: m[1] ? 'close' : m[3] ? 'empty' : 'open', name: m[2] as string, at }
  }

  /** Text up to the closing tag of `name` (CDATA sections allowed), with entities decoded. */
  textUntilClose(name: string): string {
    let out = ''
    for (;;) {
      const lt = this.text.indexOf('<', this.pos)
      if (lt < 0) throw new PlistError(`missing </${name}>`)
      out += decodeEntities(this.text.slice(this.pos, lt), this.pos)
      this.pos = lt
      if (this.text.startsWith('<![CDATA[', lt)) {
        const end = this.text.indexOf(']]>', lt)
        if (end < 0) throw new PlistError(`unterminated CDATA at offset ${lt}`)
        out += this.text.slice(lt + 9, end)
        this.pos = end + 3
      } else if (this.text.startsWith('<!--', lt)) {
        this.skipPast('-->')
      } else {
        const close = this.nextTag()
        if (close.kind !== 'close' || close.name !== name) {
          throw new PlistError(`expected </${name}> at offset ${close.at}, found <${close.kind === 'close' ? '/' : ''}${close.name}>`)
        }
        return out
      }
    }
  }

  atEnd(): boolean {
    this.skipMisc()
    return this.pos >= this.text.length
  }
}

function parseInteger(text: string, at: number): number | bigint {
  const t = text.trim()
  const m = /^([+-]?)(0x[0-9a-f]+|[0-9]+)$/i.exec(t)
  if (!m) throw new PlistError(`invalid integer "${t.slice(0, 40)}" at offset ${at}`)
  const big = BigInt(m[1] === '-' ? `-${m[2] as string}` : (m[2] as string))
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big
}

function parseReal(text: string, at: number): number {
  const t = text.trim()
  if (/^[+-]?(nan|inf|infinity)$/i.test(t)) {
    if (/nan/i.test(t)) return NaN
    return t.startsWith('-') ? -Infinity : Infinity
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) throw new PlistError(`invalid real "${t.slice(0, 40)}" at offset ${at}`)
  return Number(t)
}

function parseData(text: string, at: number): Uint8Array {
  const compact = text.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new PlistError(`invalid base64 data at offset ${at}`)
  }
  return new Uint8Array(Buffer.from(compact, 'base64'))
}

function parseDate(text: string, at: number): Date {
  const t = text.trim()
  // Apple writes UTC "2024-01-31T12:00:00Z"; accept fractional seconds and offsets too.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(t)) {
    throw new PlistError(`invalid date "${t.slice(0, 40)}" at offset ${at}`)
  }
  const date = new Date(t)
  if (Number.isNaN(date.getTime())) throw new PlistError(`invalid date "${t}" at offset ${at}`)
  return date
}

function parseValue(reader: Reader, tag: Tag, depth: number): PlistValue {
  if (depth > MAX_DEPTH) throw new PlistError(`nesting deeper than ${MAX_DEPTH} at offset ${tag.at}`)
  if (tag.kind === 'close') throw new PlistError(`unexpected </${tag.name}> at offset ${tag.at}`)
  const empty = tag.kind === 'empty'
  switch (tag.name) {
    case 'true':
    case 'false':
      if (!empty && reader.textUntilClose(tag.name).trim() !== '') throw new PlistError(`<${tag.name}> has content at offset ${tag.at}`)
      return tag.name === 'true'
    case 'string':
      return empty ? '' : reader.textUntilClose('string')
    case 'integer':
      return parseInteger(empty ? '' : reader.textUntilClose('integer'), tag.at)
    case 'real':
      return parseReal(empty ? '' : reader.textUntilClose('real'), tag.at)
    case 'data':
      return parseData(empty ? '' : reader.textUntilClose('data'), tag.at)
    case 'date':
      return parseDate(empty ? '' : reader.textUntilClose('date'), tag.at)
    case 'array': {
      const items: PlistValue[] = []
      if (empty) return items
      for (;;) {
        const next = reader.nextTag()
        if (next.kind === 'close' && next.name === 'array') return items
        items.push(parseValue(reader, next, depth + 1))
      }
    }
    case 'dict': {
      // No prototype: keys like "__proto__" from a file must stay plain data.
      const dict = Object.create(null) as PlistDict
      if (empty) return dict
      for (;;) {
        const keyTag = reader.nextTag()
        if (keyTag.kind === 'close' && keyTag.name === 'dict') return dict
        if (keyTag.name !== 'key' || keyTag.kind === 'close') {
          throw new PlistError(`expected <key> in <dict> at offset ${keyTag.at}, found <${keyTag.name}>`)
        }
        const key = keyTag.kind === 'empty' ? '' : reader.textUntilClose('key')
        const valueTag = reader.nextTag()
        if (valueTag.kind === 'close' && valueTag.name === 'dict')
          throw new PlistError(`key "${key}" has no value at offset ${valueTag.at}`)
        dict[key] = parseValue(reader, valueTag, depth + 1)
      }
    }
    default:
      throw new PlistError(`unknown element <${tag.name}> at offset ${tag.at}`)
  }
}

export function parsePlist(input: string): PlistResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  if (text.startsWith('bplist')) return failed('binary property list (not XML)')
  try {
    const reader = new Reader(text)
    const root = reader.nextTag()
    if (root.name !== 'plist' || root.kind === 'close') throw new PlistError('document does not start with <plist>')
    if (root.kind === 'empty') throw new PlistError('<plist> is empty')
    const value = parseValue(reader, reader.nextTag(), 1)
    const close = reader.nextTag()
    if (close.kind !== 'close' || close.name !== 'plist') throw new PlistError(`expected </plist> at offset ${close.at}`)
    if (!reader.atEnd()) throw new PlistError('content after </plist>')
    return ok(value)
  } catch (e) {
    // PlistError, or anything else (a RangeError from absurd input): still a malformed document, not a crash.
    return failed(e instanceof Error ? e.message : String(e))
  }
}

export function isPlistDict(v: PlistValue | undefined): v is PlistDict {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array)
}
