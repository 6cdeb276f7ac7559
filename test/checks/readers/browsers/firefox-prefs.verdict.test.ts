import { describe, expect, it } from 'vitest'
import { parseAutoConfig } from '../../../../checks/readers/browsers/firefox-autoconfig.parse.js'
import { readAdminPrefs } from '../../../../checks/readers/browsers/firefox-prefs.io.js'
import { parsePrefs, type PrefFileKind } from '../../../../checks/readers/browsers/firefox-prefs.parse.js'
import {
  resolvePref,
  type AdminPrefs,
  type PolicyPref,
  type PrefFile,
  type Resolved,
} from '../../../../checks/readers/browsers/firefox-prefs.verdict.js'
import { createFixtureHost } from '../../../support/fixture-host.js'
import { keyed } from '../../../support/seen.js'

const NAME = 'media.peerconnection.ice.no_host'
const file = (path: string, text: string, kind: PrefFileKind = 'user'): PrefFile => ({
  state: 'read',
  path,
  parsed: parsePrefs(text, kind),
})
const absent = (path: string): PrefFile => ({ state: 'absent', path })
const admin = (defaults: string, cfg?: string): AdminPrefs => ({
  install: '/i',
  defaults: [file('/i/defaults/pref/a.js', defaults, 'default')],
  ...(cfg === undefined ? {} : { autoconfig: { state: 'read' as const, path: '/i/mozilla.cfg', parsed: parseAutoConfig(`//\n${cfg}`) } }),
})
const policy = (p: Omit<PolicyPref, 'source' | 'via'>): Map<string, PolicyPref> =>
  new Map([[NAME, { ...p, source: '/etc/firefox/policies/policies.json', via: 'Preferences' }]])

/** The value and where it came from, or the kind of cause that makes it unknown. */
const brief = (r: Resolved): string => {
  if (!r.known) return `unknown:${r.cause.kind}@${r.path}`
  const o = r.origin
  const where =
    o.kind === 'builtin'
      ? 'builtin'
      : o.kind === 'policy'
        ? `policy${o.locked ? ' locked' : ''}${o.user ? ' user' : ''}`
        : `${o.file}:${o.line}${o.locked ? ' locked' : ''}`
  return `${JSON.stringify(r.value)} from ${where}`
}

interface Case {
  name: string
  userJs?: string
  prefsJs?: string
  admin?: AdminPrefs
  policy?: Map<string, PolicyPref>
  expected: string
}

const cases: Case[] = [
  { name: 'nothing set: the built-in value', expected: 'false from builtin' },
  {
    name: 'user.js over prefs.js',
    userJs: `user_pref("${NAME}", true);`,
    prefsJs: `user_pref("${NAME}", false);`,
    expected: 'true from user.js:1',
  },
  {
    name: 'a user value of another type is refused: prefs.js stands',
    userJs: `user_pref("${NAME}", "true");`,
    prefsJs: `user_pref("${NAME}", true);`,
    expected: 'true from prefs.js:1',
  },
  { name: 'pref() in user.js sets a default: not guessed', userJs: `pref("${NAME}", true);`, expected: 'unknown:damaged@/p/user.js' },
  {
    name: 'a damaged line after the value: not guessed',
    prefsJs: `user_pref("${NAME}", true);\nuser_pref("${NAME}", tru);`,
    expected: 'unknown:damaged@/p/prefs.js',
  },
  {
    name: 'a damaged line before the value: the value stands',
    prefsJs: `user_pref("${NAME}", tru);\nuser_pref("${NAME}", true);`,
    expected: 'true from prefs.js:2',
  },
  { name: 'a default-pref file sets the default', admin: admin(`pref("${NAME}", true);`), expected: 'true from default:1' },
  {
    name: 'a locked default beats user.js',
    userJs: `user_pref("${NAME}", false);`,
    admin: admin(`pref("${NAME}", true, locked);`),
    expected: 'true from default:1 locked',
  },
  {
    name: 'a default of another type has no certain effect',
    admin: admin(`pref("${NAME}", 1);`),
    expected: 'unknown:damaged@/i/defaults/pref/a.js',
  },
  {
    name: 'user_pref() in a default-pref file: not guessed',
    admin: admin(`user_pref("${NAME}", true);`),
    expected: 'unknown:damaged@/i/defaults/pref/a.js',
  },
  {
    name: 'AutoConfig pref() sets the user value over user.js',
    userJs: `user_pref("${NAME}", false);`,
    admin: admin('', `pref("${NAME}", true);`),
    expected: 'true from autoconfig:2',
  },
  {
    name: 'AutoConfig lockPref() beats everything but a locked policy',
    userJs: `user_pref("${NAME}", false);`,
    admin: admin('', `lockPref("${NAME}", true);`),
    expected: 'true from autoconfig:2 locked',
  },
  {
    name: 'AutoConfig clearPref() drops the user value',
    userJs: `user_pref("${NAME}", true);`,
    admin: admin('', `clearPref("${NAME}");`),
    expected: 'false from builtin',
  },
  {
    name: 'AutoConfig unlockPref() frees a locked default',
    userJs: `user_pref("${NAME}", true);`,
    admin: admin(`pref("${NAME}", false, locked);`, `unlockPref("${NAME}");`),
    expected: 'true from user.js:1',
  },
  {
    name: 'an AutoConfig value of another type has no certain effect',
    admin: admin('', `defaultPref("${NAME}", "yes");`),
    expected: 'unknown:damaged@/i/mozilla.cfg',
  },
  {
    name: 'AutoConfig code Bulwark cannot follow',
    admin: admin('', `if (x) pref("${NAME}", true);`),
    expected: 'unknown:opaque@/i/mozilla.cfg',
  },
  {
    name: 'a locked policy wins over a lockPref()',
    admin: admin('', `lockPref("${NAME}", false);`),
    policy: policy({ value: true, locked: true }),
    expected: 'true from policy locked',
  },
  {
    name: 'an unlocked policy replaces the default, not the user value',
    userJs: `user_pref("${NAME}", false);`,
    policy: policy({ value: true, locked: false }),
    expected: 'false from user.js:1',
  },
  {
    name: 'policy Status "user" sets the user value over user.js',
    userJs: `user_pref("${NAME}", false);`,
    policy: policy({ value: true, locked: false, effect: 'user' }),
    expected: 'true from policy user',
  },
  {
    name: 'policy Status "clear" drops the user value',
    userJs: `user_pref("${NAME}", true);`,
    policy: policy({ locked: false, effect: 'clear' }),
    expected: 'false from builtin',
  },
  { name: 'a policy value of another type sets nothing', policy: policy({ value: 1, locked: true }), expected: 'false from builtin' },
  {
    name: 'a locked default and an unlocked policy that disagree: not certain',
    admin: admin(`pref("${NAME}", false, locked);`),
    policy: policy({ value: true, locked: false }),
    expected: 'unknown:policyConflict@/etc/firefox/policies/policies.json',
  },
]

describe('resolvePref: Firefox precedence', () => {
  it.each(cases)('$name', (c) => {
    const r = resolvePref(NAME, false, {
      userJs: c.userJs === undefined ? absent('/p/user.js') : file('/p/user.js', c.userJs),
      prefsJs: c.prefsJs === undefined ? absent('/p/prefs.js') : file('/p/prefs.js', c.prefsJs),
      policy: c.policy ?? new Map(),
      ...(c.admin ? { admin: c.admin } : {}),
    })
    expect(brief(r)).toBe(c.expected)
  })

  it('an unreadable user.js is unknown with its reason, never the built-in value', () => {
    const reason = { key: 'x.denied', en: 'denied', params: {} }
    const r = resolvePref(NAME, false, {
      userJs: { state: 'unreadable', path: '/p/user.js', reason },
      prefsJs: absent('/p/prefs.js'),
      policy: new Map(),
    })
    expect(r).toEqual({ known: false, path: '/p/user.js', cause: { kind: 'unreadable', reason } })
  })
})

describe('readAdminPrefs: the files of one installation', () => {
  const host = (files: Record<string, string>) => createFixtureHost({ platform: 'linux', files })

  it("reads the three default folders, Debian's syspref included, each in reverse name order", async () => {
    const a = await readAdminPrefs(
      host({
        '/i/defaults/pref/a.js': '',
        '/i/defaults/pref/b.js': '',
        '/i/browser/defaults/preferences/c.js': '',
        '/i/browser/defaults/syspref/d.js': '',
        '/i/browser/defaults/syspref/notes.txt': '',
      }),
      '/i',
    )
    expect(a?.defaults.map((d) => d.path)).toEqual([
      '/i/defaults/pref/b.js',
      '/i/defaults/pref/a.js',
      '/i/browser/defaults/preferences/c.js',
      '/i/browser/defaults/syspref/d.js',
    ])
  })

  it('no installation there: undefined', async () => {
    expect(await readAdminPrefs(host({ '/other/x': '' }), '/i')).toBeUndefined()
  })

  it.each([
    [
      'names a file that is missing',
      'pref("general.config.filename", "mozilla.cfg");',
      'browsers.firefox.prefs.missingCfg(file=/i/mozilla.cfg)',
    ],
    [
      'names a path, not a file',
      'pref("general.config.filename", "../etc/x.cfg");',
      'browsers.firefox.prefs.badCfgName(name=../etc/x.cfg)',
    ],
    [
      'is on a damaged line',
      'pref("general.config.filename", mozilla.cfg);',
      'browsers.firefox.prefs.cfgNameUnknown(file=/i/defaults/pref/autoconfig.js, line=1, text=',
    ],
  ])('general.config.filename %s: AutoConfig unreadable, with the reason', async (_name, text, reason) => {
    const a = await readAdminPrefs(host({ '/i/defaults/pref/autoconfig.js': `${text}\n` }), '/i')
    expect(a?.autoconfig?.state).toBe('unreadable')
    if (a?.autoconfig?.state === 'unreadable') expect(keyed(a.autoconfig.reason)).toContain(reason)
  })

  it('a remote AutoConfig URL makes every pref opaque: its settings cannot be seen', async () => {
    const a = await readAdminPrefs(
      host({
        '/i/defaults/pref/autoconfig.js':
          'pref("general.config.filename", "mozilla.cfg");\npref("general.config.obscure_value", 0);\npref("autoadmin.global_config_url", "https://config.example/ff.js");\n',
        '/i/mozilla.cfg': '//\n',
      }),
      '/i',
    )
    expect(a?.autoconfig?.state).toBe('read')
    if (a?.autoconfig?.state === 'read') expect(a.autoconfig.parsed.opaque.map((o) => o.why)).toEqual(['remote'])
  })
})
