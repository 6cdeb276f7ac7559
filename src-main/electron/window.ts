import path from 'node:path'
import { BrowserWindow } from 'electron'
import { APP_INDEX_URL } from './app-protocol.js'
import type { AppLocation } from './ipc/sender.js'

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The built renderer folder (served on app://), or the electron-vite dev server when running
 * unpackaged and the dev URL is plain http on loopback (Bulwark never loads remote content).
 */
export function resolveAppLocation(outDir: string, isPackaged: boolean, devUrl: string | undefined): AppLocation {
  if (!isPackaged && devUrl) {
    try {
      const url = new URL(devUrl)
      if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { kind: 'dev', url: url.href }
    } catch {
      /* not a URL: fall back to the built files */
    }
  }
  return { kind: 'app', rootDir: path.join(outDir, 'renderer') }
}

/** The one window: sandboxed, isolated, no Node, no webviews; shown once the page has painted. */
export function createMainWindow(preloadPath: string, location: AppLocation, log: (line: string) => void): BrowserWindow {
  const win = new BrowserWindow({
    width: 1180,
    height: 820,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Bulwark',
    autoHideMenuBar: true,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Chromium's spellchecker downloads dictionaries: no outbound traffic.
      spellcheck: false,
      safeDialogs: true,
      // A middle click would otherwise ask for a new window (denied anyway): keep it a plain click.
      disableBlinkFeatures: 'Auxclick',
      preload: preloadPath,
    },
  })
  win.once('ready-to-show', () => win.show())
  win
    .loadURL(location.kind === 'app' ? APP_INDEX_URL : location.url)
    .catch((e: unknown) => log(`Bulwark could not load its window: ${e instanceof Error ? e.message : String(e)}`))
  return win
}
