import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBrowserCheck } from '../../../../checks/catalogue/permissions/browser.check.js'
import { sqlJsEngine } from '../../../../src-main/node/adapters/sqlite.js'
import type { Outcome, Platform } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureFile } from '../../../support/fixture-host.js'
import { firefoxPermissionsDb } from './browser-fixture.js'
import { seenInEnglish } from '../../../support/seen.js'
import { FIXTURES } from './tcc-fixture.js'

const chromium = (name: string): string => readFileSync(path.join(FIXTURES, 'permissions.browser/chromium', name), 'utf8')
const FAR = Date.parse('2999-01-01T00:00:00Z')

/** Where each OS keeps a Firefox profile root and one Chromium-family user data folder. */
const LAYOUT: Record<Platform, { sep: string; firefox: string; chromium: string; browser: string; scheme: string }> = {
  linux: {
    sep: '/',
    firefox: '/home/alex/.mozilla/firefox',
    chromium: '/home/alex/.config/chromium',
    browser: 'Chromium',
    scheme: 'chrome',
  },
  darwin: {
    sep: '/',
    firefox: '/Users/alex/Library/Application Support/Firefox',
    chromium: '/Users/alex/Library/Application Support/Google/Chrome',
    browser: 'Google Chrome',
    scheme: 'chrome',
  },
  win32: {
    sep: '\\',
    firefox: 'C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox',
    chromium: 'C:\\Users\\alex\\AppData\\Local\\Microsoft\\Edge\\User Data',
    browser: 'Microsoft Edge',
    scheme: 'edge',
  },
}
const PROFILE_DIR = 'Profiles/x1y2z3.Jürgen private'

function files(
  platform: Platform,
  o: { permissions?: FixtureFile; userJs?: string; preferences?: FixtureFile },
): Record<string, FixtureFile> {
  const l = LAYOUT[platform]
  const j = (...parts: string[]): string => parts.join(l.sep)
  const profile = j(l.firefox, ...PROFILE_DIR.split('/'))
  const out: Record<string, FixtureFile> = {
    [j(l.firefox, 'profiles.ini')]:
      `[General]\nStartWithLastProfile=1\nVersion=2\n\n[Profile0]\nName=Jürgen private\nIsRelative=1\nPath=${PROFILE_DIR}\nDefault=1\n`,
    [j(profile, 'prefs.js')]: '// Mozilla User Preferences\nuser_pref("browser.startup.homepage_override.mstone", "153.7.0");\n',
    [j(l.chromium, 'Local State')]: chromium('Local-State.json'),
    [j(l.chromium, 'Default', 'Preferences')]: o.preferences ?? chromium('Preferences-grants.json'),
  }
  if (o.permissions) out[j(profile, 'permissions.sqlite')] = o.permissions
  if (o.userJs) out[j(profile, 'user.js')] = o.userJs
  return out
}

async function scan(platform: Platform, f: Record<string, FixtureFile>): Promise<Outcome> {
  return seenInEnglish(await createBrowserCheck(sqlJsEngine).run(createFixtureHost({ platform, files: f }), new AbortController().signal))
}

const grants = async (): Promise<Uint8Array> =>
  firefoxPermissionsDb([
    { origin: 'https://meet.example', type: 'camera', permission: 1, expireType: 0, expireTime: 0 },
    { origin: 'https://maps.example', type: 'geo', permission: 1, expireType: 2, expireTime: FAR },
    { origin: 'https://expired.example', type: 'microphone', permission: 1, expireType: 2, expireTime: 1 },
  ])

describe.each(['linux', 'darwin', 'win32'] as const)('permissions.browser on %s', (platform) => {
  const l = LAYOUT[platform]

  it('passes, listing browser, profile, site and permission for Firefox and Chromium', async () => {
    const o = await scan(platform, files(platform, { permissions: await grants() }))
    expect(o.status).toBe('pass')
    expect(o.summary.params?.count).toBe(6)
    const firefox = o.evidence.filter((e) => e.label.params?.browser === 'Firefox')
    expect(firefox.map((e) => [e.label.key, e.label.params?.profile, e.label.params?.site])).toEqual([
      ['permissions.browser.site_camera', 'Jürgen private', 'https://meet.example'],
      ['permissions.browser.site_location', 'Jürgen private', 'https://maps.example'],
    ])
    expect(firefox[0]?.source).toMatch(/x1y2z3\.Jürgen private.permissions\.sqlite → moz_perms \(origin=https:\/\/meet\.example\)$/)
    expect(firefox[0]?.observed).toBe('permission=1, expireType=0; no expiry')
    const camera = o.evidence.find((e) => e.label.key === 'permissions.browser.site_camera' && e.label.params?.browser === l.browser)
    // The fixture host lists Windows folders in lower case; Windows itself would say "Default".
    expect(camera?.label.params).toEqual({ browser: l.browser, profile: 'Default', site: 'https://meet.example.org:443' })
    expect(camera?.expected?.params?.page).toBe(`${l.scheme}://settings/content/camera`)
  })

  it('warns when Firefox allows location for every site (user.js)', async () => {
    const o = await scan(platform, files(platform, { permissions: await grants(), userJs: 'user_pref("permissions.default.geo", 1);\n' }))
    expect(o.status).toBe('warn')
    const d = o.evidence.find((e) => e.label.key === 'permissions.browser.default_location')
    expect(d?.source).toMatch(/user\.js → permissions\.default\.geo$/)
    expect(d?.observed).toBe(1)
  })

  it('warns when a Chromium profile allows location for every site', async () => {
    const o = await scan(platform, files(platform, { preferences: chromium('Preferences-allow-all-location.json') }))
    expect(o.status).toBe('warn')
    expect(String(o.summary.params?.profiles).toLowerCase()).toBe(`${l.browser} default`.toLowerCase())
  })

  it.each<[string, FixtureFile, RegExp]>([
    ['not JSON', '{"profile": {"content_settings": ', /not valid JSON/],
    ['binary garbage', new Uint8Array([0, 159, 146, 150, 255]), /not valid JSON/],
    ['the wrong shape', '{"profile": {"content_settings": {"exceptions": {"media_stream_camera": 3}}}}', /not in the shape/],
    ['unreadable', { error: 'permission_denied' }, /^permission denied$/],
    ['too large', { error: 'too_large' }, /^too large to read$/],
  ])('is unknown when Preferences is %s', async (_, preferences, reason) => {
    const o = await scan(platform, files(platform, { preferences }))
    expect(o.status).toBe('unknown')
    expect(o.evidence.find((e) => e.source.endsWith('Preferences'))?.observed).toMatch(reason)
  })

  it.each<[string, FixtureFile, RegExp]>([
    ['not SQLite', 'garbage', /not a SQLite database/],
    ['truncated', 'SQLite format 3\0', /truncated/],
    ['unreadable', { error: 'permission_denied' }, /^permission denied$/],
  ])('is unknown when permissions.sqlite is %s', async (_, permissions, reason) => {
    const o = await scan(platform, files(platform, { permissions }))
    expect(o.status).toBe('unknown')
    expect(o.summary.key).toBe('permissions.browser.ffUnreadable')
    expect(o.evidence.find((e) => e.source.endsWith('permissions.sqlite'))?.observed).toMatch(reason)
  })

  it('treats a profile without permissions.sqlite as holding no grants', async () => {
    const o = await scan(platform, files(platform, { preferences: chromium('Preferences-fresh.json') }))
    expect(o.status).toBe('pass')
    expect(o.summary.params?.count).toBe(0)
  })

  it('is not applicable without any browser profile', async () => {
    const o = await scan(platform, {})
    expect(o.status).toBe('not_applicable')
  })
})
