import { observedWord } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { parseToolOutput, runTool } from '../../core/host/toolkit.js'
import { findKey, findValue } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import type { Evidence } from '../../core/types.js'
import { displayName } from './nm-keyfile.parse.js'
import { t } from './mac-randomization.messages.js'
import type { MacFacts, NetworkSetting } from './mac-randomization.verdict.js'
import { parseWlanAdapters, randomMacState, usesRandomAddress } from './wlan-adapters.parse.js'

/** Physical 802.11 adapters only (NdisPhysicalMedium 9); no double quotes, as the argument is quoted for PowerShell. */
export const WLAN_SCRIPT =
  "ConvertTo-Json -Compress -InputObject @(Get-NetAdapter -Physical | Where-Object { $_.NdisPhysicalMedium -eq 9 } | Select-Object Name,InterfaceDescription,@{n='InterfaceGuid';e={[string]$_.InterfaceGuid}},MacAddress,PermanentAddress,@{n='Status';e={[string]$_.Status}})"

const WLAN_KEY = 'HKLM\\SOFTWARE\\Microsoft\\WlanSvc\\Interfaces'

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
  const networks: NetworkSetting[] = []
  for (const adapter of adapters.value) {
    const key = `${WLAN_KEY}\\${adapter.guid}`
    const read = await queryRegistry(host, key, signal)
    if (read.status === 'unreadable') {
      evidence.push({ label: t('labelDefault'), source: `${key}\\RandomMacState`, observed: read.reason })
      return { kind: 'unknown', reason: t('unreadable', { source: key, reason: read.reason }), evidence }
    }
    const value = read.status === 'ok' ? findValue(findKey(read.keys, key), 'RandomMacState') : undefined
    // Absent: the switch was never turned on (Windows ships with it off).
    const on = randomMacState(value?.raw) ?? false
    if (!on) allOn = false
    evidence.push({
      label: t('labelDefault'),
      source: `${key}\\RandomMacState`,
      observed: value ? value.raw.slice(0, 40) : t('seenDefault', { value: '00000000' }),
    })
    const random = usesRandomAddress(adapter)
    if (/^up$/i.test(adapter.status) && random !== undefined) {
      evidence.push({
        label: t('labelCurrentAddress'),
        source: `Get-NetAdapter '${displayName(adapter.name)}' MacAddress, PermanentAddress`,
        observed: random ? t('seenLocal') : t('seenUniversal'),
      })
      // The network it is on now: the one per-network choice Bulwark can see without reading undocumented profile data.
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
    unread: null,
    passNote: t('winPrivate'),
    evidence,
  }
}
