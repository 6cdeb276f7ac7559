import { createContext, useContext, type ReactNode } from 'react'
import type { BulwarkApi } from './api.js'

const ApiContext = createContext<BulwarkApi | null>(null)

export function ApiProvider({ api, children }: { api: BulwarkApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
}

export function useApi(): BulwarkApi {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi outside ApiProvider')
  return api
}
