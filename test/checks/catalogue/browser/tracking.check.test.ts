import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { trackingCheck } from '../../../../checks/catalogue/browser/tracking.check.js'
import type { Host } from '../../../../checks/core/host/host.js'
import type { Outcome } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureCommand, type FixtureFile } from '../../../support/fixture-host.js'
import { keyed, keyedEvidence } from '../../../support/seen.js'

const FIXTURES = path.join(__dirname, '../../../fixtures/browser.tracking')
const fixture = (rel: string): string => readFileSync(path.join(FIXTURES, rel), 'utf8')
const ABSENT: FixtureCommand = { code: 1, stderr: fixture('../dns.chromium/win32/recordings/reg-query-absent.stderr.txt') }
const run = (host: Host): Promise<Outcome> => trackingCheck.run(host, new AbortController().signal)

const LX_FF = '/home/alex/.config/mozilla/firefox'
const LX_PROFILE = `${LX_FF}/rnqjn2ud.strict`
const LX_CR = '/home/alex/.config/chromium'
/** The profile firefox-esr 153 wrote (Strict, Global Privacy Control on) and chromium 156's Preferences (third-party cookies blocked). */
const realPrefsJs = fixture(`linux${LX_PROFILE}/prefs.js`)
const realPreferences = JSON.parse(fixture(`linux${LX_CR}/Default/Preferences`)) as { profile: Record<string, unknown> }
const preferencesWith = (profile: Record<string, unknown>, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ ...realPreferences, ...extra, profile: { ...realPreferences.profile, ...profile } })
const linuxRoot = path.join(FIXTURES, 'linux')
const linux = (files: Record<string, FixtureFile> = {}): Host => createFixtureHost({ platform: 'linux', root: linuxRoot, files })

const WIN_ENV = { LOCALAPPDATA: 'C:\\Users\\alex\\AppData\\Local', APPDATA: 'C:\\Users\\alex\\AppData\\Roaming' }
const winHost = (commands: Record<string, FixtureCommand>, files: Record<string, FixtureFile> = {}): Host => {
  const all: Record<string, FixtureCommand> = {}
  for (const key of ['Mozilla\\Firefox', 'Microsoft\\Edge'])
    for (const hive of ['HKLM', 'HKCU']) all[`reg query ${hive}\\SOFTWARE\\Policies\\${key} /s`] = ABSENT
  return createFixtureHost({
    platform: 'win32',
    root: path.join(FIXTURES, 'win32'),
    env: WIN_ENV,
    files,
    commands: { ...all, ...commands },
  })
}
const CHROME_PLIST = '/Library/Managed Preferences/com.google.Chrome.plist'
/** A real prefs.js of Ubuntu's Firefox 80 hardened by a user.js (browser.webrtc's SOURCE.md): "custom", cookies 1, RFP on. */
const ubuntuHardened = fixture('../browser.webrtc/linux/recordings/ubuntu-firefox-80-prefs.js')
const WIN_PROFILE = 'C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\w.default'
/** A real prefs.js of Firefox Developer Edition 72 on Windows (test/fixtures/browser.telemetry/SOURCE.md): category "standard" on line 45. */
const winRealPrefs = fixture(
  '../browser.telemetry/win32/C/Users/alex/AppData/Roaming/Mozilla/Firefox/Profiles/q7x2kd9m.dev-edition-default/prefs.js',
)

describe('browser.tracking per OS (fixtures)', () => {
  it.each([
    [
      'linux: firefox-esr Strict with GPC, chromium blocking third-party cookies',
      () => linux(),
      'pass',
      /^browser\.tracking\.allPass\(count=2\)$/,
      [
        `browser.tracking.ffCategoryLabel(name=Firefox strict) | ${LX_PROFILE}/user.js:1 | browser.tracking.obsValue(value="strict", from=browser.tracking.from_user)`,
        `browser.tracking.ffCookiesLabel(name=Firefox strict) | ${LX_PROFILE} | browser.tracking.obsValue(value=5, from=browser.tracking.from_builtin)`,
        `browser.tracking.crCookiesLabel(name=Chromium Default) | ${LX_CR}/Default/Preferences → profile.cookie_controls_mode=2 | browser.tracking.obsValue(value=true, from=browser.tracking.from_preferences)`,
      ],
    ],
    [
      'linux: a fresh chromium profile (no cookie setting) lets third-party cookies through',
      () => linux({ [`${LX_CR}/Default/Preferences`]: preferencesWith({ cookie_controls_mode: undefined }) }),
      'fail',
      /^browser\.tracking\.cr_third_party_allowed\(name=Chromium Default, count=2\)$/,
      [
        `browser.tracking.crCookiesLabel(name=Chromium Default) | ${LX_CR}/Default/Preferences | browser.tracking.obsValue(value=false, from=browser.tracking.from_chromiumDefault)`,
      ],
    ],
    [
      'linux: cookie_controls_mode 1 blocks them only in incognito',
      () => linux({ [`${LX_CR}/Default/Preferences`]: preferencesWith({ cookie_controls_mode: 1 }) }),
      'fail',
      /^browser\.tracking\.cr_third_party_allowed\(/,
      [],
    ],
    [
      'linux: Privacy Sandbox ad topics turned on warns and names the feature',
      () => linux({ [`${LX_CR}/Default/Preferences`]: preferencesWith({}, { privacy_sandbox: { m1: { topics_enabled: true } } }) }),
      'warn',
      /^browser\.tracking\.cr_sandbox_on\(name=Chromium Default, count=2, features=topics\)$/,
      [
        `browser.tracking.crTopicsLabel(name=Chromium Default) | ${LX_CR}/Default/Preferences → privacy_sandbox.m1.topics_enabled | browser.tracking.obsValue(value=true,`,
      ],
    ],
    [
      'linux: without GPC in user.js and prefs.js Firefox warns',
      () =>
        linux({
          [`${LX_PROFILE}/user.js`]: '',
          [`${LX_PROFILE}/prefs.js`]: realPrefsJs.replace(/^user_pref\("privacy\.globalprivacycontrol\.enabled".*$/m, ''),
        }),
      'warn',
      /^browser\.tracking\.ff_gpc_off\(name=Firefox strict, count=2, value=5\)$/,
      [
        `browser.tracking.ffGpcLabel(name=Firefox strict) | ${LX_PROFILE} | browser.tracking.obsValue(value=false, from=browser.tracking.from_builtin)`,
      ],
    ],
    [
      'linux: a locked Cookies policy "accept" beats the profile and fails',
      () =>
        linux({
          '/etc/firefox/policies/policies.json': JSON.stringify({ policies: { Cookies: { Behavior: 'accept', Locked: true } } }),
        }),
      'fail',
      /^browser\.tracking\.ff_cookies_accept\(name=Firefox strict, count=2, value=0\)$/,
      [
        `browser.tracking.ffCookiesLabel(name=Firefox strict) | /etc/firefox/policies/policies.json | browser.tracking.obsValueLocked(value=0, from=browser.tracking.from_policy)`,
        'browser.tracking.policyLabel | /etc/firefox/policies/policies.json | browser.tracking.policy.sets(policies=network.cookie.cookieBehavior=0 (locked))',
      ],
    ],
    [
      'linux: an unlocked policy default loses to the user value in user.js',
      () =>
        linux({
          '/etc/firefox/policies/policies.json': JSON.stringify({ policies: { Cookies: { Behavior: 'accept' } } }),
          [`${LX_PROFILE}/user.js`]:
            'user_pref("network.cookie.cookieBehavior", 1);\nuser_pref("privacy.globalprivacycontrol.enabled", true);\n',
        }),
      'pass',
      /^browser\.tracking\.allPass\(count=2\)$/,
      [
        `browser.tracking.ffCookiesLabel(name=Firefox strict) | ${LX_PROFILE}/user.js:1 | browser.tracking.obsValue(value=1, from=browser.tracking.from_user)`,
      ],
    ],
    [
      'linux: EnableTrackingProtection Value false turns protection off everywhere',
      () => linux({ '/etc/firefox/policies/policies.json': JSON.stringify({ policies: { EnableTrackingProtection: { Value: false } } }) }),
      'fail',
      /^browser\.tracking\.ff_tp_off\(name=Firefox strict, count=2/,
      [
        'browser.tracking.ffTpLabel(name=Firefox strict) | /etc/firefox/policies/policies.json | browser.tracking.obsValueLocked(value=false, from=browser.tracking.from_policy)',
      ],
    ],
    [
      'linux: limit-foreign cookies (3) keep some cross-site cookies shared',
      () => linux({ [`${LX_PROFILE}/user.js`]: 'user_pref("network.cookie.cookieBehavior", 3);\n' }),
      'warn',
      /^browser\.tracking\.ff_cookies_weak\(name=Firefox strict, count=2, value=3\)$/,
      [],
    ],
    [
      'darwin: Chrome managed to allow third-party cookies fails; Brave unset blocks them by its own default; Firefox warns (no GPC)',
      () =>
        createFixtureHost({
          platform: 'darwin',
          root: path.join(FIXTURES, 'darwin'),
          commands: { [`plutil -convert json -o - ${CHROME_PLIST}`]: fixture('darwin/recordings/plutil-com.google.Chrome.json') },
        }),
      'fail',
      /^browser\.tracking\.cr_third_party_allowed\(name=Google Chrome Default, count=3\)$/,
      [
        `browser.tracking.crCookiesLabel(name=Google Chrome Default) | ${CHROME_PLIST} | browser.tracking.obsValue(value=false, from=browser.tracking.from_policy)`,
        'browser.tracking.crCookiesLabel(name=Brave Default) | /Users/alex/Library/Application Support/BraveSoftware/Brave-Browser/Default/Preferences | browser.tracking.obsValue(value=true, from=browser.tracking.from_braveDefault)',
        'browsers.verdict_warn',
      ],
    ],
    [
      'linux: a real Ubuntu Firefox 80 profile on "custom" blocking all third-party cookies with RFP on warns only for GPC',
      () => linux({ [`${LX_PROFILE}/prefs.js`]: ubuntuHardened, [`${LX_PROFILE}/user.js`]: '' }),
      'warn',
      /^browser\.tracking\.ff_gpc_off\(name=Firefox strict, count=2, value=1\)$/,
      [
        `browser.tracking.ffCategoryLabel(name=Firefox strict) | ${LX_PROFILE}/prefs.js:35 | browser.tracking.obsValue(value="custom", from=browser.tracking.from_user)`,
        `browser.tracking.ffCookiesLabel(name=Firefox strict) | ${LX_PROFILE}/prefs.js:185 | browser.tracking.obsValue(value=1, from=browser.tracking.from_user) | browser.tracking.expectedCookies`,
        `browser.tracking.ffRfpLabel(name=Firefox strict) | ${LX_PROFILE}/prefs.js:209 | browser.tracking.obsValue(value=true, from=browser.tracking.from_user) | browser.tracking.rfpNote`,
      ],
    ],
    [
      'win32: HKLM locks Total Cookie Protection over prefs.js 0; Edge policy blocks cookies and turns topics off',
      () =>
        winHost({
          'reg query HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox /s': fixture('win32/recordings/reg-query-HKLM-Firefox-cookies.txt'),
          'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Edge /s': fixture('win32/recordings/reg-query-HKLM-Edge-tracking.txt'),
        }),
      'pass',
      /^browser\.tracking\.allPass\(count=2\)$/,
      [
        'browser.tracking.ffCookiesLabel(name=Firefox w) | HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox | browser.tracking.obsValueLocked(value=5, from=browser.tracking.from_policy)',
        'browser.tracking.crTopicsLabel(name=Microsoft Edge Default) | HKLM\\SOFTWARE\\Policies\\Microsoft\\Edge | browser.tracking.obsValue(value=false, from=browser.tracking.from_policy)',
      ],
    ],
    [
      'win32: a real Windows profile on "standard" with no cookie pref warns for Firefox; Edge lets third-party cookies through',
      () => winHost({}, { [`${WIN_PROFILE}\\prefs.js`]: winRealPrefs }),
      'fail',
      /^browser\.tracking\.cr_third_party_allowed\(name=Microsoft Edge Default, count=2\)$/,
      [
        `browser.tracking.profileLabel(name=Firefox w) | ${WIN_PROFILE} | browsers.verdict_warn`,
        `browser.tracking.ffCategoryLabel(name=Firefox w) | ${WIN_PROFILE}\\prefs.js:45 | browser.tracking.obsValue(value="standard", from=browser.tracking.from_user)`,
        `browser.tracking.ffCookiesLabel(name=Firefox w) | ${WIN_PROFILE} | browser.tracking.obsValue(value=5, from=browser.tracking.from_builtin) | browser.tracking.expectedCookies`,
      ],
    ],
    [
      'win32: without the policies prefs.js 0 fails Firefox and Edge lets third-party cookies through',
      () => winHost({}),
      'fail',
      /^browser\.tracking\.ff_cookies_accept\(name=Firefox w, count=2, value=0\)$/,
      [
        'browser.tracking.crMeasurementLabel(name=Microsoft Edge Default) | C:\\Users\\alex\\AppData\\Local\\Microsoft\\Edge\\User Data\\Default\\Preferences → privacy_sandbox.m1.ad_measurement_enabled',
      ],
    ],
  ] as const)('%s', async (_name, host, status, summary, evidence) => {
    const o = await run(host())
    expect(o.status).toBe(status)
    expect(keyed(o.summary)).toMatch(summary)
    for (const line of evidence) expect(keyedEvidence(o)).toContain(line)
    if (status !== 'pass') expect(o.steps?.length).toBeGreaterThan(0)
  })
})

describe('browser.tracking: not applicable, unknown, hostile input', () => {
  it('is not applicable with no browser at all', async () => {
    const o = await run(createFixtureHost({ platform: 'linux', files: {} }))
    expect(o.status).toBe('not_applicable')
    expect(keyed(o.summary)).toBe('browser.tracking.none')
  })

  it('is unknown, not a guess, when a damaged prefs.js line names the cookie pref', async () => {
    const o = await run(linux({ [`${LX_PROFILE}/user.js`]: 'user_pref("network.cookie.cookieBehavior", 5\n' }))
    expect(o.status).toBe('unknown')
    expect(keyed(o.summary)).toMatch(/^browser\.tracking\.unknownProfile\(name=Firefox strict, reason=browser\.tracking\.damaged/)
  })

  it('is unknown when a policy file cannot be read', async () => {
    const o = await run(linux({ '/etc/firefox/policies/policies.json': { error: 'permission_denied' } }))
    expect(o.status).toBe('unknown')
    expect(keyed(o.summary)).toMatch(/browser\.tracking\.policyCause\(source=\/etc\/firefox\/policies\/policies\.json/)
  })

  it('ignores a policies.json Firefox would refuse (comments) and says so', async () => {
    const o = await run(
      linux({ '/etc/firefox/policies/policies.json': '// x\n{"policies":{"Cookies":{"Behavior":"accept","Locked":true}}}' }),
    )
    expect(o.status).toBe('pass')
    expect(keyedEvidence(o)).toMatch(/policyLabel \| \/etc\/firefox\/policies\/policies\.json \| browser\.tracking\.policy\.rejected/)
  })

  it.each([
    ['not JSON', '{"profile": '],
    ['an array', '[1,2]'],
    ['hostile control characters', JSON.stringify({ profile: { cookie_controls_mode: '\u001b[2J2' } })],
    ['a huge file (4 MiB)', JSON.stringify({ pad: 'x'.repeat(4 * 1024 * 1024), profile: { cookie_controls_mode: 2 } })],
  ])('reads a Preferences file that is %s without throwing', async (_n, text) => {
    const o = await run(linux({ [`${LX_CR}/Default/Preferences`]: text }))
    expect(['unknown', 'fail', 'pass']).toContain(o.status)
    expect(o.evidence.length).toBeGreaterThan(0)
  })

  it('treats an unknown Cookies.Behavior as uncertain, never as a pass', async () => {
    const o = await run(
      linux({ '/etc/firefox/policies/policies.json': JSON.stringify({ policies: { Cookies: { Behavior: 'sometimes' } } }) }),
    )
    expect(o.status).toBe('unknown')
    expect(keyed(o.summary)).toContain('browser.tracking.policy.badValue(policy=Cookies.Behavior, value="sometimes")')
  })
})
