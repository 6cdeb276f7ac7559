// Loads the built main bundle with the fake electron, drives it like the renderer would, prints JSON.
import fs from 'node:fs'
import { pathToFileURL } from 'node:url'
import { state } from 'electron'

const mainPath = process.argv[2]
await import(pathToFileURL(mainPath).href)
await new Promise((resolve) => setTimeout(resolve, 50))

const win = state.windows[0]
win.emit('ready-to-show')
const contents = win.webContents
const trusted = { sender: contents, senderFrame: contents.mainFrame }
const call = (channel, event, ...args) => state.handlers.get(channel)(event, ...args)
const prevented = (event) => {
  let hit = false
  for (const l of contents.listeners(event)) l({ preventDefault: () => (hit = true) }, 'https://evil.example/')
  return hit
}
const session = contents.session.recorded
let granted
session.permissionRequest(contents, 'media', (g) => (granted = g))
let cancelled
session.beforeRequest.listener({ url: 'https://example.com/' }, (r) => (cancelled = r.cancel))

const result = {
  sandboxEnabled: state.sandboxEnabled,
  windowCount: state.windows.length,
  options: win.options,
  loaded: win.loaded,
  channels: [...state.handlers.keys()].sort(),
  electronStoreListenerLeft: state.ipcListeners.has('electron-store-get-data'),
  guards: {
    willNavigate: prevented('will-navigate'),
    willRedirect: prevented('will-redirect'),
    willAttachWebview: prevented('will-attach-webview'),
    windowOpen: contents.windowOpenHandler({ url: 'https://evil.example/' }),
    permissionGranted: granted,
    permissionCheck: session.permissionCheck(),
    networkCancelled: cancelled,
    spellcheck: session.spellcheck,
  },
  listChecks: await call('checks:list', trusted, undefined),
  untrusted: await call(
    'checks:list',
    { sender: contents, senderFrame: { ...contents.mainFrame, url: 'https://evil.example/' } },
    undefined,
  ),
  badRequest: await call('settings:set', trusted, { timeoutMs: 'soon' }),
  settings: await call('settings:set', trusted, { timeoutMs: 1500 }),
  scan: await call('scan:run', trusted, {}),
  progress: contents.sent.map(([channel, payload]) => [channel, payload.type]),
  exported: await call('report:export', trusted, { format: 'html', redact: true }),
  saveDialogs: state.saveDialogs,
  shownBeforeQuickExit: win.shown === true,
  quickExit: await call('app:quick-exit', trusted, undefined),
  hiddenAfterQuickExit: win.shown === false,
  storeFiles: fs.readdirSync(process.env.FAKE_ELECTRON_USER_DATA),
}
process.stdout.write(JSON.stringify(result))
process.exit(0)
