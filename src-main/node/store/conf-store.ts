import path from 'node:path'
import Conf from 'conf'
import type { Platform } from '../../../checks/core/types.js'
import { CONF_OPTIONS, confBackend } from './conf-backend.js'
import type { StorePort } from './port.js'
import type { StoreDocument } from './schema.js'
import { openStore, type OpenOptions } from './store.js'

/** The CLI keeps its own file beside the app's, so the two never overwrite each other's history. */
export const CLI_STORE_NAME = 'cli-store'

/** Electron's userData folder for an app named `bulwark` (appData/bulwark), computed without Electron. */
export function defaultStoreDir(platform: Platform, env: Readonly<Record<string, string | undefined>>, home: string): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'bulwark')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'bulwark')
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'bulwark')
}

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
