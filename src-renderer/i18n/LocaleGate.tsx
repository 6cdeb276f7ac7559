import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { loadCatalog, type Locale } from '../../checks/core/i18n/locale.js'
import type { BulwarkApi } from '../api.js'
import { I18nProvider } from './I18nProvider.js'

export interface LocaleControl {
  /** The saved choice; null follows the OS language. */
  choice: Locale | null
  /** What the OS language maps to, shown beside "follow the system". */
  systemLocale: Locale
  choose(locale: Locale | null): Promise<boolean>
  /** Asks main again (after "forget everything" reset the settings). */
  refresh(): Promise<void>
}

const LocaleContext = createContext<LocaleControl>({
  choice: null,
  systemLocale: 'en',
  choose: async () => false,
  refresh: async () => undefined,
})

/** The locale main settled on (saved choice, else the OS language); English until it answers. Changing it goes through main's settings. */
export function LocaleGate({ api, children }: { api: BulwarkApi; children: ReactNode }) {
  const [effective, setEffective] = useState<Locale>('en')
  const [choice, setChoice] = useState<Locale | null>(null)
  const [systemLocale, setSystemLocale] = useState<Locale>('en')

  const learn = useCallback(async (settings: { locale: Locale | null; effectiveLocale: Locale }) => {
    // The window switches language once its catalogue is there (the renderer bundles them all: no wait in practice).
    await loadCatalog(settings.effectiveLocale)
    setEffective(settings.effectiveLocale)
    setChoice(settings.locale)
    if (settings.locale === null) setSystemLocale(settings.effectiveLocale)
  }, [])

  const refresh = useCallback(async () => {
    const settings = await api.getSettings()
    if (settings.ok) await learn(settings.value)
  }, [api, learn])

  useEffect(() => {
    void refresh()
  }, [refresh])

  const choose = useCallback(
    async (locale: Locale | null) => {
      const settings = await api.setSettings({ locale })
      if (settings.ok) await learn(settings.value)
      return settings.ok
    },
    [api, learn],
  )

  const control = useMemo(() => ({ choice, systemLocale, choose, refresh }), [choice, systemLocale, choose, refresh])
  return (
    <LocaleContext.Provider value={control}>
      <I18nProvider locale={effective}>{children}</I18nProvider>
    </LocaleContext.Provider>
  )
}

export function useLocaleControl(): LocaleControl {
  return useContext(LocaleContext)
}
