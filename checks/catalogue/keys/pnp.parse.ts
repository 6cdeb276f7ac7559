import { z } from 'zod'
import { failed, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { jsonSyntaxError } from '../../readers/browsers/json.parse.js'
import type { DeviceListing } from './devices.verdict.js'
import { t } from './hardware.messages.js'

/**
 * Reads `Get-PnpDevice … | Select-Object InstanceId,FriendlyName[,HardwareID] | ConvertTo-Json`.
 * PowerShell prints one object (not an array) when one device matches, and nothing at all when none
 * do. Windows' HID class driver gives every top-level collection a hardware ID
 * `HID_DEVICE_UP:pppp_U:uuuu` (usage page, usage); a FIDO collection carries
 * `HID_DEVICE_UP:F1D0_U:0001` ("HIDClass hardware IDs for top-level collections", Microsoft Learn).
 * Vendor and product come from `VID_xxxx&PID_xxxx` in the instance ID. Pure.
 */
const Entry = z.object({
  InstanceId: z.string(),
  FriendlyName: z.string().nullish(),
  // An array of strings normally; one string if there is one ID; absent when not selected.
  HardwareID: z.union([z.array(z.string()), z.string()]).nullish(),
})
type Entry = z.infer<typeof Entry>

export type PnpResult<T> = Result<T[], Msg>

function parseEntries(output: string): PnpResult<Entry> {
  const text = output.replace(/^\uFEFF/, '').trim()
  if (text === '') return ok([])
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return failed(t('parseNotJson', { reason: jsonSyntaxError(e) }))
  }
  const parsed = z.union([z.array(Entry), Entry]).safeParse(json)
  if (!parsed.success) return failed(t('parsePnpShape'))
  return ok(Array.isArray(parsed.data) ? parsed.data : [parsed.data])
}

const VID_PID = /VID_([0-9A-F]{4})&PID_([0-9A-F]{4})/i
const USAGE_ID = /^HID_DEVICE_UP:([0-9A-F]{4})_U:[0-9A-F]{4}$/i

export function parsePnpHid(output: string): DeviceListing {
  const entries = parseEntries(output)
  if (!entries.ok) return entries
  return ok(
    entries.value.map((e) => {
      const ids = e.HardwareID == null ? [] : Array.isArray(e.HardwareID) ? e.HardwareID : [e.HardwareID]
      const usagePages = ids.flatMap((id) => {
        const m = USAGE_ID.exec(id.trim())
        return m ? [parseInt(m[1] as string, 16)] : []
      })
      const vp = VID_PID.exec(e.InstanceId)
      return {
        source: e.InstanceId,
        vendorId: vp ? parseInt(vp[1] as string, 16) : null,
        productId: vp ? parseInt(vp[2] as string, 16) : null,
        name: e.FriendlyName ?? null,
        usagePages: [...new Set(usagePages)],
      }
    }),
  )
}

export interface PnpReader {
  instanceId: string
  name: string | null
}

export function parsePnpReaders(output: string): PnpResult<PnpReader> {
  const entries = parseEntries(output)
  if (!entries.ok) return entries
  return ok(entries.value.map((e) => ({ instanceId: e.InstanceId, name: e.FriendlyName ?? null })))
}
