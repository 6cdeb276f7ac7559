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
const prevented = (event, url = 'https://evil.example/') => {
  let hit = false
  for (const l of contents.listeners(event)) l({ preventDefault: () => (hit = true), url, isMainFrame: true }, url)
  return hit
}
// The app:// handler main registered, asked the way Chromium would for the page, its assets and hostile paths.
const serve = async (url) => {
  const response = await state.protocolHandlers[0].handler(new Request(url))
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    body: await response.text(),
  }
}
const summary = ({ body, ...rest }) => ({ ...rest, empty: body.length === 0 })
const REFUSED = [
  'app://bulwark/../../etc/passwd',
  'app://bulwark/%2e%2e/%2e%2e/etc/passwd',
  'app://bulwark/..%2fmain%2findex.js',
  'app://bulwark//etc/passwd',
  'app://bulwark/missing.js',
]
const page = await serve('app://bulwark/index.html')
const assets = [...page.body.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1])
const session = contents.session.recorded
let granted
session.permissionRequest(contents, 'media', (g) => (granted = g))
let cancelled
session.beforeRequest.listener({ url: 'https://example.com/' }, (r) => (cancelled = r.cancel))

const result = {
  privilegedSchemes: state.privilegedSchemes,
  protocolHandlers: state.protocolHandlers.map(({ scheme, afterReady }) => ({ scheme, afterReady })),
  served: {
    page: summary(page),
    assets: await Promise.all(assets.map(async (a) => ({ path: a, ...summary(await serve(`app://bulwark/${a}`)) }))),
    refused: await Promise.all(REFUSED.map(async (url) => ({ url, status: (await serve(url)).status }))),
  },
  sandboxEnabled: state.sandboxEnabled,
  windowCount: state.windows.length,
  options: win.options,
  loaded: win.loaded,
  channels: [...state.handlers.keys()].sort(),
  electronStoreListenerLeft: state.ipcListeners.has('electron-store-get-data'),
  guards: {
    willNavigate: prevented('will-navigate'),
    willNavigateHome: prevented('will-navigate', 'app://bulwark/index.html'),
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
  // Runs the check in the built fix thread (out/main/fix-worker.js), on this machine, as the app does.
  fixOffers: await call('fix:offers', trusted, { id: 'vpn.wireguard-keys' }),
  saveDialogs: state.saveDialogs,
  shownBeforeQuickExit: win.shown === true,
  quickExit: await call('app:quick-exit', trusted, undefined),
  hiddenAfterQuickExit: win.shown === false,
  storeFiles: fs.readdirSync(process.env.FAKE_ELECTRON_USER_DATA),
}
process.stdout.write(JSON.stringify(result))
process.exit(0)
