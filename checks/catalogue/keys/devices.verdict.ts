import type { Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { FIDO_USAGE_PAGE } from './hid-descriptor.parse.js'

/** A HID device (or top-level collection) as one OS lists it, reduced to what decides "is a FIDO key". */
export interface HidDevice {
  /** Where it was seen: a sysfs path, an I/O Registry entry name, or a PnP instance ID. */
  source: string
  vendorId: number | null
  productId: number | null
  /** The product name the OS reports. */
  name: string | null
  /** The HID usage pages the device declares. */
  usagePages: number[]
}

/** A parsed device listing (ioreg, Get-PnpDevice), or why its output could not be read. */
export type DeviceListing = Result<HidDevice[], Msg>

export function isFidoDevice(device: HidDevice): boolean {
  return device.usagePages.includes(FIDO_USAGE_PAGE)
}

export function formatUsagePage(page: number): string {
  return `0x${page.toString(16).toUpperCase().padStart(4, '0')}`
}
