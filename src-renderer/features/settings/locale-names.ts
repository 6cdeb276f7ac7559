import type { Locale } from '../../../checks/core/i18n/locale.js'

/** Each language in its own words, so a person can find theirs whatever the interface shows now. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  es: 'Español',
  'zh-CN': '简体中文',
  fa: 'فارسی',
}
