import path from 'node:path'
import type { StoreDocument } from './schema.js'
import type { StoreBackend } from './store.js'

/** The app's data file in its userData folder; the CLI's (cli-store) sits beside it. */
export const APP_STORE_NAME = 'store'

/** Options both conf and electron-store get: the data file is private to its owner and never silently reset. */
export const CONF_OPTIONS = {
  clearInvalidConfig: false,
  accessPropertiesByDotNotation: false,
  configFileMode: 0o600,
  fileExtension: 'json',
} as const

/** conf or electron-store (a Conf subclass); constructing it makes the folder with the library's own rules. */
export interface ConfLike {
  readonly store: StoreDocument
}

export function confBackend(dir: string, name: string, create: () => ConfLike): StoreBackend {
  return {
    path: path.join(dir, `${name}.${CONF_OPTIONS.fileExtension}`),
    open() {
      create()
    },
  }
}
