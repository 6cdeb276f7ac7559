import { describeHostError, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { parseChromiumTracking } from './tracking.parse.js'
import type { ChromiumInputs } from './tracking.verdict.js'
import { t } from './tracking.messages.js'

/** Preferences grows with the history of settings; a few MiB is common, far more is not a real one. */
const MAX_PREFERENCES = 16 * 1024 * 1024

/** One Chromium profile's tracking settings; a profile never started has none, so absent reads as empty. */
export async function readChromiumProfile(host: Host, file: string): Promise<Result<ChromiumInputs['prefs'], Msg>> {
  const read = await tryReadText(host, file, { maxBytes: MAX_PREFERENCES })
  if (!read.ok) {
    if (read.reason.code === 'not_found') return { ok: true, value: {} }
    return { ok: false, reason: t('unreadable', { file, reason: describeHostError(read.reason, file) }) }
  }
  return parseChromiumTracking(read.value)
}
