import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseXfconfChannel, xfconfBool, xfconfInt } from '../../../../checks/catalogue/screen/xfconf.parse.js'

const fixture = (p: string): string => readFileSync(fileURLToPath(new URL(`../../../fixtures/screen.lock/${p}`, import.meta.url)), 'utf8')
const CHANNEL = 'xfce4-screensaver'
const wrap = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<channel name="${CHANNEL}" version="1.0">\n${body}\n</channel>\n`

describe('parseXfconfChannel', () => {
  it('joins nested property names into paths and leaves out empty and array properties', () => {
    const parsed = parseXfconfChannel(fixture('linux/xfce4-screensaver-10min.xml'), CHANNEL)
    expect(parsed.ok && Object.fromEntries(parsed.value)).toEqual({
      '/saver/mode': { type: 'int', value: '2' },
      '/saver/idle-activation/delay': { type: 'int', value: '10' },
      '/lock/saver-activation/delay': { type: 'int', value: '1' },
    })
  })
  it('decodes the XML entities in values and skips comments holding tags', () => {
    const parsed = parseXfconfChannel(
      wrap('<!-- <property name="x" type="int" value="9"/> -->\n<property name="cmd" type="string" value="a &amp;&lt;b&gt;"/>'),
      CHANNEL,
    )
    expect(parsed.ok && [...parsed.value]).toEqual([['/cmd', { type: 'string', value: 'a &<b>' }]])
  })
  it.each([
    ['', 'an empty file'],
    ['<channel name="xfce4-panel" version="1.0"></channel>', 'another channel'],
    ['<channel name="xfce4-screensaver"><property name="a" type="empty">', 'unclosed properties'],
    ['<channel name="xfce4-screensaver"></property></channel>', 'a close without an open'],
    ['<channel name="xfce4-screensaver"><property name="a" type="int" value="1"', 'an unclosed tag'],
    [wrap('<property name="a/b" type="int" value="1"/>'), 'a name with a slash'],
    [wrap('<property type="int" value="1"/>'), 'a property without a name'],
    ['<!DOCTYPE x [<!ENTITY a "b">]><channel name="xfce4-screensaver"/>', 'a DTD'],
    [`${wrap('')}<channel name="xfce4-screensaver"></channel>`, 'two channels'],
    ['not xml at all', 'plain text'],
  ])('refuses %j (%s)', (text) => {
    expect(parseXfconfChannel(text, CHANNEL).ok).toBe(false)
  })
  it('refuses a 4 MiB file and a 4 MiB tag without scanning them', () => {
    expect(parseXfconfChannel(wrap(`<property name="a" type="string" value="${'x'.repeat(4 * 1024 * 1024)}"/>`), CHANNEL).ok).toBe(false)
    expect(parseXfconfChannel(`<channel name="${CHANNEL}" ${'a'.repeat(900_000)}>`, CHANNEL).ok).toBe(false)
  })
  it('stays linear on many small tags and refuses nesting past its cap', () => {
    const many = wrap('<property name="a" type="int" value="1"/>\n'.repeat(20_000))
    const start = Date.now()
    expect(parseXfconfChannel(many, CHANNEL).ok).toBe(true)
    expect(Date.now() - start).toBeLessThan(2000)
    const deep = wrap(`${'<property name="a" type="empty">'.repeat(40)}${'</property>'.repeat(40)}`)
    expect(parseXfconfChannel(deep, CHANNEL).ok).toBe(false)
  })
  it('keeps hostile bytes in values as text, never as structure', () => {
    const parsed = parseXfconfChannel(wrap('<property name="x" type="string" value="\u001b[2J\u0000"/>'), CHANNEL)
    expect(parsed.ok && parsed.value.get('/x')?.value).toBe('\u001b[2J\u0000')
  })
})

describe('xfconf values', () => {
  it.each([
    [{ type: 'bool', value: 'true' }, true],
    [{ type: 'bool', value: 'false' }, false],
    [{ type: 'bool', value: '1' }, undefined],
    [{ type: 'int', value: 'true' }, undefined],
    [undefined, undefined],
  ])('bool %j is %s', (v, want) => {
    expect(xfconfBool(v)).toBe(want)
  })
  it.each([
    [{ type: 'int', value: '5' }, 5],
    [{ type: 'uint', value: '0' }, 0],
    [{ type: 'double', value: '10.000000' }, 10],
    [{ type: 'int', value: '-1' }, -1],
    [{ type: 'string', value: '5' }, undefined],
    [{ type: 'int', value: '5 minutes' }, undefined],
    [{ type: 'int', value: '9'.repeat(20) }, undefined],
  ])('int %j is %s', (v, want) => {
    expect(xfconfInt(v)).toBe(want)
  })
})
