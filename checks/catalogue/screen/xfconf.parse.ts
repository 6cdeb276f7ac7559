/**
 * Pure parser for an xfconf channel file as xfconfd writes it
 * (`~/.config/xfce4/xfconf/xfce-perchannel-xml/<channel>.xml`):
 *
 *   <channel name="xfce4-screensaver" version="1.0">
 *     <property name="lock" type="empty">
 *       <property name="enabled" type="bool" value="true"/>
 *     </property>
 *   </channel>
 *
 * Nested property names join into paths (`/lock/enabled`). Only what a scalar setting needs is read:
 * one forward scan over the tags, no entities beyond the five XML ones, no DTDs. Linear, capped, every
 * failure a value.
 */
import { failed, ok, type Result } from '../../core/host/result.js'

/** xfconfd's files are a few KiB; a bigger one is refused rather than scanned. */
export const MAX_XFCONF_BYTES = 1024 * 1024
/** Deeper nesting than any real channel has; past it the file is not one xfconfd wrote. */
const MAX_DEPTH = 32
/** A tag longer than this is not one of xfconfd's. */
const MAX_TAG = 4096

export interface XfconfValue {
  type: string
  value: string
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const m of tag.matchAll(/([a-zA-Z-]{1,32})="([^"<]{0,2048})"/g)) {
    const [, key, raw] = m
    if (key === undefined || raw === undefined || found.has(key)) continue
    found.set(
      key,
      raw.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? ''),
    )
  }
  return found
}

/**
 * The scalar properties of one channel by path. Fails when the text is not that channel's file, is
 * too big, or its tags do not nest; a property without a value (type="empty", arrays) is left out.
 */
export function parseXfconfChannel(text: string, channel: string): Result<Map<string, XfconfValue>, string> {
  if (text.length > MAX_XFCONF_BYTES) return failed('file too big')
  const values = new Map<string, XfconfValue>()
  const path: string[] = []
  let inChannel = false
  let sawChannel = false
  let at = 0
  for (;;) {
    const open = text.indexOf('<', at)
    if (open < 0) break
    const close = text.indexOf('>', open)
    if (close < 0) return failed('unclosed tag')
    if (close - open > MAX_TAG) return failed('tag too long')
    at = close + 1
    const tag = text.slice(open + 1, close)
    if (tag.startsWith('?') || tag.startsWith('!--')) {
      // A comment may hold '>': skip to its real end.
      if (tag.startsWith('!--') && !tag.endsWith('--')) {
        const end = text.indexOf('-->', open + 4)
        if (end < 0) return failed('unclosed comment')
        at = end + 3
      }
      continue
    }
    if (tag.startsWith('!')) return failed('declarations are not read')
    const selfClosing = tag.endsWith('/')
    const name = /^\/?([a-zA-Z]{1,16})/.exec(tag)?.[1]
    if (tag.startsWith('/')) {
      if (name === 'property') {
        if (path.length === 0) return failed('tags do not nest')
        path.pop()
      } else if (name === 'channel') inChannel = false
      continue
    }
    if (name === 'channel') {
      if (sawChannel) return failed('more than one channel')
      if (attributes(tag).get('name') !== channel) return failed(`not the ${channel} channel`)
      sawChannel = true
      inChannel = !selfClosing
      continue
    }
    if (name !== 'property' || !inChannel) continue
    const attrs = attributes(tag)
    const propName = attrs.get('name')
    if (propName === undefined || propName === '' || propName.includes('/')) return failed('a property without a valid name')
    const full = `/${[...path, propName].join('/')}`
    const type = attrs.get('type')
    const value = attrs.get('value')
    if (type !== undefined && value !== undefined && type !== 'empty' && type !== 'array') values.set(full, { type, value })
    if (!selfClosing) {
      if (path.length >= MAX_DEPTH) return failed('nested too deep')
      path.push(propName)
    }
  }
  if (!sawChannel) return failed('no channel element')
  if (path.length > 0) return failed('tags do not nest')
  return ok(values)
}

/** An xfconf boolean as xfconfd writes it; undefined when the property is not a bool. */
export function xfconfBool(v: XfconfValue | undefined): boolean | undefined {
  if (v?.type !== 'bool') return undefined
  if (v.value === 'true') return true
  if (v.value === 'false') return false
  return undefined
}

/** An xfconf integer (`int`, `uint`, and the `double` xfce4-screensaver's settings dialog may write). */
export function xfconfInt(v: XfconfValue | undefined): number | undefined {
  if (v === undefined || !['int', 'uint', 'int64', 'uint64', 'double'].includes(v.type)) return undefined
  const m = /^\s*(-?\d{1,9})(?:\.\d{1,9})?\s*$/.exec(v.value)
  return m?.[1] === undefined ? undefined : Number(m[1])
}
