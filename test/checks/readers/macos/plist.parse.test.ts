import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isPlistDict, parsePlist, type PlistValue } from '../../../../checks/readers/macos/plist.parse.js'

const DARWIN = path.join(import.meta.dirname, '../../../fixtures/keys.hardware/darwin')
const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
const doc = (body: string): string => `${HEADER}<plist version="1.0">\n${body}\n</plist>\n`
const value = (body: string): PlistValue => {
  const r = parsePlist(doc(body))
  if (!r.ok) throw new Error(r.reason)
  return r.value
}

describe('parsePlist value types', () => {
  it.each<[string, string, PlistValue]>([
    ['string', '<string>YubiKey OTP+FIDO+CCID</string>', 'YubiKey OTP+FIDO+CCID'],
    ['empty string', '<string/>', ''],
    ['string keeps inner whitespace', '<string>  a\n b </string>', '  a\n b '],
    ['integer', '<integer>61904</integer>', 61904],
    ['negative integer', '<integer>-12</integer>', -12],
    ['hex integer', '<integer>0xF1D0</integer>', 0xf1d0],
    ['integer beyond 2^53 stays exact', '<integer>18446744073709551615</integer>', 18446744073709551615n],
    ['real', '<real>3.25</real>', 3.25],
    ['real with exponent', '<real>-1.5e3</real>', -1500],
    ['true', '<true/>', true],
    ['false', '<false/>', false],
    ['data', '<data>\n\tBtDxCQGh\n\tAQ==\n</data>', Uint8Array.from([0x06, 0xd0, 0xf1, 0x09, 0x01, 0xa1, 0x01])],
    ['date', '<date>2024-01-31T12:00:00Z</date>', new Date('2024-01-31T12:00:00Z')],
    ['empty array', '<array/>', []],
    ['empty dict', '<dict/>', {}],
  ])('%s', (_name, body, expected) => {
    expect(value(body)).toEqual(expected)
  })

  it('nests dicts and arrays and keeps key order', () => {
    const v = value(
      '<dict><key>b</key><array><integer>1</integer><dict><key>x</key><true/></dict></array><key>a</key><string>z</string></dict>',
    )
    expect(v).toEqual({ b: [1, { x: true }], a: 'z' })
    expect(Object.keys(v as object)).toEqual(['b', 'a'])
  })

  it('decodes entities and character references in keys and strings', () => {
    expect(value('<dict><key>A&amp;B</key><string>&lt;&gt;&quot;&apos;&#65;&#x263A;&#x1F511;</string></dict>')).toEqual({
      'A&B': '<>"\'A☺🔑',
    })
  })

  it('reads CDATA, comments, a BOM and whitespace around the document', () => {
    const r = parsePlist(
      `\uFEFF  ${HEADER}<!-- ioreg -->\n<plist version="1.0"><array><!-- one --><string><![CDATA[a<b&c]]>d</string></array></plist>\n\n`,
    )
    expect(r).toEqual({ ok: true, value: ['a<b&cd'] })
  })

  it('keeps a "__proto__" key as plain data without touching Object.prototype', () => {
    const v = value('<dict><key>__proto__</key><dict><key>polluted</key><true/></dict></dict>')
    expect(isPlistDict(v) && Object.keys(v)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('parses the ioreg fixture into four device dicts', () => {
    const r = parsePlist(readFileSync(path.join(DARWIN, 'ioreg-hid-yubikey.xml'), 'utf8'))
    expect(r.ok).toBe(true)
    if (!r.ok || !Array.isArray(r.value)) throw new Error('not an array')
    expect(r.value.map((d) => (isPlistDict(d) ? d.PrimaryUsagePage : null))).toEqual([1, 1, 1, 61904])
    const fido = r.value[3]
    expect(isPlistDict(fido) && fido.ReportDescriptor).toEqual(
      Uint8Array.from(Buffer.from('06d0f10901a1010920150026ff0075089540810209211500' + '26ff00750895409102c0', 'hex')),
    )
  })
})

describe('parsePlist on malformed input returns an error, never throws', () => {
  it.each([
    ['empty input', '', /unexpected end/],
    ['not XML', 'PrimaryUsagePage = 61904', /unexpected text/],
    ['binary plist', 'bplist00\u00d4\u0001\u0002', /binary property list/],
    ['root is not plist', `${HEADER}<dict></dict>`, /does not start with <plist>/],
    ['empty plist element', `${HEADER}<plist version="1.0"/>`, /<plist> is empty/],
    [
      'truncated in a dict',
      doc('<dict><key>VendorID</key><integer>4176</integer>').replace(/\n<\/plist>\n$/, ''),
      /unexpected end|missing/,
    ],
    ['truncated in a string', `${HEADER}<plist><string>abc`, /missing <\/string>/],
    ['unterminated tag', `${HEADER}<plist><dict`, /unterminated tag/],
    ['mismatched closing tag', doc('<string>a</integer>'), /expected <\/string>/],
    ['key without a value', doc('<dict><key>a</key></dict>'), /key "a" has no value/],
    ['value without a key', doc('<dict><string>a</string></dict>'), /expected <key>/],
    ['unknown element', doc('<float>1</float>'), /unknown element <float>/],
    ['bad integer', doc('<integer>12abc</integer>'), /invalid integer/],
    ['bad real', doc('<real>1.2.3</real>'), /invalid real/],
    ['bad base64', doc('<data>@@@@</data>'), /invalid base64/],
    ['bad date', doc('<date>yesterday</date>'), /invalid date/],
    ['impossible date', doc('<date>2024-13-45T99:00:00Z</date>'), /invalid date/],
    ['content in <true>', doc('<true>yes</true>'), /has content/],
    ['unknown entity', doc('<string>&nbsp;</string>'), /unknown entity/],
    ['bare ampersand', doc('<string>AT&T</string>'), /unterminated entity/],
    ['invalid character reference', doc('<string>&#xD800;</string>'), /invalid character reference/],
    ['text after the document', `${doc('<true/>')}junk`, /content after <\/plist>/],
    ['second value in plist', doc('<true/><false/>'), /expected <\/plist>/],
    ['unterminated comment', `${HEADER}<!-- forever`, /unterminated -->/],
  ])('%s', (_name, input, error) => {
    const r = parsePlist(input)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(error)
  })

  it('stops at absurd nesting instead of overflowing the stack', () => {
    const r = parsePlist(doc('<array>'.repeat(100_000) + '</array>'.repeat(100_000)))
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/nesting deeper than 256/) })
  })

  it('handles a large document (4 MiB of entries)', () => {
    const entry = '<dict><key>PrimaryUsagePage</key><integer>1</integer><key>Product</key><string>Keyboard</string></dict>'
    const body = `<array>${entry.repeat(Math.ceil((4 * 1024 * 1024) / entry.length))}</array>`
    const r = parsePlist(doc(body))
    expect(r.ok && Array.isArray(r.value) && r.value.length).toBeGreaterThan(40_000)
  })
})
