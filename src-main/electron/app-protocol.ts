import fs from 'node:fs'
import path from 'node:path'
import { CSP_HEADER } from './security/csp.js'

/**
 * The built renderer is served from app://bulwark/ instead of file://: a standard, secure origin of
 * its own, so 'self' in the CSP means the app's files only (not every file on disk), the page gets
 * real response headers, and the file:// scheme's extra privileges are never needed.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'bulwark'
const APP_INDEX_PATH = '/index.html'
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}${APP_INDEX_PATH}`

function parseAppUrl(raw: string): URL | null {
  try {
    const url = new URL(raw)
    // No user info or port: the only spelling of the origin is app://bulwark.
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password ? url : null
  } catch {
    return null
  }
}

/** True for any URL on the app's own origin, app://bulwark. */
export function isAppOrigin(raw: string): boolean {
  return parseAppUrl(raw) !== null
}

/** True for the app's own page, app://bulwark/index.html (query and fragment ignored). */
export function isAppPage(raw: string): boolean {
  return parseAppUrl(raw)?.pathname === APP_INDEX_PATH
}

/** Standard (origin and relative URLs like https), secure (a secure context, no mixed content), fetch() for the page's own assets. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const

/** The slice of Electron's protocol module Bulwark uses (a fake in tests). */
export interface AppProtocol {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: typeof APP_SCHEME_PRIVILEGES }[]): void
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void
}

/** Must run before the app is ready: Chromium fixes the scheme list when it starts. */
export function registerAppScheme(protocol: Pick<AppProtocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

/** With nosniff, an unlisted type is never run as script or rendered as a page. */
function mimeType(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CSP_HEADER, 'X-Content-Type-Options': 'nosniff' },
  })
}

/**
 * The path segments of an app:// URL, decoded, or null when any segment could step out of the
 * renderer folder or name something other than a plain file name: `.` and `..` (also percent-encoded;
 * the URL parser resolves the plain ones first), an encoded slash or backslash, a NUL, a drive or
 * stream colon, or an empty segment.
 */
function safeSegments(pathname: string): string[] | null {
  const raw = pathname === '/' || pathname === '' ? ['index.html'] : pathname.slice(1).split('/')
  const segments: string[] = []
  for (const part of raw) {
    let segment: string
    try {
      segment = decodeURIComponent(part)
    } catch {
      return null
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null
    segments.push(segment)
  }
  return segments
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/**
 * Resolves a request to a regular file inside the renderer folder, after following symlinks, or null.
 * fs.promises is read at call time: Electron patches it so files inside app.asar read like any other.
 */
async function resolveFile(rootDir: string, url: URL): Promise<string | null> {
  if (!isAppOrigin(url.href)) return null
  const segments = safeSegments(url.pathname)
  if (!segments) return null
  const root = path.resolve(rootDir)
  const candidate = path.join(root, ...segments)
  if (!isInside(root, candidate)) return null
  try {
    const [realRoot, real] = await Promise.all([fs.promises.realpath(root), fs.promises.realpath(candidate)])
    if (!isInside(realRoot, real)) return null
    return (await fs.promises.stat(real)).isFile() ? real : null
  } catch {
    return null
  }
}

/**
 * The app:// handler: GET and HEAD of files under rootDir, with their MIME type, nosniff and the
 * same CSP header the session adds to every response. Anything that does not resolve to a file
 * inside rootDir is a 404 that names nothing on disk.
 */
export function createAppHandler(rootDir: string): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed')
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return plain(404, 'Not found')
    }
    const file = await resolveFile(rootDir, url)
    if (!file) return plain(404, 'Not found')
    let body: Buffer
    try {
      body = await fs.promises.readFile(file)
    } catch {
      return plain(404, 'Not found')
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeType(file),
        'Content-Length': String(body.length),
        'Content-Security-Policy': CSP_HEADER,
        'X-Content-Type-Options': 'nosniff',
      },
    })
  }
}

/** Serves the built renderer folder on app://bulwark/ (after the app is ready). */
export function serveApp(protocol: Pick<AppProtocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppHandler(rootDir))
}
