import { describe, expect, it } from 'vitest'
import { MAX_CONFIG_CHARS, parseKeyValues, parseUbuntuReportState, truthy } from '../../../../checks/catalogue/os/telemetry.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const values = (text: string): Record<string, string> => {
  const r = parseKeyValues(text)
  if (!r.ok) throw new Error(r.reason)
  return Object.fromEntries(r.value)
}

describe('parseKeyValues', () => {
  it.each([
    ['shell assignment with quotes (popularity-contest)', 'MY_HOSTID="abc"\nPARTICIPATE="yes"\n', { MY_HOSTID: 'abc', PARTICIPATE: 'yes' }],
    ['ini section and key (whoopsie)', '\n[General]\nreport_crashes=true\n', { report_crashes: 'true' }],
    ['spaces round = (abrt)', 'AutoreportingEnabled = yes\n#AutoreportingEnabled = no\n', { AutoreportingEnabled: 'yes' }],
    ['single quotes and export', "export enabled='1'\n", { enabled: '1' }],
    ['a trailing comment on an unquoted value', 'enabled=0 # off\n', { enabled: '0' }],
    ['the last assignment wins, as in the shell', 'enabled=1\nenabled=0\n', { enabled: '0' }],
    ['CRLF line ends', 'enabled=1\r\nmaxsize=5\r\n', { enabled: '1', maxsize: '5' }],
    ['lines that are no assignment are skipped', 'echo hi\n=1\n1x=2\n; note\nenabled=1\n', { enabled: '1' }],
  ])('%s', (_name, text, want) => {
    expect(values(text)).toEqual(want)
  })

  it('keeps control characters out of values', () => {
    expect(values('PARTICIPATE="ye\u001b[31ms\u0007"\n').PARTICIPATE).toBe('ye[31ms')
  })

  it('cuts an over-long value and skips an over-long key', () => {
    const v = values(`enabled=${'1'.repeat(10_000)}\n${'K'.repeat(100)}=1\n`)
    expect(v.enabled).toHaveLength(256)
    expect(Object.keys(v)).toEqual(['enabled'])
  })

  it.each([
    ['huge (4 MiB)', 'enabled=1\n'.repeat(420_000), `larger than ${MAX_CONFIG_CHARS} characters`],
    ['binary', 'enabled=1\0\0', 'binary data'],
    ['too many lines', '\n'.repeat(5000), 'more than 4096 lines'],
  ])('refuses %s input', (_name, text, reason) => {
    expect(parseKeyValues(text)).toEqual({ ok: false, reason })
  })

  it.each([
    ['a value of spaces', (n: number) => `a=${' '.repeat(n)}#`],
    ['a long key and a value of quotes', (n: number) => `${'a'.repeat(n / 2)}= "${'"'.repeat(n / 2)}`],
    ['spaces before a stray carriage return', (n: number) => `a=${' '.repeat(n)}b\rc`],
  ])('reads %s in time linear in its size (60, 120, 240 KiB)', (_name, make) => {
    expectLinearTime((scale) => make(scale * 60 * 1024), parseKeyValues)
  })
})

describe('truthy', () => {
  it.each([
    ['1', true],
    ['YES', true],
    ['true', true],
    ['0', false],
    ['no', false],
    ['False', false],
    ['maybe', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (v, want) => {
    expect(truthy(v)).toBe(want)
  })
})

describe('parseUbuntuReportState', () => {
  it.each([
    ['{"OptOut": true}\n', { ok: true, value: 'opted-out' }],
    ['{ "Some data with current release": true }\n', { ok: true, value: 'sent' }],
    ['{"OptOut": "true"}', { ok: true, value: 'sent' }],
    ['[]', { ok: false, reason: 'not a JSON object' }],
    ['null', { ok: false, reason: 'not a JSON object' }],
    ['{"OptOut": tru', { ok: false, reason: 'not JSON' }],
    ['x'.repeat(4 * 1024 * 1024), { ok: false, reason: `larger than ${MAX_CONFIG_CHARS} characters` }],
  ])('%#', (text, want) => {
    expect(parseUbuntuReportState(text)).toEqual(want)
  })
})
