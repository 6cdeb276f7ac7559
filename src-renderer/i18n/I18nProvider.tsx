import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react'
import type { Locale } from '../../checks/core/i18n/locale.js'
import { createI18n, type I18n } from './i18n.js'

const I18nContext = createContext<I18n>(createI18n('en'))

/**
 * Gives the tree `t(msg)` in one locale and mirrors lang/dir onto <html>, so native widgets,
 * scrollbars and the screen reader's voice follow the language too.
 */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const i18n = useMemo(() => createI18n(locale), [locale])
  useEffect(() => {
    document.documentElement.lang = i18n.locale
    document.documentElement.dir = i18n.dir
  }, [i18n])
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  return useContext(I18nContext)
}
