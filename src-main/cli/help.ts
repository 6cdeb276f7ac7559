import { render, type Locale } from '../../checks/core/i18n/locale.js'
import { t as checklistCli } from './checklist/messages.js'
import { t as fixCli } from './fix-messages.js'
import { t } from './messages.js'

/** `bulwark help`: it needs only words, so `bulwark --help` can answer before the checks and the store are loaded. */
export function helpText(locale: Locale): string {
  return `${[t('usage'), fixCli('usage'), checklistCli('usage')].map((m) => render(m, locale)).join('\n\n')}\n`
}

/** A failed write of the help (a full disk, /dev/full) said in the person's language; a closed pipe is not a failure. */
export function writeFailure(e: NodeJS.ErrnoException, locale: Locale): string | null {
  return e.code === 'EPIPE' ? null : `bulwark: ${render(t('outputFailed', { reason: e.message }), locale)}\n`
}
