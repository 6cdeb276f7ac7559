import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parsePortSpec, parseTorrc, unquote } from '../../../../checks/catalogue/tor/torrc.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const pick = (text: string) => parseTorrc(text).lines.map((l) => [l.key, l.value, l.line])

describe('parseTorrc', () => {
  it('reads the Debian torrc shipped by tor 0.4.9.11 (all comments) as no settings', () => {
    const text = readFileSync(new URL('../../../fixtures/tor.config/linux/etc/tor/torrc', import.meta.url), 'utf8')
    expect(parseTorrc(text)).toEqual({ lines: [], problems: [], binary: false })
  })

  it.each([
    ['keyword and value', 'SocksPort 9050', [['socksport', '9050', 1]]],
    ['keywords are case-insensitive', 'sOcKsPoRt 9050', [['socksport', '9050', 1]]],
    ['comment after the value', 'ControlPort 9051 # local only', [['controlport', '9051', 1]]],
    ['whole-line and indented comments', '# x\n   # y\nCookieAuthentication 1', [['cookieauthentication', '1', 3]]],
    ['blank lines and CRLF', '\r\n\r\nSocksPort 9050\r\n', [['socksport', '9050', 3]]],
    ['a BOM', '\uFEFFSocksPort 9050', [['socksport', '9050', 1]]],
    ['tabs between keyword and value', 'SocksPort\t\t127.0.0.1:9050', [['socksport', '127.0.0.1:9050', 1]]],
    ['a keyword with no value', 'ControlPort', [['controlport', '', 1]]],
    [
      '+ and / prefixes (extended syntax)',
      '+SocksPort 9150\n/ControlPort',
      [
        ['socksport', '9150', 1],
        ['controlport', '', 2],
      ],
    ],
    ['quoted value with escapes', 'Nickname "a \\"b\\" \\x41\\101"', [['nickname', 'a "b" AA', 1]]],
    ['quoted value keeps #', 'HashedControlPassword "16:AB#CD"  # c', [['hashedcontrolpassword', '16:AB#CD', 1]]],
    ['continuation lines', 'SocksPort 127.0.0.1:9050 \\\n  IsolateDestAddr', [['socksport', '127.0.0.1:9050 IsolateDestAddr', 1]]],
    [
      'comments inside a continued entry are skipped',
      'SocksPort 9050 \\\n# note\n  IsolateDestAddr\nControlPort 9051',
      [
        ['socksport', '9050 IsolateDestAddr', 1],
        ['controlport', '9051', 4],
      ],
    ],
    ['a continuation at end of file', 'SocksPort 9050 \\', [['socksport', '9050', 1]]],
    // tor ends a line only at \n: a Unicode line separator in a comment must not hide the setting before it.
    ['a line separator in a comment', 'SocksPort 0.0.0.0:9050 # a\u2028b', [['socksport', '0.0.0.0:9050', 1]]],
    ['%include is an entry like any other', '%include /etc/tor/torrc.d/*.conf', [['%include', '/etc/tor/torrc.d/*.conf', 1]]],
  ])('%s', (_name, text, expected) => {
    expect(pick(text)).toEqual(expected)
  })

  it.each([
    ['unterminated quote', 'Nickname "abc', 'unterminated_quote'],
    ['bad escape', 'Nickname "a\\qb"', 'bad_escape'],
    ['text after the closing quote', 'Nickname "a" b', 'junk_after_quote'],
  ])('reports %s with its line', (_name, text, code) => {
    const parsed = parseTorrc(`SocksPort 9050\n${text}`)
    expect(parsed.problems).toEqual([{ line: 2, code }])
    expect(parsed.lines[0]?.key).toBe('socksport')
  })

  it('refuses binary data instead of reading settings out of it', () => {
    const parsed = parseTorrc('SocksPort 0.0.0.0:9050\u0000\u0001\u00ff garbage')
    expect(parsed).toEqual({ lines: [], problems: [], binary: true })
  })

  it('survives random bytes and a huge file without throwing', () => {
    const bytes = Buffer.from(Array.from({ length: 20000 }, (_, i) => (i * 7919) % 255 || 1))
    expect(() => parseTorrc(bytes.toString('latin1'))).not.toThrow()
    const huge = 'SocksPort 9050\n'.repeat(100_000)
    expect(parseTorrc(huge).lines).toHaveLength(100_000)
  })
})

describe('unquote', () => {
  const escapes = (count: number): string => `"${'\\x41\\101'.repeat(count)}"`
  it('decodes a value made only of escapes', () => {
    const r = unquote(escapes(100_000))
    expect('value' in r && r.value.length).toBe(200_000)
  })
  it.each([
    ['escapes', (n: number) => escapes(n / 8)],
    ['plain text with an escape now and then', (n: number) => `"${'abcdefg\\n'.repeat(n / 9)}"`],
  ])('decodes a value of %s in time linear in its size (256 KiB, 512 KiB, 1 MiB)', (_name, make) => {
    expectLinearTime((scale) => make(scale * 256 * 1024), unquote)
  })
  it('returns the rest after the closing quote', () => {
    expect(unquote('"a b" IsolateDestAddr')).toEqual({ value: 'a b', rest: ' IsolateDestAddr' })
  })
  it.each(['"abc', '"abc\\', '"\\777"'])('rejects %s', (text) => {
    expect('error' in unquote(text)).toBe(true)
  })
})

describe('parsePortSpec', () => {
  it.each([
    ['9050', { kind: 'tcp', address: '127.0.0.1', port: 9050, loopback: true, flags: [] }],
    ['127.0.0.1:9050', { kind: 'tcp', address: '127.0.0.1', port: 9050, loopback: true, flags: [] }],
    ['127.0.0.2:9050', { kind: 'tcp', address: '127.0.0.2', port: 9050, loopback: true, flags: [] }],
    ['localhost:9050', { kind: 'tcp', address: 'localhost', port: 9050, loopback: true, flags: [] }],
    ['[::1]:9050', { kind: 'tcp', address: '::1', port: 9050, loopback: true, flags: [] }],
    ['0.0.0.0:9050', { kind: 'tcp', address: '0.0.0.0', port: 9050, loopback: false, flags: [] }],
    ['[::]:9050', { kind: 'tcp', address: '::', port: 9050, loopback: false, flags: [] }],
    ['192.168.1.5:9100 IsolateDestAddr', { kind: 'tcp', address: '192.168.1.5', port: 9100, loopback: false, flags: ['IsolateDestAddr'] }],
    [
      '9050 IPv6Traffic PreferIPv6',
      { kind: 'tcp', address: '127.0.0.1', port: 9050, loopback: true, flags: ['IPv6Traffic', 'PreferIPv6'] },
    ],
    ['10.0.0.1', { kind: 'tcp', address: '10.0.0.1', port: 9050, loopback: false, flags: [] }],
    ['auto', { kind: 'auto', address: '127.0.0.1', loopback: true, flags: [] }],
    ['0.0.0.0:auto', { kind: 'auto', address: '0.0.0.0', loopback: false, flags: [] }],
    ['0', { kind: 'disabled' }],
    ['127.0.0.1:0', { kind: 'disabled' }],
    ['unix:/run/tor/socks WorldWritable', { kind: 'unix', path: '/run/tor/socks', flags: ['WorldWritable'] }],
    ['unix:"/home/a b/control" GroupWritable', { kind: 'unix', path: '/home/a b/control', flags: ['GroupWritable'] }],
  ])('%s', (value, expected) => {
    expect(parsePortSpec(value, 9050)).toEqual(expected)
  })

  it.each(['', 'unix:', 'unix:"open', '127.0.0.1:99999', '127.0.0.1:port', '::1:9050', ':9050'])('%j is invalid', (value) => {
    expect(parsePortSpec(value, 9050).kind).toBe('invalid')
  })
})
