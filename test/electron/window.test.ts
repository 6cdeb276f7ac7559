import { describe, expect, it, vi } from 'vitest'
import { createMainWindow, resolveAppLocation } from '../../src-main/electron/window.js'

const electron = vi.hoisted(() => {
  class FakeWindow {
    static created: FakeWindow[] = []
    static failLoads = false
    readonly once = vi.fn((_event: string, listener: () => void) => void (this.readyListener = listener))
    readonly show = vi.fn()
    readonly loadURL = vi.fn(async (_url: string) => {
      if (FakeWindow.failLoads) throw new Error('ERR_CONNECTION_REFUSED')
    })
    readyListener: (() => void) | undefined
    constructor(readonly options: Record<string, unknown>) {
      FakeWindow.created.push(this)
    }
  }
  return { BrowserWindow: FakeWindow }
})
vi.mock('electron', () => ({ default: electron, ...electron }))

describe('createMainWindow', () => {
  it('creates a sandboxed, isolated window without Node, webviews or spellcheck downloads', () => {
    createMainWindow('/app/out/preload/index.cjs', { kind: 'app', rootDir: '/app/out/renderer' }, () => undefined)
    const win = electron.BrowserWindow.created.at(-1)
    expect(win?.options.webPreferences).toEqual({
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
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/out/preload/index.cjs',
    })
    expect(win?.options).toMatchObject({ title: 'Bulwark', show: false })
  })

  it('loads the built page from app://bulwark/index.html (never file://) and shows the window only when it is ready', () => {
    createMainWindow('/p.cjs', { kind: 'app', rootDir: '/app/out/renderer' }, () => undefined)
    const win = electron.BrowserWindow.created.at(-1)
    expect(win?.loadURL.mock.calls).toEqual([['app://bulwark/index.html']])
    expect(win?.show).not.toHaveBeenCalled()
    expect(win?.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function))
    win?.readyListener?.()
    expect(win?.show).toHaveBeenCalled()
  })

  it('loads the dev server URL in development, and logs a failed load instead of leaving a rejected promise', async () => {
    const log = vi.fn()
    electron.BrowserWindow.failLoads = true
    createMainWindow('/p.cjs', { kind: 'dev', url: 'http://localhost:5173/' }, log)
    electron.BrowserWindow.failLoads = false
    expect(electron.BrowserWindow.created.at(-1)?.loadURL).toHaveBeenCalledWith('http://localhost:5173/')
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('Bulwark could not load its window: ERR_CONNECTION_REFUSED'))
  })
})

describe('resolveAppLocation', () => {
  it.each([
    [false, undefined, 'app'],
    [false, 'http://localhost:5173/', 'dev'],
    [false, 'http://127.0.0.1:5173', 'dev'],
    [false, 'http://[::1]:5173/', 'dev'],
    [true, 'http://localhost:5173/', 'app'],
    [false, 'https://localhost:5173/', 'app'],
    [false, 'http://evil.example:5173/', 'app'],
    [false, 'http://localhost.evil.example/', 'app'],
    [false, 'file:///tmp/x.html', 'app'],
    [false, 'app://bulwark/index.html', 'app'],
    [false, 'not a url', 'app'],
  ] as const)('packaged=%s, dev URL %s → %s', (isPackaged, devUrl, kind) => {
    const location = resolveAppLocation('/app/out', isPackaged, devUrl)
    expect(location).toEqual(kind === 'app' ? { kind, rootDir: '/app/out/renderer' } : { kind, url: new URL(devUrl ?? '').href })
  })
})
