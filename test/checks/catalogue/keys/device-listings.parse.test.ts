import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isFidoDevice } from '../../../../checks/catalogue/keys/devices.verdict.js'
import { parseIoregHid } from '../../../../checks/catalogue/keys/ioreg-hid.parse.js'
import { parsePnpHid, parsePnpReaders } from '../../../../checks/catalogue/keys/pnp.parse.js'
import { parseSmartCardReaders } from '../../../../checks/catalogue/keys/smartcards.parse.js'
import { parseHidUevent } from '../../../../checks/catalogue/keys/uevent.parse.js'
import { keyed } from '../../../support/seen.js'

const FIXTURES = path.join(import.meta.dirname, '../../../fixtures/keys.hardware')
const read = (...p: string[]): string => readFileSync(path.join(FIXTURES, ...p), 'utf8')

describe('parseHidUevent', () => {
  it('reads the real YubiKey uevent', () => {
    expect(parseHidUevent(read('linux/sys/class/hidraw/hidraw2/device/uevent'))).toEqual({
      bus: 3,
      vendorId: 0x1050,
      productId: 0x0407,
      name: 'Yubico YubiKey OTP+FIDO+CCID',
    })
  })

  it.each([
    [
      'Bluetooth bus, CRLF line ends',
      'HID_ID=0005:0000046D:0000B023\r\nHID_NAME=MX Master 3\r\n',
      { bus: 5, vendorId: 0x046d, productId: 0xb023, name: 'MX Master 3' },
    ],
    ['no HID_NAME', 'HID_ID=0003:00001209:0000BEEE\n', { bus: 3, vendorId: 0x1209, productId: 0xbeee, name: null }],
    ['an empty HID_NAME', 'HID_ID=0003:00001209:0000BEEE\nHID_NAME=\n', { bus: 3, vendorId: 0x1209, productId: 0xbeee, name: null }],
    ['a name with "=" in it', 'HID_NAME=a=b\nHID_ID=0003:00001209:0000BEEE', { bus: 3, vendorId: 0x1209, productId: 0xbeee, name: 'a=b' }],
  ])('%s', (_what, text, expected) => {
    expect(parseHidUevent(text)).toEqual(expected)
  })

  it.each([
    ['empty', ''],
    ['no HID_ID', 'DRIVER=hid-generic\nHID_NAME=Keyboard\n'],
    ['short fields', 'HID_ID=3:1050:407\n'],
    ['not hex', 'HID_ID=0003:0000ZZZZ:00000407\n'],
    ['binary garbage', '\u0000\u0001\u00ff\u00fe'],
  ])('%s → null', (_what, text) => {
    expect(parseHidUevent(text)).toBeNull()
  })
})

describe('parseIoregHid', () => {
  it('lists each matching IOHIDDevice once and ignores the IOHIDInterface children', () => {
    const r = parseIoregHid(read('darwin/ioreg-hid-yubikey.xml'))
    if (!r.ok) throw new Error(keyed(r.reason))
    expect(r.value.map((d) => [d.name, d.vendorId, d.productId, d.usagePages])).toEqual([
      ['Apple Internal Keyboard / Trackpad', 1452, 834, [1, 12]],
      ['USB Optical Mouse', 7119, 5, [1]],
      ['YubiKey OTP+FIDO+CCID', 0x1050, 0x0407, [1]],
      ['YubiKey OTP+FIDO+CCID', 0x1050, 0x0407, [0xf1d0]],
    ])
    expect(r.value.filter(isFidoDevice)).toHaveLength(1)
  })

  it('finds a FIDO usage listed only in DeviceUsagePairs', () => {
    const xml =
      '<plist version="1.0"><array><dict><key>PrimaryUsagePage</key><integer>65280</integer><key>DeviceUsagePairs</key><array><dict><key>DeviceUsagePage</key><integer>61904</integer></dict></array></dict></array></plist>'
    const r = parseIoregHid(xml)
    expect(r.ok && r.value[0]?.usagePages).toEqual([0xff00, 0xf1d0])
  })

  it('treats empty output as no devices', () => {
    expect(parseIoregHid('\n')).toEqual({ ok: true, value: [] })
  })

  it.each([
    ['malformed XML', '<plist><array><dict><key>VendorID</key></array></plist>'],
    ['a dict instead of an array', '<plist version="1.0"><dict/></plist>'],
    ['plain text', 'ioreg: command not found'],
  ])('%s → error', (_what, text) => {
    expect(parseIoregHid(text).ok).toBe(false)
  })

  it('ignores entries that are not dicts and values of the wrong type', () => {
    const xml =
      '<plist><array><string>x</string><dict><key>VendorID</key><string>4176</string><key>PrimaryUsagePage</key><real>61904.5</real></dict></array></plist>'
    expect(parseIoregHid(xml)).toEqual({
      ok: true,
      value: [{ source: 'IOHIDDevice', vendorId: null, productId: null, name: null, usagePages: [] }],
    })
  })
})

describe('parsePnpHid', () => {
  it('reads an array listing: VID/PID from the instance ID, usage page from HID_DEVICE_UP', () => {
    const r = parsePnpHid(read('win32/pnp-hidclass.json'))
    if (!r.ok) throw new Error(keyed(r.reason))
    expect(r.value.map((d) => [d.vendorId, d.productId, d.usagePages, isFidoDevice(d)])).toEqual([
      [0x1050, 0x0407, [0x0001], false],
      [0x1050, 0x0407, [0xf1d0], true],
      [0x046d, 0xc52b, [0x0001], false],
      [0x046d, 0xc52b, [0xff00], false],
    ])
    expect(r.value[1]?.source).toBe('HID\\VID_1050&PID_0407&MI_01\\7&1C2F7D55&0&0000')
  })

  it('reads the bare object PowerShell prints for a single device', () => {
    const r = parsePnpHid(read('win32/pnp-hidclass-single.json'))
    expect(r.ok && r.value).toEqual([
      {
        source: 'HID\\VID_349E&PID_0022\\6&12AB34CD&0&0000',
        vendorId: 0x349e,
        productId: 0x0022,
        name: 'FIDO HID Device',
        usagePages: [0xf1d0],
      },
    ])
  })

  it.each([
    ['a single hardware ID string', '{"InstanceId":"HID\\\\VID_1209&PID_BEEE\\\\1","HardwareID":"HID_DEVICE_UP:F1D0_U:0001"}', [0xf1d0]],
    ['HardwareID null', '{"InstanceId":"HID\\\\VID_1209&PID_BEEE\\\\1","FriendlyName":null,"HardwareID":null}', []],
    ['HardwareID flattened by a shallow -Depth', '{"InstanceId":"HID\\\\VID_1209&PID_BEEE\\\\1","HardwareID":"System.String[]"}', []],
    ['lower-case usage ID', '[{"InstanceId":"HID\\\\VID_1209&PID_BEEE\\\\1","HardwareID":["hid_device_up:f1d0_u:0001"]}]', [0xf1d0]],
  ])('%s', (_what, json, pages) => {
    const r = parsePnpHid(json)
    expect(r.ok && r.value[0]?.usagePages).toEqual(pages)
  })

  it('leaves VID/PID unknown for instance IDs without them (Bluetooth LE HID)', () => {
    const r = parsePnpHid(
      '{"InstanceId":"HID\\\\{00001812-0000-1000-8000-00805F9B34FB}_DEV_VID&02046D_PID&B023\\\\9&1","HardwareID":["HID_DEVICE_UP:0001_U:0002"]}',
    )
    expect(r.ok && r.value[0]).toMatchObject({ vendorId: null, productId: null, usagePages: [1] })
  })

  it.each([
    ['empty output (no devices)', '', { ok: true, value: [] }],
    ['only a BOM and whitespace', '\uFEFF \r\n', { ok: true, value: [] }],
  ])('%s', (_what, text, expected) => {
    expect(parsePnpHid(text)).toEqual(expected)
  })

  it.each([
    ['truncated JSON', read('win32/pnp-hidclass.json').slice(0, 200), /parseNotJson/],
    ['an error message', 'Get-PnpDevice : The term is not recognized', /parseNotJson/],
    ['a number', '42', /parsePnpShape/],
    ['objects without InstanceId', '[{"FriendlyName":"x"}]', /parsePnpShape/],
  ])('%s → error', (_what, text, error) => {
    const r = parsePnpHid(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(keyed(r.reason)).toMatch(error)
  })
})

describe('parsePnpReaders', () => {
  it('reads a single reader object', () => {
    expect(parsePnpReaders(read('win32/pnp-smartcardreader.json'))).toEqual({
      ok: true,
      value: [{ instanceId: 'USB\\VID_1050&PID_0407&MI_02\\7&3A1B2C3D&0&0002', name: 'Microsoft Usbccid Smartcard Reader (WUDF)' }],
    })
  })
})

describe('parseSmartCardReaders', () => {
  it('names each reader without its ATR', () => {
    expect(parseSmartCardReaders(read('darwin/system_profiler-SPSmartCardsDataType.json'))).toEqual({
      ok: true,
      value: ['Yubico YubiKey OTP+FIDO+CCID'],
    })
  })

  it('reports no readers when READERS is empty (drivers are not readers)', () => {
    expect(parseSmartCardReaders(read('darwin/system_profiler-SPSmartCardsDataType-none.json'))).toEqual({ ok: true, value: [] })
  })

  it.each([
    ['not JSON', 'system_profiler: unknown data type', /parseNotJson/],
    ['no section', '{"SPUSBDataType":[]}', /parseNoSmartCards/],
    ['section of the wrong type', '{"SPSmartCardsDataType":"none"}', /parseNoSmartCards/],
  ])('%s → error', (_what, text, error) => {
    const r = parseSmartCardReaders(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(keyed(r.reason)).toMatch(error)
  })
})
