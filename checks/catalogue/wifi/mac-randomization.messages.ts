import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('wifi.mac-randomization', {
  title: 'Wi-Fi hardware address',
  observer:
    'What an observer learns: every Wi-Fi network you join, and anyone listening nearby, can recognise this laptop again by its fixed hardware address, and link your visits to cafés, hotels, offices and protests over time.',
  rationale:
    'A Wi-Fi adapter shows its hardware (MAC) address to every network it scans for and joins. If it never changes, network operators and Wi-Fi trackers in shops and streets can follow the laptop from place to place. A private address, random or different for each network, breaks that link.',
  private: '{system} gives each of the {count} known Wi-Fi networks, and new ones, a private address instead of the hardware one.',
  winProfilesUnread:
    'The per-network choices in the saved Wi-Fi profiles ({dir}) are readable only by administrators. Run Bulwark as administrator, or check each network under Settings → Network & internet → Wi-Fi → Manage known networks → Random hardware addresses.',
  exposedNetworks:
    '{system} shows a fixed address to {count} known Wi-Fi networks ({names}): each of them, and anyone listening nearby, can recognise this laptop whenever it comes back.',
  hardwareDefault:
    '{system} uses the hardware address for new Wi-Fi networks: every café or hotel network joined from now on can recognise this laptop again.',
  fixedDefault: '{system} gives every new Wi-Fi network the same chosen address: it is as trackable as the hardware one.',
  onceDefault:
    '{system} picks a random address only once when it starts, then shows that same address to every network until the next restart: networks visited on the same day can be linked.',
  someDevices:
    '{system} uses private addresses by default, but the configuration sections {sections} turn them off for some adapters (match-device). Check whether they match your Wi-Fi adapter.',
  someDevicesPrivate:
    'NetworkManager keeps the hardware address by default and gives private addresses only to adapters matching {sections}; Bulwark cannot tell whether yours matches. Compare with the driver shown by: nmcli -f GENERAL.DRIVER,GENERAL.HWADDR device show',
  scanHardware:
    '{system} gives networks a private address, but scans for networks with the hardware address (wifi.scan-rand-mac-address=no): Wi-Fi trackers nearby can still follow the laptop.',
  unrecognised: '{system} has address settings Bulwark does not recognise for {names}. Check them in the network settings.',
  noWifi: 'This computer has no Wi-Fi adapter, so no Wi-Fi network can see its address.',
  noManager:
    'Bulwark found a Wi-Fi adapter but neither NetworkManager nor iwd, the two Wi-Fi managers it reads. With wpa_supplicant alone, check mac_addr=1 (or 2) and preassoc_mac_addr=1 in its configuration; with another manager, check its MAC address settings.',
  macOld:
    'This macOS is older than macOS 15, which brought the private Wi-Fi address to the Mac: every network sees the hardware address. Update macOS to 15 or later.',
  macNeedsRoot:
    'Bulwark could not read {source} ({reason}). It is readable only by root, and macOS also requires Full Disk Access for it: run Bulwark with sudo from a terminal that has Full Disk Access (System Settings → Privacy & Security → Full Disk Access), or check each network under System Settings → Wi-Fi → Details → Private Wi-Fi address.',
  nmProfilesUnread:
    '{count} NetworkManager connection profiles in {dir} are readable only by root, and nmcli could not answer (NetworkManager is not running or not reachable). Run Bulwark with sudo, or, while NetworkManager runs, check each one with: nmcli -f 802-11-wireless.cloned-mac-address connection show <name>',
  iwdNetworksUnread:
    'The per-network iwd settings in {dir} are readable only by root. Run Bulwark with sudo, or check the network files there for AddressOverride.',
  unreadable: 'Bulwark could not read {source}: {reason}',
  badFile: '{source} could not be read as a configuration file: {reason}',
  parseBinary: 'it contains binary data',
  parseBadLine: 'line {line} is neither a [section], a key=value line nor a comment',
  parseKeyFirst: 'line {line} sets a key before any [section]',
  parsePlist: 'it is not a readable property list ({reason})',
  parseNotDict: 'it does not hold a dictionary',
  parseJson: 'the adapter list is not the JSON Bulwark asked for',
  connectedVia: 'the network {adapter} is on now',
  quoted: '“{name}”',
  andMore: '{count} more',
  labelInterfaces: 'Wi-Fi adapters',
  labelCurrentAddress: 'Current address',
  labelManager: 'Wi-Fi manager',
  labelConfig: 'Configuration file',
  labelDefault: 'Default for new networks',
  labelSomeDevices: 'Default for some adapters',
  labelScan: 'Address while scanning',
  labelBackend: 'Wi-Fi backend',
  labelProfile: 'Network',
  labelRelease: 'Kernel release',
  seenLocal: 'locally administered (private)',
  seenUniversal: 'hardware (universal)',
  seenDefault: '{value} (default)',
  mode_random: 'random',
  'mode_per-network': 'private per network',
  mode_hardware: 'hardware address',
  mode_fixed: 'fixed address',
  mode_once: 'random once per start',
  mode_unrecognised: 'not recognised',
  stepNetworkManager:
    'Give every Wi-Fi network a private address by default: create /etc/NetworkManager/conf.d/30-mac-randomization.conf with [device] wifi.scan-rand-mac-address=yes and [connection] wifi.cloned-mac-address=stable (one private address per network; random for a new one each time), then reload NetworkManager. If a captive portal or a home router stops recognising you, set that one network back.',
  stepNetworkManagerProfile:
    'Networks saved with their own choice keep it: change each one with nmcli connection modify <name> 802-11-wireless.cloned-mac-address stable, then reconnect. To undo, set it back to the value shown in the evidence (preserve or permanent).',
  stepIwd:
    'With iwd: set AddressRandomization=network under [General] in /etc/iwd/main.conf, then restart iwd (sudo systemctl restart iwd). To undo, remove the line.',
  stepMac:
    'Open System Settings → Wi-Fi, click Details next to each network, and set Private Wi-Fi address to Fixed or Rotating (macOS 15 or later).',
  stepWindows:
    'Open Settings → Network & internet → Wi-Fi and turn on Random hardware addresses. Then open Manage known networks, choose each network, and set Random hardware addresses to On or Change daily.',
})

/** The words of the NetworkManager fix (mac-randomization-fix.verdict.ts). */
export const fixText = defineMessages('wifi.mac-randomization.fix', {
  fixTitle:
    'Give every Wi-Fi network its own private address, and scan with random ones: a NetworkManager drop-in, {path} (needs an administrator)',
  fixProtects:
    'Networks you join, and anyone listening nearby, can no longer follow your laptop from place to place by its hardware address.',
  fixMayBreakReload:
    'NetworkManager applies it when it reloads (sudo nmcli general reload) or restarts; a network you are connected to gets its new address when you reconnect.',
  fixMayBreakNetworks:
    'Each network sees a new, stable address the first time: a router that lets in only known addresses, or a reservation made for the old one, must be told the new address. Networks you pinned to an address of their own keep it.',
  fixNotOurs:
    '{path} already exists and was not written by Bulwark, so Bulwark leaves it alone. Look at what it sets, then follow the steps.',
})
