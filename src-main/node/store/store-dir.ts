import path from 'node:path'
import type { Platform } from '../../../checks/core/types.js'

/** The CLI keeps its own file beside the app's, so the two never overwrite each other's history. */
export const CLI_STORE_NAME = 'cli-store'

/** Electron's userData folder for an app named `bulwark` (appData/bulwark), computed without Electron. */
export function defaultStoreDir(platform: Platform, env: Readonly<Record<string, string | undefined>>, home: string): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'bulwark')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'bulwark')
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'bulwark')
}
