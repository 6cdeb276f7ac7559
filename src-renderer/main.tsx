import { StrictMode, useEffect, useState, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import type { Locale } from '../checks/i18n/locale.js'
import { getApi, type BulwarkApi } from './api.js'
import { ApiProvider } from './api-context.js'
import { App } from './App.js'
import { I18nProvider } from './i18n/I18nProvider.js'
import './styles/base.css'
import './styles/app.css'

/** The locale main settled on (saved choice, else the OS language); English until it answers. */
function LocaleGate({ api, children }: { api: BulwarkApi; children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>('en')
  useEffect(() => {
    void api.getSettings().then((settings) => {
      if (settings.ok) setLocale(settings.value.effectiveLocale)
    })
  }, [api])
  return <I18nProvider locale={locale}>{children}</I18nProvider>
}

const api = getApi()
const container = document.getElementById('root')
if (container) {
  createRoot(container).render(
    <StrictMode>
      <ApiProvider api={api}>
        <LocaleGate api={api}>
          <App />
        </LocaleGate>
      </ApiProvider>
    </StrictMode>,
  )
}
