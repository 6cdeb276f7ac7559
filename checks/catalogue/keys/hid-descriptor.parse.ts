/**
 * Walks a HID report descriptor (USB HID 1.11 §6.2.2) item by item and reports the Global Usage
 * Page values it declares. Pure: no I/O.
 *
 * A FIDO authenticator declares Usage Page 0xF1D0 (FIDO Alliance, HUTRR48); libfido2 and
 * systemd's fido_id recognise keys by exactly this. Matching the bytes `06 D0 F1` anywhere in
 * the file would also match them inside another item's data, so items are walked properly:
 * a prefix byte carries size (bits 0–1; 3 means 4 bytes), type (bits 2–3) and tag (bits 4–7);
 * the long-item prefix 0xFE is followed by a data size and a tag and is skipped whole.
 */
import { failed, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { t } from './hardware.messages.js'

export const FIDO_USAGE_PAGE = 0xf1d0

/** What a well-formed descriptor declares: its Usage Page values in order and how many items it holds. */
export interface Descriptor {
  usagePages: number[]
  items: number
}

/** Why a descriptor was refused and the byte offset of the item that broke it. */
export interface DescriptorFault {
  reason: Msg
  offset: number
}

export type DescriptorResult = Result<Descriptor, DescriptorFault>

const TYPE_MAIN = 0
const TYPE_GLOBAL = 1
const LONG_ITEM = 0xfe

const GLOBAL_USAGE_PAGE = 0x0
const GLOBAL_PUSH = 0xa
const GLOBAL_POP = 0xb
/** Global tags 0x0–0xB are defined; above is reserved. */
const MAX_GLOBAL_TAG = 0xb
const MAIN_COLLECTION = 0xa
const MAIN_END_COLLECTION = 0xc
/** Push/Pop nesting the kernel allows (HID_GLOBAL_STACK_SIZE). */
const MAX_GLOBAL_STACK = 4

function readUnsigned(bytes: Uint8Array, at: number, size: number): number {
  let value = 0
  for (let i = size - 1; i >= 0; i--) value = value * 256 + (bytes[at + i] ?? 0)
  return value
}

/**
 * Rejects what the Linux kernel's hid-core parser rejects (truncation, reserved global tags,
 * Push/Pop misuse, unbalanced collections) and, like it, passes over reserved main, local and
 * item types. Random bytes almost always trip one of the rejections, so garbage is reported as
 * not a descriptor instead of yielding invented usage pages.
 */
export function parseReportDescriptor(bytes: Uint8Array): DescriptorResult {
  if (bytes.length === 0) return failed({ reason: t('hidEmpty'), offset: 0 })
  const usagePages: number[] = []
  let depth = 0
  let pushed = 0
  let items = 0
  let at = 0
  while (at < bytes.length) {
    const prefix = bytes[at] as number
    if (prefix === LONG_ITEM) {
      if (at + 3 > bytes.length) return failed({ reason: t('hidTruncated'), offset: at })
      const dataSize = bytes[at + 1] as number
      if (at + 3 + dataSize > bytes.length) return failed({ reason: t('hidTruncated'), offset: at })
      at += 3 + dataSize
      items++
      continue
    }
    const sizeBits = prefix & 0x3
    const size = sizeBits === 3 ? 4 : sizeBits
    const type = (prefix >> 2) & 0x3
    const tag = prefix >> 4
    if (at + 1 + size > bytes.length) return failed({ reason: t('hidTruncated'), offset: at })
    const value = readUnsigned(bytes, at + 1, size)
    if (type === TYPE_MAIN) {
      if (tag === MAIN_COLLECTION) depth++
      if (tag === MAIN_END_COLLECTION) {
        if (depth === 0) return failed({ reason: t('hidEndWithoutCollection'), offset: at })
        depth--
      }
    } else if (type === TYPE_GLOBAL) {
      if (tag > MAX_GLOBAL_TAG) return failed({ reason: t('hidReservedTag', { tag: `0x${tag.toString(16)}` }), offset: at })
      if (tag === GLOBAL_USAGE_PAGE) usagePages.push(value)
      if (tag === GLOBAL_PUSH && ++pushed > MAX_GLOBAL_STACK) return failed({ reason: t('hidPushOverflow'), offset: at })
      if (tag === GLOBAL_POP && --pushed < 0) return failed({ reason: t('hidPopWithoutPush'), offset: at })
    }
    at += 1 + size
    items++
  }
  if (depth !== 0) return failed({ reason: t('hidUnclosed'), offset: bytes.length })
  return ok({ usagePages, items })
}

export function declaresFidoUsagePage(result: DescriptorResult): boolean {
  return result.ok && result.value.usagePages.includes(FIDO_USAGE_PAGE)
}
