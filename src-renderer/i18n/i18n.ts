import { RTL_LOCALES, render, type Locale } from '../../checks/core/i18n/locale.js'
import type { Msg } from '../../checks/core/i18n/message.js'

export type Direction = 'ltr' | 'rtl'

/** What every component needs to show text: the current locale, its direction, and a renderer for Msg. */
export interface I18n {
  locale: Locale
  dir: Direction
  t(msg: Msg): string
  /** Dates and times in the current locale's conventions. */
  formatDateTime(iso: string): string
}

const FSI = '\u2068'
const PDI = '\u2069'

const isolated = (text: string): string => `${FSI}${text}${PDI}`

/** A literal (a path, a command, a name as read) rather than a sentence of Bulwark's own. */
const isLiteral = (msg: Msg): boolean => msg.key === '' && msg.params === undefined

function isolateParams(msg: Msg): Msg {
  if (!msg.params) return msg
  const params = Object.fromEntries(
    Object.entries(msg.params).map(([name, value]) => [
      name,
      typeof value !== 'object' ? isolated(String(value)) : isLiteral(value) ? isolated(value.en) : isolateParams(value),
    ]),
  )
  return { ...msg, params }
}

/**
 * Renders a message for the window. In a right-to-left language every value set into a sentence, and a
 * literal shown alone, is wrapped in Unicode isolates (first-strong isolate … pop, what <bdi> does in
 * markup), so "/usr/sbin/tor" or "sudo systemctl start tor" inside Persian reads as written instead of
 * "usr/sbin/tor/". Left-to-right languages get the plain text.
 */
export function renderForWindow(msg: Msg, locale: Locale): string {
  if (!RTL_LOCALES.has(locale)) return render(msg, locale)
  return isLiteral(msg) ? isolated(msg.en) : render(isolateParams(msg), locale)
}

export function createI18n(locale: Locale): I18n {
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  return {
    locale,
    dir: RTL_LOCALES.has(locale) ? 'rtl' : 'ltr',
    t: (msg) => renderForWindow(msg, locale),
    formatDateTime: (iso) => {
      const date = new Date(iso)
      return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date)
    },
  }
}
