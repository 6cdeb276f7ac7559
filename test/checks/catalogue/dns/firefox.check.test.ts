import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { englishText as plain } from '../../../../checks/core/i18n/message.js'
import { firefoxCheck } from '../../../../checks/catalogue/dns/firefox.check.js'
import type { Host } from '../../../../checks/core/host/host.js'
import type { Outcome } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureCommand, type FixtureFile } from '../../../support/fixture-host.js'
import { seen } from '../../../support/seen.js'

const FIXTURES = path.join(__dirname, '../../../fixtures/dns.firefox')
const recording = (os: string, name: string): string => readFileSync(path.join(FIXTURES, os, 'recordings', name), 'utf8')
const ABSENT: FixtureCommand = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.' }

const run = (host: Host): Promise<Outcome> => firefoxCheck.run(host, new AbortController().signal)
const text = (o: Outcome): string => plain(o.summary)
const evidenceText = (o: Outcome): string =>
  o.evidence.map((e) => `${plain(e.label)} | ${e.source} | ${seen(e.observed)}${e.expected ? ` | ${plain(e.expected)}` : ''}`).join('\n')

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
    expect(text(o)).toBe(
      'Firefox profile "täglich" tries DNS over HTTPS first but falls back to plain DNS (network.trr.mode 2; profiles checked: 2).',
    )
    const ev = evidenceText(o)
    expect(ev).toContain(
      'Firefox profile "work" (default for an installed Firefox) (profile manager default) | /home/alex/.config/mozilla/firefox/khbt3iio.work | encrypted DNS only',
    )
    expect(ev).toContain(
      'network.trr.mode in profile "work" | /home/alex/.config/mozilla/firefox/khbt3iio.work/user.js:1 | 3 from /home/alex/.config/mozilla/firefox/khbt3iio.work/user.js line 1',
    )
    expect(ev).toContain(
      'network.trr.uri in profile "work" | /home/alex/.config/mozilla/firefox/khbt3iio.work/user.js:2 | "https://dns.quad9.net/dns-query"',
    )
    expect(ev).toContain('network.trr.mode in profile "täglich" | /home/alex/Profilé täglich/fx/user.js:2 | 2 from')
    expect(ev).toMatch(/network.trr.strict_native_fallback in profile "täglich" .* true from .*still can/)
  })

  it.each([
    [
      'darwin: policies.json locks mode 3 when managed preferences do not enable policies',
      () => macHost('{"EnterprisePoliciesEnabled":false}'),
      'pass',
      /Every Firefox profile found \(1\)/,
      /policy DNSOverHTTPS in \/Applications\/Firefox.app\/Contents\/Resources\/distribution\/policies.json \(locked\)/,
    ],
    [
      'darwin: managed preferences win over policies.json; unlocked Enabled gives mode 2',
      () => macHost(recording('darwin', 'plutil-org.mozilla.firefox.json')),
      'warn',
      /"default-release" tries DNS over HTTPS first/,
      /2 from \/Users\/alex\/Library\/Application Support\/Firefox\/Profiles\/q1w2e3r4.default-release\/prefs.js line 36/,
    ],
    [
      'darwin: plutil missing leaves the managed plist unread: unknown, saying why',
      () => macHost(),
      'unknown',
      /Could not tell whether Firefox profile "default-release".*Library\/Managed Preferences\/org.mozilla.firefox.plist/,
      /Could not read it/,
    ],
    [
      'win32: HKLM Group Policy locks mode 3 for every profile',
      () => winHost(recording('win32', 'reg-query-HKLM-Firefox-locked.txt')),
      'pass',
      /Every Firefox profile found \(2\)/,
      /3 from policy DNSOverHTTPS in HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox \(locked\)/,
    ],
    [
      'win32: no policy: the profile without DoH fails and is named',
      () => winHost(ABSENT),
      'fail',
      /"default-release" uses plain DNS: DNS over HTTPS is off \(network.trr.mode 0; profiles checked: 2\)/,
      /network.trr.mode in profile "dev-edition-default" \| C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\a1b2c3d4.dev-edition-default\\user.js:1/,
    ],
    [
      'win32: HKCU Enabled alone gives mode 2 (falls back)',
      () => winHost(ABSENT, recording('win32', 'reg-query-HKCU-Firefox-enabled.txt')),
      'warn',
      /"default-release" tries DNS over HTTPS first/,
      /2 from policy DNSOverHTTPS in HKCU\\SOFTWARE\\Policies\\Mozilla\\Firefox \(default; a user setting can override it\)/,
    ],
    [
      'win32: registry access denied: unknown, saying why',
      () => winHost({ code: 1, stderr: 'ERROR: Access is denied.' }),
      'unknown',
      /Access is denied/,
      /Could not read it/,
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
    expect(text(o)).toBe('No Firefox profile was found for this user.')
  })

  it('is unknown, not not_applicable, when profiles.ini is unreadable', async () => {
    const o = await run(
      createFixtureHost({ platform: 'linux', files: { '/home/alex/.mozilla/firefox/profiles.ini': { error: 'permission_denied' } } }),
    )
    expect(o.status).toBe('unknown')
    expect(text(o)).toMatch(/Permission denied reading \/home\/alex\/.mozilla\/firefox\/profiles.ini/)
  })

  it.each([
    ['permission_denied', /prefs.js could not be read \(Permission denied/],
    ['too_large', /prefs.js could not be read \(.*larger than Bulwark reads/],
  ] as const)('is unknown when prefs.js is %s', async (error, reason) => {
    const o = await run(linux({ [`${PROFILE}/prefs.js`]: { error } }))
    expect(o.status).toBe('unknown')
    expect(text(o)).toMatch(reason)
  })

  it('is unknown when the truncated last line of prefs.js names the DoH mode', async () => {
    const o = await run(linux({ [`${PROFILE}/prefs.js`]: 'user_pref("network.trr.mode", 3);\nuser_pref("network.trr.mode", ' }))
    expect(o.status).toBe('unknown')
    expect(text(o)).toMatch(/prefs.js line 2 is damaged and names this setting/)
  })

  it('judges a prefs.js with unrelated garbage and says how much was skipped', async () => {
    const o = await run(
      linux({
        [`${PROFILE}/prefs.js`]: new Uint8Array([
          0xff,
          0xfe,
          0x00,
          0x0a,
          ...new TextEncoder().encode('user_pref("network.trr.mode", 5);\n'),
        ]),
      }),
    )
    expect(o.status).toBe('fail')
    expect(text(o)).toMatch(/turned off \(network.trr.mode 5/)
    expect(evidenceText(o)).toMatch(/Unreadable statements in prefs.js .* 1 statement\(s\) could not be read \(first at line 1\)/)
  })

  it('warns when the DoH rollout switched TRR-first on behind mode 0', async () => {
    const o = await run(linux({ [`${PROFILE}/prefs.js`]: 'user_pref("doh-rollout.mode", 2);\n' }))
    expect(o.status).toBe('warn')
    expect(text(o)).toMatch(/Mozilla's rollout/)
    expect(evidenceText(o)).toMatch(/doh-rollout.mode in profile "x" \| .*prefs.js:1 \| 2 from/)
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
    expect(evidenceText(o)).toMatch(/3 from policy DNSOverHTTPS in \/etc\/firefox\/policies\/policies.json \(locked\)/)
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
    expect(evidenceText(o)).toMatch(/Profile listed in profiles.ini but missing on disk \| \/home\/alex\/.mozilla\/firefox\/b/)
  })
})

describe('dns.firefox remediation', () => {
  it.each(['linux', 'darwin', 'win32'] as const)(
    '%s: the UI path, a user.js block with mode 3, the prefs.js undo and an admin policy step',
    (platform) => {
      const steps = firefoxCheck.remediation.byPlatform[platform] ?? []
      expect(plain(steps[0]!.text)).toMatch(/Privacy & Security → DNS over HTTPS.*Max Protection/)
      expect(steps[1]?.command?.line).toContain('user_pref("network.trr.mode", 3);')
      expect(plain(steps[2]!.text)).toMatch(/restore|put back the prefs.js copy/)
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
      /"x" uses plain DNS: DNS over HTTPS is off/,
      /network.trr.mode in profile "x" \| \/usr\/lib\/firefox-esr\/mozilla.cfg:2 \| 0 from \/usr\/lib\/firefox-esr\/mozilla.cfg line 2 \(lockPref\(\)\) \(locked\)/,
    ],
    [
      'Debian firefox-esr: a locked pref in /etc/firefox-esr (browser/defaults/syspref) beats user.js',
      { [`${GRE}/browser/defaults/syspref/firefox-esr.js`]: '// Debian\npref("network.trr.mode", 2, locked);\n' },
      'warn',
      /"x" tries DNS over HTTPS first/,
      /2 from \/usr\/lib\/firefox-esr\/browser\/defaults\/syspref\/firefox-esr.js line 2 \(locked\)/,
    ],
    [
      'an obscured mozilla.cfg (the default 13-byte shift) is decoded and read',
      {
        [`${GRE}/defaults/pref/autoconfig.js`]: 'pref("general.config.filename", "mozilla.cfg");\n',
        [`${GRE}/mozilla.cfg`]: shifted('//\nlockPref("network.trr.mode", 5);\n', 13),
      },
      'fail',
      /network.trr.mode 5/,
      /5 from \/usr\/lib\/firefox-esr\/mozilla.cfg line 2/,
    ],
    [
      'AutoConfig pref() sets the user value at every start, over user.js',
      { [`${GRE}/defaults/pref/autoconfig.js`]: AUTOCONFIG_JS, [`${GRE}/mozilla.cfg`]: '//\npref("network.trr.mode", 2);\n' },
      'warn',
      /falls back/,
      /2 from \/usr\/lib\/firefox-esr\/mozilla.cfg line 2 \(pref\(\)\)/,
    ],
    [
      'default-pref files load in reverse name order: a.js is applied after z.js',
      {
        [`/home/alex/.mozilla/firefox/x.default/user.js`]: '',
        [`${GRE}/defaults/pref/a.js`]: 'pref("network.trr.mode", 3);\n',
        [`${GRE}/defaults/pref/z.js`]: 'pref("network.trr.mode", 2);\n',
      },
      'pass',
      /Every Firefox profile found \(1\)/,
      /3 from \/usr\/lib\/firefox-esr\/defaults\/pref\/a.js line 1/,
    ],
    [
      'files that are not *.js in defaults/pref are ignored',
      { [`${GRE}/defaults/pref/autoconfig.js.bak`]: 'pref("network.trr.mode", 0, locked);\n' },
      'pass',
      /Every Firefox profile found/,
      /Preference files of the Firefox installation \| \/usr\/lib\/firefox-esr \| 0 default-pref file\(s\) read; no AutoConfig file/,
    ],
    [
      'a binary default-pref file that names nothing about DoH changes nothing',
      { [`${GRE}/defaults/pref/junk.js`]: new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 97) % 256)) },
      'pass',
      /Every Firefox profile found/,
      /1 default-pref file\(s\) read/,
    ],
    [
      'AutoConfig that sets DoH under a condition is not evaluated: unknown',
      {
        [`${GRE}/defaults/pref/autoconfig.js`]: AUTOCONFIG_JS,
        [`${GRE}/mozilla.cfg`]: '//\nif (getenv("USER") != "root") {\n  lockPref("network.trr.mode", 0);\n}\n',
      },
      'unknown',
      /\/usr\/lib\/firefox-esr\/mozilla.cfg line 3 sets a DNS-over-HTTPS setting only inside a block or after a condition/,
      /AutoConfig file: \/usr\/lib\/firefox-esr\/mozilla.cfg/,
    ],
    [
      'AutoConfig that reaches DoH through another API: unknown',
      {
        [`${GRE}/defaults/pref/autoconfig.js`]: AUTOCONFIG_JS,
        [`${GRE}/mozilla.cfg`]: '//\nServices.prefs.getDefaultBranch("").setIntPref(\'network.trr.mode\', 0);\n',
      },
      'unknown',
      /line 2 uses a DNS-over-HTTPS setting in JavaScript that Bulwark does not evaluate/,
      /unknown \(\/usr\/lib\/firefox-esr\/mozilla.cfg\)/,
    ],
    [
      'a remote AutoConfig URL set in a default-pref file is fetched by Firefox, not by Bulwark: unknown, naming that file',
      {
        [`${GRE}/defaults/pref/autoconfig.js`]: `${AUTOCONFIG_JS}pref("autoadmin.global_config_url", "https://config.example/firefox.js");\n`,
        [`${GRE}/mozilla.cfg`]: '//\nlockPref("browser.startup.homepage", "about:blank");\n',
      },
      'unknown',
      /\/usr\/lib\/firefox-esr\/defaults\/pref\/autoconfig.js line \d makes Firefox download more settings from a server/,
      /unknown \(\/usr\/lib\/firefox-esr\/defaults\/pref\/autoconfig.js\)/,
    ],
    [
      'general.config.filename names a missing file: unknown (Firefox will not start)',
      { [`${GRE}/defaults/pref/autoconfig.js`]: AUTOCONFIG_JS },
      'unknown',
      /mozilla.cfg is named by general.config.filename but does not exist/,
      /mozilla.cfg/,
    ],
    [
      'general.config.filename with a path: unknown',
      { [`${GRE}/defaults/pref/autoconfig.js`]: 'pref("general.config.filename", "../../etc/x.cfg");\n' },
      'unknown',
      /not a plain file name/,
      /x.cfg/,
    ],
    [
      'an unreadable mozilla.cfg: unknown, saying why',
      { [`${GRE}/defaults/pref/autoconfig.js`]: AUTOCONFIG_JS, [`${GRE}/mozilla.cfg`]: { error: 'permission_denied' } },
      'unknown',
      /mozilla.cfg could not be read \(Permission denied/,
      /mozilla.cfg/,
    ],
    [
      'a huge mozilla.cfg: unknown, saying why',
      { [`${GRE}/defaults/pref/autoconfig.js`]: AUTOCONFIG_JS, [`${GRE}/mozilla.cfg`]: { error: 'too_large' } },
      'unknown',
      /mozilla.cfg could not be read \(.*larger than Bulwark reads/,
      /mozilla.cfg/,
    ],
    [
      'an unreadable defaults/pref folder: unknown, saying why',
      { [`${GRE}/application.ini`]: '[App]\n', [`${GRE}/defaults/pref`]: { error: 'permission_denied' } },
      'unknown',
      /defaults\/pref could not be read \(Permission denied/,
      /unknown/,
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
    expect(evidenceText(o)).toContain(`0 from ${res}/mozilla.cfg line 2 (lockPref()) (locked)`)
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
    expect(evidenceText(o)).toContain(`0 from ${gre}\\mozilla.cfg line 2 (lockPref()) (locked)`)
  })
})
