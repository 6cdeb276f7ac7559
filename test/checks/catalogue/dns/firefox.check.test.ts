import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { firefoxCheck } from '../../../../checks/catalogue/dns/firefox.check.js'
import type { Host } from '../../../../checks/core/host/host.js'
import type { Outcome } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureCommand, type FixtureFile } from '../../../support/fixture-host.js'
import { keyed, keyedEvidence } from '../../../support/seen.js'

const FIXTURES = path.join(__dirname, '../../../fixtures/dns.firefox')
const recording = (os: string, name: string): string => readFileSync(path.join(FIXTURES, os, 'recordings', name), 'utf8')
const ABSENT: FixtureCommand = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.' }

const run = (host: Host): Promise<Outcome> => firefoxCheck.run(host, new AbortController().signal)
/** The summary and the evidence as message keys and parameters, not English wording. */
const text = (o: Outcome): string => keyed(o.summary)
const evidenceText = keyedEvidence

const WIN_ENV = {
  APPDATA: 'C:\\Users\\alex\\AppData\\Roaming',
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
}
const winHost = (hklm: FixtureCommand, hkcu: FixtureCommand = ABSENT): Host =>
  createFixtureHost({
    platform: 'win32',
    root: path.join(FIXTURES, 'win32'),
    env: WIN_ENV,
    commands: {
      'reg query HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox /s': hklm,
      'reg query HKCU\\SOFTWARE\\Policies\\Mozilla\\Firefox /s': hkcu,
    },
  })
const MAC_PLIST = '/Library/Managed Preferences/org.mozilla.firefox.plist'
const macHost = (plutil?: FixtureCommand): Host =>
  createFixtureHost({
    platform: 'darwin',
    root: path.join(FIXTURES, 'darwin'),
    commands: plutil === undefined ? {} : { [`plutil -convert json -o - ${MAC_PLIST}`]: plutil },
  })

describe('dns.firefox per OS (fixtures)', () => {
  it('linux: profiles written by firefox-esr: the mode-2 profile makes the result warn, and it is named', async () => {
    const o = await run(createFixtureHost({ platform: 'linux', root: path.join(FIXTURES, 'linux') }))
    expect(o.status).toBe('warn')
    expect(o.summary).toMatchObject({ key: 'dns.firefox.r_trr_first', params: { name: 'täglich', mode: '2', count: 2 } })
    const ev = evidenceText(o)
    expect(ev).toContain(
      'dns.firefox.profileLabel(name=work, marks=dns.firefox.markInstallDefault + dns.firefox.markDefault) | /home/alex/.config/mozilla/firefox/khbt3iio.work | browsers.verdict_pass',
    )
    expect(ev).toContain(
      'dns.firefox.modeLabel(name=work) | /home/alex/.config/mozilla/firefox/khbt3iio.work/user.js:1 | dns.firefox.obsFromFile(value=3, path=/home/alex/.config/mozilla/firefox/khbt3iio.work/user.js, line=1)',
    )
    expect(ev).toContain(
      'dns.firefox.uriLabel(name=work) | /home/alex/.config/mozilla/firefox/khbt3iio.work/user.js:2 | dns.firefox.obsFromFile(value="https://dns.quad9.net/dns-query"',
    )
    expect(ev).toContain('dns.firefox.modeLabel(name=täglich) | /home/alex/Profilé täglich/fx/user.js:2 | dns.firefox.obsFromFile(value=2,')
    expect(ev).toMatch(/dns\.firefox\.strictLabel\(name=täglich\) .* dns\.firefox\.obsFromFile\(value=true, .*dns\.firefox\.strictNote/)
  })

  it.each([
    [
      'darwin: policies.json locks mode 3 when managed preferences do not enable policies',
      () => macHost('{"EnterprisePoliciesEnabled":false}'),
      'pass',
      /^dns\.firefox\.allPass\(count=1\)$/,
      /dns\.firefox\.obsFromPolicyLocked\(value=3, via=DNSOverHTTPS, source=\/Applications\/Firefox.app\/Contents\/Resources\/distribution\/policies.json\)/,
    ],
    [
      'darwin: managed preferences win over policies.json; unlocked Enabled gives mode 2',
      () => macHost(recording('darwin', 'plutil-org.mozilla.firefox.json')),
      'warn',
      /^dns\.firefox\.r_trr_first\(name=default-release, mode=2,/,
      /dns\.firefox\.obsFromFile\(value=2, path=\/Users\/alex\/Library\/Application Support\/Firefox\/Profiles\/q1w2e3r4.default-release\/prefs.js, line=36\)/,
    ],
    [
      'darwin: plutil missing leaves the managed plist unread: unknown, saying why',
      () => macHost(),
      'unknown',
      /^dns\.firefox\.unknownProfile\(name=default-release, reason=dns\.firefox\.policyCause\(source=\/Library\/Managed Preferences\/org.mozilla.firefox.plist,/,
      /dns\.firefox\.policyLabel \| .* \| dns\.firefox\.policy\.unreadable\(/,
    ],
    [
      'win32: HKLM Group Policy locks mode 3 for every profile',
      () => winHost(recording('win32', 'reg-query-HKLM-Firefox-locked.txt')),
      'pass',
      /^dns\.firefox\.allPass\(count=2\)$/,
      /dns\.firefox\.obsFromPolicyLocked\(value=3, via=DNSOverHTTPS, source=HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox\)/,
    ],
    [
      'win32: no policy: the profile without DoH fails and is named',
      () => winHost(ABSENT),
      'fail',
      /^dns\.firefox\.r_native\(name=default-release, mode=0, count=2\)$/,
      /dns\.firefox\.modeLabel\(name=dev-edition-default\) \| C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\a1b2c3d4.dev-edition-default\\user.js:1/,
    ],
    [
      'win32: HKCU Enabled alone gives mode 2 (falls back)',
      () => winHost(ABSENT, recording('win32', 'reg-query-HKCU-Firefox-enabled.txt')),
      'warn',
      /^dns\.firefox\.r_trr_first\(name=default-release, mode=2,/,
      /dns\.firefox\.obsFromPolicyDefault\(value=2, via=DNSOverHTTPS, source=HKCU\\SOFTWARE\\Policies\\Mozilla\\Firefox\)/,
    ],
    [
      'win32: registry access denied: unknown, saying why',
      () => winHost({ code: 1, stderr: 'ERROR: Access is denied.' }),
      'unknown',
      /^dns\.firefox\.unknownProfile\(.*dns\.firefox\.policy\.unreadable\(reason=reader\.registry\.denied\)/,
      /dns\.firefox\.policyLabel \| .* \| dns\.firefox\.policy\.unreadable\(/,
    ],
  ] as const)('%s', async (_name, host, status, summary, evidence) => {
    const o = await run(host())
    expect(o.status).toBe(status)
    expect(text(o)).toMatch(summary)
    expect(evidenceText(o)).toMatch(evidence)
  })
})

describe('dns.firefox on damaged or unusual input', () => {
  const PROFILE = '/home/alex/.mozilla/firefox/x.default'
  const linux = (files: Record<string, FixtureFile>): Host =>
    createFixtureHost({
      platform: 'linux',
      files: { '/home/alex/.mozilla/firefox/profiles.ini': '[Profile0]\nName=x\nIsRelative=1\nPath=x.default\n', ...files },
    })

  it('is not_applicable when there is no Firefox profile', async () => {
    const o = await run(createFixtureHost({ platform: 'linux' }))
    expect(o.status).toBe('not_applicable')
    expect(o.summary.key).toBe('dns.firefox.noProfiles')
  })

  it('is unknown, not not_applicable, when profiles.ini is unreadable', async () => {
    const o = await run(
      createFixtureHost({ platform: 'linux', files: { '/home/alex/.mozilla/firefox/profiles.ini': { error: 'permission_denied' } } }),
    )
    expect(o.status).toBe('unknown')
    expect(text(o)).toMatch(
      /^dns\.firefox\.noProfilesButProblems\(reason=.*host\.permission_denied\(target=\/home\/alex\/.mozilla\/firefox\/profiles.ini/,
    )
  })

  it.each([
    ['permission_denied', /dns\.firefox\.unreadableCause\(file=[^,]*prefs.js, reason=host\.permission_denied\(/],
    ['too_large', /dns\.firefox\.unreadableCause\(file=[^,]*prefs.js, reason=host\.too_large\(/],
  ] as const)('is unknown when prefs.js is %s', async (error, reason) => {
    const o = await run(linux({ [`${PROFILE}/prefs.js`]: { error } }))
    expect(o.status).toBe('unknown')
    expect(text(o)).toMatch(reason)
  })

  it('is unknown when the truncated last line of prefs.js names the DoH mode', async () => {
    const o = await run(linux({ [`${PROFILE}/prefs.js`]: 'user_pref("network.trr.mode", 3);\nuser_pref("network.trr.mode", ' }))
    expect(o.status).toBe('unknown')
    expect(text(o)).toMatch(/dns\.firefox\.damagedCause\(file=[^,]*prefs.js, line=2,/)
  })

  it('judges a prefs.js with unrelated garbage and says how much was skipped', async () => {
    // Firefox drops the damage through its ';' and applies what follows (a NUL would end the file instead).
    const o = await run(
      linux({
        [`${PROFILE}/prefs.js`]: new Uint8Array([
          0xff,
          0xfe,
          0x3b,
          0x0a,
          ...new TextEncoder().encode('user_pref("network.trr.mode", 5);\n'),
        ]),
      }),
    )
    expect(o.status).toBe('fail')
    expect(o.summary).toMatchObject({ key: 'dns.firefox.r_off_by_choice', params: { mode: '5' } })
    expect(evidenceText(o)).toMatch(/dns\.firefox\.skippedLabel\(file=prefs.js\) .* dns\.firefox\.skippedNote\(count=1, line=1\)/)
  })

  it('warns when the DoH rollout switched TRR-first on behind mode 0', async () => {
    const o = await run(linux({ [`${PROFILE}/prefs.js`]: 'user_pref("doh-rollout.mode", 2);\n' }))
    expect(o.status).toBe('warn')
    expect(o.summary.key).toBe('dns.firefox.r_rollout_first')
    expect(evidenceText(o)).toMatch(/dns\.firefox\.rolloutLabel\(name=x\) \| .*prefs.js:1 \| dns\.firefox\.obsFromFile\(value=2,/)
  })

  it('lets a locked system policy decide over the profile and says it is locked', async () => {
    const o = await run(
      linux({
        [`${PROFILE}/user.js`]: 'user_pref("network.trr.mode", 2);',
        '/etc/firefox/policies/policies.json': JSON.stringify({
          policies: { DNSOverHTTPS: { Enabled: true, Fallback: false, ProviderURL: 'https://dns.quad9.net/dns-query', Locked: true } },
        }),
      }),
    )
    expect(o.status).toBe('pass')
    expect(evidenceText(o)).toMatch(
      /dns\.firefox\.obsFromPolicyLocked\(value=3, via=DNSOverHTTPS, source=\/etc\/firefox\/policies\/policies.json\)/,
    )
  })

  it('reports a profile listed in profiles.ini but missing on disk', async () => {
    const o = await run(
      createFixtureHost({
        platform: 'linux',
        files: {
          '/home/alex/.mozilla/firefox/profiles.ini': '[Profile0]\nName=a\nPath=a\n[Profile1]\nName=b\nPath=b\n',
          '/home/alex/.mozilla/firefox/a/prefs.js': 'user_pref("network.trr.mode", 3);',
        },
      }),
    )
    expect(o.status).toBe('pass')
    expect(evidenceText(o)).toMatch(/dns\.firefox\.missingLabel \| \/home\/alex\/.mozilla\/firefox\/b/)
  })
})

describe('dns.firefox remediation', () => {
  it('a policy locking mode 2: ask the admin and give the policy step, never the settings page or user.js', async () => {
    const o = await run(
      createFixtureHost({
        platform: 'linux',
        files: {
          '/home/alex/.mozilla/firefox/profiles.ini': '[Profile0]\nName=x\nPath=x\n',
          '/home/alex/.mozilla/firefox/x/user.js': 'user_pref("network.trr.mode", 3);',
          '/etc/firefox/policies/policies.json': JSON.stringify({ policies: { DNSOverHTTPS: { Enabled: true, Locked: true } } }),
        },
      }),
    )
    expect(o.status).toBe('warn')
    expect(o.steps?.map((s) => s.text.key)).toEqual(['dns.firefox.stepAskAdmin', 'dns.firefox.stepLockedLinux'])
  })

  it('a mode the user chose keeps the default steps', async () => {
    const o = await run(createFixtureHost({ platform: 'linux', root: path.join(FIXTURES, 'linux') }))
    expect(o.status).toBe('warn')
    expect(o.steps).toBeUndefined()
  })

  it.each(['linux', 'darwin', 'win32'] as const)(
    '%s: the UI path, a user.js block with mode 3, the prefs.js undo and an admin policy step',
    (platform) => {
      const steps = firefoxCheck.remediation.byPlatform[platform] ?? []
      expect(steps[0]?.text.key).toBe('dns.firefox.stepUi')
      expect(steps[1]?.command?.line).toContain('user_pref("network.trr.mode", 3);')
      expect(steps[2]?.text.key).toBe('dns.firefox.stepUndo')
      expect(steps[3]?.requiresAdmin).toBe(true)
      expect(steps[3]?.command?.line).toMatch(/Fallback/)
    },
  )
})

describe('dns.firefox with preference files in the Firefox installation (default prefs, AutoConfig)', () => {
  const GRE = '/usr/lib/firefox-esr'
  const PROFILE = '/home/alex/.mozilla/firefox/x.default'
  const AUTOCONFIG_JS = 'pref("general.config.filename", "mozilla.cfg");\npref("general.config.obscure_value", 0);\n'
  const USER_DOH = 'user_pref("network.trr.mode", 3);\nuser_pref("network.trr.uri", "https://dns.quad9.net/dns-query");\n'
  const shifted = (s: string, by: number): Uint8Array => new TextEncoder().encode(s).map((b) => (b + by) & 0xff)
  const linux = (files: Record<string, FixtureFile>): Host =>
    createFixtureHost({
      platform: 'linux',
      files: {
        '/home/alex/.mozilla/firefox/profiles.ini': '[Profile0]\nName=x\nIsRelative=1\nPath=x.default\n',
        [`${PROFILE}/user.js`]: USER_DOH,
        ...files,
      },
    })

  it.each([
    [
      'Debian firefox-esr: mozilla.cfg lockPref(0) beats user.js mode 3',
      {
        [`${GRE}/defaults/pref/autoconfig.js`]: AUTOCONFIG_JS,
        [`${GRE}/mozilla.cfg`]: '// first line is skipped\nlockPref("network.trr.mode", 0);\n',
      },
      'fail',
      /^dns\.firefox\.r_native\(name=x,/,
      /dns\.firefox\.modeLabel\(name=x\) \| \/usr\/lib\/firefox-esr\/mozilla.cfg:2 \| dns\.firefox\.obsFromFile\(value=0, path=\/usr\/lib\/firefox-esr\/mozilla.cfg, line=2\) \+ dns\.firefox\.obsVia\(via=lockPref\(\)\) \+ dns\.firefox\.obsLocked/,
    ],
    [
      'Debian firefox-esr: a locked pref in /etc/firefox-esr (browser/defaults/syspref) beats user.js',
      { [`${GRE}/browser/defaults/syspref/firefox-esr.js`]: '// Debian\npref("network.trr.mode", 2, locked);\n' },
      'warn',
      /^dns\.firefox\.r_trr_first\(name=x,/,
      /dns\.firefox\.obsFromFile\(value=2, path=\/usr\/lib\/firefox-esr\/browser\/defaults\/syspref\/firefox-esr.js, line=2\) \+ dns\.firefox\.obsLocked/,
    ],
    [
      'an obscured mozilla.cfg (the default 13-byte shift) is decoded and read',
      {
        [`${GRE}/defaults/pref/autoconfig.js`]: 'pref("general.config.filename", "mozilla.cfg");\n',
        [`${GRE}/mozilla.cfg`]: shifted('//\nlockPref("network.trr.mode", 5);\n', 13),
      },
      'fail',
      /^dns\.firefox\.r_off_by_choice\(name=x, mode=5,/,
      /dns\.firefox\.obsFromFile\(value=5, path=\/usr\/lib\/firefox-esr\/mozilla.cfg, line=2\)/,
    ],
    [
      'AutoConfig pref() sets the user value at every start, over user.js',
      { [`${GRE}/defaults/pref/autoconfig.js`]: AUTOCONFIG_JS, [`${GRE}/mozilla.cfg`]: '//\npref("network.trr.mode", 2);\n' },
      'warn',
      /^dns\.firefox\.r_trr_first\(/,
      /dns\.firefox\.obsFromFile\(value=2, path=\/usr\/lib\/firefox-esr\/mozilla.cfg, line=2\) \+ dns\.firefox\.obsVia\(via=pref\(\)\)/,
    ],
    [
      'default-pref files load in reverse name order: a.js is applied after z.js',
      {
        [`/home/alex/.mozilla/firefox/x.default/user.js`]: '',
        [`${GRE}/defaults/pref/a.js`]: 'pref("network.trr.mode", 3);\n',
        [`${GRE}/defaults/pref/z.js`]: 'pref("network.trr.mode", 2);\n',
      },
      'pass',
      /^dns\.firefox\.allPass\(count=1\)$/,
      /dns\.firefox\.obsFromFile\(value=3, path=\/usr\/lib\/firefox-esr\/defaults\/pref\/a.js, line=1\)/,
    ],
    [
      'files that are not *.js in defaults/pref are ignored',
      { [`${GRE}/defaults/pref/autoconfig.js.bak`]: 'pref("network.trr.mode", 0, locked);\n' },
      'pass',
      /^dns\.firefox\.allPass\(/,
      /dns\.firefox\.adminLabel \| \/usr\/lib\/firefox-esr \| dns\.firefox\.adminNoteNoAutoconfig\(count=0\)/,
    ],
    [
      'a binary default-pref file that names nothing about DoH changes nothing',
      { [`${GRE}/defaults/pref/junk.js`]: new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 97) % 256)) },
      'pass',
      /^dns\.firefox\.allPass\(/,
      /dns\.firefox\.adminNote(NoAutoconfig)?\(count=1\b/,
    ],
    [
      'AutoConfig that sets DoH under a condition is not evaluated: unknown',
      {
        [`${GRE}/defaults/pref/autoconfig.js`]: AUTOCONFIG_JS,
        [`${GRE}/mozilla.cfg`]: '//\nif (getenv("USER") != "root") {\n  lockPref("network.trr.mode", 0);\n}\n',
      },
      'unknown',
      /dns\.firefox\.ac_conditional\(file=\/usr\/lib\/firefox-esr\/mozilla.cfg, line=3,/,
      /dns\.firefox\.adminNote\(count=\d+, autoconfig=\/usr\/lib\/firefox-esr\/mozilla.cfg\)/,
    ],
    [
      'AutoConfig that reaches DoH through another API: unknown',
      {
        [`${GRE}/defaults/pref/autoconfig.js`]: AUTOCONFIG_JS,
        [`${GRE}/mozilla.cfg`]: '//\nServices.prefs.getDefaultBranch("").setIntPref(\'network.trr.mode\', 0);\n',
      },
      'unknown',
      /dns\.firefox\.ac_mentions\(file=[^,]*, line=2,/,
      /dns\.firefox\.obsUnknownAt\(path=\/usr\/lib\/firefox-esr\/mozilla.cfg\)/,
    ],
    [
      'a remote AutoConfig URL set in a default-pref file is fetched by Firefox, not by Bulwark: unknown, naming that file',
      {
        [`${GRE}/defaults/pref/autoconfig.js`]: `${AUTOCONFIG_JS}pref("autoadmin.global_config_url", "https://config.example/firefox.js");\n`,
        [`${GRE}/mozilla.cfg`]: '//\nlockPref("browser.startup.homepage", "about:blank");\n',
      },
      'unknown',
      /dns\.firefox\.ac_remote\(file=\/usr\/lib\/firefox-esr\/defaults\/pref\/autoconfig.js, line=\d,/,
      /dns\.firefox\.obsUnknownAt\(path=\/usr\/lib\/firefox-esr\/defaults\/pref\/autoconfig.js\)/,
    ],
    [
      'general.config.filename names a missing file: unknown (Firefox will not start)',
      { [`${GRE}/defaults/pref/autoconfig.js`]: AUTOCONFIG_JS },
      'unknown',
      /browsers\.firefox\.prefs\.missingCfg\(file=[^)]*mozilla.cfg\)/,
      /mozilla.cfg/,
    ],
    [
      'general.config.filename with a path: unknown',
      { [`${GRE}/defaults/pref/autoconfig.js`]: 'pref("general.config.filename", "../../etc/x.cfg");\n' },
      'unknown',
      /browsers\.firefox\.prefs\.badCfgName\(/,
      /x.cfg/,
    ],
    [
      'an unreadable mozilla.cfg: unknown, saying why',
      { [`${GRE}/defaults/pref/autoconfig.js`]: AUTOCONFIG_JS, [`${GRE}/mozilla.cfg`]: { error: 'permission_denied' } },
      'unknown',
      /dns\.firefox\.unreadableCause\(file=[^,]*mozilla.cfg, reason=host\.permission_denied\(/,
      /mozilla.cfg/,
    ],
    [
      'a huge mozilla.cfg: unknown, saying why',
      { [`${GRE}/defaults/pref/autoconfig.js`]: AUTOCONFIG_JS, [`${GRE}/mozilla.cfg`]: { error: 'too_large' } },
      'unknown',
      /dns\.firefox\.unreadableCause\(file=[^,]*mozilla.cfg, reason=host\.too_large\(/,
      /mozilla.cfg/,
    ],
    [
      'an unreadable defaults/pref folder: unknown, saying why',
      { [`${GRE}/application.ini`]: '[App]\n', [`${GRE}/defaults/pref`]: { error: 'permission_denied' } },
      'unknown',
      /dns\.firefox\.unreadableCause\(file=[^,]*defaults\/pref, reason=host\.permission_denied\(/,
      /dns\.firefox\.obsUnknownAt\(/,
    ],
  ] as const)('%s', async (_name, files, status, summary, evidence) => {
    const o = await run(linux(files as Record<string, FixtureFile>))
    expect(o.status).toBe(status)
    expect(text(o)).toMatch(summary)
    expect(evidenceText(o)).toMatch(evidence)
  })

  it('darwin: AutoConfig in Firefox.app/Contents/Resources locks mode 0', async () => {
    const res = '/Applications/Firefox.app/Contents/Resources'
    const o = await run(
      createFixtureHost({
        platform: 'darwin',
        files: {
          '/Users/alex/Library/Application Support/Firefox/profiles.ini': '[Profile0]\nName=m\nIsRelative=1\nPath=Profiles/m.default\n',
          '/Users/alex/Library/Application Support/Firefox/Profiles/m.default/user.js': USER_DOH,
          [`${res}/defaults/pref/autoconfig.js`]: AUTOCONFIG_JS,
          [`${res}/mozilla.cfg`]: '//\nlockPref("network.trr.mode", 0);\n',
        },
      }),
    )
    expect(o.status).toBe('fail')
    expect(evidenceText(o)).toContain(
      `dns.firefox.obsFromFile(value=0, path=${res}/mozilla.cfg, line=2) + dns.firefox.obsVia(via=lockPref()) + dns.firefox.obsLocked`,
    )
  })

  it('win32: AutoConfig in C:\\Program Files\\Mozilla Firefox locks mode 0', async () => {
    const gre = 'C:\\Program Files\\Mozilla Firefox'
    const o = await run(
      createFixtureHost({
        platform: 'win32',
        env: WIN_ENV,
        commands: {
          'reg query HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox /s': ABSENT,
          'reg query HKCU\\SOFTWARE\\Policies\\Mozilla\\Firefox /s': ABSENT,
        },
        files: {
          'C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox\\profiles.ini':
            '[Profile0]\r\nName=w\r\nIsRelative=1\r\nPath=Profiles/w.default\r\n',
          'C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\w.default\\user.js': USER_DOH,
          [`${gre}\\defaults\\pref\\autoconfig.js`]: AUTOCONFIG_JS,
          [`${gre}\\mozilla.cfg`]: '//\r\nlockPref("network.trr.mode", 0);\r\n',
        },
      }),
    )
    expect(o.status).toBe('fail')
    expect(evidenceText(o)).toContain(
      `dns.firefox.obsFromFile(value=0, path=${gre}\\mozilla.cfg, line=2) + dns.firefox.obsVia(via=lockPref()) + dns.firefox.obsLocked`,
    )
  })
})
