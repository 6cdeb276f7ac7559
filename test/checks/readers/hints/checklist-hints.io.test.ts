import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  containersActive,
  readChecklistHints,
  signalDesktopPaths,
  CONTAINERS_ADDON_ID,
} from '../../../../checks/readers/hints/checklist-hints.io.js'
import type { ChecklistHint } from '../../../../checks/core/guidance/checklist.js'
import type { Platform } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureFile } from '../../../support/fixture-host.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const FIXTURES = path.join(__dirname, '../../../fixtures/checklist.hints')
const HOME: Record<Platform, string> = { linux: '/home/alex', darwin: '/Users/alex', win32: 'C:\\Users\\alex' }

/** Hints as data a test can compare: item, message key, parameters, source. */
const shown = (hints: readonly ChecklistHint[]): [string, string, unknown, string][] =>
  hints.map((h) => [h.item, h.text.key, h.text.params, h.source])

describe('Signal Desktop hint', () => {
  it.each([
    ['linux', '/opt/Signal/signal-desktop', {}],
    ['linux', '/var/lib/flatpak/app/org.signal.Signal', {}],
    ['linux', '/home/alex/.local/share/flatpak/app/org.signal.Signal', {}],
    ['linux', '/xdg-data/flatpak/app/org.signal.Signal', { XDG_DATA_HOME: '/xdg-data' }],
    ['linux', '/snap/signal-desktop', {}],
    ['linux', '/usr/bin/signal-desktop', {}],
    ['darwin', '/Applications/Signal.app', {}],
    ['darwin', '/Users/alex/Applications/Signal.app', {}],
    ['win32', 'C:\\Users\\alex\\AppData\\Local\\Programs\\signal-desktop\\Signal.exe', {}],
    ['win32', 'D:\\Local\\Programs\\signal-desktop\\Signal.exe', { LOCALAPPDATA: 'D:\\Local' }],
  ] as const)('%s: %s is a hint for the messenger item', async (platform, installed, env) => {
    const host = createFixtureHost({ platform, home: HOME[platform], env, files: { [installed]: 'x' } })
    expect(signalDesktopPaths(host)).toContain(installed)
    expect(shown(await readChecklistHints(host))).toEqual([['messenger', 'guidance.checklist.hintSignal', { path: installed }, installed]])
  })

  it.each(['linux', 'darwin', 'win32'] as const)('%s: nothing installed, no hint', async (platform) => {
    expect(await readChecklistHints(createFixtureHost({ platform, home: HOME[platform] }))).toEqual([])
  })

  it('a refused read gives no hint, never an error', async () => {
    const host = createFixtureHost({
      platform: 'linux',
      home: HOME.linux,
      files: { '/opt/Signal/signal-desktop': { error: 'permission_denied' } },
    })
    expect(await readChecklistHints(host)).toEqual([])
  })
})

describe('Firefox identity hints', () => {
  it('finds the two profiles and the Containers add-on firefox-esr recorded', async () => {
    const host = createFixtureHost({ platform: 'linux', home: HOME.linux, root: path.join(FIXTURES, 'linux') })
    expect(shown(await readChecklistHints(host))).toEqual([
      [
        'identities',
        'guidance.checklist.hintFirefoxProfiles',
        { count: 2, path: '/home/alex/.config/mozilla/firefox/profiles.ini' },
        '/home/alex/.config/mozilla/firefox/profiles.ini',
      ],
      [
        'identities',
        'guidance.checklist.hintContainers',
        { profile: 'personal' },
        '/home/alex/.config/mozilla/firefox/uopwfq8f.personal/extensions.json',
      ],
    ])
  })

  const oneProfile = (extensions: FixtureFile): Record<string, FixtureFile> => ({
    'C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox\\profiles.ini':
      '[Profile0]\nName=default\nIsRelative=1\nPath=Profiles/a.default\n',
    'C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\a.default\\extensions.json': extensions,
  })

  it.each([
    ['active', JSON.stringify({ addons: [{ id: CONTAINERS_ADDON_ID, active: true }] }), ['identities']],
    ['disabled', JSON.stringify({ addons: [{ id: CONTAINERS_ADDON_ID, active: false }] }), []],
    ['another add-on', JSON.stringify({ addons: [{ id: 'uBlock0@raymondhill.net', active: true }] }), []],
    ['truncated', '{"addons":[{"id":"@testpilot-containers","act', []],
    ['not an object', '[1,2,3]', []],
    ['addons not a list', '{"addons":{"id":"@testpilot-containers","active":true}}', []],
    ['active as a string', JSON.stringify({ addons: [{ id: CONTAINERS_ADDON_ID, active: 'true' }] }), []],
    ['unreadable', { error: 'permission_denied' } as const, []],
    ['too large', { error: 'too_large' } as const, []],
  ] as const)('win32, one profile, extensions.json %s', async (_label, extensions, items) => {
    const host = createFixtureHost({ platform: 'win32', home: HOME.win32, files: oneProfile(extensions) })
    // One profile is no hint of separate identities: only the add-on can be.
    expect((await readChecklistHints(host)).map((h) => h.item)).toEqual(items)
  })

  it('darwin: two profiles are a hint', async () => {
    const root = '/Users/alex/Library/Application Support/Firefox'
    const host = createFixtureHost({
      platform: 'darwin',
      home: HOME.darwin,
      files: {
        [`${root}/profiles.ini`]:
          '[Profile0]\nName=work\nIsRelative=1\nPath=Profiles/w.work\n\n[Profile1]\nName=home\nIsRelative=1\nPath=Profiles/h.home\n',
        [`${root}/Profiles/w.work/prefs.js`]: '',
        [`${root}/Profiles/h.home/prefs.js`]: '',
      },
    })
    expect(shown(await readChecklistHints(host))).toEqual([
      ['identities', 'guidance.checklist.hintFirefoxProfiles', { count: 2, path: `${root}/profiles.ini` }, `${root}/profiles.ini`],
    ])
  })

  it('reads a huge, deeply nested or hostile extensions.json in linear time without throwing', () => {
    const addons = (scale: number): string =>
      JSON.stringify({ addons: Array.from({ length: 12_500 * scale }, (_, i) => ({ id: `a${i}@x`, active: true })) })
    expect(containersActive(addons(4))).toBe(false)
    expect(containersActive('['.repeat(100000))).toBe(false)
    expect(containersActive('{"addons":[{"id":"@testpilot-containers","active":true,"__proto__":{"x":1}}]}')).toBe(true)
    expect(containersActive('\u0000\u001b[2J')).toBe(false)
    expectLinearTime(addons, containersActive)
    expectLinearTime((scale) => '['.repeat(25_000 * scale), containersActive)
  })
})
