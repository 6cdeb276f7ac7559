/**
 * NetworkManager's configuration merge and default-value look-up, as NetworkManager.conf(5) describes them
 * ("CONNECTION SECTION"): files read later win; `[connection*]` / `[device*]` sections are searched
 * newest file first, top to bottom within a file, the plain `[connection]` / `[device]` always last; a
 * section with `match-device` applies only to the devices it names. Pure: no I/O.
 *
 * The merged form is the one `NetworkManager --print-config` prints (plain section first, then the others
 * in search order), so its output and Bulwark's own merge of the files go through the same look-up.
 */
import type { KeyGroup } from './nm-keyfile.parse.js'
import { keyFileBoolean } from './nm-keyfile.parse.js'
import type { MacMode } from './mac-randomization.verdict.js'

export type NmSectionKind = 'connection' | 'device'

/** One configuration file, in the order NetworkManager reads them (lowest priority first). */
export interface NmConfigFile {
  path: string
  groups: KeyGroup[]
}

export interface NmSection {
  name: string
  /** The file the section's winning definition came from; the command line for --print-config output. */
  source: string
  entries: ReadonlyMap<string, string>
}

/** NetworkManager takes every group whose name starts with the word ("connection-mac", Fedora's "connection.22-wifi-mac-addr"). */
function kindOf(name: string): NmSectionKind | undefined {
  for (const kind of ['connection', 'device'] as const) if (name.startsWith(kind)) return kind
  return undefined
}

export type DeviceMatch = 'yes' | 'no' | 'maybe'

function globMatches(pattern: string, name: string): boolean {
  // NetworkManager's interface-name patterns are shell globs (* and ?); a leading = means the name as written.
  if (pattern.startsWith('=')) return pattern.slice(1) === name
  const p = pattern.startsWith('~') ? pattern.slice(1) : pattern
  // The two-pointer wildcard match: O(pattern × name), no regex to backtrack on a hostile pattern.
  let i = 0
  let j = 0
  let star = -1
  let mark = 0
  while (j < name.length) {
    if (i < p.length && (p[i] === '?' || p[i] === name[j])) {
      i++
      j++
    } else if (i < p.length && p[i] === '*') {
      star = i++
      mark = j
    } else if (star >= 0) {
      i = star + 1
      j = ++mark
    } else return false
  }
  while (i < p.length && p[i] === '*') i++
  return i === p.length
}

/**
 * Whether a `match-device` list ("Device List Format", NetworkManager.conf(5)) selects the Wi-Fi interfaces: `type:wifi`
 * and `interface-name:` are decided here; anything Bulwark cannot see (driver:, mac:, except:, …) leaves it open.
 */
export function matchesWifi(spec: string, interfaces: readonly string[]): DeviceMatch {
  const entries = spec
    .split(/[,;]/)
    .map((e) => e.trim())
    .filter(Boolean)
    .slice(0, 64)
  if (entries.length === 0) return 'maybe'
  const answers = entries.map((entry): DeviceMatch => {
    const [kind, value = ''] = entry.includes(':')
      ? [entry.slice(0, entry.indexOf(':')), entry.slice(entry.indexOf(':') + 1)]
      : ['interface-name', entry]
    if (kind === 'type') return value === 'wifi' || value === '802-11-wireless' ? 'yes' : 'no'
    if (kind === 'interface-name' && interfaces.length > 0) {
      const hits = interfaces.filter((name) => globMatches(value, name)).length
      return hits === interfaces.length ? 'yes' : hits === 0 ? 'no' : 'maybe'
    }
    return 'maybe'
  })
  return answers.includes('yes') ? 'yes' : answers.every((a) => a === 'no') ? 'no' : 'maybe'
}

/**
 * Merges files as NetworkManager does into the print-config order: for each kind the plain section
 * (keys merged across files, later winning), then the named ones, the latest file's first.
 */
export function mergeNmConfig(files: readonly NmConfigFile[]): NmSection[] {
  const merged: NmSection[] = []
  for (const kind of ['connection', 'device'] as const) {
    const plain = new Map<string, string>()
    let plainSource = ''
    const named = new Map<string, NmSection>()
    const ordered: string[] = []
    for (let f = files.length - 1; f >= 0; f--) {
      const file = files[f]!
      for (const group of file.groups) {
        if (kindOf(group.name) !== kind) continue
        if (group.name === kind) {
          // Walking newest first: an older file's key only fills a gap.
          for (const [k, v] of group.entries) if (!plain.has(k)) plain.set(k, v)
          if (group.entries.size > 0 && plainSource === '') plainSource = file.path
          continue
        }
        const seen = named.get(group.name)
        if (!seen) {
          named.set(group.name, { name: group.name, source: file.path, entries: new Map(group.entries) })
          ordered.push(group.name)
        } else {
          const entries = seen.entries as Map<string, string>
          for (const [k, v] of group.entries) if (!entries.has(k)) entries.set(k, v)
        }
      }
    }
    merged.push({ name: kind, source: plainSource, entries: plain })
    for (const name of ordered) merged.push(named.get(name)!)
  }
  return merged
}

/** Sections of the print-config output, in the order printed, each tagged with the command as its source. */
export function sectionsOfPrintConfig(groups: readonly KeyGroup[], command: string): NmSection[] {
  return groups.filter((g) => kindOf(g.name) !== undefined).map((g) => ({ name: g.name, source: command, entries: g.entries }))
}

/** A section that sets the key only for some devices, met before the value that applies to all. */
export interface NmConditional {
  section: string
  source: string
  match: string
  /** undefined: `stop-match=yes` without the key, so those devices get the built-in default. */
  value: string | undefined
}

export interface NmLookup {
  /** The value that applies to every device, or undefined when only the built-in default does. */
  value: string | undefined
  section?: string
  source?: string
  conditional: NmConditional[]
}

/** Finds a default as NetworkManager searches its sections for one device kind, for these Wi-Fi interfaces. */
export function lookupNmDefault(
  sections: readonly NmSection[],
  kind: NmSectionKind,
  key: string,
  interfaces: readonly string[] = [],
): NmLookup {
  const ofKind = sections.filter((s) => kindOf(s.name) === kind)
  const search = [...ofKind.filter((s) => s.name !== kind), ...ofKind.filter((s) => s.name === kind)]
  const conditional: NmConditional[] = []
  for (const section of search) {
    const value = section.entries.get(key)
    const match = section.entries.get('match-device')
    const applies = match === undefined ? 'yes' : matchesWifi(match, interfaces)
    if (applies === 'no') continue
    const stops = match !== undefined && keyFileBoolean(section.entries.get('stop-match')) === true
    if (applies === 'maybe') {
      if (value !== undefined || stops) conditional.push({ section: section.name, source: section.source, match: match ?? '', value })
      continue
    }
    if (value !== undefined) return { value, section: section.name, source: section.source, conditional }
    if (stops) return { value: undefined, section: section.name, source: section.source, conditional }
  }
  return { value: undefined, conditional }
}

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i

/**
 * What a `cloned-mac-address` value does on Wi-Fi (nm-settings-nmcli(5)): `random` a new address each
 * connection, `stable` (and 1.46's `stable-ssid`) one private address per network, `permanent` and
 * `preserve` the hardware's own (or whatever it has), an explicit address the same one everywhere.
 */
export function nmMode(value: string): MacMode {
  const v = value.trim().toLowerCase()
  if (v === 'random') return 'random'
  if (v === 'stable' || v === 'stable-ssid') return 'per-network'
  if (v === 'permanent' || v === 'preserve') return 'hardware'
  if (MAC.test(v)) return 'fixed'
  return 'unrecognised'
}

/** `cloned-mac-address` unset everywhere: NetworkManager.conf(5) says it "defaults to preserve". */
export const NM_DEFAULT_CLONED = 'preserve'

/**
 * The deprecated per-profile `mac-address-randomization` (nm-settings-nmcli(5)): `always` (2) randomises,
 * `never` (1) keeps the address, `default` (0) defers. It counts only when cloned-mac-address is unset.
 */
export function legacyRandomization(value: string | undefined): MacMode | undefined {
  const v = value?.trim().toLowerCase()
  if (v === 'always' || v === '2') return 'random'
  if (v === 'never' || v === '1') return 'hardware'
  return undefined
}

/** One line of `nmcli -t -f NAME,UUID,TYPE connection show`: fields split on unescaped colons, `\:` and `\\` undone. */
export function splitTerse(line: string): string[] {
  const fields: string[] = []
  let field = ''
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (c === '\\' && i + 1 < line.length) field += line[++i]!
    else if (c === ':') {
      fields.push(field)
      field = ''
    } else field += c
  }
  fields.push(field)
  return fields
}

export interface NmcliConnection {
  name: string
  uuid: string
}

/** The Wi-Fi profiles in `nmcli -t -f NAME,UUID,TYPE connection show` output (at most `limit`). */
export function parseNmcliConnections(stdout: string, limit: number): NmcliConnection[] {
  const found: NmcliConnection[] = []
  for (const line of stdout.split('\n')) {
    if (found.length >= limit) break
    const [name, uuid, type] = splitTerse(line.replace(/\r$/, ''))
    if (name === undefined || uuid === undefined || !/^[0-9a-f-]{36}$/i.test(uuid)) continue
    if (type === '802-11-wireless' || type === 'wifi') found.push({ name, uuid })
  }
  return found
}
