import { ipcMain } from 'electron'
import ElectronStore from 'electron-store'
import { APP_STORE_NAME, CONF_OPTIONS, confBackend } from './conf-backend.js'
import type { StorePort } from './port.js'
import type { StoreDocument } from './schema.js'
import { openStore, type OpenOptions } from './store.js'

/** The app's store: electron-store in `userData`, behind the same port as the CLI's. */
export function openElectronStore(userDataDir: string, options: OpenOptions = {}): StorePort {
  const backend = confBackend(userDataDir, APP_STORE_NAME, () => {
    const store = new ElectronStore<StoreDocument>({ ...CONF_OPTIONS, cwd: userDataDir, name: APP_STORE_NAME })
    // electron-store answers a sync IPC query from any renderer with the userData path; Bulwark's
    // renderer never uses electron-store, so that listener is only attack surface.
    ipcMain.removeAllListeners('electron-store-get-data')
    return store
  })
  return openStore(backend, options)
}
