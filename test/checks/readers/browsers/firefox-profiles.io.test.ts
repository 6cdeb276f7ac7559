import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findFirefoxProfiles, firefoxProfileRoots } from '../../../../checks/readers/browsers/firefox-profiles.io.js'
import { englishText as plain } from '../../../../checks/core/i18n/message.js'
import { createFixtureHost } from '../../../support/fixture-host.js'

const FIXTURES = path.join(__dirname, '../../../fixtures/dns.firefox')

describe('firefoxProfileRoots', () => {
  it.each([
    [
      'linux',
      {},
      [
        '/home/alex/.mozilla/firefox',
        '/home/alex/.config/mozilla/firefox',
        '/home/alex/snap/firefox/common/.mozilla/firefox',
        '/home/alex/.var/app/org.mozilla.firefox/.mozilla/firefox',
      ],
    ],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, ['/home/alex/.mozilla/firefox', '/xdg/mozilla/firefox']],
    ['darwin', {}, ['/Users/alex/Library/Application Support/Firefox']],
    ['win32', { APPDATA: 'D:\\Roaming' }, ['D:\\Roaming\\Mozilla\\Firefox']],
    ['win32', {}, ['C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox']],
  ] as const)('%s %j includes the documented roots', (platform, env, expected) => {
    const dirs = firefoxProfileRoots(createFixtureHost({ platform, env })).map((r) => r.dir)
    for (const d of expected) expect(dirs).toContain(d)
  })

  it('marks snap and flatpak roots with their packaging', () => {
    const roots = firefoxProfileRoots(createFixtureHost({ platform: 'linux' }))
    expect(roots.find((r) => r.dir.includes('/snap/'))?.packaging).toBe('snap')
    expect(roots.filter((r) => r.dir.includes('org.mozilla.firefox')).every((r) => r.packaging === 'flatpak')).toBe(true)
  })
})

describe('findFirefoxProfiles', () => {
  it('finds the profiles firefox-esr wrote, including an absolute path with spaces and non-ASCII', async () => {
    const host = createFixtureHost({ platform: 'linux', root: path.join(FIXTURES, 'linux') })
    const found = await findFirefoxProfiles(host)
    expect(found.problems).toEqual([])
    expect(found.profiles.map((p) => [p.name, p.path, p.isInstallDefault, p.isDefault])).toEqual([
      ['work', '/home/alex/.config/mozilla/firefox/khbt3iio.work', true, true],
      ['täglich', '/home/alex/Profilé täglich/fx', false, false],
    ])
  })

  it.each([
    ['darwin', '/Users/alex/Library/Application Support/Firefox/Profiles/q1w2e3r4.default-release'],
    ['win32', 'C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\z9y8x7w6.default-release'],
  ] as const)('resolves %s relative paths written with / and marks the install default', async (platform, expected) => {
    const host = createFixtureHost({
      platform,
      root: path.join(FIXTURES, platform),
      env: platform === 'win32' ? { APPDATA: 'C:\\Users\\alex\\AppData\\Roaming' } : {},
    })
    const found = await findFirefoxProfiles(host)
    const profile = found.profiles.find((p) => p.path === expected)
    expect(profile?.isInstallDefault).toBe(true)
  })

  it('finds snap and flatpak profiles and the classic ~/.mozilla root', async () => {
    const ini = (p: string): string => `[Profile0]\nName=x\nIsRelative=1\nPath=${p}\n`
    const host = createFixtureHost({
      platform: 'linux',
      files: {
        '/home/alex/.mozilla/firefox/profiles.ini': ini('a.default'),
        '/home/alex/.mozilla/firefox/a.default/prefs.js': '',
        '/home/alex/snap/firefox/common/.mozilla/firefox/profiles.ini': ini('s.default'),
        '/home/alex/snap/firefox/common/.mozilla/firefox/s.default/prefs.js': '',
        '/home/alex/.var/app/org.mozilla.firefox/.mozilla/firefox/profiles.ini': ini('f.default'),
        '/home/alex/.var/app/org.mozilla.firefox/.mozilla/firefox/f.default/prefs.js': '',
      },
    })
    const found = await findFirefoxProfiles(host)
    expect(found.profiles.map((p) => [p.path.split('/').pop(), p.root.packaging]).sort()).toEqual([
      ['a.default', 'native'],
      ['f.default', 'flatpak'],
      ['s.default', 'snap'],
    ])
  })

  it('reports a profile listed but missing on disk without failing', async () => {
    const host = createFixtureHost({
      platform: 'linux',
      files: { '/home/alex/.mozilla/firefox/profiles.ini': '[Profile0]\nName=gone\nPath=gone.default\nIsRelative=1\n' },
    })
    const found = await findFirefoxProfiles(host)
    expect(found.profiles).toEqual([])
    expect(found.missing).toEqual([
      { name: 'gone', path: '/home/alex/.mozilla/firefox/gone.default', source: '/home/alex/.mozilla/firefox/profiles.ini' },
    ])
  })

  it.each([
    ['unreadable', { error: 'permission_denied' as const }, /Permission denied/],
    ['huge', 'x'.repeat(4 * 1024 * 1024 + 1), /larger than Bulwark reads/],
    ['binary garbage', new Uint8Array([0, 1, 2, 255, 10, 0x5b, 0, 10, 7, 7]), /could not be understood/],
  ])('turns a %s profiles.ini into a problem with a reason', async (_name, content, reason) => {
    const host = createFixtureHost({ platform: 'linux', files: { '/home/alex/.mozilla/firefox/profiles.ini': content } })
    const found = await findFirefoxProfiles(host)
    expect(found.profiles).toEqual([])
    expect(found.problems).toHaveLength(1)
    expect(found.problems[0]?.source).toBe('/home/alex/.mozilla/firefox/profiles.ini')
    expect(plain(found.problems[0]!.reason)).toMatch(reason)
  })

  describe('on a real file system', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-ffp-'))
    afterAll(() => rmSync(tmp, { recursive: true, force: true }))

    it('reports a profile folder that is a symlink loop', async () => {
      const root = path.join(tmp, 'home/alex/.mozilla/firefox')
      mkdirSync(root, { recursive: true })
      writeFileSync(path.join(root, 'profiles.ini'), '[Profile0]\nName=loop\nIsRelative=1\nPath=loop.a\n')
      symlinkSync(path.join(root, 'loop.b'), path.join(root, 'loop.a'))
      symlinkSync(path.join(root, 'loop.a'), path.join(root, 'loop.b'))
      const found = await findFirefoxProfiles(createFixtureHost({ platform: 'linux', root: tmp }))
      expect(found.profiles).toEqual([])
      expect(plain(found.problems[0]!.reason)).toMatch(/symbolic link loop/)
    })
  })
})
