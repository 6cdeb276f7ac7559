/**
 * INI-ish parser for WireGuard configs (wg-quick / wg setconf) and NetworkManager keyfiles.
 * Pure: text in, facts out. Key material is never returned, only whether it is present.
 */
import { failed, ok, type Result } from '../../core/host/toolkit.js'

export interface IniEntry {
  key: string
  value: string
}

export interface IniSection {
  /** Lower-cased section name ("interface", "peer", "wireguard"). */
  name: string
  entries: IniEntry[]
}

/** The sections in file order, or 'binary' when the file is not a text config. */
export type IniParse = Result<IniSection[], 'binary'>

// Control characters other than tab/CR/LF, and U+FFFD from undecodable bytes, mean this is not a text config.
const BINARY = /[\u0000-\u0008\u000e-\u001f\ufffd]/g

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true
  const odd = text.match(BINARY)?.length ?? 0
  return odd > 0 && odd / Math.max(text.length, 1) > 0.01
}

export function parseIni(text: string): IniParse {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text
  if (looksBinary(body)) return failed('binary')
  const sections: IniSection[] = []
  let current: IniSection | undefined
  for (const raw of body.split(/\r\n|\n|\r/)) {
    // wg-quick strips everything after '#'; keyfiles comment with leading '#' or ';'. Base64 keys contain neither.
    const line = raw.replace(/#.*$/, '').trim()
    if (line === '' || line.startsWith(';')) continue
    const header = /^\[([^\]]*)\]$/.exec(line)
    if (header) {
      current = { name: (header[1] ?? '').trim().toLowerCase(), entries: [] }
      sections.push(current)
      continue
    }
    const eq = line.indexOf('=')
    if (eq <= 0 || !current) continue
    current.entries.push({ key: line.slice(0, eq).trim().toLowerCase(), value: line.slice(eq + 1).trim() })
  }
  return ok(sections)
}

function values(section: IniSection, key: string): string[] {
  return section.entries.filter((e) => e.key === key).map((e) => e.value)
}

export interface WgConfigFacts {
  hasInterface: boolean
  /** An [Interface] PrivateKey with a non-empty value. */
  hasPrivateKey: boolean
  postUp: string[]
}

export function wgConfigFacts(sections: readonly IniSection[]): WgConfigFacts {
  const interfaces = sections.filter((s) => s.name === 'interface')
  return {
    hasInterface: interfaces.length > 0,
    hasPrivateKey: interfaces.some((s) => values(s, 'privatekey').some((v) => v !== '')),
    postUp: interfaces.flatMap((s) => values(s, 'postup')),
  }
}

/** NetworkManager keyfile: a [wireguard] section whose private-key holds a value (not agent-owned). */
export function nmHasWireguardPrivateKey(sections: readonly IniSection[]): boolean {
  return sections.some((s) => s.name === 'wireguard' && values(s, 'private-key').some((v) => v !== ''))
}

/** A PostUp line that installs a blocking firewall rule (the opt-in kill switch shown in wg-quick(8)). */
export function postUpBlocksTraffic(facts: WgConfigFacts): boolean {
  return facts.postUp.some(
    (line) => /\b(iptables|ip6tables|nft|pfctl|ufw)\b/.test(line) && /\b(REJECT|DROP|reject|drop|block)\b/.test(line),
  )
}
