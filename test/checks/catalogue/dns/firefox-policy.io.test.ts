import { describe, expect, it } from 'vitest'
import { prefsFromPolicies, readFirefoxPolicies } from '../../../../checks/catalogue/dns/firefox-policy.io.js'
import { createFixtureHost, type FixtureCommand } from '../../../support/fixture-host.js'
import { keyed } from '../../../support/seen.js'

const SRC = '/etc/firefox/policies/policies.json'
const ABSENT: FixtureCommand = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.' }

describe('prefsFromPolicies', () => {
  it.each([
    ['Enabled true → mode 2', { Enabled: true }, { 'network.trr.mode': [2, false] }],
    ['Enabled + Fallback false → mode 3', { Enabled: true, Fallback: false }, { 'network.trr.mode': [3, false] }],
    ['Enabled false → mode 5', { Enabled: false }, { 'network.trr.mode': [5, false] }],
    ['Enabled false + Fallback false stays 5', { Enabled: false, Fallback: false }, { 'network.trr.mode': [5, false] }],
    ['registry DWORD 1 is true', { Enabled: 1, Locked: 1 }, { 'network.trr.mode': [2, true] }],
    [
      'ProviderURL alone sets only the uri',
      { ProviderURL: 'https://d.example/q', Locked: true },
      { 'network.trr.uri': ['https://d.example/q', true] },
    ],
  ])('DNSOverHTTPS %s', (_name, doh, expected) => {
    const { prefs, ignored } = prefsFromPolicies({ DNSOverHTTPS: doh }, SRC)
    expect(ignored).toEqual([])
    expect(Object.fromEntries([...prefs].map(([k, v]) => [k, [v.value, v.locked]]))).toEqual(expected)
  })

  it.each([
    ['a non-boolean Enabled', { Enabled: 'yes' }],
    ['a ProviderURL that is not a URL', { Enabled: true, ProviderURL: 'not a url' }],
  ])('drops a DNSOverHTTPS policy with %s, as Firefox does', (_name, doh) => {
    const { prefs, ignored } = prefsFromPolicies({ DNSOverHTTPS: doh }, SRC)
    expect(prefs.size).toBe(0)
    expect(ignored[0]).toMatchObject({ key: 'dns.firefox.policy.invalidPolicy' })
  })

  it('reads the Preferences policy in its new and old forms', () => {
    expect(
      prefsFromPolicies({ Preferences: { 'network.trr.mode': { Value: 3, Status: 'locked' } } }, SRC).prefs.get('network.trr.mode'),
    ).toMatchObject({ value: 3, locked: true, via: 'Preferences' })
    expect(
      prefsFromPolicies({ Preferences: { 'network.trr.mode': { Value: 2, Status: 'default' } } }, SRC).prefs.get('network.trr.mode'),
    ).toMatchObject({ value: 2, locked: false })
    expect(prefsFromPolicies({ Preferences: { 'network.trr.mode': 3 } }, SRC).prefs.get('network.trr.mode')).toMatchObject({
      value: 3,
      locked: true,
    })
  })

  it('calls a Preferences Status of "user" uncertain', () => {
    const r = prefsFromPolicies({ Preferences: { 'network.trr.mode': { Value: 3, Status: 'user' } } }, SRC)
    expect(r.prefs.size).toBe(0)
    expect(r.uncertain[0]).toMatchObject({ key: 'dns.firefox.policy.userStatus', params: { status: 'user' } })
  })
})

describe('readFirefoxPolicies', () => {
  const locked3 = JSON.stringify({ policies: { DNSOverHTTPS: { Enabled: true, Fallback: false, Locked: true } } })
  const enabled = JSON.stringify({ policies: { DNSOverHTTPS: { Enabled: true } } })

  it('linux: /etc/firefox/policies replaces the installation file entirely', async () => {
    const host = createFixtureHost({
      platform: 'linux',
      files: { [SRC]: locked3, '/usr/lib/firefox-esr/distribution/policies.json': enabled },
    })
    const r = await readFirefoxPolicies(host, 'native')
    expect(r.prefs.get('network.trr.mode')).toMatchObject({ value: 3, locked: true, source: SRC })
    expect(r.notes.find((n) => n.source.startsWith('/usr/lib'))?.observed).toBe('network.trr.mode=2')
    expect(r.notes.find((n) => n.source.startsWith('/usr/lib'))?.note.key).toBe('dns.firefox.policy.shadowed')
  })

  it('linux: reads the installation file when there is no system file', async () => {
    const host = createFixtureHost({ platform: 'linux', files: { '/usr/lib/firefox-esr/distribution/policies.json': enabled } })
    const r = await readFirefoxPolicies(host, 'native')
    expect(r.prefs.get('network.trr.mode')).toMatchObject({
      value: 2,
      locked: false,
      source: '/usr/lib/firefox-esr/distribution/policies.json',
    })
  })

  it('linux flatpak: reads the systemconfig extension, not the host /etc', async () => {
    const ext = '/var/lib/flatpak/extension/org.mozilla.firefox.systemconfig/x86_64/stable/policies/policies.json'
    const host = createFixtureHost({ platform: 'linux', files: { [SRC]: enabled, [ext]: locked3 } })
    const r = await readFirefoxPolicies(host, 'flatpak')
    expect(r.prefs.get('network.trr.mode')).toMatchObject({ value: 3, source: ext })
  })

  it('linux: a policies.json with comments is rejected by Firefox and applies nothing', async () => {
    const host = createFixtureHost({
      platform: 'linux',
      files: { [SRC]: '{ // managed\n "policies": {"DNSOverHTTPS": {"Enabled": true}} }' },
    })
    const r = await readFirefoxPolicies(host, 'native')
    expect(r.prefs.size).toBe(0)
    expect(r.uncertain).toEqual([])
    expect(r.notes[0]?.note.key).toBe('dns.firefox.policy.rejected')
  })

  it('linux: a rejected /etc/firefox/policies file still replaces the installation file (Firefox reads only the system file)', async () => {
    const install = '/usr/lib/firefox-esr/distribution/policies.json'
    const host = createFixtureHost({ platform: 'linux', files: { [SRC]: '{"policies": {},}', [install]: locked3 } })
    const r = await readFirefoxPolicies(host, 'native')
    expect(r.prefs.size).toBe(0)
    expect(r.notes.find((n) => n.source === SRC)).toMatchObject({ observed: null, note: { key: 'dns.firefox.policy.rejected' } })
    expect(r.notes.find((n) => n.source === install)?.note.key).toBe('dns.firefox.policy.shadowed')
  })

  it('linux: truncated or binary policies.json is reported as rejected', async () => {
    const host = createFixtureHost({ platform: 'linux', files: { [SRC]: new Uint8Array([0x7b, 0x22, 0x70, 0xff, 0x00]) } })
    const r = await readFirefoxPolicies(host, 'native')
    expect(r.prefs.size).toBe(0)
    expect(r.notes[0]).toMatchObject({ source: SRC, observed: null, note: { key: 'dns.firefox.policy.rejected' } })
  })

  it('linux: a policies.json with a byte-order mark is rejected, as firefox-esr 153 was seen to do', async () => {
    const host = createFixtureHost({
      platform: 'linux',
      files: { [SRC]: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(locked3)]) },
    })
    const r = await readFirefoxPolicies(host, 'native')
    expect(r.prefs.size).toBe(0)
    expect(r.uncertain).toEqual([])
    expect(r.notes[0]).toMatchObject({ source: SRC, observed: null, note: { key: 'dns.firefox.policy.rejected' } })
    expect(r.notes[0]?.note).toMatchObject({ key: 'dns.firefox.policy.rejected', params: { error: { key: 'reader.json.hasExtensions' } } })
  })

  it.each([
    ['permission_denied', /^dns\.firefox\.policy\.unreadable\(reason=host\.permission_denied\(/],
    ['too_large', /^dns\.firefox\.policy\.unreadable\(reason=host\.too_large\(/],
  ] as const)('linux: an unreadable (%s) policies.json makes the answer uncertain', async (error, reason) => {
    const host = createFixtureHost({ platform: 'linux', files: { [SRC]: { error } } })
    const r = await readFirefoxPolicies(host, 'native')
    expect(r.uncertain[0]?.source).toBe(SRC)
    expect(keyed(r.uncertain[0]?.reason)).toMatch(reason)
  })

  it('win32: Group Policy in HKLM wins over HKCU and over policies.json', async () => {
    const host = createFixtureHost({
      platform: 'win32',
      files: {
        'C:\\Program Files\\Mozilla Firefox\\distribution\\policies.json': JSON.stringify({
          policies: { DNSOverHTTPS: { Enabled: false, ProviderURL: 'https://other.example/' } },
        }),
      },
      commands: {
        'reg query HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox /s':
          '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Mozilla\\Firefox\\DNSOverHTTPS\r\n    Enabled    REG_DWORD    0x1\r\n    Fallback    REG_DWORD    0x0\r\n    Locked    REG_DWORD    0x1\r\n',
        'reg query HKCU\\SOFTWARE\\Policies\\Mozilla\\Firefox /s':
          '\r\nHKEY_CURRENT_USER\\SOFTWARE\\Policies\\Mozilla\\Firefox\\DNSOverHTTPS\r\n    Enabled    REG_DWORD    0x0\r\n',
      },
    })
    const r = await readFirefoxPolicies(host, 'native')
    expect(r.prefs.get('network.trr.mode')).toMatchObject({ value: 3, locked: true, source: 'HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox' })
    // Policies combine per policy name: the JSON file's ProviderURL is not mixed in.
    expect(r.prefs.has('network.trr.uri')).toBe(false)
  })

  it('win32: a registry read that is denied makes the answer uncertain', async () => {
    const host = createFixtureHost({
      platform: 'win32',
      commands: {
        'reg query HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox /s': { code: 1, stderr: 'ERROR: Access is denied.' },
        'reg query HKCU\\SOFTWARE\\Policies\\Mozilla\\Firefox /s': ABSENT,
      },
    })
    const r = await readFirefoxPolicies(host, 'native')
    expect(r.uncertain[0]?.source).toBe('reg query HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox /s')
  })

  it('darwin: managed preferences without EnterprisePoliciesEnabled are ignored', async () => {
    const plist = '/Library/Managed Preferences/org.mozilla.firefox.plist'
    const host = createFixtureHost({
      platform: 'darwin',
      files: { [plist]: 'bplist00', '/Applications/Firefox.app/Contents/Resources/distribution/policies.json': locked3 },
      commands: { [`plutil -convert json -o - ${plist}`]: '{"DNSOverHTTPS":{"Enabled":false}}' },
    })
    const r = await readFirefoxPolicies(host, 'native')
    expect(r.prefs.get('network.trr.mode')).toMatchObject({ value: 3, locked: true })
    expect(r.notes.find((n) => n.source === plist)?.note.key).toBe('dns.firefox.policy.notEnabled')
  })
})
