import { z } from 'zod'
import { failed, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { jsonSyntaxError } from '../../readers/browsers/json.parse.js'
import { t } from './hardware.messages.js'

/**
 * Lists smart-card readers from `system_profiler SPSmartCardsDataType -json`. The report is an array
 * of sections named by `_name`; the `READERS` section holds one `#NN` entry per reader, e.g.
 * `"#01": "Yubico YubiKey OTP+FIDO+CCID (ATR:{length = 23, bytes = 0x3bfd…})"`. Pure.
 */
export type ReadersResult = Result<string[], Msg>

const Report = z.object({ SPSmartCardsDataType: z.array(z.record(z.string(), z.unknown())) })

export function parseSmartCardReaders(output: string): ReadersResult {
  let json: unknown
  try {
    json = JSON.parse(output)
  } catch (e) {
    return failed(t('parseNotJson', { reason: jsonSyntaxError(e) }))
  }
  const parsed = Report.safeParse(json)
  if (!parsed.success) return failed(t('parseNoSmartCards'))
  const readers = parsed.data.SPSmartCardsDataType.filter((s) => s._name === 'READERS').flatMap((section) =>
    Object.entries(section)
      .filter(([key, value]) => key.startsWith('#') && typeof value === 'string')
      .map(([, value]) => (value as string).replace(/\s*\(ATR:.*$/s, '').trim()),
  )
  return ok(readers)
}
