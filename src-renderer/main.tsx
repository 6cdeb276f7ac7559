import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { getApi } from './api.js'
import { ApiProvider } from './api-context.js'
import { App } from './App.js'
import { LocaleGate } from './i18n/LocaleGate.js'
import './styles/base.css'
import './styles/app.css'
import './styles/guided.css'
import './styles/checklist.css'

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
