import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { telemetryCheck } from '../../../../checks/catalogue/browser/telemetry.check.js'
import type { Host } from '../../../../checks/core/host/host.js'
import type { Outcome } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureCommand, type FixtureFile } from '../../../support/fixture-host.js'
import { keyed } from '../../../support/seen.js'

const FIXTURES = path.join(__dirname, '../../../fixtures/browser.telemetry')
const ABSENT: FixtureCommand = {
  code: 1,
  stderr: readFileSync(path.join(FIXTURES, '../dns.chromium/win32/recordings/reg-query-absent.stderr.txt'), 'utf8'),
}
const run = (host: Host): Promise<Outcome> => telemetryCheck.run(host, new AbortController().signal)
const lines = (o: Outcome): string[] => o.evidence.map((e) => `${keyed(e.label)} | ${e.source} | ${keyed(e.observed)}`)

// Linux: a profile and Local State written by firefox-esr 153 and chromium 156 (SOURCE.md).
const LX_FF = '/home/alex/.config/mozilla/firefox'
const LX_PROFILE = `${LX_FF}/uv1cf48l.daily`
const LX_CR = '/home/alex/.config/chromium'
const LX_CHROME = '/home/alex/.config/google-chrome'
const linux = (files: Record<string, FixtureFile> = {}): Host =>
  createFixtureHost({ platform: 'linux', root: path.join(FIXTURES, 'linux'), home: '/home/alex', env: { HOME: '/home/alex' }, files })
const OFF = [
  'user_pref("datareporting.healthreport.uploadEnabled", false);',
  'user_pref("datareporting.usage.uploadEnabled", false);',
  'user_pref("browser.crashReports.unsubmittedCheck.autoSubmit2", false);',
].join('\n')
const localState = (reporting?: boolean): string =>
  JSON.stringify({ user_experience_metrics: reporting === undefined ? { low_entropy_source3: 1 } : { reporting_enabled: reporting } })
const AUTOCONFIG = '/usr/lib/firefox-esr/defaults/pref/autoconfig.js'
const AC_PREFS = 'pref("general.config.filename", "mozilla.cfg");\npref("general.config.obscure_value", 0);\n'

/** A real prefs.js of Ubuntu's Firefox 80 hardened by a user.js (browser.webrtc's SOURCE.md): upload and studies off. */
const ubuntuHardened = readFileSync(path.join(FIXTURES, '../browser.webrtc/linux/recordings/ubuntu-firefox-80-prefs.js'), 'utf8')

// Windows and macOS: hand-written in the shapes the browsers write (SOURCE.md).
const WIN_ENV = {
  LOCALAPPDATA: 'C:\\Users\\alex\\AppData\\Local',
  APPDATA: 'C:\\Users\\alex\\AppData\\Roaming',
  USERPROFILE: 'C:\\Users\\alex',
}
const WIN_FF = 'C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox'
const WIN_EDGE = 'C:\\Users\\alex\\AppData\\Local\\Microsoft\\Edge\\User Data'
const WIN_CHROME = 'C:\\Users\\alex\\AppData\\Local\\Google\\Chrome\\User Data'
const reg = (key: string, values: Record<string, number>): string =>
  `\r\n${key}\r\n${Object.entries(values)
    .map(([n, v]) => `    ${n}    REG_DWORD    0x${v.toString(16)}`)
    .join('\r\n')}\r\n\r\n`
const win = (files: Record<string, FixtureFile>, commands: Record<string, FixtureCommand> = {}): Host => {
  const all: Record<string, FixtureCommand> = {}
  for (const key of ['Mozilla\\Firefox', 'Microsoft\\Edge', 'Google\\Chrome', 'Chromium'])
    for (const hive of ['HKLM', 'HKCU']) all[`reg query ${hive}\\SOFTWARE\\Policies\\${key} /s`] = ABSENT
  return createFixtureHost({
    platform: 'win32',
    root: path.join(FIXTURES, 'win32'),
    home: 'C:\\Users\\alex',
    env: WIN_ENV,
    files,
    commands: { ...all, ...commands },
  })
}
const winFirefox = (prefs: string): Record<string, FixtureFile> => ({
  [`${WIN_FF}\\profiles.ini`]:
    '[Profile0]\r\nName=default-release\r\nIsRelative=1\r\nPath=Profiles/abcd1234.default-release\r\nDefault=1\r\n',
  [`${WIN_FF}\\Profiles\\abcd1234.default-release\\prefs.js`]: prefs,
})

// A real prefs.js of Firefox Developer Edition 72 on Windows (public, SOURCE.md).
const WIN_REAL_PROFILE = `${WIN_FF}\\Profiles\\q7x2kd9m.dev-edition-default`
// Its profiles.ini is dns.firefox's, rebuilt from a real Windows one (that SOURCE.md), pointed at this profile's folder.
const winRealFirefox = (): Record<string, FixtureFile> => ({
  [`${WIN_FF}\\profiles.ini`]: readFileSync(
    path.join(FIXTURES, '../dns.firefox/win32/C/Users/alex/AppData/Roaming/Mozilla/Firefox/profiles.ini'),
    'utf8',
  ).replace('a1b2c3d4.dev-edition-default', 'q7x2kd9m.dev-edition-default'),
})

const MAC_HOME = '/Users/alex'
const MAC_FF = `${MAC_HOME}/Library/Application Support/Firefox`
const MAC_EDGE = `${MAC_HOME}/Library/Application Support/Microsoft Edge`
const mac = (files: Record<string, FixtureFile>, commands: Record<string, FixtureCommand> = {}): Host =>
  createFixtureHost({ platform: 'darwin', home: MAC_HOME, env: { HOME: MAC_HOME, USER: 'alex' }, files, commands })
const macFirefox = (prefs: string): Record<string, FixtureFile> => ({
  [`${MAC_FF}/profiles.ini`]: '[Profile0]\nName=default-release\nIsRelative=1\nPath=Profiles/wxyz.default-release\n',
  [`${MAC_FF}/Profiles/wxyz.default-release/prefs.js`]: prefs,
})
const FF_PLIST = '/Library/Managed Preferences/org.mozilla.firefox.plist'
const EDGE_PLIST = '/Library/Managed Preferences/com.microsoft.Edge.plist'

type Case = [name: string, host: () => Host, status: Outcome['status'], summary: RegExp, evidence?: string[]]

describe('browser.telemetry per OS (fixtures)', () => {
  const cases: Case[] = [
    [
      'linux: the firefox-esr profile turned the health report and crash auto-submit on; chromium has no reporting',
      () => linux(),
      'fail',
      /^browser\.telemetry\.ffTechnicalStudies\(name=daily\)$/,
      [
        `browser.telemetry.profileLabel(name=daily) | ${LX_PROFILE} | browser.telemetry.verdict_fail`,
        `browser.telemetry.prefLabel(pref=datareporting.healthreport.uploadEnabled, name=daily) | ${LX_PROFILE}/prefs.js:21 | browser.telemetry.obs_user(value=true, via=)`,
        `browser.telemetry.prefLabel(pref=app.shield.optoutstudies.enabled, name=daily) | omni.ja | browser.telemetry.obs_builtin(value=true, via=)`,
        `browser.telemetry.browserLabel(browser=Chromium) | ${LX_CR}/Local State | browser.telemetry.obsChromiumBuild`,
      ],
    ],
    [
      "linux: without the profile's own value Debian's default keeps the health report off; the daily usage ping remains",
      () => linux({ [`${LX_PROFILE}/prefs.js`]: 'user_pref("browser.startup.homepage_override.mstone", "153.8.0");\n' }),
      'warn',
      /^browser\.telemetry\.ffUsage\(name=daily\)$/,
      [
        `browser.telemetry.prefLabel(pref=datareporting.healthreport.uploadEnabled, name=daily) | /usr/lib/firefox-esr/browser/defaults/syspref/firefox-esr.js:26 | browser.telemetry.obs_default(value=false, via=)`,
      ],
    ],
    ['linux: every switch off', () => linux({ [`${LX_PROFILE}/prefs.js`]: OFF }), 'pass', /^browser\.telemetry\.allPass\(count=2\)$/],
    [
      "linux: a real Ubuntu Firefox 80 profile with upload and studies off still sends today's daily usage ping (a newer pref it never set)",
      () => linux({ [`${LX_PROFILE}/prefs.js`]: ubuntuHardened }),
      'warn',
      /^browser\.telemetry\.ffUsage\(name=daily\)$/,
      [
        `browser.telemetry.prefLabel(pref=datareporting.healthreport.uploadEnabled, name=daily) | ${LX_PROFILE}/prefs.js:93 | browser.telemetry.obs_user(value=false, via=)`,
        `browser.telemetry.prefLabel(pref=app.shield.optoutstudies.enabled, name=daily) | ${LX_PROFILE}/prefs.js:17 | browser.telemetry.obs_user(value=false, via=)`,
      ],
    ],
    [
      'linux: DisableTelemetry in policies.json locks upload and usage off; crash auto-submit still warns',
      () =>
        linux({
          '/etc/firefox/policies/policies.json': JSON.stringify({ policies: { DisableTelemetry: true, DisableFirefoxStudies: true } }),
        }),
      'warn',
      /^browser\.telemetry\.ffCrash\(name=daily\)$/,
      [
        `browser.telemetry.prefLabel(pref=datareporting.healthreport.uploadEnabled, name=daily) | /etc/firefox/policies/policies.json | browser.telemetry.obs_policy(value=false, via=DisableTelemetry) + browser.telemetry.obsLocked`,
        `browser.telemetry.policyLabel | /etc/firefox/policies/policies.json | browser.telemetry.obsPolicyValue(policy=policies, value=DisableTelemetry=true, DisableFirefoxStudies=true)`,
      ],
    ],
    [
      'linux: a policies.json with a comment is refused by Firefox, so it turns nothing off',
      () => linux({ '/etc/firefox/policies/policies.json': '// managed\n{ "policies": { "DisableTelemetry": true } }' }),
      'fail',
      /^browser\.telemetry\.ffTechnicalStudies\(name=daily\)$/,
      [
        `browser.telemetry.policyLabel | /etc/firefox/policies/policies.json | browser.telemetry.obsPolicyRejected(error=reader.json.hasExtensions(extensions=reader.json.comments))`,
      ],
    ],
    [
      'linux: the Preferences policy locks the crash auto-submit off',
      () =>
        linux({
          '/etc/firefox/policies/policies.json': JSON.stringify({
            policies: {
              DisableTelemetry: 1,
              Preferences: { 'browser.crashReports.unsubmittedCheck.autoSubmit2': { Value: false, Status: 'locked' } },
            },
          }),
        }),
      'pass',
      /^browser\.telemetry\.allPass\(count=2\)$/,
    ],
    [
      'linux: AutoConfig lockPref() beats the profile value',
      () =>
        linux({
          [AUTOCONFIG]: AC_PREFS,
          '/usr/lib/firefox-esr/mozilla.cfg':
            '// first line is skipped\nlockPref("datareporting.healthreport.uploadEnabled", false);\nlockPref("datareporting.usage.uploadEnabled", false);\nlockPref("browser.crashReports.unsubmittedCheck.autoSubmit2", false);\n',
        }),
      'pass',
      /^browser\.telemetry\.allPass\(count=2\)$/,
      [
        `browser.telemetry.prefLabel(pref=datareporting.healthreport.uploadEnabled, name=daily) | /usr/lib/firefox-esr/mozilla.cfg:2 | browser.telemetry.obs_autoconfig(value=false, via=lockPref()) + browser.telemetry.obsLocked`,
      ],
    ],
    [
      'linux: AutoConfig code Bulwark cannot follow makes the profile unknown, not passed',
      () =>
        linux({
          [AUTOCONFIG]: AC_PREFS,
          '/usr/lib/firefox-esr/mozilla.cfg':
            '//\nif (getenv("USER") == "alex") { lockPref("datareporting.healthreport.uploadEnabled", true); }\n',
        }),
      'unknown',
      /^browser\.telemetry\.ffUnknown\(name=daily, reason=browser\.telemetry\.opaque\(file=\/usr\/lib\/firefox-esr\/mozilla\.cfg, line=2,/,
    ],
    [
      'linux: a damaged prefs.js line naming the setting is unknown',
      () => linux({ [`${LX_PROFILE}/prefs.js`]: `${OFF}\nuser_pref("datareporting.healthreport.uploadEnabled", tru);\n` }),
      'unknown',
      /^browser\.telemetry\.ffUnknown\(name=daily, reason=browser\.telemetry\.damaged\(/,
    ],
    [
      'linux: an unreadable prefs.js is unknown',
      () => linux({ [`${LX_PROFILE}/prefs.js`]: { error: 'permission_denied' } }),
      'unknown',
      /^browser\.telemetry\.ffUnknown\(name=daily, reason=browser\.telemetry\.unreadable\(/,
    ],
    [
      'linux: Google Chrome opted in (Local State) fails even with Firefox off',
      () => linux({ [`${LX_PROFILE}/prefs.js`]: OFF, [`${LX_CHROME}/Local State`]: localState(true) }),
      'fail',
      /^browser\.telemetry\.crMetrics\(browser=Google Chrome, vendor=Google\)$/,
      [
        `browser.telemetry.localStateLabel(browser=Google Chrome) | ${LX_CHROME}/Local State: user_experience_metrics.reporting_enabled | true`,
      ],
    ],
    [
      'linux: the MetricsReportingEnabled policy false overrides the Local State choice',
      () =>
        linux({
          [`${LX_PROFILE}/prefs.js`]: OFF,
          [`${LX_CHROME}/Local State`]: localState(true),
          '/etc/opt/chrome/policies/managed/privacy.json': '{ "MetricsReportingEnabled": false }',
        }),
      'pass',
      /^browser\.telemetry\.allPass\(count=3\)$/,
      [
        `browser.telemetry.managedLabel(browser=Google Chrome) | /etc/opt/chrome/policies/managed/privacy.json | MetricsReportingEnabled=false`,
      ],
    ],
    [
      'linux: Chrome without the Local State key but with its consent file sends statistics',
      () =>
        linux({
          [`${LX_PROFILE}/prefs.js`]: OFF,
          [`${LX_CHROME}/Local State`]: localState(),
          [`${LX_CHROME}/Consent To Send Stats`]: 'f3c0ffee',
        }),
      'fail',
      /^browser\.telemetry\.crMetrics\(browser=Google Chrome, vendor=Google\)$/,
      [`browser.telemetry.consentLabel(browser=Google Chrome) | ${LX_CHROME}/Consent To Send Stats | browser.telemetry.obsConsentFile`],
    ],
    [
      'linux: a Local State that is not JSON is unknown',
      () => linux({ [`${LX_PROFILE}/prefs.js`]: OFF, [`${LX_CHROME}/Local State`]: '{"user_experience_metrics": ' }),
      'unknown',
      /^browser\.telemetry\.crUnknown\(browser=Google Chrome, reason=browser\.telemetry\.obsNotJson\(error=reader\.json\.truncated\)\)$/,
    ],
    [
      'linux: no browser at all',
      () => createFixtureHost({ platform: 'linux', home: '/home/nobody' }),
      'not_applicable',
      /^browser\.telemetry\.none$/,
    ],
    [
      'win32: Edge without a policy sends required diagnostic data',
      () => win({ [`${WIN_EDGE}\\Local State`]: localState(false) }),
      'warn',
      /^browser\.telemetry\.edgeRequired$/,
    ],
    [
      'win32: Edge opted into optional diagnostic data fails',
      () => win({ [`${WIN_EDGE}\\Local State`]: localState(true) }),
      'fail',
      /^browser\.telemetry\.edgeOptional$/,
    ],
    [
      'win32: DiagnosticData 0 in HKLM turns Edge data off; PersonalizationReportingEnabled 1 still warns',
      () =>
        win(
          { [`${WIN_EDGE}\\Local State`]: localState(true) },
          {
            'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Edge /s': reg('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge', {
              DiagnosticData: 0,
              PersonalizationReportingEnabled: 1,
            }),
          },
        ),
      'warn',
      /^browser\.telemetry\.edgePersonalization$/,
    ],
    [
      'win32: DiagnosticData 0 and personalisation off pass',
      () =>
        win(
          { [`${WIN_EDGE}\\Local State`]: localState(true) },
          {
            'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Edge /s': reg('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge', {
              DiagnosticData: 0,
              PersonalizationReportingEnabled: 0,
            }),
          },
        ),
      'pass',
      /^browser\.telemetry\.allPass\(count=1\)$/,
    ],
    [
      'win32: Chrome with no recorded choice is unknown (the consent also lives in the registry)',
      () => win({ [`${WIN_CHROME}\\Local State`]: localState() }),
      'unknown',
      /^browser\.telemetry\.crUnknown\(browser=Google Chrome, reason=browser\.telemetry\.crNotRecorded\(/,
    ],
    [
      'win32: Firefox with DisableTelemetry in HKLM passes',
      () =>
        win(winFirefox('user_pref("datareporting.healthreport.uploadEnabled", true);\n'), {
          'reg query HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox /s': reg('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Mozilla\\Firefox', {
            DisableTelemetry: 1,
            DisableFirefoxStudies: 1,
          }),
        }),
      'pass',
      /^browser\.telemetry\.allPass\(count=1\)$/,
    ],
    [
      'win32: Firefox with its defaults sends telemetry',
      () => win(winFirefox('user_pref("browser.startup.homepage_override.mstone", "153.8.0");\n')),
      'fail',
      /^browser\.telemetry\.ffTechnicalStudies\(name=default-release\)$/,
    ],
    [
      'win32: a real Developer Edition profile with crash auto-submit on and the health report at its default fails',
      () => win(winRealFirefox()),
      'fail',
      /^browser\.telemetry\.ffTechnicalStudies\(name=dev-edition-default\)$/,
      [
        `browser.telemetry.profileLabel(name=dev-edition-default) | ${WIN_REAL_PROFILE} | browser.telemetry.verdict_fail`,
        `browser.telemetry.prefLabel(pref=browser.crashReports.unsubmittedCheck.autoSubmit2, name=dev-edition-default) | ${WIN_REAL_PROFILE}\\prefs.js:48 | browser.telemetry.obs_user(value=true, via=)`,
      ],
    ],
    [
      'win32: the same real profile with CRLF line ends (git may have normalised what Firefox wrote) reads the same, line 48 included',
      () => {
        const crlf = readFileSync(
          path.join(FIXTURES, 'win32/C/Users/alex/AppData/Roaming/Mozilla/Firefox/Profiles/q7x2kd9m.dev-edition-default/prefs.js'),
          'utf8',
        ).replace(/\n/g, '\r\n')
        return win({ ...winRealFirefox(), [`${WIN_REAL_PROFILE}\\prefs.js`]: crlf })
      },
      'fail',
      /^browser\.telemetry\.ffTechnicalStudies\(name=dev-edition-default\)$/,
      [
        `browser.telemetry.prefLabel(pref=browser.crashReports.unsubmittedCheck.autoSubmit2, name=dev-edition-default) | ${WIN_REAL_PROFILE}\\prefs.js:48 | browser.telemetry.obs_user(value=true, via=)`,
      ],
    ],
    [
      'win32: the same real profile under DisableTelemetry still sends crash reports without asking',
      () =>
        win(winRealFirefox(), {
          'reg query HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox /s': reg('HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Mozilla\\Firefox', {
            DisableTelemetry: 1,
            DisableFirefoxStudies: 1,
          }),
        }),
      'warn',
      /^browser\.telemetry\.ffCrash\(name=dev-edition-default\)$/,
    ],
    [
      'win32: a registry that cannot be read makes Firefox unknown',
      () => win(winFirefox(OFF), { 'reg query HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox /s': { error: 'permission_denied' } }),
      'unknown',
      /^browser\.telemetry\.ffUnknown\(name=default-release, reason=browser\.telemetry\.policyUncertain\(/,
    ],
    [
      'darwin: Firefox with the health report on fails',
      () =>
        mac(
          macFirefox(
            'user_pref("datareporting.healthreport.uploadEnabled", true);\nuser_pref("app.shield.optoutstudies.enabled", false);\n',
          ),
        ),
      'fail',
      /^browser\.telemetry\.ffTechnical\(name=default-release\)$/,
    ],
    [
      'darwin: a configuration profile with DisableTelemetry passes Firefox; Edge DiagnosticData 1 warns',
      () =>
        mac(
          {
            ...macFirefox('user_pref("datareporting.healthreport.uploadEnabled", true);\n'),
            [FF_PLIST]: 'bplist00',
            [EDGE_PLIST]: 'bplist00',
            [`${MAC_EDGE}/Local State`]: localState(true),
          },
          {
            [`plutil -convert json -o - ${FF_PLIST}`]: JSON.stringify({
              EnterprisePoliciesEnabled: true,
              DisableTelemetry: true,
              DisableFirefoxStudies: true,
            }),
            [`plutil -convert json -o - ${EDGE_PLIST}`]: JSON.stringify({ DiagnosticData: 1 }),
          },
        ),
      'warn',
      /^browser\.telemetry\.edgeRequired$/,
      [`browser.telemetry.profileLabel(name=default-release) | ${MAC_FF}/Profiles/wxyz.default-release | browser.telemetry.verdict_pass`],
    ],
    [
      'darwin: a Firefox plist without EnterprisePoliciesEnabled is not read by Firefox',
      () =>
        mac(
          { ...macFirefox('user_pref("datareporting.healthreport.uploadEnabled", true);\n'), [FF_PLIST]: 'bplist00' },
          {
            [`plutil -convert json -o - ${FF_PLIST}`]: JSON.stringify({ DisableTelemetry: true }),
          },
        ),
      'fail',
      /^browser\.telemetry\.ffTechnicalStudies\(name=default-release\)$/,
    ],
  ]

  it.each(cases)('%s', async (_name, host, status, summary, evidence = []) => {
    const o = await run(host())
    expect(o.status).toBe(status)
    expect(keyed(o.summary)).toMatch(summary)
    const seen = lines(o)
    for (const e of evidence) expect(seen).toContain(e)
    // Every profile and browser has a verdict line; evidence is never empty for a verdict.
    if (status !== 'not_applicable') expect(o.evidence.length).toBeGreaterThan(0)
  })

  it('steps name only the browsers at fault', async () => {
    const o = await run(linux({ [`${LX_PROFILE}/prefs.js`]: OFF, [`${LX_CHROME}/Local State`]: localState(true) }))
    expect(o.steps?.map((s) => keyed(s.text))).toEqual(['browser.telemetry.stepChrome'])
    const f = await run(linux())
    expect(f.steps?.map((s) => keyed(s.text))).toEqual(['browser.telemetry.stepFirefox', 'browser.telemetry.stepFirefoxPolicy'])
    expect(f.steps?.[1]?.requiresAdmin).toBe(true)
  })
})
