/**
 * The prefs parser recovers from damage exactly as the real firefox-esr does. Each case is a damaged
 * user.js; firefox-esr reads it on a headless run and writes every user value it applied into
 * prefs.js, which is the oracle: the user_pref() statements parsePrefs says were applied must be
 * exactly those firefox-esr saved, with the same values. The user.js is read as the Host reads it
 * (UTF-8 with replacement), so non-UTF-8 bytes are compared as a reader of Bulwark's evidence sees them.
 */
import { execFile, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parsePrefs, type PrefValue } from '../../checks/readers/browsers/firefox-prefs.parse.js'

const hasFirefox = spawnSync('sh', ['-c', 'command -v firefox-esr']).status === 0
if (!hasFirefox && process.env.CI) throw new Error('firefox-esr is missing, and CI must run this test (apt-get install firefox-esr)')

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))))

/** Damage between a first and a last good statement; names are unique per case, so nothing else sets them. */
const CASES: ReadonlyArray<[string, Buffer]> = [
  ['a statement without its semicolon swallows the next one', bytes('user_pref("bulwark.a", 1)\nuser_pref("bulwark.b", 2);\n')],
  ['an unfinished statement swallows the next one', bytes('user_pref("bulwark.a", \nuser_pref("bulwark.b", 2);\n')],
  ['an unknown word swallows the statement after it', bytes('garbage\nuser_pref("bulwark.b", 2);\n')],
  ['a Latin-1 byte outside a string', bytes([0xe9], '\nuser_pref("bulwark.b", 2);\nuser_pref("bulwark.c", 3);\n')],
  ['a Latin-1 byte inside a string value', bytes('user_pref("bulwark.s", "caf', [0xe9], '");\n')],
  ['an invalid UTF-8 sequence', bytes([0xc3, 0x28], ' user_pref("bulwark.b", 2);\nuser_pref("bulwark.c", 3);\n')],
  ['a \\t escape, which Firefox refuses', bytes('user_pref("bulwark.t", "a\\tb");\nuser_pref("bulwark.u", "a\\nb");\n')],
  ['a \\x00 escape', bytes('user_pref("bulwark.x", "\\x00");\nuser_pref("bulwark.y", "\\x41");\n')],
  ['a lone surrogate and a pair', bytes('user_pref("bulwark.l", "\\ud800");\nuser_pref("bulwark.p", "\\ud83d\\ude00");\n')],
  ['a NUL byte ends the file', bytes('user_pref("bulwark.a", 1);\n', [0], 'user_pref("bulwark.b", 2);\n')],
  ['a byte-order mark in the middle', bytes('user_pref("bulwark.a", 1);\n', [0xef, 0xbb, 0xbf], 'user_pref("bulwark.b", 2);\n')],
  [
    'attributes in a user file',
    bytes('user_pref("bulwark.a", 1, locked);\nuser_pref("bulwark.b", 2, sticky);\nuser_pref("bulwark.c", 3);\n'),
  ],
  [
    'ints at and past the 32-bit limits',
    bytes('user_pref("bulwark.max", 2147483647);\nuser_pref("bulwark.over", 2147483648);\nuser_pref("bulwark.min", -2147483648);\n'),
  ],
  ['a number run into a word, and a spaced sign', bytes('user_pref("bulwark.a", 12ab);\nuser_pref("bulwark.b", - 5);\n')],
  ['a lone slash', bytes('/ user_pref("bulwark.a", 1);\nuser_pref("bulwark.b", 2);\n')],
  [
    'carriage returns only, and comments of every kind',
    bytes('# c\ruser_pref("bulwark.a", 1);\r/* x\r*/user_pref("bulwark.b", 2); // y\r'),
  ],
  ['a keyword run into digits', bytes('user_pref2("bulwark.a", 1);\nuser_pref("bulwark.b", 2);\n')],
  [
    'pref(), sticky_pref() and lockPref() set no user value',
    bytes('pref("bulwark.a", 1);\nsticky_pref("bulwark.b", 2);\nlockPref("bulwark.c", 3);\n'),
  ],
  ['a float', bytes('user_pref("bulwark.f", 1.5);\nuser_pref("bulwark.g", 2);\n')],
  ['an unterminated string swallows the rest', bytes('user_pref("bulwark.a", "open);\nuser_pref("bulwark.b", 2);\n')],
  ['an unterminated comment swallows the rest', bytes('user_pref("bulwark.a", 1);\n/* open\nuser_pref("bulwark.b", 2);\n')],
]

const wrap = (body: Buffer): Buffer =>
  Buffer.concat([bytes('user_pref("bulwark.first", 1);\n'), body, bytes('\nuser_pref("bulwark.last", 1);\n')])

/** The user values a parse applied to bulwark.* prefs, last one winning. */
function userValues(text: string): Record<string, PrefValue> {
  const out: Record<string, PrefValue> = {}
  for (const e of parsePrefs(text, 'user').entries) if (e.kind === 'user_pref' && e.name.startsWith('bulwark.')) out[e.name] = e.value
  return out
}

const decode = (b: Buffer): string => new TextDecoder('utf-8').decode(b)

describe.skipIf(!hasFirefox)('prefs parser error recovery against the real firefox-esr', () => {
  let tmp: string
  const saved = new Map<string, Record<string, PrefValue>>()

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-ff-recovery-'))
    const home = path.join(tmp, 'home')
    mkdirSync(home)
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') }
    const run = promisify(execFile)
    // Two at a time: each run is a whole headless browser start.
    const queue = CASES.map(([name, body], i) => async (): Promise<void> => {
      const profile = path.join(tmp, `case-${i}`)
      mkdirSync(profile)
      writeFileSync(path.join(profile, 'user.js'), wrap(body))
      const shot = path.join(tmp, `case-${i}.png`)
      await run('firefox-esr', ['--headless', '--no-remote', '--profile', profile, '--screenshot', shot, 'about:blank'], {
        env,
        timeout: 30000,
      })
      saved.set(name, userValues(decode(readFileSync(path.join(profile, 'prefs.js')))))
    })
    const worker = async (): Promise<void> => {
      for (let job = queue.shift(); job; job = queue.shift()) await job()
    }
    await Promise.all([worker(), worker()])
  }, 120000)

  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it.each(CASES.map(([name, body]) => [name, body] as const))('%s', (name, body) => {
    const firefox = saved.get(name)
    expect(firefox?.['bulwark.first'], 'firefox-esr read the file at all').toBe(1)
    expect(userValues(decode(wrap(body)))).toEqual(firefox)
  })
})
