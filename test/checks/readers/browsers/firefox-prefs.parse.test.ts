import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePrefs } from '../../../../checks/readers/browsers/firefox-prefs.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const realPrefsJs = readFileSync(
  path.join(__dirname, '../../../fixtures/dns.firefox/linux/home/alex/.config/mozilla/firefox/khbt3iio.work/prefs.js'),
  'utf8',
)

describe('parsePrefs', () => {
  it('reads the prefs.js that firefox-esr wrote, every statement and no skips', () => {
    const r = parsePrefs(realPrefsJs)
    expect(r.skipped).toEqual([])
    expect(r.prefs.get('network.trr.mode')).toMatchObject({ value: 3, kind: 'user_pref', line: 36 })
    expect(r.prefs.get('network.trr.uri')?.value).toBe('https://dns.quad9.net/dns-query')
    // Escaped JSON inside a string survives intact.
    expect(String(r.prefs.get('browser.uiCustomization.state')?.value)).toContain('{"placements":')
  })

  it.each([
    ['double-quoted string', 'user_pref("a", "x");', 'x'],
    ['single-quoted string', "user_pref('a', 'x');", 'x'],
    ['escaped quote and backslash', 'user_pref("a", "say \\"hi\\" \\\\ ok");', 'say "hi" \\ ok'],
    ['\\n \\r \\x, \\u and surrogate-pair escapes', 'user_pref("a", "1\\n2\\r3\\x41\\u00e9\\ud83d\\ude00");', '1\n2\r3Aé\u{1f600}'],
    ['negative int', 'user_pref("a", -5);', -5],
    ['plus int', 'user_pref("a", +7);', 7],
    ['true', 'user_pref("a", true);', true],
    ['false', 'user_pref("a",false);', false],
    ['pref() form', 'pref("a", 2);', 2],
    ['sticky_pref() form', 'sticky_pref("a", 3);', 3],
    ['lockPref() form', 'lockPref("a", 5);', 5],
    ['a sign apart from its digits', 'user_pref("a", - 6);', -6],
    ['the 32-bit limits', 'user_pref("a", -2147483648);', -2147483648],
    ['statement spanning lines', 'user_pref(\n  "a",\n  9\n);', 9],
  ])('parses %s', (_name, text, value) => {
    const r = parsePrefs(text)
    expect(r.skipped).toEqual([])
    expect(r.prefs.get('a')?.value).toEqual(value)
  })

  it('ignores //, /* */ and # comments, including a pref inside a comment', () => {
    const r = parsePrefs('// user_pref("a", 1);\n/* user_pref("a", 2);\n */\n# user_pref("a", 3);\nuser_pref("b", 4); // trailing\n')
    expect(r.prefs.has('a')).toBe(false)
    expect(r.prefs.get('b')).toMatchObject({ value: 4, line: 5 })
  })

  it('lets the last assignment win and reports its line', () => {
    const r = parsePrefs('user_pref("a", 1);\nuser_pref("a", 2);\n')
    expect(r.prefs.get('a')).toMatchObject({ value: 2, line: 2 })
  })

  // Firefox drops tokens through the next ';' after any error (modules/libpref/parser/src/lib.rs, error_and_recover):
  // the valid statement after a truncated one is never applied, and is reported with it.
  it.each([
    ['a truncated statement', 'user_pref("network.trr.mode", \n'],
    ['a missing semicolon', 'user_pref("network.trr.mode", 2)\n'],
    ['an unknown word', 'garbage\n'],
    ['a stray byte', '\u00e9\n'],
  ])('lets %s swallow the statement after it, as Firefox does', (_name, damage) => {
    const r = parsePrefs(`${damage}user_pref("network.trr.uri", "https://x.example/");\nuser_pref("ok", 1);\n`)
    expect(r.skipped).toHaveLength(1)
    expect(r.skipped[0]).toMatchObject({ line: 1 })
    expect(r.skipped[0]?.text).toContain('network.trr.uri')
    expect(r.prefs.has('network.trr.uri')).toBe(false)
    expect(r.prefs.get('ok')?.value).toBe(1)
  })

  it('reads attributes in a default-pref file and refuses them in a user file', () => {
    expect(parsePrefs('pref("a", 4, locked);\npref("b", 5, sticky);\n', 'default').entries).toMatchObject([
      { name: 'a', value: 4, locked: true },
      { name: 'b', value: 5 },
    ])
    const user = parsePrefs('user_pref("a", 4, locked);\nuser_pref("b", 5);\n')
    expect(user.prefs.has('a')).toBe(false)
    expect(user.prefs.get('b')?.value).toBe(5)
  })

  it('stops at a NUL, as Firefox does', () => {
    const r = parsePrefs('user_pref("a", 1);\n\0user_pref("b", 2);\n')
    expect([...r.prefs.keys()]).toEqual(['a'])
    expect(r.skipped).toEqual([])
  })

  it('skips a file cut off inside a string', () => {
    const r = parsePrefs('user_pref("a", 1);\nuser_pref("b", "unterminated')
    expect(r.prefs.get('a')?.value).toBe(1)
    expect(r.skipped).toHaveLength(1)
    expect(r.skipped[0]?.line).toBe(2)
  })

  it.each([
    ['float', 'user_pref("a", 1.5);'],
    ['int out of 32-bit range', 'user_pref("a", 99999999999);'],
    ['unknown keyword lock_pref', 'lock_pref("a", 1);'],
    ['a \\t escape Firefox refuses', 'user_pref("a", "1\\t2");'],
    ['a \\x00 escape', 'user_pref("a", "\\x00");'],
    ['a lone surrogate', 'user_pref("a", "\\udc00");'],
    ['a number run into a word', 'user_pref("a", 12ab);'],
    ['int past the 32-bit range', 'user_pref("a", 2147483648);'],
    ['bare word value', 'user_pref("a", yes);'],
    ['bad escape', 'user_pref("a", "\\q");'],
  ])('counts %s as skipped, not fatal', (_name, text) => {
    const r = parsePrefs(`${text}\nuser_pref("ok", 1);\n`)
    expect(r.prefs.has('a')).toBe(false)
    expect(r.prefs.get('ok')?.value).toBe(1)
    expect(r.skipped.length).toBeGreaterThanOrEqual(1)
  })

  it('survives binary garbage and keeps the statements after the ; that ends it', () => {
    // Quotes and comment openers open a string or comment, and NUL ends the file, as they do for Firefox; see below.
    const garbage = String.fromCharCode(
      ...Array.from({ length: 512 }, (_, i) => (i * 37) % 256).filter(
        (c) => c !== 0 && c !== 59 && !'"\'/#*'.includes(String.fromCharCode(c)),
      ),
    )
    const r = parsePrefs(`${garbage};\nuser_pref("network.trr.mode", 3);\n${garbage}`)
    expect(r.prefs.get('network.trr.mode')?.value).toBe(3)
    expect(r.skipped.length).toBe(2)
    expect(r.skipped.every((s) => s.text.length <= 200)).toBe(true)
  })

  it('counts a missing semicolon at the end of the file as skipped, not fatal', () => {
    const r = parsePrefs('user_pref("ok", 1);\nuser_pref("a", 1)')
    expect(r.prefs.get('ok')?.value).toBe(1)
    expect(r.skipped).toMatchObject([{ line: 2 }])
  })

  it('lets garbage that opens a string swallow what follows, and reports it instead of crashing', () => {
    const r = parsePrefs('user_pref("a", 1);\n\u0001"\u0002\nuser_pref("network.trr.mode", 3);\n')
    expect(r.prefs.get('a')?.value).toBe(1)
    expect(r.prefs.has('network.trr.mode')).toBe(false)
    expect(r.skipped[0]?.line).toBe(2)
  })

  it('tolerates a leading byte-order mark and CRLF line ends', () => {
    const r = parsePrefs('\uFEFFuser_pref("a", 1);\r\nuser_pref("b", 2);\r\n')
    expect(r.prefs.get('b')).toMatchObject({ value: 2, line: 2 })
    expect(r.skipped).toEqual([])
  })

  it('parses every pref of a large file, in time linear in its size', () => {
    const prefs = (scale: number): string => Array.from({ length: 12_500 * scale }, (_, i) => `user_pref("p${i}", ${i});`).join('\n')
    expect(parsePrefs(prefs(4)).prefs.size).toBe(50_000)
    expectLinearTime(prefs, parsePrefs)
  })
})
