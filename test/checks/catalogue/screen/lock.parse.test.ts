import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  kdeBool,
  parseGsettingsValue,
  parseKdeGroup,
  parsePmset,
  parseScreenLockStatus,
  pmsetMinutes,
  wholeNumber,
} from '../../../../checks/catalogue/screen/lock.parse.js'

const HUGE = 'x'.repeat(4 * 1024 * 1024)

describe('parseGsettingsValue', () => {
  it.each([
    ['true\n', true],
    ['false', false],
    ['uint32 300\n', 300],
    ['300', 300],
    ['int32 -1', -1],
    ["'text'", 'text'],
  ])('reads %j', (text, value) => {
    expect(parseGsettingsValue(text)).toEqual({ ok: true, value })
  })
  it.each([
    ['', 'empty'],
    ['uint32', 'a type without a value'],
    ['\u001b[31mred', 'escape codes'],
    ['@mb nothing', 'a maybe type'],
    [HUGE, '4 MiB'],
  ])('refuses %s', (text) => {
    expect(parseGsettingsValue(text).ok).toBe(false)
  })
})

describe('parseKdeGroup', () => {
  it('reads only the named group, last value winning, without locale keys', () => {
    const keys = parseKdeGroup('[Greeter]\nTimeout=9\n[Daemon]\n# c\nTimeout=3\nTimeout=4\nAutolock[de]=false\nnoequals\n=x\n', 'Daemon')
    expect([...keys]).toEqual([['Timeout', '4']])
  })
  it('stays linear and capped on a 4 MiB file of one line and of many lines', () => {
    expect(parseKdeGroup(`[Daemon]\nTimeout=${HUGE}`, 'Daemon').get('Timeout')?.length).toBe(4096)
    const many = `[Daemon]\n${'a=b\n'.repeat(1_000_000)}Timeout=1\n`
    expect(parseKdeGroup(many, 'Daemon').get('Timeout')).toBeUndefined()
  })
  it('treats hostile bytes as values, never as structure', () => {
    expect(parseKdeGroup('[Daemon]\u0000\nTimeout=1', 'Daemon').size).toBe(0)
    expect(parseKdeGroup('[Daemon]\nTimeout=\u001b[2J', 'Daemon').get('Timeout')).toBe('\u001b[2J')
  })
})

describe('KConfig values', () => {
  it.each([
    ['true', true],
    ['On', true],
    ['1', true],
    ['no', false],
    ['maybe', undefined],
    [undefined, undefined],
  ])('bool %j', (v, b) => {
    expect(kdeBool(v)).toBe(b)
  })
  it.each([
    ['5', 5],
    [' 10 ', 10],
    ['-1', undefined],
    ['1e3', undefined],
    ['9999999999', undefined],
  ])('whole number %j', (v, n) => {
    expect(wholeNumber(v)).toBe(n)
  })
})

describe('parseScreenLockStatus', () => {
  const line = (s: string): string => `2024-05-02 10:00:00.123 sysadminctl[1234:56789] ${s}\n`
  it.each([
    [line('screenLock delay is immediate'), { off: false, delaySeconds: 0 }],
    [line('screenLock delay is 5 seconds'), { off: false, delaySeconds: 5 }],
    [line('screenLock delay is 300 seconds'), { off: false, delaySeconds: 300 }],
    [line('screenLock is off'), { off: true }],
    [line('screenLock delay is -1.000000 seconds'), { off: true }],
  ])('reads %j', (text, value) => {
    expect(parseScreenLockStatus(text)).toEqual({ ok: true, value })
  })
  it.each([[''], ['usage: sysadminctl'], [line('screenLock delay is soon')], [HUGE]])('refuses %j', (text) => {
    expect(parseScreenLockStatus(text).ok).toBe(false)
  })
})

describe('parsePmset', () => {
  const fixture = (name: string): string =>
    readFileSync(fileURLToPath(new URL(`../../../fixtures/screen.lock/darwin/${name}`, import.meta.url)), 'utf8')

  it.each([
    ['pmset-g-displaysleep-10.txt', 'Currently in use', '10'],
    ['pmset-g-displaysleep-20.txt', 'Currently in use', '20'],
    ['pmset-g-custom-battery-2-ac-30.txt', 'Battery Power', '2'],
    ['pmset-g-custom-battery-2-ac-30.txt', 'AC Power', '30'],
  ])('%s: %s displaysleep %s', (file, section, value) => {
    const r = parsePmset(fixture(file))
    expect(r.ok && r.value.get(section)?.get('displaysleep')).toBe(value)
  })

  it('keeps a value with its note and a tab-separated system-wide setting', () => {
    const r = parsePmset(fixture('pmset-g-displaysleep-20.txt'))
    expect(r.ok && r.value.get('Currently in use')?.get('sleep')).toBe('1 (sleep prevented by sharingd, coreaudiod)')
    const x = parsePmset(fixture('pmset-g-displaysleep-10.txt'))
    expect(x.ok && x.value.get('System-wide power settings')?.get('DestroyFVKeyOnStandby')).toBe('1')
  })

  it.each([[''], ['garbage without a section'], ['x'.repeat(300 * 1024)], [' displaysleep 10\n']])(
    'refuses malformed or huge output %#',
    (text) => expect(parsePmset(text).ok).toBe(false),
  )

  it('reads a hostile line as nothing, in one pass', () => {
    const r = parsePmset(`AC Power:\n${' '.repeat(100_000)}x\n displaysleep \u001b[2J\n`)
    expect(r.ok && pmsetMinutes(r.value.get('AC Power')?.get('displaysleep'))).toBe(undefined)
  })
})

describe('pmsetMinutes', () => {
  it.each([
    ['10', 10],
    ['1 (sleep prevented by sharingd, coreaudiod)', 1],
    ['0', 0],
    ['-1', undefined],
    ['ten', undefined],
    [undefined, undefined],
    ['9999999', undefined],
  ])('%j → %j', (value, minutes) => expect(pmsetMinutes(value)).toBe(minutes))
})
