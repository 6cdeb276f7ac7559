import { attempt, observedError, observedWord, pathsFor, tryReadText, tryStat, which, type Attempt } from '../../core/host/helpers.js'
import type { DirEntry, Host } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Evidence } from '../../core/types.js'
import { t } from './mac-randomization.messages.js'
import { modeWord, type MacFacts, type MacMode, type NetworkSetting } from './mac-randomization.verdict.js'
import {
  legacyRandomization,
  lookupNmDefault,
  mergeNmConfig,
  NM_DEFAULT_CLONED,
  nmMode,
  parseNmcliConnections,
  sectionsOfPrintConfig,
  type NmConfigFile,
  type NmSection,
} from './nm-config.parse.js'
import { displayName, keyFileBoolean, parseKeyFile, type KeyGroup } from './nm-keyfile.parse.js'

const SYS_NET = '/sys/class/net'
const NM_CONF = '/etc/NetworkManager/NetworkManager.conf'
/** NetworkManager.conf(5): /usr/lib first, /run second, both before NetworkManager.conf; /etc/…/conf.d after it. */
const NM_LIB_DIR = '/usr/lib/NetworkManager/conf.d'
const NM_RUN_DIR = '/run/NetworkManager/conf.d'
const NM_ETC_DIR = '/etc/NetworkManager/conf.d'
/** Written by NetworkManager itself, read last: it can shadow the rest. */
const NM_INTERN = '/var/lib/NetworkManager/NetworkManager-intern.conf'
/** Where the keyfile plugin keeps profiles (nm-settings-keyfile(5)): persistent, in-memory, and shipped read-only. */
const NM_PROFILE_DIRS = [
  '/etc/NetworkManager/system-connections',
  '/run/NetworkManager/system-connections',
  '/usr/lib/NetworkManager/system-connections',
]
/**
 * `--print-config` writes the internal configuration file when it is missing (seen with strace: it creates
 * NetworkManager-intern.conf as root). Pointing it into /proc, where nothing can be created, keeps the run read-only;
 * that file is then not part of the printed merge (it holds values set over D-Bus, not MAC address defaults).
 */
export const PRINT_CONFIG_ARGS = ['--print-config', '--intern-config=/proc/self/bulwark-read-only/intern.conf']
const IWD_MAIN = '/etc/iwd/main.conf'
const IWD_STATE = '/var/lib/iwd'
/** More profiles than a laptop keeps; past this the rest are not read, so a hostile folder cannot stall a scan. */
const MAX_PROFILES = 200
const TOOL_MS = 5000

type Unknown = Extract<MacFacts, { kind: 'unknown' }>

async function listDir(host: Host, dir: string): Promise<Attempt<DirEntry[]>> {
  return attempt(dir, () => host.readDir(dir))
}

/** Wi-Fi interfaces: those with a `wireless` or `phy80211` entry in sysfs (cfg80211 devices). */
async function wifiInterfaces(host: Host, evidence: Evidence[]): Promise<string[] | Unknown> {
  const listed = await listDir(host, SYS_NET)
  if (!listed.ok) {
    evidence.push({ label: t('labelInterfaces'), source: SYS_NET, observed: observedError(listed.reason.code) })
    return { kind: 'unknown', reason: t('unreadable', { source: SYS_NET, reason: observedError(listed.reason.code) }), evidence }
  }
  const found: string[] = []
  for (const entry of listed.value.slice(0, 256)) {
    for (const marker of ['wireless', 'phy80211']) {
      if ((await tryStat(host, `${SYS_NET}/${entry.name}/${marker}`)).ok) {
        found.push(entry.name)
        break
      }
    }
  }
  evidence.push({
    label: t('labelInterfaces'),
    source: `${SYS_NET}/*/wireless, ${SYS_NET}/*/phy80211`,
    observed: found.length ? displayName(found.join(', ')) : observedWord('none'),
  })
  return found
}

/** Whether the address each Wi-Fi interface has now is locally administered (bit 0x02 of the first octet): random, or the hardware's own. */
async function currentAddresses(host: Host, interfaces: readonly string[], evidence: Evidence[]): Promise<void> {
  for (const name of interfaces) {
    const source = `${SYS_NET}/${name}/address`
    const read = await tryReadText(host, source, { maxBytes: 256 })
    const first = read.ok ? /^([0-9a-f]{2}):/i.exec(read.value.trim())?.[1] : undefined
    // The address itself is an identifier: the report says only which kind it is.
    const observed = !read.ok
      ? observedError(read.reason.code)
      : first === undefined
        ? observedError('io')
        : (parseInt(first, 16) & 2) !== 0
          ? t('seenLocal')
          : t('seenUniversal')
    evidence.push({ label: t('labelCurrentAddress'), source, observed })
  }
}

async function running(host: Host): Promise<Set<string> | null> {
  const list = await host.sysinfo.processes().catch(() => null)
  return list ? new Set(list.map((p) => p.name)) : null
}

/** The configuration files in NetworkManager's reading order, a file in /etc/…/conf.d shadowing one of the same name in /run or /usr/lib. */
async function nmConfigFiles(host: Host, evidence: Evidence[]): Promise<NmConfigFile[] | Unknown> {
  const dirs = [NM_LIB_DIR, NM_RUN_DIR, NM_ETC_DIR]
  const names = new Map<string, string[]>()
  for (const dir of dirs) {
    const listed = await listDir(host, dir)
    names.set(
      dir,
      listed.ok
        ? listed.value
            .filter((e) => e.kind !== 'dir' && e.name.endsWith('.conf'))
            .map((e) => e.name)
            .sort()
        : [],
    )
  }
  const shadowed = (dir: string, name: string): boolean =>
    dirs.slice(dirs.indexOf(dir) + 1).some((later) => names.get(later)?.includes(name))
  const paths = [
    ...[NM_LIB_DIR, NM_RUN_DIR].flatMap((dir) => (names.get(dir) ?? []).filter((n) => !shadowed(dir, n)).map((n) => `${dir}/${n}`)),
    NM_CONF,
    ...(names.get(NM_ETC_DIR) ?? []).map((n) => `${NM_ETC_DIR}/${n}`),
    NM_INTERN,
  ].slice(0, 128)
  const files: NmConfigFile[] = []
  for (const path of paths) {
    const read = await tryReadText(host, path)
    if (!read.ok) {
      if (read.reason.code === 'not_found') continue
      evidence.push({ label: t('labelConfig'), source: path, observed: observedError(read.reason.code) })
      return { kind: 'unknown', reason: t('unreadable', { source: path, reason: observedError(read.reason.code) }), evidence }
    }
    const parsed = parseKeyFile(read.value)
    if (!parsed.ok) {
      evidence.push({ label: t('labelConfig'), source: path, observed: observedError('io') })
      return { kind: 'unknown', reason: t('badFile', { source: path, reason: parsed.reason }), evidence }
    }
    files.push({ path, groups: parsed.value })
  }
  return files
}

/** The merged configuration: NetworkManager's own (`--print-config`) where it runs, else the files merged as it would. */
async function nmSections(
  host: Host,
  signal: AbortSignal | undefined,
  evidence: Evidence[],
): Promise<{ sections: NmSection[]; origin: string } | Unknown> {
  // /usr/sbin is often missing from a user's PATH.
  const binary = (await which(host, 'NetworkManager', ['/usr/sbin', '/sbin'])) ?? 'NetworkManager'
  const printed = await runTool(host, binary, PRINT_CONFIG_ARGS, { timeoutMs: TOOL_MS, signal })
  if (printed.ok) {
    const parsed = parseKeyFile(printed.value.stdout)
    if (parsed.ok) return { sections: sectionsOfPrintConfig(parsed.value, printed.value.command), origin: printed.value.command }
  }
  const files = await nmConfigFiles(host, evidence)
  return 'kind' in files ? files : { sections: mergeNmConfig(files), origin: NM_CONF }
}

interface ProfileRead {
  networks: NetworkSetting[]
  /** Profiles that exist but could not be read (root-only keyfiles). */
  unreadable: string[]
}

function profileSetting(
  groups: readonly KeyGroup[],
  fallback: string,
  defaultMode: MacMode,
): { name: string; mode: MacMode; value: string } | null {
  const group = (...names: string[]) => groups.find((g) => names.includes(g.name))?.entries
  const connection = group('connection')
  const type = connection?.get('type')
  if (type !== 'wifi' && type !== '802-11-wireless') return null
  const wifi = group('wifi', '802-11-wireless')
  const name = displayName(connection?.get('id') ?? fallback)
  const cloned = wifi?.get('cloned-mac-address') ?? wifi?.get('assigned-mac-address')
  if (cloned !== undefined && cloned !== '') return { name, mode: nmMode(cloned), value: cloned }
  const legacy = legacyRandomization(wifi?.get('mac-address-randomization'))
  if (legacy) return { name, mode: legacy, value: `mac-address-randomization=${wifi?.get('mac-address-randomization') ?? ''}` }
  return { name, mode: defaultMode, value: '' }
}

async function keyfileProfiles(host: Host, defaultMode: MacMode, evidence: Evidence[]): Promise<ProfileRead> {
  const result: ProfileRead = { networks: [], unreadable: [] }
  const paths = pathsFor('linux')
  let count = 0
  for (const dir of NM_PROFILE_DIRS) {
    const listed = await listDir(host, dir)
    if (!listed.ok) {
      if (listed.reason.code !== 'not_found') result.unreadable.push(dir)
      continue
    }
    for (const entry of listed.value) {
      if (entry.kind === 'dir' || entry.name.startsWith('.') || entry.name.endsWith('~') || count >= MAX_PROFILES) continue
      count++
      const file = paths.join(dir, entry.name)
      const read = await tryReadText(host, file, { maxBytes: 1024 * 1024 })
      if (!read.ok) {
        result.unreadable.push(file)
        continue
      }
      const parsed = parseKeyFile(read.value)
      if (!parsed.ok) {
        evidence.push({ label: t('labelProfile'), source: file, observed: observedError('io') })
        result.networks.push({ name: displayName(entry.name), mode: 'unrecognised' })
        continue
      }
      const setting = profileSetting(parsed.value, entry.name.replace(/\.nmconnection$/, ''), defaultMode)
      if (!setting) continue
      evidence.push({
        label: t('labelProfile'),
        source: `${file} [wifi] cloned-mac-address`,
        observed: setting.value || t('seenDefault', { value: modeWord(defaultMode) }),
      })
      result.networks.push({ name: setting.name, mode: setting.mode, ...(setting.value === '' ? { followsDefault: true } : {}) })
    }
  }
  return result
}

/** The same answer through NetworkManager's D-Bus API (it runs as root): works for any user while NetworkManager is running. */
async function nmcliProfiles(
  host: Host,
  signal: AbortSignal | undefined,
  defaultMode: MacMode,
  evidence: Evidence[],
): Promise<NetworkSetting[] | null> {
  const listed = await runTool(host, 'nmcli', ['-t', '-f', 'NAME,UUID,TYPE', 'connection', 'show'], { timeoutMs: TOOL_MS, signal })
  if (!listed.ok) return null
  const networks: NetworkSetting[] = []
  for (const profile of parseNmcliConnections(listed.value.stdout, MAX_PROFILES)) {
    const args = ['-g', '802-11-wireless.cloned-mac-address', 'connection', 'show', 'uuid', profile.uuid]
    const shown = await runTool(host, 'nmcli', args, { timeoutMs: TOOL_MS, signal })
    if (!shown.ok) return null
    // -g escapes colons in addresses ("00\:11\:…").
    const value = shown.value.stdout.trim().replace(/\\(.)/g, '$1')
    const name = displayName(profile.name)
    evidence.push({
      label: t('labelProfile'),
      source: shown.value.command,
      observed: value || t('seenDefault', { value: modeWord(defaultMode) }),
    })
    networks.push(value ? { name, mode: nmMode(value) } : { name, mode: defaultMode, followsDefault: true })
  }
  return networks
}

async function readNetworkManager(
  host: Host,
  signal: AbortSignal | undefined,
  interfaces: readonly string[],
  evidence: Evidence[],
): Promise<MacFacts> {
  const merged = await nmSections(host, signal, evidence)
  if ('kind' in merged) return merged
  const { sections, origin } = merged
  const cloned = lookupNmDefault(sections, 'connection', 'wifi.cloned-mac-address', interfaces)
  const defaultValue = cloned.value ?? NM_DEFAULT_CLONED
  const isPrivate = (value: string | undefined): boolean => ['random', 'per-network'].includes(nmMode(value ?? NM_DEFAULT_CLONED))
  // A weak default with a private one only for adapters Bulwark cannot match (driver:, mac:): which applies is not known.
  const privateFor = isPrivate(defaultValue) ? [] : cloned.conditional.filter((c) => isPrivate(c.value))
  const newNetworks: MacMode = privateFor.length > 0 ? 'unrecognised' : nmMode(defaultValue)
  evidence.push({
    label: t('labelDefault'),
    source: `${cloned.source ?? origin} [${cloned.section ?? 'connection'}] wifi.cloned-mac-address`,
    observed: cloned.value ?? t('seenDefault', { value: NM_DEFAULT_CLONED }),
  })
  const weakFor = isPrivate(defaultValue) ? cloned.conditional.filter((c) => !isPrivate(c.value)) : []
  for (const c of cloned.conditional) {
    evidence.push({
      label: t('labelSomeDevices'),
      source: `${c.source} [${c.section}] match-device=${c.match}`,
      observed: c.value ?? t('seenDefault', { value: NM_DEFAULT_CLONED }),
    })
  }
  const scan = lookupNmDefault(sections, 'device', 'wifi.scan-rand-mac-address', interfaces)
  // NetworkManager.conf(5): scanning uses a random address unless this is turned off.
  const scanRandom = keyFileBoolean(scan.value) ?? true
  evidence.push({
    label: t('labelScan'),
    source: `${scan.source ?? origin} [${scan.section ?? 'device'}] wifi.scan-rand-mac-address`,
    observed: scan.value ?? t('seenDefault', { value: 'yes' }),
  })
  const backend = lookupNmDefault(sections, 'device', 'wifi.backend', interfaces).value
  if (backend) evidence.push({ label: t('labelBackend'), source: `[device] wifi.backend`, observed: backend })

  const files = await keyfileProfiles(host, newNetworks, evidence)
  let networks = files.networks
  let unread: Msg | null =
    privateFor.length > 0
      ? t('someDevicesPrivate', { sections: privateFor.map((c) => `${c.section} (match-device=${c.match})`).join(', ') })
      : null
  if (files.unreadable.length > 0) {
    const viaNmcli = await nmcliProfiles(host, signal, newNetworks, evidence)
    if (viaNmcli) networks = viaNmcli
    else {
      for (const path of files.unreadable.slice(0, 10))
        evidence.push({ label: t('labelProfile'), source: path, observed: observedError('permission_denied') })
      unread = t('nmProfilesUnread', { count: files.unreadable.length, dir: NM_PROFILE_DIRS[0]! })
    }
  }
  return {
    kind: 'settings',
    system: 'NetworkManager',
    // Unknown which default applies: settled by `unread`, not taken as the hardware address.
    newNetworks: newNetworks === 'unrecognised' ? 'per-network' : newNetworks,
    networks,
    someDevices: weakFor.map((c) => c.section),
    scanRandom,
    unread,
    evidence,
  }
}

/** iwd.config(5): [General] AddressRandomization, default `disabled`. */
function iwdMode(value: string | undefined): MacMode {
  const v = (value ?? 'disabled').trim().toLowerCase()
  return v === 'network' ? 'per-network' : v === 'once' ? 'once' : v === 'disabled' ? 'hardware' : 'unrecognised'
}

async function readIwd(host: Host, evidence: Evidence[]): Promise<MacFacts> {
  const main = await tryReadText(host, IWD_MAIN)
  let setting: string | undefined
  if (main.ok) {
    const parsed = parseKeyFile(main.value)
    if (!parsed.ok) {
      evidence.push({ label: t('labelDefault'), source: IWD_MAIN, observed: observedError('io') })
      return { kind: 'unknown', reason: t('badFile', { source: IWD_MAIN, reason: parsed.reason }), evidence }
    }
    setting = parsed.value.find((g) => g.name === 'General')?.entries.get('AddressRandomization')
  } else if (main.reason.code !== 'not_found') {
    evidence.push({ label: t('labelDefault'), source: IWD_MAIN, observed: observedError(main.reason.code) })
    return { kind: 'unknown', reason: t('unreadable', { source: IWD_MAIN, reason: observedError(main.reason.code) }), evidence }
  }
  const newNetworks = iwdMode(setting)
  evidence.push({
    label: t('labelDefault'),
    source: `${IWD_MAIN} [General] AddressRandomization`,
    observed: setting ?? t('seenDefault', { value: 'disabled' }),
  })
  const networks: NetworkSetting[] = []
  let unread: Msg | null = null
  // iwd.network(5): AddressOverride and AlwaysRandomizeAddress count only when AddressRandomization=network.
  if (newNetworks === 'per-network') {
    const listed = await listDir(host, IWD_STATE)
    if (!listed.ok && listed.reason.code !== 'not_found') {
      evidence.push({ label: t('labelProfile'), source: IWD_STATE, observed: observedError(listed.reason.code) })
      unread = t('iwdNetworksUnread', { dir: IWD_STATE })
    }
    for (const entry of (listed.ok ? listed.value : []).slice(0, MAX_PROFILES)) {
      const kind = /\.(psk|open|8021x)$/.exec(entry.name)
      if (!kind || entry.kind === 'dir') continue
      const file = `${IWD_STATE}/${entry.name}`
      const read = await tryReadText(host, file, { maxBytes: 1024 * 1024 })
      const name = displayName(entry.name.slice(0, -kind[0].length))
      if (!read.ok) {
        unread = t('iwdNetworksUnread', { dir: IWD_STATE })
        evidence.push({ label: t('labelProfile'), source: file, observed: observedError(read.reason.code) })
        continue
      }
      const parsed = parseKeyFile(read.value)
      const settings = parsed.ok ? parsed.value.find((g) => g.name === 'Settings')?.entries : undefined
      const override = settings?.get('AddressOverride')
      const always = keyFileBoolean(settings?.get('AlwaysRandomizeAddress')) === true
      const mode: MacMode = !parsed.ok ? 'unrecognised' : override ? 'fixed' : always ? 'random' : 'per-network'
      evidence.push({
        label: t('labelProfile'),
        source: `${file} [Settings]`,
        observed: override ? `AddressOverride=${override}` : always ? 'AlwaysRandomizeAddress=true' : modeWord(mode),
      })
      networks.push({ name, mode })
    }
  }
  return { kind: 'settings', system: 'iwd', newNetworks, networks, someDevices: [], scanRandom: null, unread, evidence }
}

export async function readLinuxMac(host: Host, signal?: AbortSignal): Promise<MacFacts> {
  const evidence: Evidence[] = []
  const interfaces = await wifiInterfaces(host, evidence)
  if ('kind' in interfaces) return interfaces
  if (interfaces.length === 0) return { kind: 'no-wifi', evidence }
  await currentAddresses(host, interfaces, evidence)
  const processes = await running(host)
  const nmRuns = processes?.has('NetworkManager') ?? false
  const iwdRuns = processes?.has('iwd') ?? false
  const nmInstalled = (await tryStat(host, NM_CONF)).ok || (await tryStat(host, '/usr/sbin/NetworkManager')).ok
  const iwdInstalled = (await tryStat(host, IWD_MAIN)).ok || (await tryStat(host, '/usr/libexec/iwd')).ok
  evidence.push({
    label: t('labelManager'),
    source: 'ps -e',
    observed:
      processes === null
        ? observedError('io')
        : [nmRuns ? 'NetworkManager' : '', iwdRuns ? 'iwd' : ''].filter(Boolean).join(', ') || observedWord('none'),
  })
  // wpa_supplicant or ConnMan running without NetworkManager: another manager decides, whatever is installed.
  const other = !nmRuns && !iwdRuns && ['wpa_supplicant', 'connmand'].some((name) => processes?.has(name))
  if (other) return { kind: 'unknown', reason: t('noManager'), evidence }
  // NetworkManager holds the profiles even with its iwd backend; standalone iwd decides the address itself.
  if (nmRuns || (nmInstalled && !iwdRuns)) return readNetworkManager(host, signal, interfaces, evidence)
  if (iwdRuns || iwdInstalled) return readIwd(host, evidence)
  return { kind: 'unknown', reason: t('noManager'), evidence }
}
