import { describe, expect, it } from 'vitest'
import { parseAutoConfig } from '../../../../checks/readers/browsers/firefox-autoconfig.parse.js'
import { assessProfile, fittingSteps, stepsFor } from '../../../../checks/catalogue/dns/firefox.verdict.js'
import type { AdminPrefs, AutoConfigFile, PolicyPref, PrefFile } from '../../../../checks/readers/browsers/firefox-prefs.verdict.js'
import { parsePrefs, type PrefFileKind } from '../../../../checks/readers/browsers/firefox-prefs.parse.js'
import { verbatim } from '../../../../checks/core/i18n/message.js'

const read = (path: string, text: string, kind: PrefFileKind = 'user'): PrefFile => ({
  state: 'read',
  path,
  parsed: parsePrefs(text, kind),
})
const userJs = (text: string): PrefFile => read('/p/user.js', text)
const prefsJs = (text: string): PrefFile => read('/p/prefs.js', text)
const none = (path: string): PrefFile => ({ state: 'absent', path })
const mode = (n: number): string => `user_pref("network.trr.mode", ${n});\n`
const uri = (u: string): string => `user_pref("network.trr.uri", "${u}");\n`
const policy = (entries: Record<string, Omit<PolicyPref, 'source' | 'via'>>): Map<string, PolicyPref> =>
  new Map(Object.entries(entries).map(([k, v]) => [k, { ...v, source: '/etc/firefox/policies/policies.json', via: 'DNSOverHTTPS' }]))
const NO_POLICY = new Map<string, PolicyPref>()

describe('assessProfile', () => {
  it.each([
    ['nothing set: built-in mode 0', none('/p/user.js'), none('/p/prefs.js'), NO_POLICY, 'fail', 'native'],
    ['prefs.js mode 2', none('/p/user.js'), prefsJs(mode(2)), NO_POLICY, 'warn', 'trr_first'],
    ['prefs.js mode 3, no uri: default provider', none('/p/user.js'), prefsJs(mode(3)), NO_POLICY, 'pass', 'trr_only_default_provider'],
    [
      'mode 3 with an https uri',
      none('/p/user.js'),
      prefsJs(mode(3) + uri('https://dns.quad9.net/dns-query')),
      NO_POLICY,
      'pass',
      'trr_only',
    ],
    ['mode 3 with an http uri', none('/p/user.js'), prefsJs(mode(3) + uri('http://dns.example/')), NO_POLICY, 'warn', 'trr_only_bad_uri'],
    ['user.js 3 beats prefs.js 2', userJs(mode(3)), prefsJs(mode(2)), NO_POLICY, 'pass', 'trr_only_default_provider'],
    ['user.js 2 beats prefs.js 3', userJs(mode(2)), prefsJs(mode(3)), NO_POLICY, 'warn', 'trr_first'],
    ['mode 1 is reserved', none('/p/user.js'), prefsJs(mode(1)), NO_POLICY, 'fail', 'reserved'],
    ['mode 4 is reserved', none('/p/user.js'), prefsJs(mode(4)), NO_POLICY, 'fail', 'reserved'],
    ['mode 5 is off by choice', none('/p/user.js'), prefsJs(mode(5)), NO_POLICY, 'fail', 'off_by_choice'],
    ['mode 7 is undefined', none('/p/user.js'), prefsJs(mode(7)), NO_POLICY, 'fail', 'invalid_mode'],
    // Both as firefox-esr 153 behaved: a mode written as text is refused and the value before it stands.
    [
      'a string mode is refused: the built-in mode 0 stands',
      none('/p/user.js'),
      prefsJs('user_pref("network.trr.mode", "3");'),
      NO_POLICY,
      'fail',
      'native',
    ],
    [
      'a string mode in user.js is refused: prefs.js mode 2 stands',
      userJs('user_pref("network.trr.mode", "3");'),
      prefsJs(mode(2)),
      NO_POLICY,
      'warn',
      'trr_first',
    ],
    ['mode 0 with rollout 2', none('/p/user.js'), prefsJs('user_pref("doh-rollout.mode", 2);'), NO_POLICY, 'warn', 'rollout_first'],
    [
      'policy default mode 2 (Enabled)',
      none('/p/user.js'),
      none('/p/prefs.js'),
      policy({ 'network.trr.mode': { value: 2, locked: false } }),
      'warn',
      'trr_first',
    ],
    [
      'unlocked policy 3 is overridden by user.js 2',
      userJs(mode(2)),
      none('/p/prefs.js'),
      policy({ 'network.trr.mode': { value: 3, locked: false } }),
      'warn',
      'trr_first',
    ],
    [
      'locked policy 3 beats user.js 2',
      userJs(mode(2)),
      prefsJs(mode(0)),
      policy({ 'network.trr.mode': { value: 3, locked: true } }),
      'pass',
      'trr_only_default_provider',
    ],
    [
      'locked policy 5 beats user.js 3',
      userJs(mode(3)),
      none('/p/prefs.js'),
      policy({ 'network.trr.mode': { value: 5, locked: true } }),
      'fail',
      'off_by_choice',
    ],
  ] as const)('%s → %s (%s)', (_name, u, p, pol, verdict, reason) => {
    const a = assessProfile(u, p, pol)
    expect([a.verdict, a.reason]).toEqual([verdict, reason])
  })

  it('reports where the effective value came from, with the line', () => {
    const a = assessProfile(userJs('// hand-made\n' + mode(3)), prefsJs(mode(2)), NO_POLICY)
    expect(a.mode).toEqual({ known: true, value: 3, origin: { kind: 'file', file: 'user.js', path: '/p/user.js', line: 2 } })
  })

  it('reports a locked policy as locked', () => {
    const a = assessProfile(
      none('/p/user.js'),
      none('/p/prefs.js'),
      policy({ 'network.trr.mode': { value: 3, locked: true }, 'network.trr.uri': { value: 'https://d.example/q', locked: true } }),
    )
    expect(a.mode).toMatchObject({ origin: { kind: 'policy', locked: true } })
    expect(a.uri).toMatchObject({ value: 'https://d.example/q' })
  })

  it('is unknown when prefs.js cannot be read and nothing above it decides', () => {
    const a = assessProfile(
      none('/p/user.js'),
      { state: 'unreadable', path: '/p/prefs.js', reason: verbatim('Permission denied') },
      NO_POLICY,
    )
    expect(a.verdict).toBe('unknown')
    expect(a.mode).toMatchObject({ known: false, path: '/p/prefs.js', cause: { kind: 'unreadable' } })
  })

  it('does not need an unreadable prefs.js when user.js decides', () => {
    const a = assessProfile(
      userJs(mode(3) + uri('https://d.example/q')),
      { state: 'unreadable', path: '/p/prefs.js', reason: verbatim('x') },
      NO_POLICY,
    )
    expect(a.verdict).toBe('pass')
  })

  it('is unknown when a damaged statement names the setting', () => {
    const a = assessProfile(none('/p/user.js'), prefsJs('user_pref("network.trr.mode", 2);\nuser_pref("network.trr.mode", '), NO_POLICY)
    expect(a.verdict).toBe('unknown')
    expect(a.mode).toMatchObject({ known: false, cause: { kind: 'damaged', line: 2 } })
  })

  it('ignores damage that does not touch DNS settings', () => {
    const a = assessProfile(none('/p/user.js'), prefsJs('user_pref("other", ;\n' + mode(2)), NO_POLICY)
    expect(a.verdict).toBe('warn')
  })

  // Firefox drops everything from a damaged statement through the next ';': the DNS setting after it is never applied.
  it.each([
    ['an unfinished statement', 'user_pref("other", \n'],
    ['a missing semicolon', 'user_pref("other", 1)\n'],
    ['an unknown word', 'garbage\n'],
  ])('does not credit a DNS setting that %s before it swallows', (_name, damage) => {
    const a = assessProfile(none('/p/user.js'), prefsJs(damage + mode(3)), NO_POLICY)
    expect(a.verdict).toBe('unknown')
  })

  it.each([
    ['pref()', 'pref'],
    ['sticky_pref()', 'sticky_pref'],
    ['lockPref()', 'lockPref'],
  ])('does not take %s in user.js for the user value it does not set', (_name, keyword) => {
    const a = assessProfile(userJs(`${keyword}("network.trr.mode", 3);\n`), none('/p/prefs.js'), NO_POLICY)
    expect(a.verdict).toBe('unknown')
  })
})

describe("assessProfile with the installation's default-pref files and AutoConfig", () => {
  const CFG = '/usr/lib/firefox-esr/mozilla.cfg'
  const defaults = (...files: [string, string][]): PrefFile[] => files.map(([path, text]) => read(path, text, 'default'))
  const cfg = (body: string): AutoConfigFile => ({ state: 'read', path: CFG, parsed: parseAutoConfig(`//\n${body}`) })
  const admin = (d: PrefFile[], autoconfig?: AutoConfigFile): AdminPrefs => ({
    install: '/usr/lib/firefox-esr',
    defaults: d,
    ...(autoconfig ? { autoconfig } : {}),
  })
  const AUTOCONFIG_JS = '/usr/lib/firefox-esr/defaults/pref/autoconfig.js'
  const U3 = userJs(mode(3))

  it.each([
    [
      'a default file pref() loses to user.js',
      admin(defaults([AUTOCONFIG_JS, 'pref("network.trr.mode", 0);'])),
      U3,
      NO_POLICY,
      'pass',
      { value: 3, origin: { file: 'user.js' } },
    ],
    [
      'a default file pref(…, locked) beats user.js',
      admin(defaults([AUTOCONFIG_JS, 'pref("network.trr.mode", 0, locked);'])),
      U3,
      NO_POLICY,
      'fail',
      { value: 0, origin: { file: 'default', path: AUTOCONFIG_JS, line: 1, locked: true } },
    ],
    [
      'the first lock holds against later default files',
      admin(defaults(['/a.js', 'pref("network.trr.mode", 2, locked);'], ['/b.js', 'pref("network.trr.mode", 3, locked);'])),
      U3,
      NO_POLICY,
      'warn',
      { value: 2, origin: { path: '/a.js' } },
    ],
    [
      'a later default file replaces an unlocked default',
      admin(defaults(['/a.js', 'pref("network.trr.mode", 2);'], ['/b.js', 'pref("network.trr.mode", 3);'])),
      none('/p/user.js'),
      NO_POLICY,
      'pass',
      { value: 3, origin: { path: '/b.js' } },
    ],
    [
      'AutoConfig lockPref() beats user.js and prefs.js',
      admin([], cfg('lockPref("network.trr.mode", 0);')),
      U3,
      NO_POLICY,
      'fail',
      { value: 0, origin: { file: 'autoconfig', path: CFG, line: 2, via: 'lockPref()', locked: true } },
    ],
    [
      'AutoConfig pref() overrides user.js at every start',
      admin([], cfg('pref("network.trr.mode", 2);')),
      U3,
      NO_POLICY,
      'warn',
      { value: 2, origin: { file: 'autoconfig', via: 'pref()' } },
    ],
    [
      'AutoConfig defaultPref() loses to user.js',
      admin([], cfg('defaultPref("network.trr.mode", 0);')),
      U3,
      NO_POLICY,
      'pass',
      { value: 3 },
    ],
    [
      'AutoConfig defaultPref() decides when nothing else is set',
      admin([], cfg('defaultPref("network.trr.mode", 3);')),
      none('/p/user.js'),
      NO_POLICY,
      'pass',
      { value: 3, origin: { via: 'defaultPref()' } },
    ],
    [
      'AutoConfig clearPref() drops the user value',
      admin([], cfg('clearPref("network.trr.mode");')),
      U3,
      NO_POLICY,
      'fail',
      { value: 0, origin: { kind: 'builtin' } },
    ],
    [
      'AutoConfig unlockPref() releases a default-file lock',
      admin(defaults([AUTOCONFIG_JS, 'pref("network.trr.mode", 0, locked);']), cfg('unlockPref("network.trr.mode");')),
      U3,
      NO_POLICY,
      'pass',
      { value: 3 },
    ],
    [
      'lockPref() replaces an earlier lock',
      admin(defaults([AUTOCONFIG_JS, 'pref("network.trr.mode", 0, locked);']), cfg('lockPref("network.trr.mode", 3);')),
      none('/p/user.js'),
      NO_POLICY,
      'pass',
      { value: 3, origin: { via: 'lockPref()' } },
    ],
    [
      'a locked policy beats an AutoConfig lock',
      admin([], cfg('lockPref("network.trr.mode", 0);')),
      none('/p/user.js'),
      policy({ 'network.trr.mode': { value: 3, locked: true } }),
      'pass',
      { origin: { kind: 'policy' } },
    ],
    [
      'an unlocked policy with the locked value agrees',
      admin([], cfg('lockPref("network.trr.mode", 3);')),
      none('/p/user.js'),
      policy({ 'network.trr.mode': { value: 3, locked: false } }),
      'pass',
      { value: 3, origin: { file: 'autoconfig' } },
    ],
    [
      'an unlocked policy replaces an unlocked default',
      admin(defaults([AUTOCONFIG_JS, 'pref("network.trr.mode", 0);'])),
      none('/p/user.js'),
      policy({ 'network.trr.mode': { value: 2, locked: false } }),
      'warn',
      { origin: { kind: 'policy' } },
    ],
  ] as const)('%s', (_name, ad, user, pol, verdict, modeShape) => {
    const a = assessProfile(user, none('/p/prefs.js'), pol, ad)
    expect(a.verdict).toBe(verdict)
    expect(a.mode).toMatchObject(modeShape)
  })

  it('a lock decides even when prefs.js cannot be read', () => {
    const a = assessProfile(
      none('/p/user.js'),
      { state: 'unreadable', path: '/p/prefs.js', reason: verbatim('x') },
      NO_POLICY,
      admin([], cfg('lockPref("network.trr.mode", 3);\nlockPref("network.trr.uri", "https://d.example/q");')),
    )
    expect(a.verdict).toBe('pass')
    expect(a.uri).toMatchObject({ value: 'https://d.example/q', origin: { line: 3 } })
  })

  it.each([
    [
      'AutoConfig JavaScript it cannot evaluate',
      admin([], cfg('if (getenv("X")) lockPref("network.trr.mode", 0);')),
      { path: CFG, cause: { kind: 'opaque', why: 'conditional', line: 2 } },
    ],
    [
      'an AutoConfig file it cannot read',
      admin([], { state: 'unreadable', path: CFG, reason: verbatim('Permission denied') }),
      { path: CFG, cause: { kind: 'unreadable' } },
    ],
    [
      'an unreadable default-pref folder',
      admin([{ state: 'unreadable', path: '/usr/lib/firefox-esr/defaults/pref', reason: verbatim('Permission denied') }]),
      { cause: { kind: 'unreadable' } },
    ],
    [
      'a damaged default-file statement naming the pref',
      admin(defaults([AUTOCONFIG_JS, 'pref("network.trr.mode", 0, locked'])),
      { path: AUTOCONFIG_JS, cause: { kind: 'damaged', line: 1 } },
    ],
    [
      'user_pref() in a default-pref file',
      admin(defaults([AUTOCONFIG_JS, 'user_pref("network.trr.mode", 0);'])),
      { cause: { kind: 'damaged' } },
    ],
    [
      'an unlocked policy against a different AutoConfig lock',
      admin([], cfg('lockPref("network.trr.mode", 0);')),
      { cause: { kind: 'policyConflict', lockedAt: `${CFG}:2` } },
    ],
  ] as const)('is unknown, saying why, for %s', (name, ad, shape) => {
    const pol = name.includes('policy') ? policy({ 'network.trr.mode': { value: 3, locked: false } }) : NO_POLICY
    const a = assessProfile(U3, none('/p/prefs.js'), pol, ad)
    expect(a.verdict).toBe('unknown')
    expect(a.mode).toMatchObject({ known: false, ...shape })
  })

  it('ignores JavaScript it cannot evaluate when it is about other prefs', () => {
    const a = assessProfile(
      U3,
      none('/p/prefs.js'),
      NO_POLICY,
      admin([], cfg('if (x) lockPref("browser.startup.homepage", "about:blank");')),
    )
    expect(a.verdict).toBe('pass')
  })
})

describe('the steps that fit what was found', () => {
  const OSES = ['linux', 'darwin', 'win32'] as const
  const ADMIN_KEY = { linux: 'dns.firefox.stepLockedLinux', darwin: 'dns.firefox.stepLocked', win32: 'dns.firefox.stepLocked' } as const
  const SHELL = { linux: 'sh', darwin: 'sh', win32: 'powershell' } as const
  const keys = (steps: readonly { text: { key: string } }[] | undefined): string[] | undefined => steps?.map((s) => s.text.key)
  const lockedDefault: AdminPrefs = {
    install: '/usr/lib/firefox-esr',
    defaults: [read('/usr/lib/firefox-esr/defaults/pref/local.js', 'pref("network.trr.mode", 2, locked);\n', 'default')],
  }

  it.each(OSES)("%s: the defaults are the settings page, user.js, its undo and this platform's policy step", (os) => {
    expect(keys(stepsFor(os))).toEqual(['dns.firefox.stepUi', 'dns.firefox.stepUserJs', 'dns.firefox.stepUndo', ADMIN_KEY[os]])
    expect(stepsFor(os).every((s) => !s.command || s.command.shell === SHELL[os])).toBe(true)
  })

  it.each(
    OSES.flatMap(
      (os) =>
        [
          [os, 'a passing profile', assessProfile(userJs(mode(3)), none('/p/prefs.js'), NO_POLICY), undefined],
          [os, 'a mode the user set in prefs.js', assessProfile(none('/p/user.js'), prefsJs(mode(2)), NO_POLICY), undefined],
          [
            os,
            'an unlocked policy the user can override',
            assessProfile(none('/p/user.js'), none('/p/prefs.js'), policy({ 'network.trr.mode': { value: 2, locked: false } })),
            undefined,
          ],
          [
            os,
            'a policy that locks mode 2',
            assessProfile(userJs(mode(3)), none('/p/prefs.js'), policy({ 'network.trr.mode': { value: 2, locked: true } })),
            ['dns.firefox.stepAskAdmin', ADMIN_KEY[os]],
          ],
          [
            os,
            'a policy that locks mode 3 with an http resolver',
            assessProfile(
              none('/p/user.js'),
              none('/p/prefs.js'),
              policy({ 'network.trr.mode': { value: 3, locked: false }, 'network.trr.uri': { value: 'http://d.example/', locked: true } }),
            ),
            ['dns.firefox.stepAskAdmin', ADMIN_KEY[os]],
          ],
          [
            os,
            'a locked default pref of the installation',
            assessProfile(userJs(mode(3)), none('/p/prefs.js'), NO_POLICY, lockedDefault),
            ['dns.firefox.stepAskAdmin', ADMIN_KEY[os]],
          ],
        ] as const,
    ),
  )('%s: %s', (os, _name, assessment, expected) => {
    const steps = fittingSteps(os, assessment)
    expect(keys(steps)).toEqual(expected)
    // Never the settings page or user.js for a locked value; never another platform's command.
    expect((steps ?? []).every((s) => !s.command || s.command.shell === SHELL[os])).toBe(true)
  })

  it('names what locks the value', () => {
    const a = assessProfile(userJs(mode(3)), none('/p/prefs.js'), NO_POLICY, lockedDefault)
    expect(fittingSteps('linux', a)?.[0]?.text.params).toEqual({ source: '/usr/lib/firefox-esr/defaults/pref/local.js' })
    const b = assessProfile(none('/p/user.js'), none('/p/prefs.js'), policy({ 'network.trr.mode': { value: 0, locked: true } }))
    expect(fittingSteps('win32', b)?.[0]?.text.params).toEqual({ source: '/etc/firefox/policies/policies.json' })
  })
})
