import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { expectLinearTime } from '../../../support/linear-time.js'
import { macosMode, parseKnownNetworks, systemSettingOf, wifiPorts } from '../../../../checks/catalogue/wifi/known-networks.parse.js'
import {
  legacyRandomization,
  lookupNmDefault,
  matchesWifi,
  mergeNmConfig,
  nmMode,
  parseNmcliConnections,
  sectionsOfPrintConfig,
  splitTerse,
} from '../../../../checks/catalogue/wifi/nm-config.parse.js'
import { displayName, keyFileBoolean, parseKeyFile } from '../../../../checks/catalogue/wifi/nm-keyfile.parse.js'
import {
  parseWlanAdapters,
  parseWlanProfile,
  randomMacState,
  usesRandomAddress,
} from '../../../../checks/catalogue/wifi/wlan-adapters.parse.js'

const fixture = (p: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/wifi.mac-randomization/${p}`, import.meta.url)), 'utf8')
const HUGE = 4 * 1024 * 1024

const groupsOf = (text: string) => {
  const parsed = parseKeyFile(text)
  if (!parsed.ok) throw new Error('not parsed')
  return parsed.value
}

describe('parseKeyFile', () => {
  it('reads a keyfile nmcli --offline wrote', () => {
    const groups = groupsOf(fixture('linux/home-stable.nmconnection'))
    expect(groups.map((g) => g.name)).toEqual(['connection', 'wifi', 'ipv4', 'ipv6', 'proxy'])
    expect(groups[1]?.entries.get('cloned-mac-address')).toBe('stable')
  })
  it('merges a group written twice, later keys winning, at its first position', () => {
    const groups = groupsOf('[a]\nk=1\n[b]\nx=1\n[a]\nk=2\n')
    expect(groups.map((g) => g.name)).toEqual(['a', 'b'])
    expect(groups[0]?.entries.get('k')).toBe('2')
  })
  it.each([
    ['a key before any group', 'k=v\n[a]\n', 'parseKeyFirst', 1],
    ['a line without =', '[a]\njust words\n', 'parseBadLine', 2],
    ['an empty key', '[a]\n=v\n', 'parseBadLine', 2],
    ['a control character in the key', '[a]\nk\u0007=v\n', 'parseBadLine', 2],
  ])('refuses %s with the line number', (_, text, key, line) => {
    const parsed = parseKeyFile(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.reason.key).toBe(`wifi.mac-randomization.${key}`)
      expect(parsed.reason.params).toEqual({ line })
    }
  })
  it('refuses binary data', () => {
    const parsed = parseKeyFile('[a]\nk=\0\n')
    expect(!parsed.ok && parsed.reason.key).toBe('wifi.mac-randomization.parseBinary')
  })
  it('reads 4 MiB of keys quickly and 4 MiB of one line without backtracking', () => {
    const many = `[connection]\n${'wifi.cloned-mac-address=random\n'.repeat(HUGE / 32)}`
    let start = Date.now()
    expect(groupsOf(many)[0]?.entries.get('wifi.cloned-mac-address')).toBe('random')
    const oneLine = `[a]\n${'='.repeat(1)}${'x'.repeat(HUGE)}`
    start = Date.now()
    expect(parseKeyFile(oneLine).ok).toBe(false)
    expect(parseKeyFile(`[a]\nk=${'['.repeat(HUGE)}\n`).ok).toBe(true)
    expect(Date.now() - start).toBeLessThan(2000)
  })
  it('undoes GLib escapes and keeps unknown ones', () => {
    expect(groupsOf('[a]\nk=a\\sb\\\\c\\;d\n')[0]?.entries.get('k')).toBe('a b\\c\\;d')
  })
  it('reads booleans as GLib and NetworkManager do', () => {
    expect([
      keyFileBoolean('yes'),
      keyFileBoolean('FALSE'),
      keyFileBoolean('1'),
      keyFileBoolean('maybe'),
      keyFileBoolean(undefined),
    ]).toEqual([true, false, true, undefined, undefined])
  })
  it('makes names safe to show', () => {
    expect(displayName('Cafe\u001b[31m\u202e')).toBe('Cafe?[31m?')
    expect(displayName('x'.repeat(500))).toHaveLength(80)
  })
})

describe('NetworkManager defaults', () => {
  it("finds nothing in Debian's stock configuration: the built-in preserve applies", () => {
    const sections = sectionsOfPrintConfig(groupsOf(fixture('linux/print-config-debian.txt')), 'NetworkManager --print-config')
    expect(lookupNmDefault(sections, 'connection', 'wifi.cloned-mac-address')).toEqual({ value: undefined, conditional: [] })
  })
  it('searches named sections before the plain one, newest file first', () => {
    const sections = mergeNmConfig([
      { path: '/usr/lib/a.conf', groups: groupsOf('[connection-lib]\nwifi.cloned-mac-address=random\n') },
      { path: '/etc/NetworkManager.conf', groups: groupsOf('[connection]\nwifi.cloned-mac-address=permanent\n') },
      { path: '/etc/conf.d/10.conf', groups: groupsOf('[connection-a]\nwifi.cloned-mac-address=stable\n[connection-b]\nx=1\n') },
    ])
    expect(sections.map((s) => s.name)).toEqual(['connection', 'connection-a', 'connection-b', 'connection-lib', 'device'])
    expect(lookupNmDefault(sections, 'connection', 'wifi.cloned-mac-address')).toMatchObject({
      value: 'stable',
      section: 'connection-a',
      source: '/etc/conf.d/10.conf',
    })
  })
  it('merges a section defined in two files at the later position, later keys winning', () => {
    const sections = mergeNmConfig([
      {
        path: '10',
        groups: groupsOf('[connection-a]\nwifi.cloned-mac-address=random\nother=1\n[connection-b]\nwifi.cloned-mac-address=stable\n'),
      },
      { path: '20', groups: groupsOf('[connection-c]\nx=1\n[connection-a]\nwifi.cloned-mac-address=00:11:22:33:44:55\n') },
    ])
    expect(sections.filter((s) => s.name.startsWith('connection-')).map((s) => s.name)).toEqual([
      'connection-c',
      'connection-a',
      'connection-b',
    ])
    const a = sections.find((s) => s.name === 'connection-a')
    expect([a?.entries.get('wifi.cloned-mac-address'), a?.entries.get('other'), a?.source]).toEqual(['00:11:22:33:44:55', '1', '20'])
  })
  it('reports match-device sections met before the value for every device, and stop-match', () => {
    const sections = mergeNmConfig([
      {
        path: 'f',
        groups: groupsOf(
          '[connection-wl]\nmatch-device=driver:wl\nwifi.cloned-mac-address=preserve\n[connection-stop]\nmatch-device=interface-name:wlan9\nstop-match=yes\n[connection-all]\nwifi.cloned-mac-address=stable\n[connection-late]\nmatch-device=type:wifi\nwifi.cloned-mac-address=permanent\n',
        ),
      },
    ])
    const found = lookupNmDefault(sections, 'connection', 'wifi.cloned-mac-address')
    expect(found.value).toBe('stable')
    expect(found.conditional.map((c) => [c.section, c.value])).toEqual([
      ['connection-wl', 'preserve'],
      ['connection-stop', undefined],
    ])
  })
  it.each([
    ['type:wifi', ['wlan0'], 'yes'],
    ['type:ethernet', ['wlan0'], 'no'],
    ['interface-name:wlan*', ['wlan0', 'wlan1'], 'yes'],
    ['interface-name:wlan0', ['wlan0', 'wlp2s0'], 'maybe'],
    ['interface-name:=wl?', ['wl?'], 'yes'],
    ['wlp*', ['wlp2s0'], 'yes'],
    ['driver:wl', ['wlan0'], 'maybe'],
    ['type:ethernet,driver:iwlwifi', ['wlan0'], 'maybe'],
    ['except:type:ethernet', ['wlan0'], 'maybe'],
    ['', ['wlan0'], 'maybe'],
  ] as const)('match-device=%s for %j is %s', (spec, interfaces, answer) => {
    expect(matchesWifi(spec, interfaces)).toBe(answer)
  })
  it('matches a hostile glob without blowing up', () => {
    const start = Date.now()
    expect(matchesWifi(`interface-name:${'*a'.repeat(5000)}b`, ['a'.repeat(15)])).toBe('no')
    expect(Date.now() - start).toBeLessThan(2000)
  })
  it('a matching stop-match section ends the search with the built-in default', () => {
    const sections = mergeNmConfig([
      {
        path: 'f',
        groups: groupsOf('[connection-w]\nmatch-device=type:wifi\nstop-match=yes\n[connection]\nwifi.cloned-mac-address=stable\n'),
      },
    ])
    expect(lookupNmDefault(sections, 'connection', 'wifi.cloned-mac-address', ['wlan0'])).toMatchObject({
      value: undefined,
      section: 'connection-w',
    })
  })
  it.each([
    ['random', 'random'],
    ['stable', 'per-network'],
    ['stable-ssid', 'per-network'],
    ['Permanent', 'hardware'],
    ['preserve', 'hardware'],
    ['00:11:22:AA:bb:cc', 'fixed'],
    ['00:11:22', 'unrecognised'],
    ['', 'unrecognised'],
  ])('cloned-mac-address=%s is %s', (value, mode) => {
    expect(nmMode(value)).toBe(mode)
  })
  it('reads the deprecated mac-address-randomization', () => {
    expect([
      legacyRandomization('always'),
      legacyRandomization('2'),
      legacyRandomization('never'),
      legacyRandomization('default'),
      legacyRandomization(undefined),
    ]).toEqual(['random', 'random', 'hardware', undefined, undefined])
  })
  it('splits nmcli terse lines on unescaped colons only', () => {
    expect(splitTerse('My\\:Net\\\\x:uuid:802-11-wireless')).toEqual(['My:Net\\x', 'uuid', '802-11-wireless'])
  })
  it('keeps only Wi-Fi profiles with a real UUID, up to the limit', () => {
    const uuid = '0b1f6d4e-7c1a-4d2b-9a55-3c2e1f0a9b8c'
    const out = `Home:${uuid}:802-11-wireless\nWired:${uuid}:802-3-ethernet\nOdd:not-a-uuid:802-11-wireless\ngarbage\n\nB:${uuid}:wifi\n`
    expect(parseNmcliConnections(out, 10).map((c) => c.name)).toEqual(['Home', 'B'])
    expect(parseNmcliConnections(`Home:${uuid}:802-11-wireless\n`.repeat(HUGE / 60), 200)).toHaveLength(200)
  })
})

describe('macOS known networks', () => {
  it('reads each network and its Private Wi-Fi address choice', () => {
    const parsed = parseKnownNetworks(fixture('darwin/known-networks-office-off.xml'))
    expect(parsed.ok && parsed.value).toEqual([
      { name: 'Cafe', userSetting: undefined },
      { name: 'Home', userSetting: 'static' },
      { name: 'Office', userSetting: 'off' },
      { name: 'Library', userSetting: 'rotating' },
    ])
  })
  it.each([
    ['not a plist', 'hello', 'parsePlist'],
    ['a binary plist', 'bplist00\u0000\u0001', 'parsePlist'],
    ['an array', '<plist version="1.0"><array/></plist>', 'parseNotDict'],
    ['an unterminated document', '<plist><dict><key>wifi.network.ssid.x</key><dict>', 'parsePlist'],
  ])('refuses %s', (_, text, key) => {
    const parsed = parseKnownNetworks(text)
    expect(!parsed.ok && parsed.reason.key).toBe(`wifi.mac-randomization.${key}`)
  })
  it('skips entries that are no network dictionary, and stops at 500 networks of a 4 MiB file', () => {
    const entry = (i: number) =>
      `<key>wifi.network.ssid.n${i}</key><dict><key>PrivateMACAddressModeUserSetting</key><string>off</string></dict>`
    const body = Array.from({ length: 20000 }, (_, i) => entry(i)).join('')
    const parsed = parseKnownNetworks(`<plist version="1.0"><dict><key>wifi.network.ssid.odd</key><string>x</string>${body}</dict></plist>`)
    expect(parsed.ok && parsed.value.length).toBe(500)
  })
  it('reads the system setting', () => {
    const off = systemSettingOf(fixture('darwin/airport-preferences-off.xml'))
    expect(off.ok && off.value).toBe(1)
    const none = systemSettingOf('<plist version="1.0"><dict/></plist>')
    expect(none.ok && none.value).toBeUndefined()
  })
  it.each([
    [undefined, false, 'per-network'],
    [undefined, true, 'hardware'],
    ['off', false, 'hardware'],
    ['static', true, 'per-network'],
    ['rotating', false, 'random'],
    ['2', false, 'unrecognised'],
  ] as const)('setting %s (system off: %s) is %s', (setting, off, mode) => {
    expect(macosMode(setting, off)).toBe(mode)
  })
  it('finds the Wi-Fi device in networksetup output, and nothing in garbage', () => {
    expect(wifiPorts(fixture('darwin/networksetup-listallhardwareports.txt'))).toEqual(['en0'])
    expect(wifiPorts('Hardware Port: AirPort\nDevice: en1\n')).toEqual(['en1'])
    expect(wifiPorts('\u0000'.repeat(HUGE))).toEqual([])
  })
  it.each([
    ['CRLF line ends', 'Hardware Port: Wi-Fi\r\nDevice: en0\r\n', ['en0']],
    ['a line separator inside the device', 'Hardware Port: Wi-Fi\nDevice: en\u20280\n', []],
  ])('reads networksetup output with %s', (_name, text, devices) => {
    expect(wifiPorts(text)).toEqual(devices)
  })
  it('reads a device of spaces before a line separator in time linear in its size (256 KiB, 512 KiB, 1 MiB)', () => {
    expectLinearTime((scale) => `Device:x${' '.repeat(scale * 256 * 1024)}y\u2028`, wifiPorts)
  })
})

describe('Windows adapters and profiles', () => {
  it('reads the adapter list, one object or a list', () => {
    const one = parseWlanAdapters(fixture('win32/get-netadapter-wifi.json').replace(/^\[|\]\s*$/g, ''))
    expect(one.ok && one.value.map((a) => a.name)).toEqual(['Wi-Fi'])
    const none = parseWlanAdapters('')
    expect(none.ok && none.value).toEqual([])
  })
  it.each([
    ['not JSON', 'Get-NetAdapter : error'],
    ['a wrong shape', '{"Name":5}'],
    ['4 MiB of garbage', '['.repeat(HUGE)],
  ])('refuses %s', (_, text) => {
    const parsed = parseWlanAdapters(text)
    expect(!parsed.ok && parsed.reason.key).toBe('wifi.mac-randomization.parseJson')
  })
  it('drops adapters without a GUID (nothing is looked up for them)', () => {
    const parsed = parseWlanAdapters('[{"Name":"x","InterfaceGuid":"..\\\\..\\\\Windows"}]')
    expect(parsed.ok && parsed.value).toEqual([])
  })
  it('tells a private address from the burnt-in one', () => {
    const base = { name: 'Wi-Fi', description: '', guid: '', status: 'Up' }
    expect(usesRandomAddress({ ...base, mac: 'DA-5B-21-7C-40-1E', permanent: 'F40669A1B2C3' })).toBe(true)
    expect(usesRandomAddress({ ...base, mac: 'F4-06-69-A1-B2-C3', permanent: 'F40669A1B2C3' })).toBe(false)
    expect(usesRandomAddress({ ...base, mac: '', permanent: '' })).toBeUndefined()
  })
  it.each([
    ['01000000', true],
    ['00000000', false],
    ['0x1', true],
    ['zz', undefined],
    [undefined, undefined],
  ])('RandomMacState %s is %s', (raw, on) => {
    expect(randomMacState(raw)).toBe(on)
  })
  it('reads a profile: its name and MacRandomization choice', () => {
    expect(parseWlanProfile(fixture('win32/profile-home.xml'))).toEqual({ name: 'Home', enabled: true, daily: false })
    expect(parseWlanProfile(fixture('win32/profile-hotel-off.xml'))).toEqual({ name: 'Hotel Lobby', enabled: false, daily: false })
    const daily = fixture('win32/profile-home.xml').replace(
      '</enableRandomization>',
      '</enableRandomization><randomizeEveryday>true</randomizeEveryday>',
    )
    expect(parseWlanProfile(daily)).toEqual({ name: 'Home', enabled: true, daily: true })
    const none = fixture('win32/profile-home.xml').replace(/<MacRandomization[\s\S]*<\/MacRandomization>/, '')
    expect(parseWlanProfile(none)).toEqual({ name: 'Home', enabled: undefined, daily: false })
  })
  it('ignores what is no profile, entities stay text, and 4 MiB of hostile XML is read quickly', () => {
    expect(parseWlanProfile('<html/>')).toBeUndefined()
    expect(parseWlanProfile('<WLANProfile>')).toBeUndefined()
    expect(parseWlanProfile('<WLANProfile><name>A &amp; B &xxe;</name></WLANProfile>')?.name).toBe('A & B &xxe;')
    const start = Date.now()
    expect(parseWlanProfile(`<WLANProfile><name>x</name><MacRandomization>${'<enableRandomization>'.repeat(HUGE / 21)}`)).toEqual({
      name: 'x',
      enabled: undefined,
      daily: false,
    })
    expect(Date.now() - start).toBeLessThan(2000)
  })
})
