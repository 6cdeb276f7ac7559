import { describe, expect, it, vi } from 'vitest'
import type { Platform } from '../../../checks/core/types.js'
import { hardenWebContents, openAllowedExternal, type GuardableContents } from '../../../src-main/electron/security/guards.js'
import { installSecurity } from '../../../src-main/electron/security/index.js'
import { hardenSession, type GuardableSession } from '../../../src-main/electron/security/session-guards.js'

type Listener = (...args: never[]) => unknown

function fakeContents() {
  const listeners = new Map<string, Listener[]>()
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined
  const contents: GuardableContents = {
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener as Listener])
      return contents
    },
    setWindowOpenHandler(handler) {
      openHandler = handler
    },
  }
  /** Fires a navigation event the way Electron does (the target on the event); true when a guard prevented it. */
  const fire = (event: string, details: { url?: string; isMainFrame?: boolean } = {}): boolean => {
    const preventDefault = vi.fn()
    for (const l of listeners.get(event) ?? []) (l as (e: { preventDefault(): void }) => void)({ preventDefault, ...details })
    return preventDefault.mock.calls.length > 0
  }
  return { contents, listeners, fire, open: (url: string) => openHandler?.({ url }) }
}

function opener(platform: Platform = 'linux') {
  return { platform, shell: { openExternal: vi.fn(async (_url: string) => undefined) } }
}

const NAVIGATIONS = ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const

describe('hardenWebContents', () => {
  it.each(
    NAVIGATIONS.flatMap((event) =>
      [
        'https://evil.example/',
        'http://localhost:5173/',
        'file:///etc/passwd',
        'file:///opt/Bulwark/resources/app.asar/out/renderer/index.html',
        'app://evil/index.html',
        'app://bulwark:8080/index.html',
        'app://me@bulwark/index.html',
        'javascript:alert(1)',
        'data:text/html,x',
        'about:blank',
        'not a url',
      ].map((url) => [event, url] as const),
    ),
  )('prevents %s to %s', (event, url) => {
    const f = fakeContents()
    hardenWebContents(f.contents, opener())
    expect(f.fire(event, { url, isMainFrame: true })).toBe(true)
  })

  it.each(NAVIGATIONS)('prevents %s when the event carries no URL', (event) => {
    const f = fakeContents()
    hardenWebContents(f.contents, opener())
    expect(f.fire(event)).toBe(true)
  })

  it.each(
    NAVIGATIONS.flatMap((event) =>
      ['app://bulwark/index.html', 'app://bulwark/index.html#/plan', 'app://bulwark/'].map((url) => [event, url] as const),
    ),
  )('lets %s stay on the app’s own origin (%s)', (event, url) => {
    const f = fakeContents()
    hardenWebContents(f.contents, opener())
    expect(f.fire(event, { url, isMainFrame: true })).toBe(false)
  })

  it('prevents a subframe navigating, even to the app’s own origin', () => {
    const f = fakeContents()
    hardenWebContents(f.contents, opener())
    expect(f.fire('will-frame-navigate', { url: 'app://bulwark/index.html', isMainFrame: false })).toBe(true)
  })

  it.each(['app://bulwark/index.html', 'https://evil.example/'])('prevents every webview, whatever it loads (%s)', (url) => {
    const f = fakeContents()
    hardenWebContents(f.contents, opener())
    expect(f.fire('will-attach-webview', { url })).toBe(true)
  })

  it('denies every new window and opens an allowlisted https link in the system browser', () => {
    const f = fakeContents()
    const o = opener()
    hardenWebContents(f.contents, o)
    expect(f.open('https://support.mozilla.org/kb/x')).toEqual({ action: 'deny' })
    expect(o.shell.openExternal).toHaveBeenCalledWith('https://support.mozilla.org/kb/x')
  })

  it.each([
    'http://support.mozilla.org/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://evil.example/',
    'about:blank',
    // The app's own page too: only the one window may talk to main, and app:// is never handed to the OS.
    'app://bulwark/index.html',
  ])('denies a new window for %s and opens nothing', (url) => {
    const f = fakeContents()
    const o = opener()
    hardenWebContents(f.contents, o)
    expect(f.open(url)).toEqual({ action: 'deny' })
    expect(o.shell.openExternal).not.toHaveBeenCalled()
  })
})

describe('openAllowedExternal', () => {
  it('reports whether it opened the link, and survives a failing OS handler', async () => {
    const o = { platform: 'win32' as const, shell: { openExternal: vi.fn(async () => Promise.reject(new Error('no handler'))) } }
    expect(openAllowedExternal('ms-settings:privacy-webcam', o)).toBe(true)
    expect(openAllowedExternal('ms-settings:privacy-webcam&evil', o)).toBe(false)
    expect(o.shell.openExternal).toHaveBeenCalledTimes(1)
    await Promise.resolve()
  })
})

function fakeSession() {
  const s = {
    request: undefined as undefined | ((c: unknown, p: string, cb: (g: boolean) => void) => void),
    check: undefined as undefined | (() => boolean),
    device: undefined as undefined | (() => boolean),
    spellcheck: true,
    download: undefined as undefined | ((e: { preventDefault(): void }) => void),
    before: undefined as
      undefined | { filter: { urls: string[] }; listener: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void },
    headers: undefined as
      | undefined
      | ((
          d: { responseHeaders?: Record<string, string | string[]> },
          cb: (r: { responseHeaders: Record<string, string | string[]> }) => void,
        ) => void),
  }
  const session: GuardableSession = {
    setPermissionRequestHandler: (h) => void (s.request = h),
    setPermissionCheckHandler: (h) => void (s.check = h),
    setDevicePermissionHandler: (h) => void (s.device = h),
    setSpellCheckerEnabled: (on) => void (s.spellcheck = on),
    on: (_event, listener) => void (s.download = listener),
    webRequest: {
      onBeforeRequest: (filter, listener) => void (s.before = { filter, listener }),
      onHeadersReceived: (listener) => void (s.headers = listener),
    },
  }
  const cancels = (url: string): boolean => {
    let result: boolean | undefined
    s.before?.listener({ url }, (r) => (result = r.cancel))
    return result === true
  }
  return { s, session, cancels }
}

describe('hardenSession', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown'])(
    'denies the %s permission request and check',
    (permission) => {
      const f = fakeSession()
      hardenSession(f.session, { csp: 'x', devOrigin: null })
      const callback = vi.fn()
      f.s.request?.({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(f.s.check?.()).toBe(false)
    },
  )

  it('denies device access, cancels downloads and turns the spellchecker off', () => {
    const f = fakeSession()
    hardenSession(f.session, { csp: 'x', devOrigin: null })
    expect(f.s.device?.()).toBe(false)
    const preventDefault = vi.fn()
    f.s.download?.({ preventDefault })
    expect(preventDefault).toHaveBeenCalled()
    expect(f.s.spellcheck).toBe(false)
  })

  it('cancels every network request in production', () => {
    const f = fakeSession()
    hardenSession(f.session, { csp: 'x', devOrigin: null })
    expect(f.s.before?.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']))
    for (const url of ['https://example.com/', 'http://127.0.0.1:5173/', 'wss://x.example/']) expect(f.cancels(url)).toBe(true)
  })

  it('lets only the dev server origin (http and its HMR websocket) through in development', () => {
    const f = fakeSession()
    hardenSession(f.session, { csp: 'x', devOrigin: 'http://localhost:5173' })
    expect(f.cancels('http://localhost:5173/src/main.tsx')).toBe(false)
    expect(f.cancels('ws://localhost:5173/')).toBe(false)
    expect(f.cancels('http://localhost:5174/')).toBe(true)
    expect(f.cancels('https://localhost:5173/')).toBe(true)
    expect(f.cancels('http://localhost:5173.evil.example/')).toBe(true)
  })

  it('adds the CSP header and keeps the other headers', () => {
    const f = fakeSession()
    hardenSession(f.session, { csp: "default-src 'self'", devOrigin: null })
    let headers: Record<string, string | string[]> | undefined
    f.s.headers?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders))
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] })
  })

  it('hardens a session once, however many webContents share it', () => {
    const f = fakeSession()
    const spy = vi.spyOn(f.session, 'setPermissionRequestHandler')
    hardenSession(f.session, { csp: 'x', devOrigin: null })
    hardenSession(f.session, { csp: 'x', devOrigin: null })
    expect(spy).toHaveBeenCalledTimes(1)
  })
})

describe('installSecurity', () => {
  it('guards every webContents the app creates, and its session', () => {
    let created: ((event: unknown, contents: GuardableContents & { session: GuardableSession }) => void) | undefined
    const app = { on: vi.fn((_event: 'web-contents-created', listener: typeof created) => void (created = listener)) }
    installSecurity(app, opener(), { csp: 'x', devOrigin: null })
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function))
    for (let i = 0; i < 2; i++) {
      const c = fakeContents()
      const s = fakeSession()
      created?.({}, { ...c.contents, session: s.session })
      expect(c.fire('will-navigate', { url: 'https://example.com/' })).toBe(true)
      expect(c.fire('will-navigate', { url: 'app://bulwark/index.html' })).toBe(false)
      expect(c.open('https://example.com/')).toEqual({ action: 'deny' })
      expect(s.s.check?.()).toBe(false)
    }
  })
})
