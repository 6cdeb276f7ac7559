import { describe, expect, it } from 'vitest'
import {
  hexBytes,
  parseCsrutilStatus,
  parseEfiFlag,
  parseMokutilSbState,
  parseSpctlStatus,
} from '../../../../checks/catalogue/boot/integrity.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const HUGE = 'x'.repeat(4 * 1024 * 1024)

describe('parseEfiFlag', () => {
  it.each([
    ['on, boot-service and runtime access', [0x06, 0, 0, 0, 1], { attributes: 6, value: 1 }],
    ['off, with the non-volatile bit too', [0x07, 0, 0, 0, 0], { attributes: 7, value: 0 }],
    ['attributes with the top bit set stay unsigned', [0, 0, 0, 0x80, 1], { attributes: 0x80000000, value: 1 }],
  ])('%s', (_name, bytes, expected) => {
    expect(parseEfiFlag(Uint8Array.from(bytes))).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['empty', []],
    ['attributes only', [6, 0, 0, 0]],
    ['short', [6, 0]],
    ['a trailing byte', [6, 0, 0, 0, 1, 0]],
    ['a value that is not 0 or 1', [6, 0, 0, 0, 0xff]],
  ])('refuses %s', (_name, bytes) => {
    expect(parseEfiFlag(Uint8Array.from(bytes)).ok).toBe(false)
  })

  it('refuses 4 MiB, in time linear in its size', () => {
    expect(parseEfiFlag(new Uint8Array(4 * 1024 * 1024)).ok).toBe(false)
    expectLinearTime((scale) => new Uint8Array(scale * 1024 * 1024), parseEfiFlag)
  })

  it('shows at most 16 bytes', () => {
    expect(hexBytes(new Uint8Array(1000))).toBe(`${'00 '.repeat(15)}00 …`)
  })
})

describe('parseMokutilSbState', () => {
  it.each([
    ['SecureBoot enabled\n', { state: 'enabled', setupMode: false }],
    ['SecureBoot disabled\nPlatform is in Setup Mode\n', { state: 'disabled', setupMode: true }],
    ['EFI variables are not supported on this system\n', { state: 'unsupported', setupMode: false }],
  ])('%j', (text, expected) => {
    expect(parseMokutilSbState(text)).toEqual({ ok: true, value: expected })
  })

  it.each([[''], ['SecureBoot maybe\n'], ['xSecureBoot enabled\n'], [HUGE], ['\u0000\u001b[2JSecureBoot enabledish']])(
    'refuses %#',
    (text) => {
      expect(parseMokutilSbState(text).ok).toBe(false)
    },
  )
})

describe('parseCsrutilStatus', () => {
  it.each([
    ['System Integrity Protection status: enabled.\n', 'enabled'],
    ['System Integrity Protection status: disabled.\n', 'disabled'],
    ['System Integrity Protection status: unknown (Custom Configuration).\n\nConfiguration:\n\tKext Signing: disabled\n', 'custom'],
    // OS X 10.11's wording for a SIP with every protection off (openradar 22361698).
    ['System Integrity Protection status: enabled (Custom Configuration).\n\nConfiguration:\n    Kext Signing: disabled\n', 'custom'],
  ])('%j', (text, expected) => {
    expect(parseCsrutilStatus(text)).toEqual({ ok: true, value: expected })
  })

  it.each([
    [''],
    ['csrutil: command not found'],
    ['System Integrity Protection status: unknown.\n'],
    [HUGE],
    [`${HUGE}System Integrity Protection status: enabled.`],
  ])('refuses %#', (text) => {
    expect(parseCsrutilStatus(text).ok).toBe(false)
  })

  it('reads a hostile 4 MiB output in time linear in its size', () => {
    expectLinearTime((scale) => 'System Integrity Protection status: '.repeat(scale * 100_000), parseCsrutilStatus)
  })
})

describe('parseSpctlStatus', () => {
  it.each([
    ['assessments enabled\n', true],
    ['assessments disabled\n', false],
  ])('%j', (text, expected) => {
    expect(parseSpctlStatus(text)).toEqual({ ok: true, value: expected })
  })

  it.each([[''], ['assessments enabled maybe'], [HUGE], ['\u001b]0;assessments enabled\u0007']])('refuses %#', (text) => {
    expect(parseSpctlStatus(text).ok).toBe(false)
  })
})
