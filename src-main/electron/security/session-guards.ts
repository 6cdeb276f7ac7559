interface Preventable {
  preventDefault(): void
}

type Headers = Record<string, string | string[]>

/** The slice of Electron's Session the guards use (a fake in tests). */
export interface GuardableSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void
  setPermissionCheckHandler(handler: () => boolean): void
  setDevicePermissionHandler(handler: () => boolean): void
  setSpellCheckerEnabled(enable: boolean): void
  on(event: 'will-download', listener: (event: Preventable) => void): unknown
  webRequest: {
    onBeforeRequest(
      filter: { urls: string[] },
      listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ): void
    onHeadersReceived(
      listener: (details: { responseHeaders?: Headers }, callback: (response: { responseHeaders: Headers }) => void) => void,
    ): void
  }
}

export interface SessionPolicy {
  /** The Content-Security-Policy header for every response. */
  csp: string
  /** The electron-vite dev server origin, the one network origin allowed (development only). */
  devOrigin: string | null
}

const NETWORK_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']

function sameOrigin(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.origin === origin || parsed.origin === origin.replace(/^http/, 'ws')
  } catch {
    return false
  }
}

const hardened = new WeakSet<object>()

/**
 * Denies every permission and device request, cancels downloads and every network request (Bulwark
 * loads only its own files; the network layer enforces the no-outbound-traffic promise even if a page
 * tried), turns off the spellchecker (it downloads dictionaries) and adds the CSP header. Idempotent.
 */
export function hardenSession(session: GuardableSession, policy: SessionPolicy): void {
  if (hardened.has(session)) return
  hardened.add(session)
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.setSpellCheckerEnabled(false)
  session.on('will-download', (event) => event.preventDefault())
  session.webRequest.onBeforeRequest({ urls: NETWORK_URLS }, (details, callback) => {
    callback({ cancel: policy.devOrigin === null || !sameOrigin(details.url, policy.devOrigin) })
  })
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy.csp] } })
  })
}
