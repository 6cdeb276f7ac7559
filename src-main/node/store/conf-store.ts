import Conf from 'conf'
import { CONF_OPTIONS, confBackend } from './conf-backend.js'
import type { StorePort } from './port.js'
import type { StoreDocument } from './schema.js'
import { openStore, type OpenOptions } from './store.js'
import { CLI_STORE_NAME } from './store-dir.js'

// The names and the folder live apart (store-dir.ts): conf and the thirty modules it brings load only with this file.
export { CLI_STORE_NAME, defaultStoreDir } from './store-dir.js'

export interface ConfStoreOptions extends OpenOptions {
  /** The folder of the data file; defaults to defaultStoreDir for this machine. */
  cwd: string
}

/** The CLI's store: conf under plain Node, behind the same port as the app's. */
export function openConfStore(options: ConfStoreOptions): StorePort {
  const backend = confBackend(
    options.cwd,
    CLI_STORE_NAME,
    () => new Conf<StoreDocument>({ ...CONF_OPTIONS, cwd: options.cwd, configName: CLI_STORE_NAME, projectName: 'bulwark' }),
  )
  return openStore(backend, options)
}
