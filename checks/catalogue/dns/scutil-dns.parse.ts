/**
 * `scutil --dns`: the resolvers macOS uses. Pure: no I/O. Shows servers, not whether they are encrypted.
 *
 *   DNS configuration
 *
 *   resolver #1
 *     nameserver[0] : 192.168.1.1
 *     if_index : 6 (en0)
 */
import { looksBinary, stripBom } from './resolver-text.parse.js'

export interface ScutilResolver {
  section: string
  nameservers: string[]
  interfaceName?: string
  /** A supplemental resolver answers only for this domain ("local", "corp.example"); the default one has none. */
  domain?: string
  /** "Supplemental" marks a resolver used only for its match domains, never as the default one. */
  supplemental?: boolean
}

const MAX_RESOLVERS = 64
const MAX_NAMESERVERS = 16

export function parseScutilDns(text: string): ScutilResolver[] {
  const body = stripBom(text)
  if (looksBinary(body)) return []
  const out: ScutilResolver[] = []
  let section = ''
  let current: ScutilResolver | undefined
  for (const line of body.split(/\r?\n/)) {
    if (/^resolver #\d+/.test(line.trim())) {
      // Past the cap the resolver is still parsed (so its lines are not misread) but not kept.
      current = { section, nameservers: [] }
      if (out.length < MAX_RESOLVERS) out.push(current)
      continue
    }
    if (/^\S/.test(line)) {
      section = line.trim()
      current = undefined
      continue
    }
    const ns = /^\s*nameserver\[\d+\]\s*:\s*(\S+)/.exec(line)
    if (ns?.[1] && current && current.nameservers.length < MAX_NAMESERVERS) current.nameservers.push(ns[1])
    const domain = /^\s*domain\s*:\s*(\S+)/.exec(line)
    if (domain?.[1] && current) current.domain = domain[1]
    if (current && /^\s*flags\s*:.*\bSupplemental\b/.test(line)) current.supplemental = true
    const iface = /^\s*if_index\s*:\s*\d+\s*\(([^)]+)\)/.exec(line)
    if (iface?.[1] && current) current.interfaceName = iface[1]
  }
  return out
}
