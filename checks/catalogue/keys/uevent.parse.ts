/**
 * Reads the HID identity from a sysfs `uevent` file (KEY=VALUE lines), e.g.
 *   HID_ID=0003:00001050:00000407
 *   HID_NAME=Yubico YubiKey OTP+FIDO+CCID
 * HID_ID is bus:vendor:product, each zero-padded hex; USB is bus 0003, Bluetooth 0005. Pure.
 */
export interface HidIdentity {
  bus: number
  vendorId: number
  productId: number
  name: string | null
}

const HID_ID = /^([0-9a-f]{4}):([0-9a-f]{8}):([0-9a-f]{8})$/i

export function parseHidUevent(text: string): HidIdentity | null {
  const fields = new Map<string, string>()
  for (const line of text.split(/\r?\n/)) {
    const eq = line.indexOf('=')
    if (eq > 0) fields.set(line.slice(0, eq), line.slice(eq + 1))
  }
  const id = HID_ID.exec(fields.get('HID_ID')?.trim() ?? '')
  if (!id) return null
  const [, bus, vendor, product] = id as unknown as [string, string, string, string]
  return {
    bus: parseInt(bus, 16),
    // The kernel prints 32-bit fields; USB and Bluetooth IDs live in the low 16 bits.
    vendorId: parseInt(vendor, 16) & 0xffff,
    productId: parseInt(product, 16) & 0xffff,
    name: fields.get('HID_NAME')?.trim() || null,
  }
}
