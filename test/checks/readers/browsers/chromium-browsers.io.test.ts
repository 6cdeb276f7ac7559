import { describe, expect, it } from 'vitest'
import { CHROMIUM_BROWSERS, chromiumUserDataDirs, findChromiumBrowsers } from '../../../../checks/readers/browsers/chromium-browsers.io.js'
import { readManagedPrefs } from '../../../../checks/readers/browsers/mac-managed-prefs.io.js'
import { createFixtureHost } from '../../../support/fixture-host.js'

const spec = (id: string) => CHROMIUM_BROWSERS.find((b) => b.id === id)!

describe('chromiumUserDataDirs', () => {
  it.each([
    ['linux', {}, 'chrome', '/home/alex/.config/google-chrome'],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, 'brave', '/xdg/BraveSoftware/Brave-Browser'],
    ['linux', {}, 'chromium', '/home/alex/snap/chromium/common/chromium'],
    ['darwin', {}, 'edge', '/Users/alex/Library/Application Support/Microsoft Edge'],
    [
      'win32',
      { LOCALAPPDATA: 'C:\\Users\\alex\\AppData\\Local' },
      'brave',
      'C:\\Users\\alex\\AppData\\Local\\BraveSoftware\\Brave-Browser\\User Data',
    ],
    ['win32', {}, 'vivaldi', 'C:\\Users\\alex\\AppData\\Local\\Vivaldi\\User Data'],
  ] as const)('%s %j: %s uses %s', (platform, env, id, dir) => {
    expect(chromiumUserDataDirs(createFixtureHost({ platform, env }), spec(id))).toContain(dir)
  })
})

describe('findChromiumBrowsers', () => {
  it('lists only browsers with a Local State, with its path', async () => {
    const host = createFixtureHost({
      platform: 'linux',
      files: { '/home/alex/.config/microsoft-edge/Local State': '{}', '/home/alex/.config/google-chrome/Default/Preferences': '{}' },
    })
    const found = await findChromiumBrowsers(host)
    expect(found.browsers.map((b) => [b.spec.id, b.localStatePath])).toEqual([['edge', '/home/alex/.config/microsoft-edge/Local State']])
  })

  it('reports a Local State it cannot examine, naming the browser', async () => {
    const host = createFixtureHost({ platform: 'linux', files: { '/home/alex/.config/vivaldi/Local State': { error: 'loop' } } })
    const found = await findChromiumBrowsers(host)
    expect(found.browsers).toEqual([])
    expect(found.problems.map((p) => [p.spec.id, p.source])).toEqual([['vivaldi', '/home/alex/.config/vivaldi/Local State']])
  })
})

describe('readManagedPrefs', () => {
  it('reads the user scope before the device scope, through plutil', async () => {
    const user = '/Library/Managed Preferences/alex/com.brave.Browser.plist'
    const device = '/Library/Managed Preferences/com.brave.Browser.plist'
    const host = createFixtureHost({
      platform: 'darwin',
      env: { USER: 'alex' },
      files: { [user]: 'bplist00', [device]: 'bplist00' },
      commands: {
        [`plutil -convert json -o - ${user}`]: '{"DnsOverHttpsMode":"secure"}',
        [`plutil -convert json -o - ${device}`]: { code: 1, stderr: `${device}: Property List error: bad file` },
      },
    })
    const reads = await readManagedPrefs(host, 'com.brave.Browser')
    expect(reads).toEqual([
      { status: 'ok', source: user, values: { DnsOverHttpsMode: 'secure' } },
      { status: 'unreadable', source: device, reason: { key: '', en: `${device}: Property List error: bad file` } },
    ])
  })
})
