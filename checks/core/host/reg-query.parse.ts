/**
 * Parses the text `reg query <key> [/s]` prints. Pure: no I/O.
 *
 *   HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Mozilla\Firefox\DNSOverHTTPS
 *       Enabled    REG_DWORD    0x1
 *       ProviderURL    REG_SZ    https://dns.example/dns-query
 *
 * Key lines start at column 0 with a hive name; value lines are indented four spaces with
 * four-space separators, and value names may themselves contain spaces.
 */
export type RegType =
  | 'REG_SZ'
  | 'REG_EXPAND_SZ'
  | 'REG_MULTI_SZ'
  | 'REG_DWORD'
  | 'REG_QWORD'
  | 'REG_BINARY'
  | 'REG_NONE'
  | 'REG_DWORD_BIG_ENDIAN'
  | 'REG_LINK'
  | 'REG_RESOURCE_LIST'
  | 'REG_FULL_RESOURCE_DESCRIPTOR'
  | 'REG_RESOURCE_REQUIREMENTS_LIST'

export interface RegValue {
  name: string
  type: RegType
  /** The text as printed. */
  raw: string
  /** DWORD/QWORD as a bigint-safe number or bigint; strings as text; MULTI_SZ as an array. */
  data: string | number | bigint | string[]
}

export interface RegKey {
  path: string
  values: RegValue[]
}

const HIVE = /^(HKEY_[A-Z_]+|HKLM|HKCU|HKCR|HKU|HKCC)(\\|$)/
const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/

function decodeData(type: RegType, raw: string): RegValue['data'] {
  switch (type) {
    case 'REG_DWORD':
    case 'REG_DWORD_BIG_ENDIAN':
    case 'REG_QWORD': {
      if (!/^0x[0-9a-fA-F]+$/.test(raw)) return raw
      const big = BigInt(raw)
      return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big
    }
    case 'REG_MULTI_SZ':
      return raw.split('\\0').filter((part) => part !== '')
    default:
      return raw
  }
}

export function parseRegQuery(text: string): RegKey[] {
  const keys: RegKey[] = []
  let current: RegKey | undefined
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = rawLine.replace(/\r$/, '')
    if (line.trim() === '') continue
    if (HIVE.test(line)) {
      current = { path: line.trim(), values: [] }
      keys.push(current)
      continue
    }
    // A line separator left in the line made VALUE_LINE (whose `.` stops there) try every split of the line
    // before failing, quadratic; such a line never matched, so it is skipped first.
    const m = /[\r\u2028\u2029]/.test(line) ? null : VALUE_LINE.exec(line)
    if (m && current) {
      const name = m[1] ?? ''
      const type = m[2] as RegType
      const raw = m[3] ?? ''
      current.values.push({ name: name === '(Default)' ? '' : name, type, raw, data: decodeData(type, raw) })
    }
    // Anything else ("End of search: N match(es) found.", error text) is not data.
  }
  return keys
}

/** Case-insensitive lookup, as the registry itself is. */
export function findKey(keys: readonly RegKey[], path: string): RegKey | undefined {
  const want = normaliseKeyPath(path)
  return keys.find((k) => normaliseKeyPath(k.path) === want)
}

export function findValue(key: RegKey | undefined, name: string): RegValue | undefined {
  const want = name.toLowerCase()
  return key?.values.find((v) => v.name.toLowerCase() === want)
}

const HIVE_ALIASES: Record<string, string> = {
  HKLM: 'HKEY_LOCAL_MACHINE',
  HKCU: 'HKEY_CURRENT_USER',
  HKCR: 'HKEY_CLASSES_ROOT',
  HKU: 'HKEY_USERS',
  HKCC: 'HKEY_CURRENT_CONFIG',
}

export function normaliseKeyPath(path: string): string {
  const [hive = '', ...rest] = path.replace(/\\+$/, '').split('\\')
  const full = HIVE_ALIASES[hive.toUpperCase()] ?? hive.toUpperCase()
  return [full, ...rest].join('\\').toLowerCase()
}
