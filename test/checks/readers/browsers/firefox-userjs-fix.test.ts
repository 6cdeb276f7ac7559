/**
 * The shared Firefox user.js fix: the appended text (parsed back with Firefox's rules), whether the lines would decide
 * by Firefox's precedence (policies, locked defaults, AutoConfig), and the offer's words, change and blocker.
 */
import { describe, expect, it } from 'vitest'
import { parseAutoConfig } from '../../../../checks/readers/browsers/firefox-autoconfig.parse.js'
import { parsePrefs } from '../../../../checks/readers/browsers/firefox-prefs.parse.js'
import type { PolicyPref, PrefFile, PrefInputs } from '../../../../checks/readers/browsers/firefox-prefs.verdict.js'
import { userJsOffer, userJsSettles, userJsWith, type UserPref } from '../../../../checks/readers/browsers/firefox-userjs-fix.verdict.js'
import { t as fixWords } from '../../../../checks/core/fix/messages.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const PREFS: UserPref[] = [
  { name: 'privacy.globalprivacycontrol.enabled', value: true },
  { name: 'network.cookie.cookieBehavior', value: 5 },
  { name: 'browser.contentblocking.category', value: 'strict' },
]
const BLOCK =
  'user_pref("privacy.globalprivacycontrol.enabled", true);\nuser_pref("network.cookie.cookieBehavior", 5);\nuser_pref("browser.contentblocking.category", "strict");\n'

describe('userJsWith', () => {
  it.each([
    ['no file', null],
    ['an empty file', ''],
    ['a file without a final newline', 'user_pref("a", 1);'],
    ['a file with a comment and an older value', '// mine\nuser_pref("network.cookie.cookieBehavior", 0);\n'],
  ])('appends the lines to %s, keeping every byte before them; a second run changes nothing', (_name, old) => {
    const r = userJsWith(old, PREFS, '/p/user.js')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.startsWith(old ?? '')).toBe(true)
    expect(r.value.endsWith(BLOCK)).toBe(true)
    expect(userJsWith(r.value, PREFS, '/p/user.js')).toEqual({ ok: true, value: r.value })
  })

  it.each([
    ['an unclosed comment', 'user_pref("a", 1);\n/* note'],
    ['an unclosed string', 'user_pref("a", "x'],
    ['a NUL byte (Firefox stops reading there)', 'user_pref("a", 1);\n\u0000'],
  ])('refuses a file that ends in %s: Firefox would not read the new lines', (_name, old) => {
    expect(userJsWith(old, PREFS, '/p/user.js')).toMatchObject({
      ok: false,
      reason: { key: 'browsers.firefox.userJs.damaged', params: { path: '/p/user.js' } },
    })
  })

  it('keeps hostile bytes before the lines as they were (control characters, escapes)', () => {
    const old = 'user_pref("x", "\\u001b[2J");\n// \u001b]0;title\u0007\n'
    const r = userJsWith(old, PREFS, '/p/user.js')
    expect(r).toEqual({ ok: true, value: old + BLOCK })
  })

  it('stays linear on a 4 MiB user.js', () => {
    const userJs = (scale: number): string => 'user_pref("x", 1);\n'.repeat(50_000 * scale)
    expect(userJsWith(userJs(4), PREFS, '/p/user.js').ok).toBe(true)
    expectLinearTime(userJs, (text) => userJsWith(text, PREFS, '/p/user.js'))
  })
})

const file = (path: string, text: string, kind: 'user' | 'default' = 'user'): PrefFile => ({
  state: 'read',
  path,
  parsed: parsePrefs(text, kind),
})
const ABSENT: PrefFile = { state: 'absent', path: '/p/user.js' }
const inputs = (over: Partial<PrefInputs> = {}): PrefInputs => ({
  userJs: ABSENT,
  prefsJs: file('/p/prefs.js', 'user_pref("network.cookie.cookieBehavior", 0);\n'),
  policy: new Map(),
  ...over,
})
const policy = (entries: Record<string, Omit<PolicyPref, 'source' | 'via'>>): Map<string, PolicyPref> =>
  new Map(Object.entries(entries).map(([k, v]) => [k, { ...v, source: '/etc/firefox/policies/policies.json', via: 'Preferences' }]))
const admin = (defaults: string, autoconfig?: string): NonNullable<PrefInputs['admin']> => ({
  install: '/usr/lib/firefox-esr',
  defaults: [file('/usr/lib/firefox-esr/defaults/pref/local.js', defaults, 'default')],
  ...(autoconfig !== undefined
    ? {
        autoconfig: {
          state: 'read' as const,
          path: '/usr/lib/firefox-esr/mozilla.cfg',
          parsed: parseAutoConfig(`// Firefox skips the first line\n${autoconfig}`),
        },
      }
    : {}),
})

describe('userJsSettles: would the appended lines decide, by Firefox precedence?', () => {
  const cookies = 'network.cookie.cookieBehavior'
  it.each<[string, boolean, () => PrefInputs[]]>([
    ['no user.js, prefs.js says otherwise (user.js is read after it)', true, () => [inputs()]],
    ['a user.js that sets another value earlier', true, () => [inputs({ userJs: file('/p/user.js', `user_pref("${cookies}", 0);\n`) })]],
    [
      'an unlocked policy default (the user value wins over it)',
      true,
      () => [inputs({ policy: policy({ [cookies]: { value: 0, locked: false } }) })],
    ],
    ['a locked policy', false, () => [inputs({ policy: policy({ [cookies]: { value: 0, locked: true } }) })]],
    [
      'a policy that sets the user value (Status "user")',
      false,
      () => [inputs({ policy: policy({ [cookies]: { value: 0, locked: false, effect: 'user' } }) })],
    ],
    [
      'a policy that clears the user value (Status "clear")',
      false,
      () => [inputs({ policy: policy({ [cookies]: { locked: false, effect: 'clear' } }) })],
    ],
    ['a locked default-pref file', false, () => [inputs({ admin: admin(`pref("${cookies}", 0, locked);\n`) })]],
    ['an unlocked default-pref file', true, () => [inputs({ admin: admin(`pref("${cookies}", 0);\n`) })]],
    ['AutoConfig pref() (runs after user.js)', false, () => [inputs({ admin: admin('', `pref("${cookies}", 0);\n`) })]],
    ['AutoConfig lockPref()', false, () => [inputs({ admin: admin('', 'lockPref("privacy.globalprivacycontrol.enabled", false);\n') })]],
    ['AutoConfig code Bulwark cannot follow', false, () => [inputs({ admin: admin('', `if (x) { pref("${cookies}", 0); }\n`) })]],
    ['AutoConfig about other prefs only', true, () => [inputs({ admin: admin('', 'lockPref("app.update.auto", false);\n') })]],
    [
      'a user.js lockPref() for the pref (a default, not a user value: unknown)',
      false,
      () => [inputs({ userJs: file('/p/user.js', `lockPref("${cookies}", 0);\n`) })],
    ],
    ['an unreadable user.js', false, () => [inputs({ userJs: { state: 'unreadable', path: '/p/user.js', reason: fixWords('kindFile') } })]],
    [
      'two installations, one of them locks it',
      false,
      () => [inputs({ admin: admin('') }), inputs({ admin: admin(`pref("${cookies}", 1, locked);\n`) })],
    ],
    ['no variant at all', false, () => []],
  ])('%s → %s', (_name, expected, variants) => {
    expect(userJsSettles(variants(), PREFS)).toBe(expected)
  })
})

describe('userJsOffer', () => {
  const words = {
    key: 'k:/home/a/p',
    prefs: PREFS,
    title: fixWords('kindFile'),
    protects: fixWords('kindDir'),
    mayBreak: [fixWords('kindOther')],
  }

  it('edits the profile user.js, says to close Firefox and what undo leaves, and waits for a running Firefox (Linux, macOS)', () => {
    const o = userJsOffer({ path: '/home/a/p', name: 'default' }, words)
    expect(o.key).toBe('k:/home/a/p')
    expect(o.mayBreak.map((m) => m.key)).toEqual([
      'browsers.firefox.userJs.mayBreakClose',
      'fix.kindOther',
      'browsers.firefox.userJs.mayBreakUndo',
    ])
    expect(o.mayBreak[2]?.params).toEqual({ prefs: PREFS.map((p) => p.name).join(', ') })
    expect(o.changes).toMatchObject([{ kind: 'edit-text', path: '/home/a/p/user.js', createMode: 0o644 }])
    expect(o.blockers).toEqual([
      {
        path: '/home/a/p/lock',
        whileRunning: ['firefox', 'firefox-esr', 'firefox-bin'],
        linkEndsInPid: true,
        reason: expect.objectContaining({ key: 'browsers.firefox.userJs.running', params: { name: 'default' } }),
      },
    ])
    const change = o.changes[0]
    expect(change?.kind === 'edit-text' ? change.edit(null) : undefined).toEqual({ ok: true, value: BLOCK })
  })

  it('uses the Windows separator and has no lock link to wait for there', () => {
    const o = userJsOffer({ path: 'C:\\Users\\a\\p' }, words)
    expect(o.changes).toMatchObject([{ path: 'C:\\Users\\a\\p\\user.js' }])
    expect(o.blockers).toBeUndefined()
  })
})
