/**
 * Reads JSON that people edit by hand (policy files). Pure.
 *
 * Strict JSON is tried first. If that fails, a byte-order mark, `//` and `/* *\/` comments and
 * trailing commas are removed outside strings and the text is tried again, and the result says
 * which of those it found: browsers differ on whether they accept them (Firefox's policies.json
 * reader is JSON.parse; Chromium's policy loader allows comments and trailing commas), so the
 * caller decides what a lenient read is worth.
 */
import { failed, ok, type Result } from '../../core/host/toolkit.js'
import { defineMessages, joinMessages, type Msg } from '../../core/i18n/message.js'

const t = defineMessages('reader.json', {
  invalid: 'unexpected content',
  invalidAt: 'at character {position}',
  truncated: 'it ends too early',
  tooDeep: 'nested more than {limit} levels deep',
  hasExtensions: 'it has {extensions}',
  bom: 'a byte-order mark',
  comments: 'comments',
  trailing_commas: 'trailing commas',
  notObject: 'not a JSON object',
})

/** A document that parsed but is not the object the caller reads. */
export function jsonNotObject(): Msg {
  return t('notObject')
}

/**
 * Where JSON.parse refused a text, in the reader's language, for a message that already says
 * "not valid JSON (…)". The engine's own sentence is English
 * and differs between versions, so only the position it names is kept.
 */
export function jsonSyntaxError(e: unknown): Msg {
  const text = e instanceof Error ? e.message : String(e)
  if (/unexpected end/i.test(text)) return t('truncated')
  const at = /position (\d+)/.exec(text)?.[1]
  return at === undefined ? t('invalid') : t('invalidAt', { position: Number(at) })
}

export type JsonLeniency = 'bom' | 'comments' | 'trailing_commas'

/** A parsed document: its value, whether it was strict JSON, and which extensions it needed when not. */
export interface JsonDocument {
  value: unknown
  strict: boolean
  leniency: JsonLeniency[]
}

/** The document, or why the strict parser refused it. */
export type JsonRead = Result<JsonDocument, Msg>

function stripExtensions(text: string): { text: string; leniency: Set<JsonLeniency> } {
  const leniency = new Set<JsonLeniency>()
  let out = ''
  let i = 0
  if (text.startsWith('\uFEFF')) {
    leniency.add('bom')
    i = 1
  }
  while (i < text.length) {
    const c = text[i] as string
    if (c === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      out += text.slice(i, j + 1)
      i = j + 1
      continue
    }
    if (c === '/' && text[i + 1] === '/') {
      leniency.add('comments')
      while (i < text.length && text[i] !== '\n') i++
      continue
    }
    if (c === '/' && text[i + 1] === '*') {
      leniency.add('comments')
      const end = text.indexOf('*/', i + 2)
      i = end === -1 ? text.length : end + 2
      out += ' '
      continue
    }
    if (c === ',') {
      let j = i + 1
      while (j < text.length && /\s/.test(text[j] as string)) j++
      if (text[j] === '}' || text[j] === ']') {
        leniency.add('trailing_commas')
        i++
        continue
      }
    }
    out += c
    i++
  }
  return { text: out, leniency }
}

/** Policy documents are a few levels deep; deeper input is refused before any reader walks it recursively. */
export const MAX_JSON_DEPTH = 64

/** The deepest nesting of arrays and objects, outside strings: one linear scan. */
function nestingDepth(text: string): number {
  let depth = 0
  let max = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++
    } else if (c === 123 || c === 91) max = Math.max(max, ++depth)
    else if (c === 125 || c === 93) depth--
  }
  return max
}

export function parseJsonLenient(text: string): JsonRead {
  if (nestingDepth(text) > MAX_JSON_DEPTH) return failed(t('tooDeep', { limit: MAX_JSON_DEPTH }))
  try {
    return ok({ value: JSON.parse(text) as unknown, strict: true, leniency: [] })
  } catch (strictError) {
    const stripped = stripExtensions(text)
    try {
      return ok({ value: JSON.parse(stripped.text) as unknown, strict: false, leniency: [...stripped.leniency] })
    } catch {
      return failed(jsonSyntaxError(strictError))
    }
  }
}

/** "a byte-order mark, comments": for messages that say why a file is not strict JSON. */
export function describeLeniency(leniency: readonly JsonLeniency[]): Msg {
  return joinMessages(
    leniency.map((l) => t(l)),
    ', ',
  )
}

/** "it has comments": the reason a lenient read is not strict JSON. */
export function lenientReason(leniency: readonly JsonLeniency[]): Msg {
  return t('hasExtensions', { extensions: describeLeniency(leniency) })
}
