/**
 * The Wi-Fi adapters Windows lists (`Get-NetAdapter -Physical` where NdisPhysicalMedium is 9,
 * NdisPhysicalMediumNative802_11), as JSON. Pure: no I/O.
 */
import { z } from 'zod'
import { failed, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { t } from './mac-randomization.messages.js'

const text = z
  .string()
  .nullish()
  .transform((v) => v ?? '')

const adapter = z.looseObject({
  Name: text,
  InterfaceDescription: text,
  InterfaceGuid: text,
  MacAddress: text,
  PermanentAddress: text,
  Status: text,
})

export interface WlanAdapter {
  name: string
  description: string
  guid: string
  /** "AA-BB-CC-DD-EE-FF" as Get-NetAdapter prints it. */
  mac: string
  /** "AABBCCDDEEFF": the burnt-in address. */
  permanent: string
  status: string
}

const GUID = /^\{[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\}$/i

export function parseWlanAdapters(stdout: string): Result<WlanAdapter[], Msg> {
  const body = stdout.replace(/^\ufeff/, '').trim()
  let raw: unknown
  try {
    // ConvertTo-Json writes nothing at all for an empty list piped in, a bare object for one.
    raw = body === '' ? [] : JSON.parse(body)
  } catch {
    return failed(t('parseJson'))
  }
  const parsed = z.union([z.array(adapter), adapter, z.null()]).safeParse(raw)
  if (!parsed.success) return failed(t('parseJson'))
  const list = parsed.data === null ? [] : Array.isArray(parsed.data) ? parsed.data : [parsed.data]
  return ok(
    list
      .slice(0, 64)
      .filter((a) => GUID.test(a.InterfaceGuid))
      .map((a) => ({
        name: a.Name,
        description: a.InterfaceDescription,
        guid: a.InterfaceGuid,
        mac: a.MacAddress,
        permanent: a.PermanentAddress,
        status: a.Status,
      })),
  )
}

const hex = (address: string): string => address.replace(/[^0-9a-f]/gi, '').toUpperCase()

/** Whether the adapter now uses an address of its own choosing: locally administered and not the burnt-in one. */
export function usesRandomAddress(a: WlanAdapter): boolean | undefined {
  const now = hex(a.mac)
  if (now.length !== 12) return undefined
  const local = (parseInt(now.slice(0, 2), 16) & 2) !== 0
  return local && now !== hex(a.permanent)
}

/** `RandomMacState` (REG_BINARY, Microsoft's "Reference for Windows 11 settings"): 01000000 on, 00000000 off. */
export function randomMacState(raw: string | undefined): boolean | undefined {
  if (raw === undefined) return undefined
  const v = raw.trim().toLowerCase()
  if (/^0x[0-9a-f]+$/.test(v)) return Number.parseInt(v, 16) !== 0
  if (!/^[0-9a-f]{2,16}$/.test(v)) return undefined
  return /^01/.test(v) ? true : /^00+$/.test(v) ? false : undefined
}

/** A saved Wi-Fi profile's own choice (the MacRandomization element of the WLAN profile schema). */
export interface WlanProfileSetting {
  name: string
  /** undefined: no MacRandomization choice in the profile, so the adapter's default applies. */
  enabled: boolean | undefined
  daily: boolean
}

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decodeXmlText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => XML_ENTITIES[name] ?? '')
}

/**
 * Reads the few elements Bulwark needs from a profile in C:\ProgramData\Microsoft\Wlansvc\Profiles\Interfaces\<GUID>\:
 * the profile's name and MacRandomization's enableRandomization / randomizeEveryday. Bounded patterns, no
 * XML parser: nothing in the file is resolved or followed. Undefined when the file is no WLAN profile.
 */
export function parseWlanProfile(xml: string): WlanProfileSetting | undefined {
  if (!/<WLANProfile[\s>]/.test(xml.slice(0, 4096))) return undefined
  const name = /<name>([^<]{0,512})<\/name>/.exec(xml)?.[1]
  if (name === undefined) return undefined
  const block = /<MacRandomization[^>]{0,256}>([\s\S]{0,4096}?)<\/MacRandomization>/.exec(xml)?.[1] ?? ''
  const flag = (element: string): boolean | undefined => {
    const v = new RegExp(`<${element}>\\s*(true|false|1|0)\\s*</${element}>`, 'i').exec(block)?.[1]?.toLowerCase()
    return v === undefined ? undefined : v === 'true' || v === '1'
  }
  return { name: decodeXmlText(name), enabled: flag('enableRandomization'), daily: flag('randomizeEveryday') === true }
}
