/**
 * File names on Linux are bytes, not text: a folder can be called `caf\xe9` (Latin-1) and Firefox still uses it.
 * Such names travel through Bulwark as strings in which each byte that is not UTF-8 stands as one lone surrogate,
 * U+DC80 + the byte (the scheme Python calls surrogateescape), so a path read from a listing or an ini file opens
 * the very same folder again and shows as `\xNN` wherever it is printed. Pure: used by readers and by the adapter.
 */

// A lone low surrogate in that range: one that is the second half of a pair is an ordinary character (U+1F480 …).
const ESCAPED = /(?<![\ud800-\udbff])[\udc80-\udcff]/g

/** Whether `text` carries bytes that were not UTF-8 (and so must go back to the OS as bytes). */
export function hasEscapedBytes(text: string): boolean {
  return text.search(ESCAPED) !== -1
}

/** The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none (overlongs and surrogates too). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0
  if (b0 < 0x80) return 1
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k]
    return b !== undefined && b >= lo && b <= hi
  }
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0
  return 0
}

const utf8 = new TextDecoder('utf-8')
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Bytes as text: UTF-8 where it is UTF-8, each other byte kept as its escape. Linear in the input. */
export function decodeNative(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    // Not UTF-8 throughout: decoded run by run below.
  }
  const parts: string[] = []
  let escapes: number[] = []
  let run = 0
  let i = 0
  const flushEscapes = (): void => {
    if (escapes.length > 0) parts.push(String.fromCharCode(...escapes))
    escapes = []
  }
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i)
    if (n > 0) {
      if (run === i) flushEscapes()
      i += n
      continue
    }
    if (run < i) parts.push(utf8.decode(bytes.subarray(run, i)))
    escapes.push(0xdc00 + (bytes[i] ?? 0))
    // Spread arguments have a limit: long runs of foreign bytes go out in slices.
    if (escapes.length >= 4096) flushEscapes()
    i += 1
    run = i
  }
  flushEscapes()
  if (run < bytes.length) parts.push(utf8.decode(bytes.subarray(run)))
  return parts.join('')
}

const encoder = new TextEncoder()
const isHigh = (u: number): boolean => u >= 0xd800 && u <= 0xdbff
const isLow = (u: number): boolean => u >= 0xdc00 && u <= 0xdfff

/** The bytes `decodeNative` read: escapes back to their byte, the rest as UTF-8 (a lone surrogate as U+FFFD). */
export function encodeNative(text: string): Uint8Array {
  if (!hasEscapedBytes(text)) return encoder.encode(text)
  const out = new Uint8Array(text.length * 3)
  let at = 0
  const put = (...bytes: number[]): void => {
    for (const b of bytes) out[at++] = b
  }
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i)
    if (u < 0x80) put(u)
    else if (u < 0x800) put(0xc0 | (u >> 6), 0x80 | (u & 0x3f))
    else if (isHigh(u) && isLow(text.charCodeAt(i + 1))) {
      const cp = 0x10000 + ((u - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00)
      put(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
    } else if (u >= 0xdc80 && u <= 0xdcff) put(u - 0xdc00)
    else if (isHigh(u) || isLow(u)) put(0xef, 0xbf, 0xbd)
    else put(0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f))
  }
  return out.slice(0, at)
}

const HEX = Array.from({ length: 256 }, (_, b) => `\\x${b.toString(16).padStart(2, '0')}`)

/** How a name shows to a person: each byte that was not UTF-8 as `\xNN`. */
export function showNative(text: string): string {
  if (!hasEscapedBytes(text)) return text
  return text.replace(ESCAPED, (c) => HEX[c.charCodeAt(0) - 0xdc00] ?? c)
}
