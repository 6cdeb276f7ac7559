import { failed, ok } from '../../core/host/toolkit.js'
import { isPlistDict, parsePlist, type PlistDict, type PlistValue } from '../../readers/macos/plist.parse.js'
import type { DeviceListing, HidDevice } from './devices.verdict.js'
import { t } from './hardware.messages.js'

/**
 * Reads the HID devices from `ioreg -a -r -c IOHIDDevice`: an XML plist array with one dict per
 * matching I/O Registry object (children nest under IORegistryEntryChildren and are not devices of
 * their own). libfido2's macOS backend identifies keys by `PrimaryUsagePage` == 0xF1D0 (61904);
 * `DeviceUsagePairs` lists every top-level usage when a device has more than one. Pure.
 */
function integer(v: PlistValue | undefined): number | null {
  return typeof v === 'number' && Number.isInteger(v) ? v : null
}

function usagePagesOf(entry: PlistDict): number[] {
  const pages = new Set<number>()
  const primary = integer(entry.PrimaryUsagePage)
  if (primary !== null) pages.add(primary)
  const pairs = entry.DeviceUsagePairs
  if (Array.isArray(pairs)) {
    for (const pair of pairs) {
      const page = isPlistDict(pair) ? integer(pair.DeviceUsagePage) : null
      if (page !== null) pages.add(page)
    }
  }
  return [...pages]
}

export function parseIoregHid(output: string): DeviceListing {
  if (output.trim() === '') return ok([])
  const parsed = parsePlist(output)
  // The property-list reader words its faults in English for tests and logs; the reader is told where it broke.
  if (!parsed.ok) {
    const at = /offset (\d+)/.exec(parsed.reason)?.[1]
    return failed(at === undefined ? t('parseNotPlist') : t('parseNotPlistAt', { offset: Number(at) }))
  }
  if (!Array.isArray(parsed.value)) return failed(t('parseIoregNotList'))
  const devices: HidDevice[] = []
  for (const entry of parsed.value) {
    if (!isPlistDict(entry)) continue
    const name = typeof entry.Product === 'string' ? entry.Product : null
    const registryName = typeof entry.IORegistryEntryName === 'string' ? entry.IORegistryEntryName : null
    devices.push({
      source: registryName ?? name ?? 'IOHIDDevice',
      vendorId: integer(entry.VendorID),
      productId: integer(entry.ProductID),
      name,
      usagePages: usagePagesOf(entry),
    })
  }
  return ok(devices)
}
