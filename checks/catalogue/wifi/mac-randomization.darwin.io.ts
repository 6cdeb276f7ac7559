import { observedWord } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { runTool, type ToolRun } from '../../core/host/toolkit.js'
import { verbatim, type Msg } from '../../core/i18n/message.js'
import type { Evidence } from '../../core/types.js'
import { macosMode, parseKnownNetworks, systemSettingOf, wifiPorts } from './known-networks.parse.js'
import { displayName } from './nm-keyfile.parse.js'
import { t } from './mac-randomization.messages.js'
import { modeWord, type MacFacts } from './mac-randomization.verdict.js'

const KNOWN = '/Library/Preferences/com.apple.wifi.known-networks.plist'
const AIRPORT = '/Library/Preferences/SystemConfiguration/com.apple.airport.preferences.plist'
/** Darwin 24 is macOS 15 Sequoia, the first with a private Wi-Fi address on the Mac. */
const FIRST_PRIVATE_DARWIN = 24

type Converted = { kind: 'ok'; xml: string } | { kind: 'absent' } | { kind: 'unreadable'; reason: Msg; seen: Msg }

/** plutil's words when it fails ("…couldn't be opened because you don't have permission…") are the reason, as it printed them. */
async function toXml(host: Host, file: string, signal: AbortSignal | undefined): Promise<Converted> {
  const run: ToolRun = await runTool(host, 'plutil', ['-convert', 'xml1', '-o', '-', file], {
    timeoutMs: 4000,
    signal,
    acceptExit: () => true,
  })
  if (!run.ok) return { kind: 'unreadable', reason: run.reason.reason, seen: run.reason.seen }
  if (run.value.code === 0) return { kind: 'ok', xml: run.value.stdout }
  const said = (run.value.stderr || run.value.stdout).trim().slice(0, 300)
  if (/no such file|doesn.t exist|does not exist/i.test(said)) return { kind: 'absent' }
  return {
    kind: 'unreadable',
    reason: verbatim(said || `exit ${String(run.value.code)}`),
    seen: verbatim(said || `exit ${String(run.value.code)}`),
  }
}

export async function readDarwinMac(host: Host, signal?: AbortSignal): Promise<MacFacts> {
  const evidence: Evidence[] = []
  const ports = await runTool(host, 'networksetup', ['-listallhardwareports'], { timeoutMs: 4000, signal })
  if (!ports.ok) {
    evidence.push({ label: t('labelInterfaces'), source: ports.reason.command, observed: ports.reason.seen })
    return { kind: 'unknown', reason: ports.reason.reason, evidence }
  }
  const devices = wifiPorts(ports.value.stdout)
  evidence.push({
    label: t('labelInterfaces'),
    source: ports.value.command,
    observed: devices.length ? displayName(devices.join(', ')) : observedWord('none'),
  })
  if (devices.length === 0) return { kind: 'no-wifi', evidence }

  const darwin = Number.parseInt(host.release, 10)
  if (Number.isInteger(darwin) && darwin < FIRST_PRIVATE_DARWIN) {
    evidence.push({ label: t('labelRelease'), source: 'uname -r', observed: host.release })
    return { kind: 'unsupported', reason: t('macOld'), evidence }
  }

  const airport = await toXml(host, AIRPORT, signal)
  let systemOff = false
  if (airport.kind === 'ok') {
    const setting = systemSettingOf(airport.xml)
    if (!setting.ok) return { kind: 'unknown', reason: t('badFile', { source: AIRPORT, reason: setting.reason }), evidence }
    systemOff = setting.value === 1
    evidence.push({
      label: t('labelDefault'),
      source: `${AIRPORT} PrivateMACAddressModeSystemSetting`,
      observed: setting.value ?? t('seenDefault', { value: '0' }),
    })
  } else if (airport.kind === 'unreadable') {
    evidence.push({ label: t('labelDefault'), source: AIRPORT, observed: airport.seen })
    return { kind: 'unknown', reason: t('macNeedsRoot', { source: AIRPORT, reason: airport.reason }), evidence }
  } else {
    evidence.push({
      label: t('labelDefault'),
      source: `${AIRPORT} PrivateMACAddressModeSystemSetting`,
      observed: t('seenDefault', { value: '0' }),
    })
  }

  const known = await toXml(host, KNOWN, signal)
  if (known.kind === 'unreadable') {
    evidence.push({ label: t('labelProfile'), source: KNOWN, observed: known.seen })
    return { kind: 'unknown', reason: t('macNeedsRoot', { source: KNOWN, reason: known.reason }), evidence }
  }
  const parsed = known.kind === 'ok' ? parseKnownNetworks(known.xml) : { ok: true as const, value: [] }
  if (!parsed.ok) return { kind: 'unknown', reason: t('badFile', { source: KNOWN, reason: parsed.reason }), evidence }
  const networks = parsed.value.map((n) => {
    const mode = macosMode(n.userSetting, systemOff)
    const name = displayName(n.name)
    evidence.push({
      label: t('labelProfile'),
      source: `${KNOWN} wifi.network.ssid.${name} PrivateMACAddressModeUserSetting`,
      observed: n.userSetting !== undefined ? displayName(n.userSetting) : t('seenDefault', { value: modeWord(mode) }),
    })
    return { name, mode }
  })
  return {
    kind: 'settings',
    system: 'macOS',
    newNetworks: systemOff ? 'hardware' : 'per-network',
    networks,
    someDevices: [],
    scanRandom: null,
    unread: null,
    evidence,
  }
}
