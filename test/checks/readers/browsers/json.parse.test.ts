import { describe, expect, it } from 'vitest'
import { MAX_JSON_DEPTH, parseJsonLenient } from '../../../../checks/readers/browsers/json.parse.js'

describe('parseJsonLenient', () => {
  it('marks strict JSON as strict', () => {
    expect(parseJsonLenient('{"a": 1}')).toEqual({ ok: true, value: { value: { a: 1 }, strict: true, leniency: [] } })
  })

  it.each([
    ['a BOM', '\uFEFF{"a": 1}', ['bom']],
    ['// comments', '{\n// note\n"a": 1}', ['comments']],
    ['/* */ comments', '{/* x */"a": 1}', ['comments']],
    ['trailing commas', '{"a": [1, 2,],}', ['trailing_commas']],
  ])('reads JSON with %s and says so', (_name, text, leniency) => {
    const r = parseJsonLenient(text)
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.value.strict).toBe(false)
      expect(r.value.leniency).toEqual(leniency)
      expect((r.value.value as { a: unknown }).a).toBeDefined()
    }
  })

  it('leaves comment-like text inside strings alone', () => {
    const r = parseJsonLenient('{"url": "https://x.example/a//b", "c": "/* no */",}')
    expect(r.ok && r.value.value).toEqual({ url: 'https://x.example/a//b', c: '/* no */' })
  })

  // The reason is a message in the reader's language, never JSON.parse's English sentence.
  it.each([
    ['truncated', '{"a": ', 'reader.json.truncated'],
    ['binary garbage', '\u0000\u00ff\u0013{', 'reader.json.invalid'],
    ['empty', '', 'reader.json.truncated'],
  ])('reports %s input as an error', (_name, text, key) => {
    const r = parseJsonLenient(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason.key).toMatch(new RegExp(`^${key.replace('.', '\\.')}(At)?$`))
  })

  it.each([
    ['objects', (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`],
    ['arrays', (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`],
  ])('refuses %s nested past the limit, before anything walks them', (_name, nest) => {
    expect(parseJsonLenient(nest(MAX_JSON_DEPTH)).ok).toBe(true)
    expect(parseJsonLenient(nest(200_000))).toMatchObject({
      ok: false,
      reason: { key: 'reader.json.tooDeep', params: { limit: MAX_JSON_DEPTH } },
    })
  })

  it('does not count brackets inside strings', () => {
    expect(parseJsonLenient(JSON.stringify({ a: '['.repeat(1000) })).ok).toBe(true)
  })
})
