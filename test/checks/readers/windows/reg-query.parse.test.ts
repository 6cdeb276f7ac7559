import { describe, expect, it } from 'vitest'
import { expectLinearTime } from '../../../support/linear-time.js'
import { findKey, findValue, normaliseKeyPath, parseRegQuery } from '../../../../checks/readers/windows/reg-query.parse.js'

// Shape recorded from `reg query ... /s` on Windows 11 23H2 (values written for this test by `reg add`).
const SAMPLE = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Mozilla\\Firefox\\DNSOverHTTPS',
  '    Enabled    REG_DWORD    0x1',
  '    ProviderURL    REG_SZ    https://dns.example/dns-query',
  '    Last Used Time    REG_QWORD    0x1d9f3c2a8b7e000',
  '    (Default)    REG_SZ    ',
  '    Multi    REG_MULTI_SZ    a\\0b c\\0',
  '    Empty    REG_BINARY',
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Mozilla\\Firefox\\DNSOverHTTPS\\ExcludedDomains',
  '    1    REG_SZ    intranet.example',
  '',
  'End of search: 6 match(es) found.',
  '',
].join('\r\n')

describe('parseRegQuery', () => {
  it('reads keys and typed values, including names with spaces and the default value', () => {
    const keys = parseRegQuery(SAMPLE)
    expect(keys.map((k) => k.path)).toHaveLength(2)
    const doh = findKey(keys, 'HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox\\DNSOverHTTPS')
    expect(findValue(doh, 'enabled')?.data).toBe(1)
    expect(findValue(doh, 'ProviderURL')?.data).toBe('https://dns.example/dns-query')
    // FILETIMEs exceed 2^53, so they stay exact as bigint.
    expect(findValue(doh, 'Last Used Time')?.data).toBe(0x1d9f3c2a8b7e000n)
    expect(findValue(doh, '')?.type).toBe('REG_SZ')
    expect(findValue(doh, 'Multi')?.data).toEqual(['a', 'b c'])
    expect(findValue(doh, 'Empty')?.raw).toBe('')
  })

  it('keeps QWORDs beyond 2^53 exact as bigint', () => {
    const keys = parseRegQuery('HKEY_CURRENT_USER\\X\n    Big    REG_QWORD    0xffffffffffffffff\n')
    expect(findValue(keys[0], 'Big')?.data).toBe(0xffffffffffffffffn)
  })

  it('handles non-ASCII key paths, a BOM and LF line ends', () => {
    const keys = parseRegQuery(
      '\uFEFFHKEY_CURRENT_USER\\Software\\Ünïcode Äpp\\C:#Program Files#Zoom#bin#Zoom.exe\n    Value    REG_SZ    Allow\n',
    )
    expect(keys[0]?.path).toBe('HKEY_CURRENT_USER\\Software\\Ünïcode Äpp\\C:#Program Files#Zoom#bin#Zoom.exe')
    expect(findValue(keys[0], 'Value')?.data).toBe('Allow')
  })

  it.each([
    ['empty output', ''],
    ['an error message', 'ERROR: The system was unable to find the specified registry key or value.'],
    ['binary garbage', '\u0000\u0001\uFFFD\uFFFD garbage\n\t\tnot a value'],
    ['values before any key', '    Orphan    REG_SZ    x\n'],
  ])('yields no keys for %s', (_label, text) => {
    expect(parseRegQuery(text)).toEqual([])
  })

  it('skips a value line holding a line separator, in time linear in its size (64, 128, 256 KiB)', () => {
    expect(parseRegQuery('HKLM\\X\n    A\u2028B    REG_SZ    x\n    C    REG_SZ    y\n')[0]?.values.map((v) => v.name)).toEqual(['C'])
    expectLinearTime((scale) => `HKLM\\X\n    a${'    REG_SZ'.repeat(scale * 6554)}\u2028`, parseRegQuery)
  })

  it('keeps a malformed DWORD as its text instead of guessing a number', () => {
    const keys = parseRegQuery('HKLM\\X\n    Bad    REG_DWORD    zzz\n')
    expect(findValue(keys[0], 'Bad')?.data).toBe('zzz')
  })

  it('normalises hive aliases and case', () => {
    expect(normaliseKeyPath('HKCU\\Software\\X\\')).toBe(normaliseKeyPath('HKEY_CURRENT_USER\\software\\x'))
  })
})
