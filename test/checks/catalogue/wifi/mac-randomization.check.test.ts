import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { macRandomizationCheck } from '../../../../checks/catalogue/wifi/mac-randomization.check.js'
import { PRINT_CONFIG_ARGS } from '../../../../checks/catalogue/wifi/mac-randomization.linux.io.js'
import { WLAN_SCRIPT } from '../../../../checks/catalogue/wifi/mac-randomization.win32.io.js'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import type { ProcessInfo } from '../../../../checks/core/host/host.js'
import type { Platform } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureCommand, type FixtureFile } from '../../../support/fixture-host.js'
import { expectOutcome, type CheckCase } from '../tor/check-case.js'

const fixture = (p: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/wifi.mac-randomization/${p}`, import.meta.url)), 'utf8')

const proc = (name: string): ProcessInfo => ({ pid: 1, name, command: name, params: '', path: `/usr/sbin/${name}`, user: 'root' })
const NM = [proc('NetworkManager')]
const IWD = [proc('iwd')]
const PROFILES = '/etc/NetworkManager/system-connections'
const PRINT = `NetworkManager ${PRINT_CONFIG_ARGS.join(' ')}`
const NMCLI_LIST = 'nmcli -t -f NAME,UUID,TYPE connection show'

/** A laptop with one Wi-Fi interface (wlan0, its current address as given) beside loopback and Ethernet. */
function wifi(address = 'da:5b:21:7c:40:1e\n'): Record<string, FixtureFile> {
  return {
    '/sys/class/net/lo/address': '00:00:00:00:00:00\n',
    '/sys/class/net/enp0s31f6/address': 'f4:06:69:a1:b2:c4\n',
    '/sys/class/net/wlan0/address': address,
    '/sys/class/net/wlan0/phy80211/name': 'phy0\n',
    '/etc/NetworkManager/NetworkManager.conf': '[main]\nplugins=ifupdown,keyfile\n\n[ifupdown]\nmanaged=false\n',
  }
}

const profiles = (...names: string[]): Record<string, FixtureFile> =>
  Object.fromEntries(names.map((n) => [`${PROFILES}/${n}`, fixture(`linux/${n}`)]))

const nm = (files: Record<string, FixtureFile>, commands: Record<string, FixtureCommand> = {}): CheckCase['host'] => ({
  processes: NM,
  files: { ...wifi(), ...files },
  commands: { [PRINT]: fixture('linux/print-config-debian.txt'), ...commands },
})

const STABLE = fixture('linux/print-config-stable.txt')
const HOME_UUID = 'a3960c98-ca7c-4809-bea5-666d0b36afea'
const OFFICE_UUID = '0b1f6d4e-7c1a-4d2b-9a55-3c2e1f0a9b8c'
const nmcliShow = (uuid: string): string => `nmcli -g 802-11-wireless.cloned-mac-address connection show uuid ${uuid}`
const DENIED: FixtureFile = { error: 'permission_denied' }

const PLUTIL = (file: string): string => `plutil -convert xml1 -o - ${file}`
const KNOWN = '/Library/Preferences/com.apple.wifi.known-networks.plist'
const AIRPORT = '/Library/Preferences/SystemConfiguration/com.apple.airport.preferences.plist'
const NO_FILE: FixtureCommand = {
  code: 1,
  stderr: `${AIRPORT}: file does not exist or is not readable or is not a regular file (Error Domain=NSCocoaErrorDomain Code=260)\n`,
}
const PORTS = 'networksetup -listallhardwareports'
const mac = (commands: Record<string, FixtureCommand>, release = '24.1.0'): CheckCase['host'] => ({
  release,
  commands: { [PORTS]: fixture('darwin/networksetup-listallhardwareports.txt'), [PLUTIL(AIRPORT)]: NO_FILE, ...commands },
})

const GUID = '{4A6B4C3D-1E2F-4A5B-8C9D-0E1F2A3B4C5D}'
const PS = `powershell -NoProfile -NonInteractive -Command ${WLAN_SCRIPT}`
const REG = `reg query HKLM\\SOFTWARE\\Microsoft\\WlanSvc\\Interfaces\\${GUID} /s`
const WIN_PROFILES = `C:\\ProgramData\\Microsoft\\Wlansvc\\Profiles\\Interfaces\\${GUID}`
const REG_ABSENT: FixtureCommand = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' }
const win = (
  reg: FixtureCommand,
  files: Record<string, FixtureFile>,
  adapters = fixture('win32/get-netadapter-wifi.json'),
): CheckCase['host'] => ({
  commands: { [PS]: adapters, [REG]: reg },
  files,
})
const universal = fixture('win32/get-netadapter-wifi.json').replace('DA-5B-21-7C-40-1E', 'F4-06-69-A1-B2-C3')

const cases: (CheckCase & { platform: Platform })[] = [
  // Linux
  {
    name: 'linux: no wireless interface in sysfs',
    platform: 'linux',
    host: { files: { '/sys/class/net/lo/address': '00:00:00:00:00:00\n', '/sys/class/net/eth0/address': '52:54:00:12:34:56\n' } },
    status: 'not_applicable',
    summary: 'noWifi',
    evidence: [['labelInterfaces', '/sys/class/net/*/wireless, /sys/class/net/*/phy80211', 'none']],
  },
  {
    name: 'linux: sysfs unreadable',
    platform: 'linux',
    host: { files: { '/sys/class/net': DENIED } },
    status: 'unknown',
    summary: 'unreadable',
  },
  {
    name: "linux: Debian's stock NetworkManager (preserve) and a profile that never chose",
    platform: 'linux',
    host: nm(profiles('cafe-default.nmconnection', 'home-stable.nmconnection', 'wired.nmconnection')),
    status: 'warn',
    summary: 'exposedNetworks',
    params: { system: 'NetworkManager', count: 1 },
    evidence: [
      ['labelDefault', `${PRINT} [connection] wifi.cloned-mac-address`, 'preserve (default)'],
      ['labelProfile', `${PROFILES}/home-stable.nmconnection [wifi] cloned-mac-address`, 'stable'],
      ['labelProfile', `${PROFILES}/cafe-default.nmconnection [wifi] cloned-mac-address`, 'hardware address (default)'],
      ['labelCurrentAddress', '/sys/class/net/wlan0/address', 'locally administered (private)'],
      ['labelScan', `${PRINT} [device] wifi.scan-rand-mac-address`, 'yes (default)'],
    ],
  },
  {
    name: 'linux: a conf.d default of stable covers profiles that never chose',
    platform: 'linux',
    host: nm(profiles('cafe-default.nmconnection', 'home-stable.nmconnection'), { [PRINT]: STABLE }),
    status: 'pass',
    summary: 'private',
    params: { system: 'NetworkManager', count: 2 },
    evidence: [['labelDefault', `${PRINT} [connection-mac-randomization] wifi.cloned-mac-address`, 'stable']],
  },
  {
    name: 'linux: a profile set to permanent under a stable default',
    platform: 'linux',
    host: nm(profiles('office-permanent.nmconnection', 'home-stable.nmconnection'), { [PRINT]: STABLE }),
    status: 'warn',
    summary: 'exposedNetworks',
    params: { count: 1 },
  },
  {
    name: 'linux: no profiles and the built-in default: new networks see the hardware address',
    platform: 'linux',
    host: nm({}),
    status: 'warn',
    summary: 'hardwareDefault',
    params: { system: 'NetworkManager' },
  },
  {
    name: 'linux: scanning with the hardware address',
    platform: 'linux',
    host: nm({}, { [PRINT]: STABLE.replace('wifi.scan-rand-mac-address=yes', 'wifi.scan-rand-mac-address=no') }),
    status: 'warn',
    summary: 'scanHardware',
    evidence: [['labelScan', `${PRINT} [device-mac-randomization] wifi.scan-rand-mac-address`, 'no']],
  },
  {
    name: 'linux: a match-device section keeps the address for one driver',
    platform: 'linux',
    host: nm(
      {},
      {
        [PRINT]: `${STABLE}\n[connection-31-mac-addr-change]\nmatch-device=driver:wl\nwifi.cloned-mac-address=preserve\n`.replace(
          '[connection-mac-randomization]',
          '[connection-31-mac-addr-change]\nmatch-device=driver:wl\nwifi.cloned-mac-address=preserve\n\n[connection-mac-randomization]',
        ),
      },
    ),
    status: 'warn',
    summary: 'someDevices',
    params: { sections: 'connection-31-mac-addr-change' },
  },
  {
    name: 'linux: without the NetworkManager binary the files are merged as it would (etc/conf.d shadows a /usr/lib file of the same name)',
    platform: 'linux',
    host: {
      processes: NM,
      files: {
        ...wifi(),
        '/usr/lib/NetworkManager/conf.d/30-mac.conf': '[connection]\nwifi.cloned-mac-address=permanent\n',
        '/etc/NetworkManager/conf.d/30-mac.conf': '[connection-mac]\nwifi.cloned-mac-address=random\n',
        ...profiles('cafe-default.nmconnection'),
      },
    },
    status: 'pass',
    summary: 'private',
    evidence: [['labelDefault', '/etc/NetworkManager/conf.d/30-mac.conf [connection-mac] wifi.cloned-mac-address', 'random']],
  },
  {
    name: "linux: Fedora 40's shipped default (stable-ssid for type:wifi devices) passes profiles that never chose",
    platform: 'linux',
    host: {
      processes: NM,
      files: {
        ...wifi(),
        '/usr/lib/NetworkManager/conf.d/22-wifi-mac-addr.conf':
          '[connection.22-wifi-mac-addr]\nmatch-device=type:wifi\nwifi.cloned-mac-address=stable-ssid\n\n[.config]\nenable=nm-version-min:1.45\n',
        ...profiles('cafe-default.nmconnection'),
      },
    },
    status: 'pass',
    summary: 'private',
    evidence: [
      [
        'labelDefault',
        '/usr/lib/NetworkManager/conf.d/22-wifi-mac-addr.conf [connection.22-wifi-mac-addr] wifi.cloned-mac-address',
        'stable-ssid',
      ],
    ],
  },
  {
    name: 'linux: private addresses only for one driver, the default keeping the hardware address: which applies is unknown',
    platform: 'linux',
    host: nm(profiles('cafe-default.nmconnection'), {
      [PRINT]: `${fixture('linux/print-config-debian.txt')}\n[connection-iwl]\nmatch-device=driver:iwlwifi\nwifi.cloned-mac-address=stable\n`,
    }),
    status: 'unknown',
    summary: 'someDevicesPrivate',
    params: { sections: 'connection-iwl (match-device=driver:iwlwifi)' },
  },
  {
    name: 'linux: a section for another interface name does not count for wlan0',
    platform: 'linux',
    host: nm(
      {},
      {
        [PRINT]: `${STABLE}\n[connection-usb]\nmatch-device=interface-name:wlx*\nwifi.cloned-mac-address=preserve\n`.replace(
          '[connection-mac-randomization]',
          '[connection-usb]\nmatch-device=interface-name:wlx*\nwifi.cloned-mac-address=preserve\n\n[connection-mac-randomization]',
        ),
      },
    ),
    status: 'pass',
    summary: 'private',
  },
  {
    name: 'linux: a damaged conf.d file, NetworkManager not installed as a binary',
    platform: 'linux',
    host: { processes: NM, files: { ...wifi(), '/etc/NetworkManager/conf.d/99-bad.conf': 'wifi.cloned-mac-address=random\n' } },
    status: 'unknown',
    summary: 'badFile',
  },
  {
    name: 'linux: root-only profiles and no nmcli answer',
    platform: 'linux',
    host: nm({ [`${PROFILES}/Home.nmconnection`]: DENIED }, { [PRINT]: STABLE }),
    status: 'unknown',
    summary: 'nmProfilesUnread',
    params: { count: 1, dir: PROFILES },
    evidence: [['labelProfile', `${PROFILES}/Home.nmconnection`, 'permission denied']],
  },
  {
    name: 'linux: root-only profiles read through nmcli while NetworkManager runs',
    platform: 'linux',
    host: nm(
      { [`${PROFILES}/Home.nmconnection`]: DENIED, [`${PROFILES}/Office.nmconnection`]: DENIED },
      {
        [PRINT]: STABLE,
        [NMCLI_LIST]: `Home:${HOME_UUID}:802-11-wireless\nWired connection 1:11111111-2222-3333-4444-555555555555:802-3-ethernet\nOffice:${OFFICE_UUID}:802-11-wireless\n`,
        [nmcliShow(HOME_UUID)]: '\n',
        [nmcliShow(OFFICE_UUID)]: '00\\:11\\:22\\:33\\:44\\:55\n',
      },
    ),
    status: 'warn',
    summary: 'exposedNetworks',
    params: { count: 1 },
    evidence: [
      ['labelProfile', nmcliShow(OFFICE_UUID), '00:11:22:33:44:55'],
      ['labelProfile', nmcliShow(HOME_UUID), 'private per network (default)'],
    ],
  },
  {
    name: 'linux: iwd alone, AddressRandomization=network, its network files root-only',
    platform: 'linux',
    host: {
      processes: IWD,
      files: {
        ...wifi(),
        '/etc/NetworkManager/NetworkManager.conf': DENIED,
        '/etc/iwd/main.conf': '[General]\nAddressRandomization=network\n',
        '/var/lib/iwd': DENIED,
      },
    },
    status: 'unknown',
    summary: 'iwdNetworksUnread',
  },
  {
    name: 'linux: iwd with a fixed AddressOverride on one network',
    platform: 'linux',
    host: {
      processes: IWD,
      files: {
        ...wifi(),
        '/etc/iwd/main.conf': '[General]\nAddressRandomization=network\n',
        '/var/lib/iwd/Home.psk': '[Security]\nPassphrase=x\n',
        '/var/lib/iwd/Office.psk': '[Settings]\nAddressOverride=00:11:22:33:44:55\n',
        '/var/lib/iwd/Cafe.open': '[Settings]\nAlwaysRandomizeAddress=true\n',
      },
    },
    status: 'warn',
    summary: 'exposedNetworks',
    params: { system: 'iwd', count: 1 },
    evidence: [['labelProfile', '/var/lib/iwd/Office.psk [Settings]', 'AddressOverride=00:11:22:33:44:55']],
  },
  {
    name: 'linux: iwd with every network private',
    platform: 'linux',
    host: {
      processes: IWD,
      files: {
        ...wifi(),
        '/etc/iwd/main.conf': '[General]\nAddressRandomization=network\n',
        '/var/lib/iwd/Home.psk': '[Security]\nPassphrase=x\n',
      },
    },
    status: 'pass',
    summary: 'private',
    params: { system: 'iwd', count: 1 },
  },
  {
    name: "linux: iwd's default (disabled)",
    platform: 'linux',
    host: { processes: IWD, files: { ...wifi('f4:06:69:a1:b2:c3\n'), '/etc/iwd/main.conf': '[Scan]\nDisablePeriodicScan=false\n' } },
    status: 'warn',
    summary: 'hardwareDefault',
    evidence: [
      ['labelDefault', '/etc/iwd/main.conf [General] AddressRandomization', 'disabled (default)'],
      ['labelCurrentAddress', '/sys/class/net/wlan0/address', 'hardware (universal)'],
    ],
  },
  {
    name: 'linux: iwd randomising once per start',
    platform: 'linux',
    host: { processes: IWD, files: { ...wifi(), '/etc/iwd/main.conf': '[General]\nAddressRandomization=once\n' } },
    status: 'warn',
    summary: 'onceDefault',
  },
  {
    name: 'linux: wpa_supplicant running without NetworkManager or iwd (NetworkManager installed but not in use)',
    platform: 'linux',
    host: { processes: [proc('wpa_supplicant')], files: wifi() },
    status: 'unknown',
    summary: 'noManager',
  },
  // macOS
  {
    name: 'darwin: no Wi-Fi port',
    platform: 'darwin',
    host: mac({ [PORTS]: 'Hardware Port: Thunderbolt Bridge\nDevice: bridge0\nEthernet Address: xx:xx:xx:xx:xx:xx\n' }),
    status: 'not_applicable',
    summary: 'noWifi',
  },
  {
    name: 'darwin: macOS 14 has no private address',
    platform: 'darwin',
    host: mac({}, '23.6.0'),
    status: 'warn',
    summary: 'macOld',
  },
  {
    name: 'darwin: Fixed, Rotating and a network never changed (private by default)',
    platform: 'darwin',
    host: mac({ [PLUTIL(KNOWN)]: fixture('darwin/known-networks.xml') }),
    status: 'pass',
    summary: 'private',
    params: { system: 'macOS', count: 3 },
    evidence: [
      ['labelProfile', `${KNOWN} wifi.network.ssid.Home PrivateMACAddressModeUserSetting`, 'static'],
      ['labelProfile', `${KNOWN} wifi.network.ssid.Cafe PrivateMACAddressModeUserSetting`, 'private per network (default)'],
    ],
  },
  {
    name: 'darwin: one network with Private Wi-Fi address off',
    platform: 'darwin',
    host: mac({ [PLUTIL(KNOWN)]: fixture('darwin/known-networks-office-off.xml') }),
    status: 'warn',
    summary: 'exposedNetworks',
    params: { system: 'macOS', count: 1 },
  },
  {
    name: 'darwin: private addresses off by default (PrivateMACAddressModeSystemSetting=1)',
    platform: 'darwin',
    host: mac({ [PLUTIL(KNOWN)]: fixture('darwin/known-networks.xml'), [PLUTIL(AIRPORT)]: fixture('darwin/airport-preferences-off.xml') }),
    status: 'warn',
    summary: 'exposedNetworks',
    params: { count: 1 },
    evidence: [['labelDefault', `${AIRPORT} PrivateMACAddressModeSystemSetting`, 1]],
  },
  {
    name: 'darwin: the known networks are root-only',
    platform: 'darwin',
    host: mac({ [PLUTIL(KNOWN)]: { code: 1, stderr: `${KNOWN}: Permission denied\n` } }),
    status: 'unknown',
    summary: 'macNeedsRoot',
  },
  {
    name: 'darwin: plutil printed garbage',
    platform: 'darwin',
    host: mac({ [PLUTIL(KNOWN)]: '<plist><dict><key>x</key>' }),
    status: 'unknown',
    summary: 'badFile',
  },
  // Windows
  {
    name: 'win32: no 802.11 adapter',
    platform: 'win32',
    host: win(REG_ABSENT, {}, '[]'),
    status: 'not_applicable',
    summary: 'noWifi',
  },
  {
    name: 'win32: random hardware addresses on, and a saved profile that uses them',
    platform: 'win32',
    host: win(fixture('win32/reg-query-wlansvc-on.txt'), {
      [`${WIN_PROFILES}\\{11111111-2222-3333-4444-555555555555}.xml`]: fixture('win32/profile-home.xml'),
    }),
    status: 'pass',
    summary: 'private',
    params: { system: 'Windows', count: 1 },
    evidence: [
      ['labelDefault', `HKLM\\SOFTWARE\\Microsoft\\WlanSvc\\Interfaces\\${GUID}\\RandomMacState`, '01000000'],
      ['labelCurrentAddress', "Get-NetAdapter 'Wi-Fi' MacAddress, PermanentAddress", 'locally administered (private)'],
    ],
  },
  {
    name: 'win32: a saved profile with randomisation off',
    platform: 'win32',
    host: win(fixture('win32/reg-query-wlansvc-on.txt'), {
      [`${WIN_PROFILES}\\{1}.xml`]: fixture('win32/profile-home.xml'),
      [`${WIN_PROFILES}\\{2}.xml`]: fixture('win32/profile-hotel-off.xml'),
    }),
    status: 'warn',
    summary: 'exposedNetworks',
    params: { count: 1 },
  },
  {
    name: 'win32: the switch never turned on (no RandomMacState)',
    platform: 'win32',
    host: win(REG_ABSENT, { [`${WIN_PROFILES}\\{1}.xml`]: fixture('win32/profile-home.xml') }),
    status: 'warn',
    summary: 'hardwareDefault',
  },
  {
    name: 'win32: profiles need an administrator; the connected network uses a private address',
    platform: 'win32',
    host: win(fixture('win32/reg-query-wlansvc-on.txt'), { [WIN_PROFILES]: DENIED }),
    status: 'unknown',
    summary: 'winProfilesUnread',
  },
  {
    name: 'win32: profiles need an administrator; the connected network sees the hardware address',
    platform: 'win32',
    host: win(fixture('win32/reg-query-wlansvc-on.txt'), { [WIN_PROFILES]: DENIED }, universal),
    status: 'warn',
    summary: 'exposedNetworks',
  },
  {
    name: 'win32: PowerShell printed something else',
    platform: 'win32',
    host: win(REG_ABSENT, {}, 'Get-NetAdapter : Access denied'),
    status: 'unknown',
    summary: 'badOutput',
  },
]

describe('wifi.mac-randomization', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const host = createFixtureHost({ platform: c.platform, ...c.host })
      const r = await runCheck(macRandomizationCheck, host)
      if (c.summary === 'badOutput') {
        expect(r.status).toBe('unknown')
        expect(r.summary.key).toBe('toolkit.badOutput')
        return
      }
      expectOutcome(r, c)
    })
  }
})
