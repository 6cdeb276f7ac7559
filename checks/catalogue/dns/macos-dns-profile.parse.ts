/**
 * Encrypted-DNS payloads in `system_profiler SPConfigurationProfileDataType -json`. Pure: no I/O.
 *
 * Profiles sit in nested `_items` arrays (section → profile → payload); a payload's `_name` is its
 * PayloadType and `spconfigprofile_payload_data` holds its settings as an old-style plist string
 * (`DNSSettings = { DNSProtocol = HTTPS; ServerURL = "https://..."; };`). The nesting depth differs
 * between macOS versions, so the tree is walked rather than indexed.
 */
import { jsonSyntaxError } from '../../readers/browsers/json.parse.js'
import { binaryNot, looksBinary, parseText, stripBom, type ParseResult } from './resolver-text.parse.js'

export const DNS_SETTINGS_PAYLOAD = 'com.apple.dnsSettings.managed'

export interface DnsProfilePayload {
  profileName: string
  protocol?: string
  serverUrl?: string
  serverName?: string
}

export interface ProfileListing {
  /** Every installed profile's name, for evidence. */
  profileNames: string[]
  dnsPayloads: DnsProfilePayload[]
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function plistField(data: string, key: string): string | undefined {
  const m = new RegExp(`\\b${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))\\s*;`).exec(data)
  const v = m?.[1] ?? m?.[2]
  return v?.replace(/\\(.)/g, '$1')
}

function findField(node: Json | undefined, key: string): string | undefined {
  if (typeof node === 'string') return plistField(node, key)
  if (Array.isArray(node)) {
    for (const n of node) {
      const v = findField(n, key)
      if (v !== undefined) return v
    }
  } else if (isObject(node)) {
    const direct = node[key]
    if (typeof direct === 'string') return direct
    for (const v of Object.values(node)) {
      const found = findField(v, key)
      if (found !== undefined) return found
    }
  }
  return undefined
}

function isDnsPayload(node: { [key: string]: Json }): boolean {
  return Object.entries(node).some(
    ([k, v]) => typeof v === 'string' && v === DNS_SETTINGS_PAYLOAD && (k === '_name' || /payload_?type/i.test(k)),
  )
}

export function parseSystemProfilerProfiles(text: string): ParseResult<ProfileListing> {
  const body = stripBom(text).trim()
  if (looksBinary(body)) return binaryNot('JSON')
  let root: Json
  try {
    root = JSON.parse(body) as Json
  } catch (e) {
    return { ok: false, reason: parseText('notJson', { reason: jsonSyntaxError(e) }) }
  }
  if (!isObject(root) || !Array.isArray(root.SPConfigurationProfileDataType)) {
    return { ok: false, reason: parseText('noProfiles') }
  }
  const listing: ProfileListing = { profileNames: [], dnsPayloads: [] }
  const walk = (node: Json, profileName: string, depth: number): void => {
    if (depth > 12) return
    if (Array.isArray(node)) {
      for (const n of node) walk(n, profileName, depth + 1)
      return
    }
    if (!isObject(node)) return
    if (isDnsPayload(node)) {
      const payload: DnsProfilePayload = { profileName }
      const protocol = findField(node, 'DNSProtocol')
      const serverUrl = findField(node, 'ServerURL')
      const serverName = findField(node, 'ServerName')
      if (protocol !== undefined) payload.protocol = protocol
      if (serverUrl !== undefined) payload.serverUrl = serverUrl
      if (serverName !== undefined) payload.serverName = serverName
      listing.dnsPayloads.push(payload)
      return
    }
    const children = node._items
    const name = typeof node._name === 'string' ? node._name : profileName
    // A node whose children are payloads (objects with payload data) is a profile.
    if (
      Array.isArray(children) &&
      children.some((c) => isObject(c) && Object.keys(c).some((k) => k.startsWith('spconfigprofile_payload')))
    ) {
      listing.profileNames.push(name)
    }
    if (Array.isArray(children)) walk(children, name, depth + 1)
  }
  walk(root.SPConfigurationProfileDataType, '', 0)
  return { ok: true, value: listing }
}

/** Protocols the DNSSettings payload documents as encrypted. */
export function isEncryptedProtocol(protocol: string | undefined): boolean {
  return protocol === 'HTTPS' || protocol === 'TLS'
}
