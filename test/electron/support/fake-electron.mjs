// A stand-in for the `electron` module, for smoke-running the built main bundle under plain Node.
// It records what main asks of Electron so the test can check the wiring of the real bundle.
import { EventEmitter } from 'node:events'

export const state = {
  ready: false,
  privilegedSchemes: [],
  protocolHandlers: [],
  sandboxEnabled: false,
  windows: [],
  handlers: new Map(),
  ipcListeners: new Map(),
  opened: [],
  sessions: [],
  saveDialogs: [],
  appHidden: false,
}

function fakeSession() {
  const s = {
    recorded: {},
    listeners: {},
    setPermissionRequestHandler: (h) => void (s.recorded.permissionRequest = h),
    setPermissionCheckHandler: (h) => void (s.recorded.permissionCheck = h),
    setDevicePermissionHandler: (h) => void (s.recorded.devicePermission = h),
    setSpellCheckerEnabled: (on) => void (s.recorded.spellcheck = on),
    on: (event, listener) => void (s.listeners[event] = listener),
    webRequest: {
      onBeforeRequest: (filter, listener) => void (s.recorded.beforeRequest = { filter, listener }),
      onHeadersReceived: (listener) => void (s.recorded.headersReceived = listener),
    },
  }
  state.sessions.push(s)
  return s
}

const defaultSession = fakeSession()

class FakeWebContents extends EventEmitter {
  constructor() {
    super()
    this.session = defaultSession
    this.mainFrame = { url: 'about:blank', parent: null, frameToken: 'main', detached: false }
    this.sent = []
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler
  }
  isDestroyed() {
    return false
  }
  send(channel, payload) {
    this.sent.push([channel, payload])
  }
}

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  enableSandbox: () => void (state.sandboxEnabled = true),
  requestSingleInstanceLock: () => true,
  // Ready one tick after asking, as in Electron: what main does synchronously at start-up happens before ready.
  whenReady: () => Promise.resolve().then(() => void (state.ready = true)),
  isReady: () => state.ready,
  quit: () => undefined,
  getPath: (name) => (name === 'userData' ? process.env.FAKE_ELECTRON_USER_DATA : '/nonexistent'),
  getLocale: () => 'es-ES',
  getVersion: () => '0.1.0',
  hide: () => void (state.appHidden = true),
})

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super()
    this.options = options
    this.webContents = new FakeWebContents()
    state.windows.push(this)
    app.emit('web-contents-created', {}, this.webContents)
  }
  async loadURL(url) {
    this.loaded = { url }
    this.webContents.mainFrame.url = url
  }
  static getAllWindows() {
    return [...state.windows]
  }
  show() {
    this.shown = true
  }
  hide() {
    this.shown = false
  }
  isMinimized() {
    return false
  }
  restore() {}
  focus() {}
}

export const ipcMain = {
  handle: (channel, listener) => void state.handlers.set(channel, listener),
  on: (channel, listener) => void state.ipcListeners.set(channel, listener),
  removeAllListeners: (channel) => void state.ipcListeners.delete(channel),
}

// Records whether each call came before or after ready: Chromium accepts privileged schemes only before.
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => void state.privilegedSchemes.push({ schemes, beforeReady: !state.ready }),
  handle: (scheme, handler) => void state.protocolHandlers.push({ scheme, handler, afterReady: state.ready }),
}

export const shell = { openExternal: async (url) => void state.opened.push(url) }
export const session = { defaultSession }
// Every save dialog is cancelled: the smoke run only checks the export is wired to one.
export const dialog = {
  showSaveDialog: async (...args) => {
    state.saveDialogs.push(args.at(-1))
    return { canceled: true }
  },
}

export default { app, BrowserWindow, ipcMain, protocol, shell, session, dialog, state }
