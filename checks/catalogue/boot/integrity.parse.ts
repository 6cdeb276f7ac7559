import { failed, ok, type Result } from '../../core/host/toolkit.js'

/**
 * An efivarfs file is the variable's 4-byte little-endian attribute word followed by its data. SecureBoot
 * and SetupMode hold one byte, 0 or 1 (UEFI 2.x, "Globally Defined Variables"), so a well-formed file is
 * exactly 5 bytes; anything else is refused rather than guessed at.
 */
export interface EfiFlag {
  attributes: number
  value: 0 | 1
}

export function parseEfiFlag(bytes: Uint8Array): Result<EfiFlag, string> {
  if (bytes.length !== 5) return failed(`${bytes.length} bytes, expected 5 (4 attribute bytes and 1 value byte)`)
  const value = bytes[4]
  if (value !== 0 && value !== 1) return failed(`value byte 0x${(value ?? 0).toString(16).padStart(2, '0')}, expected 0 or 1`)
  const attributes = ((bytes[0] ?? 0) | ((bytes[1] ?? 0) << 8) | ((bytes[2] ?? 0) << 16) | ((bytes[3] ?? 0) << 24)) >>> 0
  return ok({ attributes, value })
}

/** The bytes as hexdump shows them ("06 00 00 00 01"), for evidence a person can compare with `hexdump -C`. */
export function hexBytes(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join(' ') + (bytes.length > 16 ? ' …' : '')
}

export type MokutilState = 'enabled' | 'disabled' | 'unsupported'

/** `mokutil --sb-state` (mokutil 0.6): "SecureBoot enabled", "SecureBoot disabled", or no EFI variables at all. */
export function parseMokutilSbState(text: string): Result<{ state: MokutilState; setupMode: boolean }, string> {
  const head = text.slice(0, 4096)
  if (/EFI variables are not supported/i.test(head)) return ok({ state: 'unsupported', setupMode: false })
  const match = /^SecureBoot (enabled|disabled)\s*$/m.exec(head)
  if (!match) return failed('no "SecureBoot enabled" or "SecureBoot disabled" line')
  return ok({ state: match[1] === 'enabled' ? 'enabled' : 'disabled', setupMode: /^Platform is in Setup Mode/m.test(head) })
}

export type SipState = 'enabled' | 'disabled' | 'custom'

/**
 * `csrutil status`: "System Integrity Protection status: enabled." or "disabled.", and on a partly
 * disabled SIP "unknown (Custom Configuration)." followed by the protections that are off. OS X 10.11
 * printed "enabled (Custom Configuration)." even with every protection off, so the parenthesis decides.
 */
export function parseCsrutilStatus(text: string): Result<SipState, string> {
  const match = /System Integrity Protection status:\s*(enabled|disabled|unknown)( \(Custom Configuration\))?/i.exec(text.slice(0, 4096))
  if (!match) return failed('no "System Integrity Protection status:" line')
  const word = (match[1] ?? '').toLowerCase()
  if (match[2] !== undefined) return ok('custom')
  if (word === 'unknown') return failed('"unknown" without "(Custom Configuration)"')
  return ok(word === 'enabled' ? 'enabled' : 'disabled')
}

/** `spctl --status`: "assessments enabled" or "assessments disabled" (Gatekeeper). */
export function parseSpctlStatus(text: string): Result<boolean, string> {
  const match = /^assessments (enabled|disabled)\s*$/m.exec(text.slice(0, 4096))
  if (!match) return failed('no "assessments enabled" or "assessments disabled" line')
  return ok(match[1] === 'enabled')
}
