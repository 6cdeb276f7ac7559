/**
 * Reads Windows' CapabilityAccessManager ConsentStore for one capability out of parsed `reg query /s`
 * output. Pure: no I/O.
 *
 *   ConsentStore\webcam                        Value = Allow|Deny (the capability's own switch)
 *   ConsentStore\webcam\<PackageFamilyName>    Value, LastUsedTimeStart/Stop   (Store apps, asked one by one)
 *   ConsentStore\webcam\NonPackaged            Value ("let desktop apps access …", one switch for all)
 *   ConsentStore\webcam\NonPackaged\C:#…#x.exe LastUsedTimeStart/Stop          (desktop apps that used it)
 */
import { findValue, normaliseKeyPath, type RegKey, type RegValue } from '../../readers/windows/reg-query.parse.js'

export interface ConsentEntry {
  kind: 'capability' | 'desktopApps' | 'app' | 'desktopApp'
  /** Package family name, or the desktop app's path with "#" turned back into "\"; '' for switches. */
  app: string
  keyPath: string
  /** `Value` as stored ("Allow", "Deny", or anything else seen); null when the key has none. */
  value: string | null
  lastStart: bigint | null
  lastStop: bigint | null
  /** Start > 0 and Stop == 0: the app holds the device right now. */
  inUse: boolean
  /** The name reached us with bytes that were not valid text (a code-page mismatch). */
  undecodable: boolean
}

function qword(v: RegValue | undefined): bigint | null {
  if (!v) return null
  if (typeof v.data === 'bigint') return v.data
  if (typeof v.data === 'number') return BigInt(v.data)
  return null
}

const FILETIME_UNIX_EPOCH = 116444736000000000n

/** FILETIME (100 ns ticks since 1601) → ISO date, or null for 0 / out of range. */
export function filetimeToIso(ft: bigint | null): string | null {
  if (ft === null || ft <= FILETIME_UNIX_EPOCH) return null
  const ms = Number((ft - FILETIME_UNIX_EPOCH) / 10000n)
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/**
 * Entries under `base` (the capability key as queried). Returns null when the output does not
 * contain `base` itself: `reg` answered, but not in a form this parser understood.
 */
export function parseConsentStore(keys: readonly RegKey[], base: string): ConsentEntry[] | null {
  const root = normaliseKeyPath(base)
  if (!keys.some((k) => normaliseKeyPath(k.path) === root)) return null
  const entries: ConsentEntry[] = []
  for (const key of keys) {
    const full = normaliseKeyPath(key.path)
    if (full !== root && !full.startsWith(`${root}\\`)) continue
    // Keep the original spelling of names for display; the normalised form only decides the shape.
    const rest = key.path.replace(/\\+$/, '').split('\\').slice(root.split('\\').length)
    let kind: ConsentEntry['kind']
    let app = ''
    if (rest.length === 0) kind = 'capability'
    else if (rest[0]!.toLowerCase() === 'nonpackaged') {
      if (rest.length === 1) kind = 'desktopApps'
      else if (rest.length === 2) {
        kind = 'desktopApp'
        app = rest[1]!.replaceAll('#', '\\')
      } else continue
    } else if (rest.length === 1) {
      kind = 'app'
      app = rest[0]!
    } else continue
    const value = findValue(key, 'Value')
    const lastStart = qword(findValue(key, 'LastUsedTimeStart'))
    const lastStop = qword(findValue(key, 'LastUsedTimeStop'))
    entries.push({
      kind,
      app,
      keyPath: key.path,
      value: value ? value.raw : null,
      lastStart,
      lastStop,
      inUse: lastStart !== null && lastStart > 0n && lastStop === 0n,
      undecodable: app.includes('\uFFFD'),
    })
  }
  return entries
}

/** AppPrivacy policy values: 0 user decides, 1 force allow, 2 force deny. */
export type AppPrivacyPolicy = 'user' | 'forceAllow' | 'forceDeny' | 'unrecognised'

export function appPrivacyPolicy(v: RegValue): AppPrivacyPolicy {
  if (typeof v.data !== 'number') return 'unrecognised'
  return (['user', 'forceAllow', 'forceDeny'] as const)[v.data] ?? 'unrecognised'
}
