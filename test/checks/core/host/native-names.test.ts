import { describe, expect, it } from 'vitest'
import { decodeNative, encodeNative, hasEscapedBytes, showNative } from '../../../../checks/core/host/native-names.js'

const b = (...bytes: number[]): Uint8Array => Uint8Array.from(bytes)

describe('names that are bytes, not UTF-8', () => {
  it.each([
    ['plain ASCII', b(0x61, 0x62), 'ab', 'ab'],
    ['UTF-8 é', b(0x63, 0xc3, 0xa9), 'cé', 'cé'],
    ['a Latin-1 é', b(0x63, 0xe9), 'c\udce9', 'c\\xe9'],
    ['an overlong slash (C0 AF)', b(0xc0, 0xaf), '\udcc0\udcaf', '\\xc0\\xaf'],
    ['an encoded surrogate (ED A0 80)', b(0xed, 0xa0, 0x80), '\udced\udca0\udc80', '\\xed\\xa0\\x80'],
    ['a sequence cut at the end', b(0x61, 0xe2, 0x82), 'a\udce2\udc82', 'a\\xe2\\x82'],
    ['past U+10FFFF (F4 90 80 80)', b(0xf4, 0x90, 0x80, 0x80), '\udcf4\udc90\udc80\udc80', '\\xf4\\x90\\x80\\x80'],
    ['a four-byte emoji whose low surrogate is in the escape range (U+1F480)', b(0xf0, 0x9f, 0x92, 0x80), '\u{1f480}', '\u{1f480}'],
  ])('%s: read as its escapes, shown as \\xNN, written back as the same bytes', (_name, bytes, text, shown) => {
    expect(decodeNative(bytes)).toBe(text)
    expect(showNative(text)).toBe(shown)
    expect(encodeNative(text)).toEqual(bytes)
    expect(hasEscapedBytes(text)).toBe(shown.includes('\\x'))
  })

  it('round-trips every single byte and every pair of bytes', () => {
    for (let x = 0; x < 256; x++) {
      expect(encodeNative(decodeNative(b(x)))).toEqual(b(x))
      for (let y = 0x80; y < 256; y += 7) expect(encodeNative(decodeNative(b(x, y)))).toEqual(b(x, y))
    }
  })

  it('round-trips a megabyte of random bytes', () => {
    const bytes = Uint8Array.from({ length: 1024 * 1024 }, (_, i) => (i * 2654435761) >>> 24)
    expect(Buffer.from(encodeNative(decodeNative(bytes))).equals(Buffer.from(bytes))).toBe(true)
  })

  it('leaves text without escapes exactly as it is, lone high surrogates included', () => {
    for (const text of ['', 'Profile 1', '简体中文', '\ud800x', '\u{1f480}\u{1f4ff}']) {
      expect(hasEscapedBytes(text)).toBe(false)
      expect(showNative(text)).toBe(text)
    }
  })
})
