/**
 * macOS 15's known Wi-Fi networks (`/Library/Preferences/com.apple.wifi.known-networks.plist`, converted
 * with `plutil -convert xml1`): one dictionary per network under `wifi.network.ssid.<SSID>`, whose
 * `PrivateMACAddressModeUserSetting` is `off`, `static` (Fixed) or `rotating`, absent when never chosen.
 * The system default lives in `com.apple.airport.preferences.plist` as `PrivateMACAddressModeSystemSetting`
 * (1: private addresses off by default, 0 or absent: on). Pure: no I/O.
 */
import { failed, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { isPlistDict, parsePlist, type PlistValue } from '../../readers/macos/plist.parse.js'
import { t } from './mac-randomization.messages.js'
import type { MacMode } from './mac-randomization.verdict.js'

const PREFIX = 'wifi.network.ssid.'
/** More known networks than a Mac keeps; the rest are not read. */
const MAX_NETWORKS = 500

export interface KnownNetwork {
  name: string
  /** The per-network choice as stored; undefined when never set. */
  userSetting: string | undefined
}

function nameOf(key: string, value: PlistValue | undefined): string {
  // The SSID is raw bytes (<data>); the key's suffix is the same name as text.
  if (value instanceof Uint8Array) return new TextDecoder('utf-8', { fatal: false }).decode(value)
  return typeof value === 'string' ? value : key.slice(PREFIX.length)
}

export function parseKnownNetworks(xml: string): Result<KnownNetwork[], Msg> {
  const parsed = parsePlist(xml)
  if (!parsed.ok) return failed(t('parsePlist', { reason: parsed.reason }))
  if (!isPlistDict(parsed.value)) return failed(t('parseNotDict'))
  const networks: KnownNetwork[] = []
  for (const [key, value] of Object.entries(parsed.value)) {
    if (!key.startsWith(PREFIX) || !isPlistDict(value)) continue
    if (networks.length >= MAX_NETWORKS) break
    const setting = value.PrivateMACAddressModeUserSetting
    networks.push({
      name: nameOf(key, value.SSID),
      userSetting: typeof setting === 'string' ? setting : setting === undefined ? undefined : String(setting),
    })
  }
  return ok(networks)
}

/** `PrivateMACAddressModeSystemSetting` as read from the airport preferences: 1 turns private addresses off by default. */
export function systemSettingOf(xml: string): Result<number | undefined, Msg> {
  const parsed = parsePlist(xml)
  if (!parsed.ok) return failed(t('parsePlist', { reason: parsed.reason }))
  if (!isPlistDict(parsed.value)) return failed(t('parseNotDict'))
  const v = parsed.value.PrivateMACAddressModeSystemSetting
  return ok(typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? Number(v) : undefined)
}

/**
 * Apple (Platform Deployment: "Adjust private Wi-Fi settings on Mac"): Off uses the hardware address,
 * Fixed one private address for that network, Rotating a new one every two weeks.
 */
export function macosMode(setting: string | undefined, systemOff: boolean): MacMode {
  if (setting === undefined) return systemOff ? 'hardware' : 'per-network'
  const v = setting.trim().toLowerCase()
  return v === 'off' ? 'hardware' : v === 'static' ? 'per-network' : v === 'rotating' ? 'random' : 'unrecognised'
}

/** `networksetup -listallhardwareports`: the devices of the Wi-Fi ports ("Wi-Fi", "AirPort" before 10.7). */
export function wifiPorts(text: string): string[] {
  const devices: string[] = []
  let port = ''
  for (const line of text.split('\n').slice(0, 10_000)) {
    const field = /^(Hardware Port|Device):/.exec(line)
    // Trimmed, not read by `:\s*(.*?)\s*$`, which tried every split of a long value before a line separator
    // (quadratic); a value holding one matched nothing, and still gives nothing.
    const value = field ? line.slice(field[0].length).trim() : ''
    if (!field || /[\r\u2028\u2029]/.test(value)) continue
    if (field[1] === 'Hardware Port') port = value
    else if (/^(Wi-Fi|AirPort)$/i.test(port) && value) devices.push(value)
  }
  return devices
}
