import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIDO_USAGE_PAGE, declaresFidoUsagePage, parseReportDescriptor } from '../../../../checks/catalogue/keys/hid-descriptor.parse.js'
import { keyed } from '../../../support/seen.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const HIDRAW = path.join(import.meta.dirname, '../../../fixtures/keys.hardware/linux/sys/class/hidraw')
const fixture = (node: string): Uint8Array => new Uint8Array(readFileSync(path.join(HIDRAW, node, 'device/report_descriptor')))
const hex = (s: string): Uint8Array =>
  Uint8Array.from(
    s
      .trim()
      .split(/\s+/)
      .map((b) => parseInt(b, 16)),
  )
const hasBytes = (bytes: Uint8Array, needle: Uint8Array): boolean => Buffer.from(bytes).includes(Buffer.from(needle))
const FIDO_PREFIX = hex('06 d0 f1')

describe('parseReportDescriptor on real descriptors', () => {
  it.each([
    ['hidraw1', 'SoloKeys Solo 1 firmware', [FIDO_USAGE_PAGE]],
    ['hidraw3', 'YubiKey 4 FIDO interface (sysfs symlinks)', [FIDO_USAGE_PAGE]],
    ['hidraw5', 'Nitrokey 3', [FIDO_USAGE_PAGE]],
    ['hidraw0', 'HID 1.11 boot mouse', [0x01, 0x09, 0x01]],
    ['hidraw2', 'HID 1.11 boot keyboard', [0x01, 0x07, 0x08, 0x07]],
    ['hidraw4', 'Apple Keyboard A1243', [0x01, 0x07, 0x08, 0x07, 0xff]],
  ])('%s (%s) declares usage pages %j', (node, _what, pages) => {
    const result = parseReportDescriptor(fixture(node))
    expect(result).toMatchObject({ ok: true, value: { usagePages: pages } })
    expect(declaresFidoUsagePage(result)).toBe(pages.includes(FIDO_USAGE_PAGE))
  })

  it('counts every item of the 34-byte FIDO descriptor', () => {
    expect(parseReportDescriptor(fixture('hidraw1'))).toEqual({ ok: true, value: { usagePages: [0xf1d0], items: 16 } })
  })
})

describe('parseReportDescriptor walks items instead of matching bytes', () => {
  it('does not take 06 D0 F1 inside a 4-byte Logical Maximum for a usage page', () => {
    // Usage Page (Generic Desktop), Usage (Mouse), Collection, Logical Maximum with data 06 D0 F1 00, End Collection
    const bytes = hex('05 01 09 02 a1 01 27 06 d0 f1 00 c0')
    expect(hasBytes(bytes, FIDO_PREFIX)).toBe(true)
    expect(parseReportDescriptor(bytes)).toEqual({ ok: true, value: { usagePages: [0x01], items: 5 } })
  })

  it('skips a long item whole, even when its data looks like a FIDO usage page', () => {
    const bytes = hex('fe 04 f0 06 d0 f1 00 05 01 09 06 a1 01 c0')
    expect(hasBytes(bytes, FIDO_PREFIX)).toBe(true)
    expect(parseReportDescriptor(bytes)).toEqual({ ok: true, value: { usagePages: [0x01], items: 5 } })
  })

  it('finds the FIDO usage page after a long item', () => {
    expect(parseReportDescriptor(hex('fe 00 10 06 d0 f1 09 01 a1 01 c0'))).toMatchObject({ ok: true, value: { usagePages: [0xf1d0] } })
  })

  it('reads 1-, 2- and 4-byte usage pages little-endian', () => {
    expect(parseReportDescriptor(hex('05 0c 06 00 ff 07 d0 f1 00 00'))).toMatchObject({
      ok: true,
      value: { usagePages: [0x0c, 0xff00, 0xf1d0] },
    })
  })

  it('treats a 0-byte Usage Page as page 0, not as a read past the item', () => {
    expect(parseReportDescriptor(hex('04 09 01 a1 01 c0'))).toMatchObject({ ok: true, value: { usagePages: [0] } })
  })

  it('accepts balanced Push/Pop', () => {
    expect(parseReportDescriptor(hex('a4 06 d0 f1 b4 05 01'))).toMatchObject({ ok: true, value: { usagePages: [0xf1d0, 0x01] } })
  })
})

describe('parseReportDescriptor on malformed input', () => {
  const fido = fixture('hidraw1')
  it.each([
    ['empty file', new Uint8Array(0), 'hidEmpty', 0],
    ['cut inside the first item', fido.subarray(0, 2), 'hidTruncated', 0],
    ['cut inside a later item', fido.subarray(0, 15), 'hidTruncated', 14],
    ['cut before the end collection', fido.subarray(0, 33), 'hidUnclosed', 33],
    ['long item with no room for its header', hex('05 01 fe 05'), 'hidTruncated', 2],
    ['long item with less data than it declares', hex('fe 08 00 01 02 03'), 'hidTruncated', 0],
    ['end collection with no collection open', hex('05 01 c0'), 'hidEndWithoutCollection', 2],
    ['pop without push', hex('05 01 b4'), 'hidPopWithoutPush', 2],
    ['five pushes (the kernel allows four)', hex('a4 a4 a4 a4 a4'), 'hidPushOverflow', 4],
    ['a reserved global tag', hex('05 01 c4'), 'hidReservedTag(tag=0xc)', 2],
  ])('%s → %s', (_what, bytes, reason, offset) => {
    const result = parseReportDescriptor(bytes)
    // The fault is a message (its name and parameters), with the offset of the item that broke it.
    expect(result.ok).toBe(false)
    if (!result.ok) expect([keyed(result.reason.reason), result.reason.offset]).toEqual([`keys.hardware.${reason}`, offset])
    expect(declaresFidoUsagePage(result)).toBe(false)
  })

  it('rejects text and binary garbage without throwing', () => {
    const samples = [
      new TextEncoder().encode('HID_ID=0003:00001050:00000407\nHID_NAME=Yubico\n'),
      hex('89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52'),
    ]
    for (const bytes of samples) expect(parseReportDescriptor(bytes).ok).toBe(false)
  })

  it('passes over reserved-type items as the kernel does, declaring nothing', () => {
    // 0xFF is a 4-byte item of the reserved type, not the long-item prefix 0xFE.
    expect(parseReportDescriptor(new Uint8Array(1000).fill(0xff))).toEqual({ ok: true, value: { usagePages: [], items: 200 } })
  })

  it('never throws on random bytes (seeded)', () => {
    let seed = 0x1234abcd
    const next = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 0xff
    let rejected = 0
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: 1 + (i % 97) }, next)
      const result = parseReportDescriptor(bytes)
      if (!result.ok) rejected++
    }
    expect(rejected).toBeGreaterThan(1800)
  })

  const usagePages = (size: number): Uint8Array => {
    const bytes = new Uint8Array(size)
    for (let i = 0; i < bytes.length; i += 2) bytes.set([0x05, 0x01], i)
    return bytes
  }

  it('walks every item of a huge descriptor', () => {
    expect(parseReportDescriptor(usagePages(4 * 1024 * 1024))).toMatchObject({ ok: true, value: { items: 2 * 1024 * 1024 } })
  })

  it('walks a descriptor in time linear in its size (1, 2, 4 MiB)', () => {
    expectLinearTime((scale) => usagePages(scale * 1024 * 1024), parseReportDescriptor)
  })
})
