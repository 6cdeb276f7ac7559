/**
 * The renderer's Content-Security-Policy. Only files shipped with the app load: no remote script,
 * style, frame, form target or connection. React sets styles through the DOM, so no 'unsafe-inline'.
 */
type Directives = Readonly<Record<string, readonly string[]>>

const POLICY: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'worker-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
}

function serialize(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

/** For the `<meta http-equiv="Content-Security-Policy">` in src-renderer/index.html: the page carries its policy wherever it is loaded. */
export const CSP_META = serialize(POLICY)

/** Sent as a response header; frame-ancestors only works there (Chromium ignores it in a meta tag). */
export const CSP_HEADER = serialize({ ...POLICY, 'frame-ancestors': ["'none'"] })

/**
 * The header for the electron-vite dev server only (never packaged): Vite injects inline module
 * scripts and style tags and talks to its HMR websocket on the dev origin.
 */
export function devServerCsp(devOrigin: string): string {
  const ws = devOrigin.replace(/^http/, 'ws')
  return serialize({
    ...POLICY,
    'script-src': ["'self'", "'unsafe-inline'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'connect-src': ["'self'", ws],
    'frame-ancestors': ["'none'"],
  })
}
