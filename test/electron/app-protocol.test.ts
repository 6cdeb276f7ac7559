import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  APP_INDEX_URL,
  createAppHandler,
  isAppOrigin,
  isAppPage,
  registerAppScheme,
  serveApp,
} from '../../src-main/electron/app-protocol.js'
import { CSP_HEADER } from '../../src-main/electron/security/csp.js'

// base/renderer is the served root; base/secret.txt and base/renderer-evil/ sit beside it, where a
// traversal, a prefix trick or a symlink would land.
let base: string
let root: string
const INDEX_HTML = '<!doctype html><title>Bulwark</title>'

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-app-protocol-'))
  root = path.join(base, 'renderer')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), INDEX_HTML)
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}')
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]))
  fs.writeFileSync(path.join(root, 'assets', 'blob.bin'), 'x')
  fs.writeFileSync(path.join(root, 'assets', 'my file é.svg'), '<svg/>')
  fs.writeFileSync(path.join(base, 'secret.txt'), 'SECRET')
  fs.mkdirSync(path.join(base, 'renderer-evil'))
  fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'SECRET')
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'))
  fs.symlinkSync(base, path.join(root, 'up'))
  fs.symlinkSync(path.join(root, 'index.html'), path.join(root, 'assets', 'inside-link.html'))
})

afterAll(() => fs.rmSync(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => createAppHandler(root)({ url, method })

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure and fetch-capable, and nothing else', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() }
    registerAppScheme(protocol)
    expect(protocol.registerSchemesAsPrivileged.mock.calls).toEqual([
      [[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]],
    ])
  })
})

describe('serveApp', () => {
  it('handles the app scheme with a handler that serves the given folder', async () => {
    const protocol = { handle: vi.fn() }
    serveApp(protocol, root)
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    const handler = protocol.handle.mock.calls[0]?.[1] as (r: Request) => Promise<Response>
    const response = await handler(new Request(APP_INDEX_URL))
    expect(await response.text()).toBe(INDEX_HTML)
  })
})

describe('the app:// handler', () => {
  it.each([
    ['app://bulwark/index.html', 'text/html; charset=utf-8', INDEX_HTML],
    ['app://bulwark/', 'text/html; charset=utf-8', INDEX_HTML],
    ['app://bulwark/index.html?lang=es#/detail/dns.firefox', 'text/html; charset=utf-8', INDEX_HTML],
    ['app://bulwark/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://bulwark/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://bulwark/assets/font.woff2', 'font/woff2', 'wOF2'],
    ['app://bulwark/assets/blob.bin', 'application/octet-stream', 'x'],
    ['app://bulwark/assets/my%20file%20%C3%A9.svg', 'image/svg+xml', '<svg/>'],
    ['app://bulwark/assets/inside-link.html', 'text/html; charset=utf-8', INDEX_HTML],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await get(url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)))
    expect(await response.text()).toBe(body)
  })

  it('sends the unchanged CSP header (the one the session adds) with every response, found or not', async () => {
    for (const url of ['app://bulwark/index.html', 'app://bulwark/assets/index-abc.js', 'app://bulwark/missing.js']) {
      expect((await get(url)).headers.get('content-security-policy')).toBe(CSP_HEADER)
    }
  })

  it('answers HEAD with the headers and no body', async () => {
    const response = await get('app://bulwark/index.html', 'HEAD')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await response.text()).toBe('')
  })

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('refuses %s with 405', async (method) => {
    expect((await get('app://bulwark/index.html', method)).status).toBe(405)
  })

  it.each([
    ['a plain traversal (the URL parser resolves it inside the root)', 'app://bulwark/../../etc/passwd'],
    ['a traversal to the sibling secret', 'app://bulwark/../secret.txt'],
    ['an encoded traversal', 'app://bulwark/%2e%2e/%2e%2e/etc/passwd'],
    ['an encoded traversal in mixed case', 'app://bulwark/%2E%2e/secret.txt'],
    ['an encoded slash', 'app://bulwark/assets/..%2f..%2fsecret.txt'],
    ['an encoded backslash', 'app://bulwark/assets/..%5c..%5csecret.txt'],
    ['a double-encoded traversal', 'app://bulwark/%252e%252e/secret.txt'],
    ['an absolute path', 'app://bulwark//etc/passwd'],
    ['an absolute path in one encoded segment', 'app://bulwark/%2fetc%2fpasswd'],
    ['a Windows drive path', 'app://bulwark/C:/Windows/win.ini'],
    ['an encoded NUL', 'app://bulwark/index.html%00.js'],
    ['malformed percent-encoding', 'app://bulwark/%E0%A4%A'],
    ['a symlink to a file outside the root', 'app://bulwark/assets/link.txt'],
    ['a symlinked folder outside the root', 'app://bulwark/up/secret.txt'],
    ['the prefix trick (renderer-evil beside renderer)', 'app://bulwark/../renderer-evil/x.js'],
    ['a folder', 'app://bulwark/assets'],
    ['an unknown file', 'app://bulwark/assets/missing.js'],
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://bulwark:8080/index.html'],
    ['user info', 'app://me@bulwark/index.html'],
    ['no host', 'app:///etc/passwd'],
    ['another scheme', 'file:///etc/passwd'],
    ['not a URL', 'not a url'],
  ])('answers 404 for %s (%s), naming nothing on disk', async (_name, url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    const text = await response.text()
    expect(text).toBe('Not found')
    expect(text).not.toContain(base)
  })

  it('answers 404 when the root itself is gone', async () => {
    const response = await createAppHandler(path.join(base, 'never-built'))({ url: APP_INDEX_URL, method: 'GET' })
    expect(response.status).toBe(404)
  })
})

describe('app origin and page', () => {
  it.each([
    ['app://bulwark/index.html', true, true],
    ['app://bulwark/index.html#/plan', true, true],
    ['app://bulwark/assets/x.js', true, false],
    ['app://bulwark/', true, false],
    ['app://bulwark:1/index.html', false, false],
    ['app://x@bulwark/index.html', false, false],
    ['app://evil/index.html', false, false],
    ['https://bulwark/index.html', false, false],
    ['file:///index.html', false, false],
    ['', false, false],
  ])('%s: origin %s, page %s', (url, origin, page) => {
    expect(isAppOrigin(url)).toBe(origin)
    expect(isAppPage(url)).toBe(page)
  })
})
