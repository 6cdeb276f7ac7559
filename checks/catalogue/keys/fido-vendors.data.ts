/**
 * Names for USB vendor and product IDs seen on security keys, for evidence only: whether a device
 * is a FIDO key is decided by its HID usage page (0xF1D0), never by this table. A Yubico ID without
 * the FIDO usage page (a YubiKey's OTP keyboard interface) is not a FIDO key; an unknown vendor
 * with the FIDO usage page is.
 *
 * Vendors: libfido2 udev/fidodevs (Yubico/libfido2). YubiKey product IDs: yubikey-manager's PID enum,
 * where the YubiKey 5 series reuses the YubiKey 4 IDs 0x0401–0x0407.
 */
const VENDORS: ReadonlyMap<number, string> = new Map([
  [0x0483, 'STMicroelectronics (SoloKeys Solo 1, MIRKey)'],
  [0x058b, 'Infineon'],
  [0x06cb, 'Synaptics (Kensington VeriMark)'],
  [0x096e, 'Feitian'],
  [0x1050, 'Yubico'],
  [0x10c4, 'Silicon Labs (U2F Zero)'],
  [0x1209, 'pid.codes (SoloKeys)'],
  [0x18d1, 'Google'],
  [0x1a44, 'VASCO'],
  [0x1d50, 'OpenMoko (OnlyKey)'],
  [0x1e0d, 'Neowave'],
  [0x1ea8, 'Excelsecu (Thetis)'],
  [0x1fc9, 'NXP'],
  [0x20a0, 'Clay Logic (Nitrokey, CanoKey)'],
  [0x24dc, 'Aladdin (JaCarta)'],
  [0x2581, 'Plug-up'],
  [0x2abe, 'Bluink'],
  [0x2c97, 'Ledger'],
  [0x2ccf, 'Hypersecu'],
  [0x311f, 'eWBM (TrustKey)'],
  [0x32a3, 'GoTrust'],
  [0x349e, 'Token2'],
  [0x4c4d, 'Longmai'],
  [0x534c, 'SatoshiLabs (Trezor)'],
])

const YUBIKEY_4_AND_5 = 'YubiKey 4 or 5 (they share product IDs)'

const PRODUCTS: ReadonlyMap<string, string> = new Map([
  ['1050:0110', 'YubiKey NEO (OTP)'],
  ['1050:0111', 'YubiKey NEO (OTP+CCID)'],
  ['1050:0112', 'YubiKey NEO (CCID)'],
  ['1050:0113', 'YubiKey NEO (FIDO)'],
  ['1050:0114', 'YubiKey NEO (OTP+FIDO)'],
  ['1050:0115', 'YubiKey NEO (FIDO+CCID)'],
  ['1050:0116', 'YubiKey NEO (OTP+FIDO+CCID)'],
  ['1050:0120', 'Security Key by Yubico'],
  ['1050:0401', `${YUBIKEY_4_AND_5} (OTP)`],
  ['1050:0402', `${YUBIKEY_4_AND_5} (FIDO)`],
  ['1050:0403', `${YUBIKEY_4_AND_5} (OTP+FIDO)`],
  ['1050:0404', `${YUBIKEY_4_AND_5} (CCID)`],
  ['1050:0405', `${YUBIKEY_4_AND_5} (OTP+CCID)`],
  ['1050:0406', `${YUBIKEY_4_AND_5} (FIDO+CCID)`],
  ['1050:0407', `${YUBIKEY_4_AND_5} (OTP+FIDO+CCID)`],
  ['1050:0410', 'YubiKey Plus'],
  ['0483:a2ca', 'SoloKeys Solo'],
  ['1209:5070', 'SoloKeys SoloHacker'],
  ['1209:50b0', 'SoloKeys SoloBoot'],
  ['1209:beee', 'SoloKeys v2'],
  ['18d1:5026', 'Google Titan Security Key'],
  ['1d50:60fc', 'OnlyKey'],
  ['1ea8:f025', 'Thetis key'],
  ['20a0:4287', 'Nitrokey FIDO U2F'],
  ['20a0:42b1', 'Nitrokey FIDO2'],
  ['20a0:42b2', 'Nitrokey 3C NFC'],
  ['20a0:42d4', 'CanoKey'],
  ['20a0:42dd', 'Nitrokey 3A NFC'],
  ['096e:0880', 'Hypersecu HyperFIDO'],
])

export function hex4(id: number): string {
  return id.toString(16).padStart(4, '0')
}

export function vidPid(vendorId: number, productId: number): string {
  return `${hex4(vendorId)}:${hex4(productId)}`
}

/** "Yubico — YubiKey 4 or 5 …", "Yubico", or null for a vendor not in the table. */
export function describeVendor(vendorId: number, productId: number): string | null {
  const vendor = VENDORS.get(vendorId)
  const product = PRODUCTS.get(vidPid(vendorId, productId))
  if (vendor && product) return `${vendor} — ${product}`
  return product ?? vendor ?? null
}
