import { describe, expect, it } from 'vitest'
import { resolveFfPref, type FfPolicies } from '../../../../checks/catalogue/browser/telemetry-firefox.verdict.js'
import type { PrefFile } from '../../../../checks/readers/browsers/firefox-prefs.verdict.js'
import { collectFfPolicies, parseLocalStateMetrics, policyFlag } from '../../../../checks/catalogue/browser/telemetry.parse.js'
import { parsePrefs } from '../../../../checks/readers/browsers/firefox-prefs.parse.js'
import { keyed } from '../../../support/seen.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const MiB4 = 4 * 1024 * 1024

describe('parseLocalStateMetrics', () => {
  it.each([
    ['opted in', '{"user_experience_metrics":{"reporting_enabled":true}}', { state: 'ok', reporting: true }],
    ['opted out', '{"user_experience_metrics":{"reporting_enabled":false}}', { state: 'ok', reporting: false }],
    ['not recorded', '{"user_experience_metrics":{"low_entropy_source3":5}}', { state: 'ok', reporting: undefined }],
    ['a string is no choice', '{"user_experience_metrics":{"reporting_enabled":"true"}}', { state: 'ok', reporting: undefined }],
    ['metrics not an object', '{"user_experience_metrics":[true]}', { state: 'ok', reporting: undefined }],
  ])('%s', (_n, text, want) => {
    expect(parseLocalStateMetrics(text)).toEqual(want)
  })

  it.each([
    ['truncated', '{"user_experience_metrics": ', 'reader.json.truncated'],
    ['an array', '[1,2]', 'reader.json.notObject'],
    ['binary garbage', '\u0000\u0001\u0002', 'reader.json.invalid'],
    ['nested 100 000 levels (hostile)', '['.repeat(100000), 'reader.json.tooDeep(limit=64)'],
  ])('malformed: %s', (_n, text, key) => {
    const r = parseLocalStateMetrics(text)
    expect(r.state).toBe('bad')
    if (r.state === 'bad') expect(keyed(r.error)).toBe(key)
  })

  it('reads a 4 MiB Local State in linear time', () => {
    const localState = (scale: number): string =>
      JSON.stringify({ pad: 'x'.repeat((MiB4 / 4) * scale), user_experience_metrics: { reporting_enabled: true } })
    expect(parseLocalStateMetrics(localState(4))).toEqual({ state: 'ok', reporting: true })
    expectLinearTime(localState, parseLocalStateMetrics)
  })

  it('a name with control characters stays a value, never a key it matches', () => {
    expect(parseLocalStateMetrics('{"user_experience_metrics\\u0007":{"reporting_enabled":true}}')).toEqual({
      state: 'ok',
      reporting: undefined,
    })
  })
})

describe('policyFlag and collectFfPolicies', () => {
  it.each([
    [true, true],
    [1, true],
    [false, false],
    [0, false],
    ['true', undefined],
    [2, undefined],
    [null, undefined],
  ])('%j → %j', (raw, want) => {
    expect(policyFlag(raw)).toBe(want)
  })

  it('a higher source wins per policy; a second file in a Linux group is not read; a bad value is ignored and said', () => {
    const p = collectFfPolicies([
      {
        firstOnly: true,
        sources: [
          { state: 'absent', source: '/etc/firefox/policies/policies.json' },
          {
            state: 'ok',
            source: '/usr/lib/firefox-esr/distribution/policies.json',
            values: { DisableTelemetry: 'yes', DisableFirefoxStudies: true },
          },
          { state: 'ok', source: '/opt/firefox/distribution/policies.json', values: { DisableTelemetry: true } },
        ],
      },
    ])
    expect(p.disableTelemetry).toBeUndefined()
    expect(p.disableStudies).toEqual({ value: true, source: '/usr/lib/firefox-esr/distribution/policies.json' })
    expect(p.notes.map((n) => `${n.source} ${keyed(n.observed)}`)).toEqual([
      '/usr/lib/firefox-esr/distribution/policies.json browser.telemetry.obsPolicyIgnored(policy=DisableTelemetry, value="yes")',
      '/usr/lib/firefox-esr/distribution/policies.json browser.telemetry.obsPolicyValue(policy=policies, value=DisableFirefoxStudies=true)',
      '/opt/firefox/distribution/policies.json browser.telemetry.obsPolicyShadowed',
    ])
  })

  it('Preferences: the old form locks, Status "user" is not a default Firefox applies here', () => {
    const p = collectFfPolicies([
      {
        firstOnly: false,
        sources: [
          {
            state: 'ok',
            source: 'HKLM',
            values: {
              Preferences: {
                'datareporting.usage.uploadEnabled': false,
                'app.shield.optoutstudies.enabled': { Value: false, Status: 'user' },
                'browser.crashReports.unsubmittedCheck.autoSubmit2': { Value: 'no' },
              },
            },
          },
        ],
      },
    ])
    expect([...p.prefs.entries()]).toEqual([['datareporting.usage.uploadEnabled', { value: false, locked: true, source: 'HKLM' }]])
  })
})

describe('resolveFfPref precedence', () => {
  const none: FfPolicies = { prefs: new Map(), uncertain: [], notes: [] }
  const file = (path: string, text: string, kind: 'user' | 'default' = 'user'): PrefFile => ({
    state: 'read',
    path,
    parsed: parsePrefs(text, kind),
  })
  const absent = (path: string): PrefFile => ({ state: 'absent', path })

  it('user.js wins over prefs.js; a locked default wins over both', () => {
    const userJs = file('user.js', 'user_pref("datareporting.healthreport.uploadEnabled", false);')
    const prefsJs = file('prefs.js', 'user_pref("datareporting.healthreport.uploadEnabled", true);')
    expect(resolveFfPref('upload', userJs, prefsJs, none)).toMatchObject({ known: true, value: false, how: 'user', source: 'user.js:1' })
    const admin = {
      install: '/i',
      defaults: [file('/i/defaults/pref/lock.js', 'pref("datareporting.healthreport.uploadEnabled", true, locked);', 'default')],
    }
    expect(resolveFfPref('upload', userJs, prefsJs, none, admin)).toMatchObject({ known: true, value: true, how: 'default', locked: true })
  })

  it('a value of another type in user.js is refused, as Firefox does', () => {
    const userJs = file('user.js', 'user_pref("datareporting.healthreport.uploadEnabled", "false");')
    expect(resolveFfPref('upload', userJs, absent('prefs.js'), none)).toMatchObject({ known: true, value: true, how: 'builtin' })
  })

  it('pref() in user.js sets a default Bulwark will not guess about', () => {
    const userJs = file('user.js', 'pref("datareporting.healthreport.uploadEnabled", false);')
    expect(resolveFfPref('upload', userJs, absent('prefs.js'), none)).toMatchObject({ known: false })
  })

  it('a 4 MiB prefs.js of hostile noise is read and decided', () => {
    const noise = (scale: number): string =>
      `${'user_pref("x", "\\u0007\\x1b[31m");\n'.repeat((MiB4 / 160) * scale)}user_pref("browser.crashReports.unsubmittedCheck.autoSubmit2", true);\n`
    const resolve = (text: string): unknown => resolveFfPref('crash', absent('user.js'), file('prefs.js', text), none)
    expect(resolve(noise(4))).toMatchObject({ known: true, value: true, how: 'user' })
    expectLinearTime(noise, resolve)
  })
})
