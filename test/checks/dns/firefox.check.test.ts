import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { englishText as plain } from '../../../checks/i18n/message.js'
import { firefoxCheck } from '../../../checks/dns/firefox.check.js'
import type { Host } from '../../../checks/host/host.js'
import type { Outcome } from '../../../checks/types.js'
import { createFixtureHost, type FixtureCommand, type FixtureFile } from '../../support/fixture-host.js'

const FIXTURES = path.join(__dirname, '../../fixtures/dns.firefox')
const recording = (os: string, name: string): string => readFileSync(path.join(FIXTURES, os, 'recordings', name), 'utf8')
const ABSENT: FixtureCommand = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.' }

const run = (host: Host): Promise<Outcome> => firefoxCheck.run(host, new AbortController().signal)
const text = (o: Outcome): string => plain(o.summary)
const evidenceText = (o: Outcome): string => o.evidence.map((e) => `${plain(e.label)} | ${e.source} | ${String(e.observed)}${e.expected ? ` | ${plain(e.expected)}` : ''}`).join('\n')

const WIN_ENV = { APPDATA: 'C:\\Users\\alex\\AppData\\Roaming', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' }
const winHost = (hklm: FixtureCommand, hkcu: FixtureCommand = ABSENT): Host =>
  createFixtureHost({
    platform: 'win32',
    root: path.join(FIXTURES, 'win32'),
    env: WIN_ENV,
    commands: { 'reg query HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox /s': hklm, 'reg query HKCU\\SOFTWARE\\Policies\\Mozilla\\Firefox /s': hkcu },
  })
const MAC_PLIST = '/Library/Managed Preferences/org.mozilla.firefox.plist'
const macHost = (plutil?: FixtureCommand): Host =>
  createFixtureHost({ platform: 'darwin', root: path.join(FIXTURES, 'darwin'), commands: plutil === undefined ? {} : { [`plutil -convert json -o - ${MAC_PLIST}`]: plutil } })

describe('dns.firefox per OS (fixtures)', () => {
  it('linux: profiles written by firefox-esr: the mode-2 profile makes the result warn, and it is named', async () => {
    const o = await run(createFixtureHost({ platform: 'linux', root: path.join(FIXTURES, 'linux') }))
    expect(o.status).toBe('warn')
    expect(text(o)).toBe('Firefox profile "täglich" tries DNS over HTTPS first but falls back to plain DNS (network.trr.mode 2; profiles checked: 2).')
    const ev = evidenceText(o)
    expect(ev).toContain('Firefox profile "work" (default for an installed Firefox) (profile manager default) | /home/alex/.config/mozilla/firefox/khbt3iio.work | pass')
    expect(ev).toContain('network.trr.mode in profile "work" | /home/alex/.config/mozilla/firefox/khbt3iio.work/user.js:1 | 3 from /home/alex/.config/mozilla/firefox/khbt3iio.work/user.js line 1')
    expect(ev).toContain('network.trr.uri in profile "work" | /home/alex/.config/mozilla/firefox/khbt3iio.work/user.js:2 | "https://dns.quad9.net/dns-query"')
    expect(ev).toContain('network.trr.mode in profile "täglich" | /home/alex/Profilé täglich/fx/user.js:2 | 2 from')
    expect(ev).toMatch(/network.trr.strict_native_fallback in profile "täglich" .* true from .*still can/)
  })

  it.each([
    ['darwin: policies.json locks mode 3 when managed preferences do not enable policies', () => macHost('{"EnterprisePoliciesEnabled":false}'), 'pass', /Every Firefox profile found \(1\)/, /policy DNSOverHTTPS in \/Applications\/Firefox.app\/Contents\/Resources\/distribution\/policies.json \(locked\)/],
    ['darwin: managed preferences win over policies.json; unlocked Enabled gives mode 2', () => macHost(recording('darwin', 'plutil-org.mozilla.firefox.json')), 'warn', /"default-release" tries DNS over HTTPS first/, /2 from \/Users\/alex\/Library\/Application Support\/Firefox\/Profiles\/q1w2e3r4.default-release\/prefs.js line 36/],
    ['darwin: plutil missing leaves the managed plist unread: unknown, saying why', () => macHost(), 'unknown', /Could not tell whether Firefox profile "default-release".*Library\/Managed Preferences\/org.mozilla.firefox.plist/, /unreadable/],
    ['win32: HKLM Group Policy locks mode 3 for every profile', () => winHost(recording('win32', 'reg-query-HKLM-Firefox-locked.txt')), 'pass', /Every Firefox profile found \(2\)/, /3 from policy DNSOverHTTPS in HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox \(locked\)/],
    ['win32: no policy: the profile without DoH fails and is named', () => winHost(ABSENT), 'fail', /"default-release" uses plain DNS: DNS over HTTPS is off \(network.trr.mode 0; profiles checked: 2\)/, /network.trr.mode in profile "dev-edition-default" \| C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\a1b2c3d4.dev-edition-default\\user.js:1/],
    ['win32: HKCU Enabled alone gives mode 2 (falls back)', () => winHost(ABSENT, recording('win32', 'reg-query-HKCU-Firefox-enabled.txt')), 'warn', /"default-release" tries DNS over HTTPS first/, /2 from policy DNSOverHTTPS in HKCU\\SOFTWARE\\Policies\\Mozilla\\Firefox \(default; a user setting can override it\)/],
    ['win32: registry access denied: unknown, saying why', () => winHost({ code: 1, stderr: 'ERROR: Access is denied.' }), 'unknown', /Access is denied/, /unreadable/],
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
    createFixtureHost({ platform: 'linux', files: { '/home/alex/.mozilla/firefox/profiles.ini': '[Profile0]\nName=x\nIsRelative=1\nPath=x.default\n', ...files } })

  it('is not_applicable when there is no Firefox profile', async () => {
    const o = await run(createFixtureHost({ platform: 'linux' }))
    expect(o.status).toBe('not_applicable')
    expect(text(o)).toBe('No Firefox profile was found for this user.')
  })

  it('is unknown, not not_applicable, when profiles.ini is unreadable', async () => {
    const o = await run(createFixtureHost({ platform: 'linux', files: { '/home/alex/.mozilla/firefox/profiles.ini': { error: 'permission_denied' } } }))
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
    const o = await run(linux({ [`${PROFILE}/prefs.js`]: new Uint8Array([0xff, 0xfe, 0x00, 0x0a, ...new TextEncoder().encode('user_pref("network.trr.mode", 5);\n')]) }))
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
        '/etc/firefox/policies/policies.json': JSON.stringify({ policies: { DNSOverHTTPS: { Enabled: true, Fallback: false, ProviderURL: 'https://dns.quad9.net/dns-query', Locked: true } } }),
      }),
    )
    expect(o.status).toBe('pass')
    expect(evidenceText(o)).toMatch(/3 from policy DNSOverHTTPS in \/etc\/firefox\/policies\/policies.json \(locked\)/)
  })

  it('reports a profile listed in profiles.ini but missing on disk', async () => {
    const o = await run(
      createFixtureHost({
        platform: 'linux',
        files: { '/home/alex/.mozilla/firefox/profiles.ini': '[Profile0]\nName=a\nPath=a\n[Profile1]\nName=b\nPath=b\n', '/home/alex/.mozilla/firefox/a/prefs.js': 'user_pref("network.trr.mode", 3);' },
      }),
    )
    expect(o.status).toBe('pass')
    expect(evidenceText(o)).toMatch(/Profile listed in profiles.ini but missing on disk \| \/home\/alex\/.mozilla\/firefox\/b/)
  })
})

describe('dns.firefox remediation', () => {
  it.each(['linux', 'darwin', 'win32'] as const)('%s: the UI path, a user.js block with mode 3, the prefs.js undo and an admin policy step', (platform) => {
    const steps = firefoxCheck.remediation.byPlatform[platform] ?? []
    expect(plain(steps[0]!.text)).toMatch(/Privacy & Security → DNS over HTTPS.*Max Protection/)
    expect(steps[1]?.command?.line).toContain('user_pref("network.trr.mode", 3);')
    expect(plain(steps[2]!.text)).toMatch(/restore|put back the prefs.js copy/)
    expect(steps[3]?.requiresAdmin).toBe(true)
    expect(steps[3]?.command?.line).toMatch(/Fallback/)
  })
})
