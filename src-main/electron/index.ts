import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron'
import { registerAppScheme, serveApp } from './app-protocol.js'
import { CHECKS } from '../../checks/registry.js'
import { createNodeHost } from '../node/adapters/node-host.js'
import { readChecklistHints } from '../../checks/readers/hints/checklist-hints.io.js'
import { forgetEverything, quickExit } from './at-risk.js'
import { createElevator } from './elevate.js'
import { createExportService } from './export-service.js'
import { createFixService } from './fix-service.js'
import { openFixJournal } from '../node/fix/journal.js'
import { threadFixWork } from './fix-worker/supervisor.js'
import { createGuidanceService } from './guidance-service.js'
import { registerHandlers, type InvokeEvent } from './ipc/handlers.js'
import { createRegister } from './ipc/register.js'
import { createSenderCheck } from './ipc/sender.js'
import { printHtmlToPdf } from './pdf.js'
import { redactionContextFromOs } from '../node/os-context.js'
import { isolatedScans } from '../node/scan-worker/supervisor.js'
import { createScanService } from './scan-service.js'
import { CSP_HEADER, devServerCsp } from './security/csp.js'
import type { LinkOpener } from './security/guards.js'
import { installSecurity } from './security/index.js'
import { openElectronStore } from '../node/store/electron-store.js'
import { createMainWindow, resolveAppLocation } from './window.js'

// Lifecycle only: every piece is built and tested in its own module.

const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const preloadPath = path.join(outDir, 'preload', 'index.cjs')
const log = (line: string): void => console.warn(line)

app.enableSandbox()
// Before ready, or Chromium never treats app:// as a standard, secure origin.
registerAppScheme(protocol)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const location = resolveAppLocation(outDir, app.isPackaged, process.env.ELECTRON_RENDERER_URL)
  const platform = createNodeHost().platform
  const links: LinkOpener = { platform, shell }
  const devOrigin = location.kind === 'dev' ? new URL(location.url).origin : null
  installSecurity(app, links, { csp: devOrigin ? devServerCsp(devOrigin) : CSP_HEADER, devOrigin })

  let mainWindow: BrowserWindow | null = null
  const openWindow = (): void => {
    mainWindow = createMainWindow(preloadPath, location, log)
    mainWindow.on('closed', () => {
      mainWindow = null
    })
  }

  // Starting Bulwark again (or its Dock icon on macOS) is also how a window hidden by Quick Exit comes back.
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => app.quit())
  app.on('activate', () => {
    if (!app.isReady()) return
    if (mainWindow) mainWindow.show()
    else openWindow()
  })

  void app.whenReady().then(() => {
    if (location.kind === 'app') serveApp(protocol, location.rootDir)
    const store = openElectronStore(app.getPath('userData'), { log })
    const service = createScanService({
      checks: CHECKS,
      createHost: () => createNodeHost(),
      // A check stuck on a hostile file must not freeze the window: scans run in a thread that can be given up on.
      runScan: isolatedScans(new URL('./scan-worker.js', import.meta.url)),
      platform,
      store,
      systemLocale: () => app.getLocale(),
      tool: { name: 'bulwark', version: app.getVersion() },
    })
    const exporter = createExportService({
      store,
      locale: service.locale,
      showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
      printToPdf: printHtmlToPdf,
      redactionContext: () => redactionContextFromOs(),
    })
    // The administrator helper is the standalone CLI packed beside the app (README "Fixes"); a build without it says so.
    const helper = app.isPackaged ? path.join(process.resourcesPath, 'helper', platform === 'win32' ? 'bulwark.exe' : 'bulwark') : null
    const fix = createFixService({
      checks: CHECKS,
      // Planning and verifying run checks, and applying writes files: in a thread, so a stuck check never freezes the window.
      work: threadFixWork(new URL('./fix-worker.js', import.meta.url), app.getPath('userData')),
      journal: openFixJournal(app.getPath('userData')),
      uid: typeof process.getuid === 'function' ? process.getuid() : null,
      elevator: helper && existsSync(helper) ? createElevator(platform, { program: helper, args: [] }) : null,
      timeoutMs: () => store.settings().timeoutMs,
    })
    const isTrusted = createSenderCheck(() => mainWindow?.webContents, location)
    registerHandlers(
      createRegister<InvokeEvent>(ipcMain, isTrusted),
      {
        scan: service,
        guidance: createGuidanceService({ store, readHints: () => readChecklistHints(createNodeHost()) }),
        exporter,
        fix,
        quickExit: () => quickExit({ platform, windows: () => BrowserWindow.getAllWindows(), hideApp: () => app.hide() }),
        forgetEverything: () =>
          forgetEverything({
            store,
            forgetFixes: () => fix.forget(),
            clearBrowsingData: async () => {
              await session.defaultSession.clearStorageData()
              await session.defaultSession.clearCache()
            },
          }),
      },
      links,
    )
    openWindow()
  })
}
