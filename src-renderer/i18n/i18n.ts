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

export function createI18n(locale: Locale): I18n {
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  return {
    locale,
    dir: RTL_LOCALES.has(locale) ? 'rtl' : 'ltr',
    t: (msg) => render(msg, locale),
    formatDateTime: (iso) => {
      const date = new Date(iso)
      return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date)
    },
  }
}
