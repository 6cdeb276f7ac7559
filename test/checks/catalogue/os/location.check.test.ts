import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { locationCheck } from '../../../../checks/catalogue/os/location.check.js'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import type { Platform } from '../../../../checks/core/types.js'
import { expectOutcome, type CheckCase } from '../tor/check-case.js'
import { createFixtureHost } from '../../../support/fixture-host.js'

const dir = (p: string): string => fileURLToPath(new URL(`../../../fixtures/os.location/${p}`, import.meta.url))
const fixture = (p: string): string => readFileSync(dir(p), 'utf8')
const DEBIAN = dir('linux/debian-12')
const GSETTINGS = 'gsettings get org.gnome.system.location enabled'
const CONF = '/etc/geoclue/geoclue.conf'
const DEBIAN_CONF = fixture('linux/debian-12/etc/geoclue/geoclue.conf')
const DROP_IN = '/etc/geoclue/conf.d/90-no-wifi.conf'
const DAEMON = '/usr/libexec/geoclue'
const VERSION = `${DAEMON} --version`

const POLICY = 'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\LocationAndSensors /s'
const HKLM = 'reg query HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\location /s'
const HKCU = 'reg query HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\location /s'
const ABSENT = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' }
const DEFAULTS = 'defaults -currentHost read /var/db/locationd/Library/Preferences/ByHost/com.apple.locationd LocationServicesEnabled'
const PLUTIL = 'plutil -convert xml1 -o - /var/db/locationd/clients.plist'
const IOREG = 'ioreg -a -r -d 1 -c IOPlatformExpertDevice'
const MAC_UUID = '5E1A0C3B-7D24-4F6A-9B8E-2C71D0A4F936'
const BYHOST = `defaults read /var/db/locationd/Library/Preferences/ByHost/com.apple.locationd.${MAC_UUID} LocationServicesEnabled`
/** The answer of a Mac where nobody wrote the switch's file without the UUID (the layout of a real defaults error). */
const NO_PAIR = {
  code: 1,
  stderr:
    '2023-04-29 06:22:44.745 defaults[3296:29109] \nThe domain/default pair of (/var/db/locationd/Library/Preferences/ByHost/com.apple.locationd, LocationServicesEnabled) does not exist\n',
}

const cases: (CheckCase & { platform: Platform })[] = [
  // Linux: GeoClue as Debian ships it, and GNOME's switch read with gsettings.
  {
    name: 'no GeoClue at all',
    platform: 'linux',
    host: { files: {} },
    status: 'pass',
    summary: 'linuxNoGeoclue',
    evidence: [['labelConfig', CONF, 'not installed']],
  },
  {
    name: "Debian's GeoClue with GNOME's location switch off (the schema default)",
    platform: 'linux',
    host: { root: DEBIAN, commands: { [GSETTINGS]: 'false\n' } },
    status: 'pass',
    summary: 'linuxDesktopOff',
    evidence: [
      ['labelDesktop', GSETTINGS, false],
      ['labelWifi', CONF, 'true'],
      [
        'labelPreAllowed',
        CONF,
        'gnome-datetime-panel, gnome-color-panel, org.gnome.Shell, io.elementary.desktop.agent-geoclue2, sm.puri.Phosh, epiphany, firefox, lipstick',
      ],
      ['labelAgents', CONF, 'geoclue-demo-agent;gnome-shell;io.elementary.desktop.agent-geoclue2;sm.puri.Phosh;lipstick'],
    ],
  },
  {
    name: "Debian's GeoClue with the switch on: the Wi-Fi source uses the built-in service",
    platform: 'linux',
    host: { root: DEBIAN, commands: { [GSETTINGS]: 'true\n' } },
    status: 'warn',
    summary: 'linuxOnWifi',
    params: { service: { key: 'os.location.serviceDefault', en: 'the service built into GeoClue' } },
    evidence: [['labelUrl', CONF, 'the built-in default']],
    steps: ['stepGnomeOff', 'stepWifiOff'],
  },
  {
    name: 'a drop-in turns the Wi-Fi source off; the switch is on',
    platform: 'linux',
    host: {
      files: { [CONF]: DEBIAN_CONF, [DROP_IN]: '[wifi]\nenable=false\n' },
      commands: { [GSETTINGS]: 'true\n' },
    },
    status: 'warn',
    summary: 'linuxOn',
    evidence: [['labelWifi', DROP_IN, 'false']],
    steps: ['stepGnomeOff'],
  },
  {
    name: 'a later drop-in wins: a Google URL set by 10-, replaced by 99-',
    platform: 'linux',
    host: {
      files: {
        [CONF]: DEBIAN_CONF,
        '/etc/geoclue/conf.d/99-beacondb.conf': '[wifi]\nurl=https://api.beacondb.net/v1/geolocate\n',
        '/etc/geoclue/conf.d/10-google.conf': '[wifi]\nurl=https://www.googleapis.com/geolocation/v1/geolocate?key=K\n',
        '/etc/geoclue/conf.d/README': '[wifi]\nurl=ignored: not a .conf file\n',
      },
      commands: { [GSETTINGS]: 'true\n' },
    },
    status: 'warn',
    summary: 'linuxOnWifi',
    params: { service: { key: '', en: 'https://api.beacondb.net/v1/geolocate' } },
  },
  {
    name: 'GeoClue without gsettings (not GNOME): unknown, never a guessed pass',
    platform: 'linux',
    host: { root: DEBIAN },
    status: 'unknown',
    summary: 'linuxDesktopUnknown',
    evidence: [['labelDesktop', GSETTINGS, 'not found']],
  },
  {
    name: 'gsettings without the GNOME schema',
    platform: 'linux',
    host: { root: DEBIAN, commands: { [GSETTINGS]: { code: 1, stderr: 'No such schema “org.gnome.system.location”\n' } } },
    status: 'unknown',
    summary: 'linuxDesktopUnknown',
  },
  {
    name: 'under sudo: the settings would be root’s',
    platform: 'linux',
    host: { root: DEBIAN, env: { SUDO_USER: 'alice' }, commands: { [GSETTINGS]: 'false\n' } },
    status: 'unknown',
    summary: 'linuxDesktopUnknown',
  },
  {
    name: 'an unreadable configuration',
    platform: 'linux',
    host: { files: { [CONF]: { error: 'permission_denied' } } },
    status: 'unknown',
    summary: 'linuxUnreadable',
    params: { path: CONF },
  },
  {
    name: 'a damaged configuration (binary garbage)',
    platform: 'linux',
    host: { files: { [CONF]: '[agent]\nwhitelist=gnome-shell\n\u0000\u0001\u0002garbage\n' }, commands: { [GSETTINGS]: 'false\n' } },
    status: 'unknown',
    summary: 'linuxUnreadable',
    evidence: [['labelConfig', CONF, 'damaged at line 3']],
  },
  {
    name: 'GeoClue 2.6.0 (Debian 12) ignores a drop-in: the Wi-Fi source stays on, the step edits geoclue.conf',
    platform: 'linux',
    host: {
      files: { [CONF]: DEBIAN_CONF, [DROP_IN]: '[wifi]\nenable=false\n', [DAEMON]: '' },
      commands: { [GSETTINGS]: 'true\n', [VERSION]: '2.6.0\n' },
    },
    status: 'warn',
    summary: 'linuxOnWifi',
    evidence: [
      ['labelVersion', VERSION, '2.6.0'],
      ['labelConfig', DROP_IN, 'not read: GeoClue 2.6.0 reads only geoclue.conf'],
      ['labelWifi', CONF, 'true'],
    ],
    steps: ['stepGnomeOff', 'stepWifiOffMain'],
  },
  {
    name: 'GeoClue 2.7.0 reads the same drop-in: the Wi-Fi source is off',
    platform: 'linux',
    host: {
      files: { [CONF]: DEBIAN_CONF, [DROP_IN]: '[wifi]\nenable=false\n', [DAEMON]: '' },
      commands: { [GSETTINGS]: 'true\n', [VERSION]: '2.7.0\n' },
    },
    status: 'warn',
    summary: 'linuxOn',
    evidence: [
      ['labelVersion', VERSION, '2.7.0'],
      ['labelWifi', DROP_IN, 'false'],
    ],
    steps: ['stepGnomeOff'],
  },
  {
    name: 'a --version answer that is no version (hostile or garbled): drop-ins read, as a current GeoClue does',
    platform: 'linux',
    host: {
      files: { [CONF]: DEBIAN_CONF, [DROP_IN]: '[wifi]\nenable=false\n', [DAEMON]: '' },
      commands: { [GSETTINGS]: 'true\n', [VERSION]: `\u001b[2J2.6.0 ${'9'.repeat(5000)}\n` },
    },
    status: 'warn',
    summary: 'linuxOn',
    evidence: [['labelVersion', VERSION, 'no version number']],
  },
  {
    name: 'the daemon alone, no configuration: defaults (Wi-Fi on)',
    platform: 'linux',
    host: { files: { '/usr/libexec/geoclue': '' }, commands: { [GSETTINGS]: 'true\n' } },
    status: 'warn',
    summary: 'linuxOnWifi',
  },

  // Windows: policy, device and account switches.
  {
    name: 'the Turn off location policy',
    platform: 'win32',
    host: {
      commands: {
        [POLICY]: fixture('win32/policy-disable-location.txt'),
        [HKLM]: fixture('win32/hklm-location-allow.txt'),
        [HKCU]: fixture('win32/hkcu-location-allow.txt'),
      },
    },
    status: 'pass',
    summary: 'winPolicyOff',
    evidence: [['labelPolicy', POLICY, '0x1']],
  },
  {
    name: 'location on for the device and the account',
    platform: 'win32',
    host: {
      commands: { [POLICY]: ABSENT, [HKLM]: fixture('win32/hklm-location-allow.txt'), [HKCU]: fixture('win32/hkcu-location-allow.txt') },
    },
    status: 'warn',
    summary: 'winOn',
    evidence: [
      ['labelPolicy', POLICY, 'not set'],
      ['labelDevice', HKLM, 'Allow'],
      ['labelUser', HKCU, 'Allow'],
    ],
  },
  {
    name: 'location off for the account',
    platform: 'win32',
    host: {
      commands: { [POLICY]: ABSENT, [HKLM]: fixture('win32/hklm-location-allow.txt'), [HKCU]: fixture('win32/hkcu-location-deny.txt') },
    },
    status: 'pass',
    summary: 'winUserOff',
    evidence: [['labelUser', HKCU, 'Deny']],
  },
  {
    name: 'location off for the device (the recording from permissions.apps)',
    platform: 'win32',
    host: {
      commands: {
        [POLICY]: ABSENT,
        [HKLM]: readFileSync(dir('../permissions.apps/win32/hklm-location.txt'), 'utf8'),
        [HKCU]: fixture('win32/hkcu-location-allow.txt'),
      },
    },
    status: 'pass',
    summary: 'winDeviceOff',
  },
  {
    name: 'nothing recorded at all',
    platform: 'win32',
    host: { commands: { [POLICY]: ABSENT, [HKLM]: ABSENT, [HKCU]: ABSENT } },
    status: 'unknown',
    summary: 'winUnset',
  },
  {
    name: 'the device key denied, the account on: unknown (the device may be the one that is off)',
    platform: 'win32',
    host: {
      commands: {
        [POLICY]: ABSENT,
        [HKLM]: { code: 1, stderr: 'ERROR: Access is denied.\r\n' },
        [HKCU]: fixture('win32/hkcu-location-allow.txt'),
      },
    },
    status: 'unknown',
    summary: 'winUnread',
  },
  {
    name: 'an odd value is not read as on',
    platform: 'win32',
    host: {
      commands: {
        [POLICY]: ABSENT,
        [HKLM]: fixture('win32/hklm-location-allow.txt'),
        [HKCU]: fixture('win32/hkcu-location-allow.txt').replace('    Value    REG_SZ    Allow', '    Value    REG_SZ    Prompt'),
      },
    },
    status: 'unknown',
    summary: 'winUnread',
    evidence: [['labelUser', HKCU, 'Prompt']],
  },

  // macOS: locationd's switch and clients, readable as root.
  {
    name: 'Location Services off',
    platform: 'darwin',
    host: { commands: { [DEFAULTS]: '0\n' } },
    status: 'pass',
    summary: 'macOff',
    evidence: [['labelSwitch', DEFAULTS, '0']],
  },
  {
    name: 'Location Services on, two apps authorised',
    platform: 'darwin',
    host: { commands: { [DEFAULTS]: '1\n', [PLUTIL]: fixture('darwin/clients.xml') } },
    status: 'warn',
    summary: 'macOn',
    params: { count: '2' },
    evidence: [['labelClients', '/var/db/locationd/clients.plist', 'com.apple.weather, com.apple.Maps']],
  },
  {
    name: 'Location Services on, clients in the newer Authorization form (2 while in use, 4 always; 1 never, none not asked)',
    platform: 'darwin',
    host: { commands: { [DEFAULTS]: '1\n', [PLUTIL]: fixture('darwin/clients-authorization.xml') } },
    status: 'warn',
    summary: 'macOn',
    params: { count: '2' },
    evidence: [['labelClients', '/var/db/locationd/clients.plist', 'com.apple.Maps, org.mozilla.firefox']],
  },
  {
    name: 'as root on a Mac with only the hardware-UUID ByHost file: on, read from that file',
    platform: 'darwin',
    host: {
      commands: {
        [DEFAULTS]: NO_PAIR,
        [IOREG]: fixture('darwin/ioreg-platform-expert.xml'),
        [BYHOST]: '1\n',
        [PLUTIL]: fixture('darwin/clients.xml'),
      },
    },
    status: 'warn',
    summary: 'macOn',
    params: { count: '2' },
    evidence: [['labelSwitch', BYHOST, '1']],
  },
  {
    name: 'as root on a Mac with only the hardware-UUID ByHost file: off',
    platform: 'darwin',
    host: { commands: { [DEFAULTS]: NO_PAIR, [IOREG]: fixture('darwin/ioreg-platform-expert.xml'), [BYHOST]: '0\n' } },
    status: 'pass',
    summary: 'macOff',
    evidence: [['labelSwitch', BYHOST, '0']],
  },
  {
    name: 'the UUID file gives no answer either: the first answer stays the evidence, unknown',
    platform: 'darwin',
    host: { commands: { [DEFAULTS]: NO_PAIR, [IOREG]: fixture('darwin/ioreg-platform-expert.xml'), [BYHOST]: 'yes\n' } },
    status: 'unknown',
    summary: 'macUnread',
  },
  {
    name: 'Location Services on, clients.plist not understood',
    platform: 'darwin',
    host: { commands: { [DEFAULTS]: '1\n', [PLUTIL]: '<plist><dict><key>x</key>' } },
    status: 'warn',
    summary: 'macOnUnlisted',
    evidence: [['labelClients', PLUTIL, 'not understood']],
  },
  {
    name: 'not root: the domain does not exist for this user',
    platform: 'darwin',
    host: {
      commands: {
        [DEFAULTS]: {
          code: 1,
          // The layout of a real defaults error (sametsazak/mergen#7): a timestamped first line, then the sentence.
          stderr:
            '2023-04-29 06:22:44.745 defaults[3296:29109] \nThe domain/default pair of (/var/db/locationd/Library/Preferences/ByHost/com.apple.locationd, LocationServicesEnabled) does not exist\n',
        },
      },
    },
    status: 'unknown',
    summary: 'macUnread',
  },
]

describe('os.location', () => {
  it.each(cases)('$platform: $name', async (c) => {
    const r = await runCheck(locationCheck, createFixtureHost({ platform: c.platform, ...c.host }))
    expectOutcome(r, c)
  })

  it('lets the old Authorized boolean decide where an entry has both forms; odd Authorization numbers allow nothing', async () => {
    const entry = (id: string, body: string): string => `<key>i${id}:</key><dict><key>BundleId</key><string>${id}</string>${body}</dict>`
    const xml = `<?xml version="1.0"?><plist version="1.0"><dict>${[
      entry('both.denied', '<key>Authorized</key><false/><key>Authorization</key><integer>2</integer>'),
      entry('both.allowed', '<key>Authorized</key><true/><key>Authorization</key><integer>2</integer>'),
      entry('odd.three', '<key>Authorization</key><integer>3</integer>'),
      entry('odd.huge', '<key>Authorization</key><integer>99999999999999999999</integer>'),
      entry('odd.string', '<key>Authorization</key><string>4</string>'),
    ].join('')}</dict></plist>`
    const r = await runCheck(locationCheck, createFixtureHost({ platform: 'darwin', commands: { [DEFAULTS]: '1\n', [PLUTIL]: xml } }))
    expect(r.summary.params).toMatchObject({ count: '1' })
    const clients = r.evidence.find((e) => e.label.key === 'os.location.labelClients')
    expect(JSON.stringify(clients?.observed)).toContain('both.allowed')
  })

  it('reads the UUID from ioreg with or without -r, and takes nothing but a UUID into a file name', async () => {
    const children = (uuid: string): string =>
      `<?xml version="1.0"?><plist version="1.0"><dict><key>IORegistryEntryChildren</key><array><dict><key>IOPlatformUUID</key><string>${uuid}</string></dict></array><key>IORegistryEntryName</key><string>Root</string></dict></plist>`
    const asChildren = createFixtureHost({
      platform: 'darwin',
      commands: { [DEFAULTS]: NO_PAIR, [IOREG]: children(MAC_UUID), [BYHOST]: '0\n' },
    })
    expect((await runCheck(locationCheck, asChildren)).status).toBe('pass')
    for (const hostile of ['../../../../etc/passwd', `${MAC_UUID} LocationServicesEnabled`, `${MAC_UUID}\u001b[2J`, '']) {
      const host = createFixtureHost({ platform: 'darwin', commands: { [DEFAULTS]: NO_PAIR, [IOREG]: children(hostile) } })
      const r = await runCheck(locationCheck, host)
      expect(r.status).toBe('unknown')
      expect(host.calls.filter((c) => c.startsWith('defaults '))).toHaveLength(1)
    }
    const garbage = createFixtureHost({ platform: 'darwin', commands: { [DEFAULTS]: NO_PAIR, [IOREG]: '<plist><array><dict>' } })
    expect((await runCheck(locationCheck, garbage)).status).toBe('unknown')
  })

  it('keeps hostile client names printable and lists at most 20', async () => {
    const entries = Array.from(
      { length: 25 },
      (_, i) => `<key>k${i}</key><dict><key>Authorized</key><true/><key>BundleId</key><string>evil\u001b[2J${i}</string></dict>`,
    ).join('')
    const xml = `<?xml version="1.0"?><plist version="1.0"><dict>${entries}</dict></plist>`
    const r = await runCheck(locationCheck, createFixtureHost({ platform: 'darwin', commands: { [DEFAULTS]: '1\n', [PLUTIL]: xml } }))
    expect(r.summary.params).toMatchObject({ count: '25' })
    const clients = r.evidence.find((e) => e.label.key === 'os.location.labelClients')
    expect(JSON.stringify(clients?.observed)).not.toContain('\u001b')
    expect(clients?.observed).toMatchObject({ key: 'os.location.seenMore', params: { count: '5' } })
  })
})
