import { describe, expect, it } from 'vitest'
import { DEFAULT_OBSCURE_VALUE, decodeAutoConfig, parseAutoConfig } from '../../../../checks/readers/browsers/firefox-autoconfig.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const FIRST = '// IMPORTANT: Start your code on the 2nd line\n'

describe('parseAutoConfig: plain top-level calls are read', () => {
  it.each([
    ['lockPref with an int', 'lockPref("network.trr.mode", 0);', [{ fn: 'lockPref', name: 'network.trr.mode', value: 0, line: 2 }]],
    [
      'pref with a string in single quotes',
      "pref('network.trr.uri', 'https://dns.example/q');",
      [{ fn: 'pref', name: 'network.trr.uri', value: 'https://dns.example/q', line: 2 }],
    ],
    ['defaultPref with a negative int', 'defaultPref("x.y", -5);', [{ fn: 'defaultPref', name: 'x.y', value: -5, line: 2 }]],
    [
      'a boolean value',
      'lockPref("network.trr.strict_native_fallback", true);',
      [{ fn: 'lockPref', name: 'network.trr.strict_native_fallback', value: true, line: 2 }],
    ],
    [
      'clearPref and unlockPref take no value',
      'clearPref("network.trr.mode");\nunlockPref("network.trr.mode");',
      [
        { fn: 'clearPref', name: 'network.trr.mode', line: 2 },
        { fn: 'unlockPref', name: 'network.trr.mode', line: 3 },
      ],
    ],
    [
      'no semicolons (automatic semicolon insertion)',
      'lockPref("a", 1)\nlockPref("network.trr.mode", 3)\n',
      [
        { fn: 'lockPref', name: 'a', value: 1, line: 2 },
        { fn: 'lockPref', name: 'network.trr.mode', value: 3, line: 3 },
      ],
    ],
    ['an escaped quote in a string', 'pref("a", "say \\"hi\\"");', [{ fn: 'pref', name: 'a', value: 'say "hi"', line: 2 }]],
    [
      'comments and a call after a closed block',
      '/* c\n */ if (x) { foo(); }\nlockPref("network.trr.mode", 2); // note',
      [{ fn: 'lockPref', name: 'network.trr.mode', value: 2, line: 4 }],
    ],
  ] as const)('%s', (_name, body, ops) => {
    const r = parseAutoConfig(FIRST + body)
    expect(r.opaque).toEqual([])
    expect(r.ops).toEqual(ops)
  })

  it('skips the first line even when it holds a call (Firefox skips it unparsed)', () => {
    const r = parseAutoConfig('lockPref("network.trr.mode", 0);\nlockPref("network.trr.mode", 3);\n')
    expect(r.ops).toEqual([{ fn: 'lockPref', name: 'network.trr.mode', value: 3, line: 2 }])
  })

  it('skips a first line ending in CRLF and counts lines from the file start', () => {
    const r = parseAutoConfig('//\r\n\r\nlockPref("network.trr.mode", 5);\r\n')
    expect(r.ops).toEqual([{ fn: 'lockPref', name: 'network.trr.mode', value: 5, line: 3 }])
  })

  it('reads nothing from a file that is only its first line', () => {
    expect(parseAutoConfig('lockPref("network.trr.mode", 0);')).toEqual({ ops: [], opaque: [] })
  })
})

describe('parseAutoConfig: what it cannot evaluate is reported, never guessed', () => {
  it.each([
    ['a condition', 'if (getenv("USER") == "bob") lockPref("network.trr.mode", 0);', 'conditional', 'network.trr.mode'],
    ['a block', 'try {\n  lockPref("network.trr.mode", 0);\n} catch (e) {}', 'conditional', 'network.trr.mode'],
    ['a loop', 'for (var i = 0; i < 2; i++) { pref("network.trr.mode", i); }', 'computed', 'network.trr.mode'],
    ['a computed value', 'lockPref("network.trr.mode", getenv("MODE"));', 'computed', 'network.trr.mode'],
    ['a computed name', 'var n = "x"; lockPref(n, 0);', 'computed', undefined],
    ['a template-string name', 'lockPref(`network.trr.mode`, 0);', 'computed', undefined],
    ['a redefined function', 'function lockPref(a, b) {}\nlockPref("network.trr.mode", 3);', 'redefined', undefined],
    ['another pref API naming a DoH pref', 'Services.prefs.setIntPref("network.trr.mode", 0);', 'mentions', undefined],
    ['a remote config URL', 'pref("autoadmin.global_config_url", "https://example.com/c.js");', 'remote', undefined],
    ['an else branch', 'if (x) {} else lockPref("network.trr.mode", 0);', 'conditional', 'network.trr.mode'],
    ['a reassigned function', 'pref = function () {};\npref("network.trr.mode", 3);', 'redefined', undefined],
    ['a second call joined with &&', 'lockPref("a", 1) && lockPref("network.trr.mode", 0);', 'conditional', 'network.trr.mode'],
  ] as const)('%s', (_name, body, why, prefName) => {
    const r = parseAutoConfig(FIRST + body)
    const first = r.opaque.find((o) => o.why === why && (prefName === undefined || o.prefName === prefName))
    expect(first).toBeDefined()
    expect(first?.prefName).toBe(prefName)
    expect(first?.line).toBeGreaterThanOrEqual(2)
    expect(r.ops.find((o) => o.name === 'network.trr.mode' && why !== 'redefined')).toBeUndefined()
  })

  it.each([
    ['an unterminated string that names a DoH pref', 'lockPref("network.trr.mode, 0);', [{ why: 'unparseable', line: 2 }]],
    ['an unterminated comment that names a DoH pref', 'lockPref("a", 1);\n/* network.trr.mode', [{ why: 'unparseable', line: 3 }]],
    ['truncated mid-call (no closing parenthesis)', 'lockPref("network.trr.mode", 0', [{ why: 'computed', line: 2 }]],
  ] as const)('%s', (_name, body, expected) => {
    const r = parseAutoConfig(FIRST + body)
    expect(r.opaque.map((o) => ({ why: o.why, line: o.line }))).toEqual(expected)
  })

  it('ignores unparseable text that names no DoH pref (Firefox refuses it whole; nothing about DoH)', () => {
    expect(parseAutoConfig(FIRST + 'pref("a", "unterminated);').opaque).toEqual([])
  })

  it('binary garbage gives no ops and no crash', () => {
    const garbage = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256))
    const r = parseAutoConfig(garbage)
    expect(r.ops).toEqual([])
  })

  it('reads a huge file of plain calls to its last line, in time linear in its size', () => {
    const calls = (scale: number): string => FIRST + 'pref("some.pref", 1);\n'.repeat(25_000 * scale) + 'lockPref("network.trr.mode", 0);\n'
    const r = parseAutoConfig(calls(4))
    expect(r.ops.at(-1)).toEqual({ fn: 'lockPref', name: 'network.trr.mode', value: 0, line: 100_002 })
    expectLinearTime(calls, parseAutoConfig)
  })
})

describe('decodeAutoConfig', () => {
  const encode = (s: string, by: number): Uint8Array => new TextEncoder().encode(s).map((b) => (b + by) & 0xff)

  it('undoes the default 13-byte shift', () => {
    const text = '//\nlockPref("network.trr.mode", 0);\n'
    expect(decodeAutoConfig(encode(text, DEFAULT_OBSCURE_VALUE), DEFAULT_OBSCURE_VALUE)).toBe(text)
  })

  it('leaves the bytes alone with obscure_value 0', () => {
    expect(decodeAutoConfig(new TextEncoder().encode('//\npref("a", 1);'), 0)).toBe('//\npref("a", 1);')
  })

  it('a plain file read with the default shift turns to garbage, so nothing is read from it', () => {
    const r = parseAutoConfig(
      decodeAutoConfig(new TextEncoder().encode(FIRST + 'lockPref("network.trr.mode", 0);\n'), DEFAULT_OBSCURE_VALUE),
    )
    expect(r.ops).toEqual([])
  })
})
