import { attempt, observedError, observedWord, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { parseToolOutput, runTool } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { findKey, findValue } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import type { Evidence } from '../../core/types.js'
import { displayName } from './nm-keyfile.parse.js'
import { t } from './mac-randomization.messages.js'
import { modeWord, type MacFacts, type MacMode, type NetworkSetting } from './mac-randomization.verdict.js'
import { parseWlanAdapters, parseWlanProfile, randomMacState, usesRandomAddress, type WlanAdapter } from './wlan-adapters.parse.js'

/** Physical 802.11 adapters only (NdisPhysicalMedium 9); no double quotes, as the argument is quoted for PowerShell. */
export const WLAN_SCRIPT =
  "ConvertTo-Json -Compress -InputObject @(Get-NetAdapter -Physical | Where-Object { $_.NdisPhysicalMedium -eq 9 } | Select-Object Name,InterfaceDescription,@{n='InterfaceGuid';e={[string]$_.InterfaceGuid}},MacAddress,PermanentAddress,@{n='Status';e={[string]$_.Status}})"

const WLAN_KEY = 'HKLM\\SOFTWARE\\Microsoft\\WlanSvc\\Interfaces'
/** Where WLAN AutoConfig keeps each adapter's saved profiles; readable by administrators only. */
const PROFILES_DIR = 'C:\\ProgramData\\Microsoft\\Wlansvc\\Profiles\\Interfaces'
const MAX_PROFILES = 200

type Unknown = Extract<MacFacts, { kind: 'unknown' }>

/** The adapter's switch (Settings → Wi-Fi → Random hardware addresses): the default for networks joined from now on. */
async function adapterDefault(host: Host, adapter: WlanAdapter, evidence: Evidence[], signal?: AbortSignal): Promise<boolean | Unknown> {
  const key = `${WLAN_KEY}\\${adapter.guid}`
  const read = await queryRegistry(host, key, signal)
  if (read.status === 'unreadable') {
    evidence.push({ label: t('labelDefault'), source: `${key}\\RandomMacState`, observed: read.reason })
    return { kind: 'unknown', reason: t('unreadable', { source: key, reason: read.reason }), evidence }
  }
  const value = read.status === 'ok' ? findValue(findKey(read.keys, key), 'RandomMacState') : undefined
  evidence.push({
    label: t('labelDefault'),
    source: `${key}\\RandomMacState`,
    observed: value ? value.raw.slice(0, 40) : t('seenDefault', { value: '00000000' }),
  })
  // Absent: the switch was never turned on (Windows ships with it off).
  return randomMacState(value?.raw) ?? false
}

/** Each saved profile's own choice; a profile without one follows the adapter's switch. */
async function savedProfiles(host: Host, adapter: WlanAdapter, on: boolean, evidence: Evidence[]): Promise<NetworkSetting[] | 'denied'> {
  const dir = `${PROFILES_DIR}\\${adapter.guid}`
  const listed = await attempt(dir, () => host.readDir(dir))
  if (!listed.ok) {
    if (listed.reason.code === 'not_found') return []
    evidence.push({ label: t('labelProfile'), source: dir, observed: observedError(listed.reason.code) })
    return 'denied'
  }
  const networks: NetworkSetting[] = []
  for (const entry of listed.value.filter((e) => e.kind === 'file' && /\.xml$/i.test(e.name)).slice(0, MAX_PROFILES)) {
    const file = `${dir}\\${entry.name}`
    const read = await tryReadText(host, file, { maxBytes: 1024 * 1024 })
    if (!read.ok) {
      evidence.push({ label: t('labelProfile'), source: file, observed: observedError(read.reason.code) })
      if (read.reason.code === 'permission_denied') return 'denied'
      continue
    }
    const profile = parseWlanProfile(read.value)
    if (!profile) continue
    const mode: MacMode =
      profile.enabled === undefined
        ? on
          ? 'per-network'
          : 'hardware'
        : !profile.enabled
          ? 'hardware'
          : profile.daily
            ? 'random'
            : 'per-network'
    const name = displayName(profile.name)
    evidence.push({
      label: t('labelProfile'),
      source: `${file} MacRandomization`,
      observed:
        profile.enabled === undefined
          ? t('seenDefault', { value: modeWord(mode) })
          : `enableRandomization=${String(profile.enabled)}${profile.daily ? ', randomizeEveryday=true' : ''}`,
    })
    networks.push({ name, mode })
  }
  return networks
}

export async function readWin32Mac(host: Host, signal?: AbortSignal): Promise<MacFacts> {
  const evidence: Evidence[] = []
  const source = 'Get-NetAdapter -Physical | Where-Object NdisPhysicalMedium -eq 9'
  const ran = await runTool(host, 'powershell', ['-NoProfile', '-NonInteractive', '-Command', WLAN_SCRIPT], { timeoutMs: 10_000, signal })
  const adapters = parseToolOutput(ran, parseWlanAdapters)
  if (!adapters.ok) {
    evidence.push({ label: t('labelInterfaces'), source, observed: adapters.reason.seen })
    return { kind: 'unknown', reason: adapters.reason.reason, evidence }
  }
  evidence.push({
    label: t('labelInterfaces'),
    source,
    observed: adapters.value.length ? displayName(adapters.value.map((a) => a.name).join(', ')) : observedWord('none'),
  })
  if (adapters.value.length === 0) return { kind: 'no-wifi', evidence }

  let allOn = true
  let unread: Msg | null = null
  const networks: NetworkSetting[] = []
  for (const adapter of adapters.value) {
    const on = await adapterDefault(host, adapter, evidence, signal)
    if (typeof on !== 'boolean') return on
    if (!on) allOn = false
    const random = usesRandomAddress(adapter)
    const connected = /^up$/i.test(adapter.status) && random !== undefined
    if (connected) {
      evidence.push({
        label: t('labelCurrentAddress'),
        source: `Get-NetAdapter '${displayName(adapter.name)}' MacAddress, PermanentAddress`,
        observed: random ? t('seenLocal') : t('seenUniversal'),
      })
    }
    const saved = await savedProfiles(host, adapter, on, evidence)
    if (saved !== 'denied') networks.push(...saved)
    else {
      unread = t('winProfilesUnread', { dir: PROFILES_DIR })
      // The network it is on now still tells its own story through the address it uses.
      if (connected)
        networks.push({ name: t('connectedVia', { adapter: displayName(adapter.name) }), mode: random ? 'per-network' : 'hardware' })
    }
  }
  return {
    kind: 'settings',
    system: 'Windows',
    newNetworks: allOn ? 'per-network' : 'hardware',
    networks,
    someDevices: [],
    scanRandom: null,
    unread,
    evidence,
  }
}
