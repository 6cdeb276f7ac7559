import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSP_HEADER } from '../../src-main/electron/security/csp.js'
import { INVOKE_CHANNELS } from '../../src-main/shared/ipc-contract.js'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')
// A private output folder inside the project (so bare imports resolve to node_modules) that no other build touches.
const OUT = path.join(ROOT, 'out', '.smoke-test')
const SUPPORT = path.join(import.meta.dirname, 'support')

interface Served {
  status: number
  type: string | null
  csp: string | null
  empty: boolean
}

interface SmokeResult {
  privilegedSchemes: { schemes: unknown; beforeReady: boolean }[]
  protocolHandlers: { scheme: string; afterReady: boolean }[]
  served: { page: Served; assets: (Served & { path: string })[]; refused: { url: string; status: number }[] }
  sandboxEnabled: boolean
  windowCount: number
  options: { title: string; show: boolean; webPreferences: Record<string, unknown> }
  loaded: { url?: string }
  channels: string[]
  electronStoreListenerLeft: boolean
  guards: Record<string, unknown>
  listChecks: { ok: boolean; value?: { id: string }[] }
  untrusted: { ok: boolean; error?: { code: string } }
  badRequest: { ok: boolean; error?: { code: string } }
  settings: { ok: boolean; value?: Record<string, unknown> }
  scan: { ok: boolean; value?: { schemaVersion: number; results: { id: string; status: string; title: unknown }[] } }
  progress: [string, string][]
  storeFiles: string[]
  exported: { ok: boolean; value?: unknown }
  fixOffers: { ok: boolean; value?: { offers: unknown[]; choices: unknown[] } }
  saveDialogs: { defaultPath: string }[]
  shownBeforeQuickExit: boolean
  quickExit: { ok: boolean }
  hiddenAfterQuickExit: boolean
}

let result: SmokeResult
let userData: string

beforeAll(async () => {
  await run('npx', ['electron-vite', 'build', '--outDir', OUT, '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
  })
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-smoke-'))
  const { stdout } = await run(
    process.execPath,
    ['--import', path.join(SUPPORT, 'register-fake-electron.mjs'), path.join(SUPPORT, 'smoke-run.mjs'), path.join(OUT, 'main', 'index.js')],
    { cwd: ROOT, env: { ...process.env, FAKE_ELECTRON_USER_DATA: userData, ELECTRON_RENDERER_URL: '' }, timeout: 30000 },
  )
  result = JSON.parse(stdout) as SmokeResult
}, 120000)

afterAll(() => {
  fs.rmSync(OUT, { recursive: true, force: true })
  if (userData) fs.rmSync(userData, { recursive: true, force: true })
})

describe('the built main bundle under plain Node with a fake electron', () => {
  it('builds a single CommonJS preload that requires nothing but electron', () => {
    const preload = fs.readFileSync(path.join(OUT, 'preload', 'index.cjs'), 'utf8')
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect(required).toEqual(['electron'])
    expect(preload).not.toMatch(/^\s*(import|export)\s/m)
    expect(preload).toContain('exposeInMainWorld("api"')
  })

  it('enables the sandbox for every renderer and opens one hardened window on the built page', () => {
    expect(result.sandboxEnabled).toBe(true)
    expect(result.windowCount).toBe(1)
    expect(result.options).toMatchObject({ title: 'Bulwark', show: false })
    expect(result.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: path.join(OUT, 'preload', 'index.cjs'),
    })
    expect(result.loaded).toEqual({ url: 'app://bulwark/index.html' })
  })

  it('registers app:// as privileged before ready, and serves the built renderer on it only after', () => {
    expect(result.privilegedSchemes).toEqual([
      { schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }], beforeReady: true },
    ])
    expect(result.protocolHandlers).toEqual([{ scheme: 'app', afterReady: true }])
  })

  it('serves the built page and every asset it names from out/renderer, with their types and the unchanged CSP', () => {
    expect(result.served.page).toEqual({ status: 200, type: 'text/html; charset=utf-8', csp: CSP_HEADER, empty: false })
    const types = result.served.assets.map((a) => [path.extname(a.path), a.type])
    expect(types).toEqual(
      expect.arrayContaining([
        ['.js', 'text/javascript; charset=utf-8'],
        ['.css', 'text/css; charset=utf-8'],
      ]),
    )
    for (const asset of result.served.assets) expect(asset).toMatchObject({ status: 200, csp: CSP_HEADER, empty: false })
  })

  it('refuses traversal and unknown paths out of the built renderer', () => {
    expect(result.served.refused.length).toBeGreaterThan(0)
    for (const r of result.served.refused) expect(r).toEqual({ url: r.url, status: 404 })
  })

  it.each(['scan-worker.js', 'fix-worker.js'])(
    'builds the %s thread beside main, free of electron, so a stuck check cannot freeze the window',
    (file) => {
      const thread = fs.readFileSync(path.join(OUT, 'main', file), 'utf8')
      expect(thread).toContain('node:worker_threads')
      expect(thread).not.toMatch(/from ["']electron["']/)
    },
  )

  it('answers a fix channel from the built fix thread', () => {
    expect(result.fixOffers).toMatchObject({ ok: true, value: { offers: expect.any(Array), choices: expect.any(Array) } })
  })

  it('installs the guards on the window', () => {
    expect(result.guards).toEqual({
      willNavigate: true,
      willNavigateHome: false,
      willRedirect: true,
      willAttachWebview: true,
      windowOpen: { action: 'deny' },
      permissionGranted: false,
      permissionCheck: false,
      networkCancelled: true,
      spellcheck: false,
    })
  })

  it('registers every contract channel and answers with Results', () => {
    expect(result.channels).toEqual(Object.values(INVOKE_CHANNELS).sort())
    expect(result.listChecks.ok).toBe(true)
    expect(result.untrusted).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } })
    expect(result.badRequest).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(result.settings).toEqual({ ok: true, value: { locale: null, timeoutMs: 1500, effectiveLocale: 'es' } })
  })

  it('runs the real checks on this machine, pushes progress to the window and keeps the store in userData', () => {
    expect(result.scan).toMatchObject({ ok: true, value: { schemaVersion: 1 } })
    const results = result.scan.value?.results ?? []
    expect(results.length).toBeGreaterThan(0)
    // Messages, not Spanish text: the window renders them in whatever language is chosen.
    for (const r of results) expect(r.title).toMatchObject({ key: expect.stringMatching(/\.title$/), en: expect.any(String) })
    expect(results.map((r) => r.id)).toEqual(result.listChecks.value?.map((c) => c.id))
    expect(result.progress[0]).toEqual(['scan:progress', 'scan-started'])
    expect(result.progress.at(-1)).toEqual(['scan:progress', 'scan-finished'])
    expect(result.progress.filter(([, type]) => type === 'check-finished')).toHaveLength(results.length)
    expect(result.storeFiles).toContain('store.json')
    expect(result.electronStoreListenerLeft).toBe(false)
  })

  it('exports the last scan through a save dialog and hides the window on Quick Exit', () => {
    expect(result.exported).toEqual({ ok: true, value: { saved: false } })
    expect(result.saveDialogs).toEqual([
      expect.objectContaining({ defaultPath: expect.stringMatching(/^bulwark-report-\d{4}-\d{2}-\d{2}\.html$/) }),
    ])
    expect(result.shownBeforeQuickExit).toBe(true)
    expect(result.quickExit).toEqual({ ok: true, value: null })
    expect(result.hiddenAfterQuickExit).toBe(true)
  })
})
