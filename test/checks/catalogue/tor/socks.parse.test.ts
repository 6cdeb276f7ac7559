import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { classifySocksGreeting, firstLine, hex, isTorHttpReply } from '../../../../checks/catalogue/tor/socks.parse.js'

const recording = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/tor.service/recordings/${name}`, import.meta.url)))

describe('classifySocksGreeting', () => {
  it('reads the real tor reply 05 00 as SOCKS5 without authentication', () => {
    expect(classifySocksGreeting(recording('socks-greeting.bin'))).toBe('no_auth')
  })

  it.each([
    [[0x05, 0xff], 'no_acceptable_method'],
    [[0x05, 0x02], 'socks5_other_method'],
    [[], 'empty'],
    [[0x05], 'not_socks5'],
    [[0x04, 0x5a], 'not_socks5'],
    [[0x05, 0x00, 0x00], 'not_socks5'],
    [[...Buffer.from('HTTP/1.1 400 Bad Request\r\n')], 'not_socks5'],
  ])('%j → %s', (bytes, expected) => {
    expect(classifySocksGreeting(new Uint8Array(bytes))).toBe(expected)
  })
})

describe('isTorHttpReply', () => {
  it('recognises the 501 page a real tor sends to GET on its SOCKS port', () => {
    expect(isTorHttpReply(recording('socks-http-501.txt'))).toBe(true)
  })

  it.each([
    ['another proxy', 'HTTP/1.1 400 Bad Request\r\n'],
    ['a truncated reply', 'HTTP/1.0 501 Tor is'],
    ['nothing', ''],
    ['garbage', '\u0005\u00ff'],
  ])('rejects %s', (_name, text) => {
    expect(isTorHttpReply(new TextEncoder().encode(text))).toBe(false)
  })
})

describe('evidence helpers', () => {
  it('prints a printable first line, capped', () => {
    expect(firstLine(new TextEncoder().encode(`\u0001bad\r\nsecond`))).toBe('?bad')
    expect(firstLine(new TextEncoder().encode('x'.repeat(500)))).toHaveLength(120)
  })
  it('prints bytes as hex, capped', () => {
    expect(hex(new Uint8Array([5, 0]))).toBe('05 00')
    expect(hex(new Uint8Array(20), 2)).toBe('00 00 …')
  })
})
