import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CLI_STORE_NAME, defaultStoreDir, openConfStore } from '../../../src-main/node/store/conf-store.js'
import { APP_STORE_NAME } from '../../../src-main/node/store/conf-backend.js'
import { openElectronStore } from '../../../src-main/node/store/electron-store.js'
import type { StorePort } from '../../../src-main/node/store/port.js'
import { MAX_REPORTS, STORE_VERSION } from '../../../src-main/node/store/schema.js'
import type { OpenOptions } from '../../../src-main/node/store/store.js'
import { rawReport } from './support/raw-report.js'

const electron = vi.hoisted(() => {
  const listeners = new Map<string, unknown>()
  const fake = {
    app: { getPath: () => '/nonexistent-userdata', getVersion: () => '0.1.0' },
    ipcMain: {
      on: (channel: string, listener: unknown) => void listeners.set(channel, listener),
      removeAllListeners: (channel: string) => void listeners.delete(channel),
    },
    shell: {},
    listeners,
  }
  return fake
})
vi.mock('electron', () => ({ default: electron, ...electron }))

const NOW = new Date('2026-03-04T05:06:07.089Z')
const STAMP = '2026-03-04T05-06-07-089Z'

const adapters: [string, string, (dir: string, options: OpenOptions) => StorePort][] = [
  ['conf (CLI)', CLI_STORE_NAME, (dir, options) => openConfStore({ ...options, cwd: dir })],
  ['electron-store (app)', APP_STORE_NAME, (dir, options) => openElectronStore(dir, options)],
]

describe.each(adapters)('%s store', (_name, fileName, open) => {
  let dir: string
  let file: string
  let logged: string[]
  const openHere = (): StorePort => open(dir, { now: () => NOW, log: (line) => void logged.push(line) })
  const onDisk = (): Record<string, unknown> => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
  const asideFiles = (): string[] =>
    fs
      .readdirSync(dir)
      .filter((f) => f !== `${fileName}.json`)
      .sort()

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark store ü-'))
    file = path.join(dir, `${fileName}.json`)
    logged = []
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('starts empty with default settings and writes nothing until something changes', () => {
    const store = openHere()
    expect(store.settings()).toEqual({ locale: null, timeoutMs: 5000 })
    expect(store.reports()).toEqual([])
    expect(store.notices()).toEqual([])
    expect(store.path).toBe(file)
    expect(fs.existsSync(file)).toBe(false)
  })

  it('persists settings and reports, readable by the next start, in an owner-only file', () => {
    const store = openHere()
    expect(store.updateSettings({ locale: 'zh-CN' })).toEqual({ locale: 'zh-CN', timeoutMs: 5000 })
    store.addReport(rawReport(1))
    store.addReport(rawReport(2))
    expect(onDisk()).toMatchObject({ schemaVersion: STORE_VERSION, settings: { locale: 'zh-CN', timeoutMs: 5000 } })
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    const again = openHere()
    expect(again.settings()).toEqual({ locale: 'zh-CN', timeoutMs: 5000 })
    expect(again.reports()).toEqual([rawReport(2), rawReport(1)])
    expect(asideFiles()).toEqual([])
  })

  it('keeps the last 50 reports, newest first', () => {
    const store = openHere()
    for (let i = 1; i <= MAX_REPORTS + 5; i++) store.addReport(rawReport(i))
    expect(store.reports()).toHaveLength(MAX_REPORTS)
    expect(store.reports()[0]).toEqual(rawReport(MAX_REPORTS + 5))
    expect(store.reports().at(-1)).toEqual(rawReport(6))
    expect(openHere().reports()).toHaveLength(MAX_REPORTS)
    store.clearReports()
    expect(openHere().reports()).toEqual([])
  })

  it.each([
    ['truncated JSON', '{"schemaVersion":1,"settings":{"locale":"fa"'],
    ['an empty file', ''],
    ['binary garbage', Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x00])],
    ['a byte-order mark', '\uFEFF{"schemaVersion":1}'],
  ])('moves a file with %s aside, says so, and starts from defaults', (_name, content) => {
    fs.writeFileSync(file, content)
    const store = openHere()
    const moved = path.join(dir, `${fileName}.corrupt-${STAMP}.json`)
    expect(asideFiles()).toEqual([path.basename(moved)])
    expect(fs.readFileSync(moved)).toEqual(Buffer.from(content))
    expect(store.settings()).toEqual({ locale: null, timeoutMs: 5000 })
    expect(store.notices()).toEqual([
      expect.objectContaining({ kind: 'corrupt', movedTo: moved, at: NOW.toISOString(), params: { reason: expect.any(String) } }),
    ])
    expect(logged.join('\n')).toContain('corrupt')
    // The notice survives a restart until the person dismisses it, and the store works normally.
    store.addReport(rawReport(1))
    const again = openHere()
    expect(again.notices()).toHaveLength(1)
    expect(again.reports()).toEqual([rawReport(1)])
    again.dismissNotice(again.notices()[0]?.id ?? '')
    expect(openHere().notices()).toEqual([])
  })

  it('never overwrites an earlier moved-aside file', () => {
    fs.writeFileSync(file, '{')
    openHere()
    fs.writeFileSync(file, '[')
    const store = openHere()
    expect(asideFiles()).toEqual([`${fileName}.corrupt-${STAMP}-2.json`, `${fileName}.corrupt-${STAMP}.json`])
    expect(store.notices().map((n) => n.kind)).toEqual(['corrupt'])
  })

  it('moves a file from a newer Bulwark aside instead of overwriting it', () => {
    const newer = JSON.stringify({ schemaVersion: STORE_VERSION + 1, settings: { locale: 'fa' }, profile: { answers: {} } })
    fs.writeFileSync(file, newer)
    const store = openHere()
    const moved = path.join(dir, `${fileName}.newer-version-${STAMP}.json`)
    expect(fs.readFileSync(moved, 'utf8')).toBe(newer)
    expect(store.notices()).toEqual([
      expect.objectContaining({ kind: 'newer-version', movedTo: moved, params: { found: STORE_VERSION + 1, supported: STORE_VERSION } }),
    ])
  })

  it('keeps what it can of a partly damaged file and keeps the original aside', () => {
    const original = JSON.stringify({
      schemaVersion: 1,
      settings: { locale: 'es', timeoutMs: -3 },
      reports: [rawReport(1), { broken: true }],
    })
    fs.writeFileSync(file, original)
    const store = openHere()
    expect(store.settings()).toEqual({ locale: 'es', timeoutMs: 5000 })
    expect(store.reports()).toEqual([rawReport(1)])
    const moved = path.join(dir, `${fileName}.invalid-${STAMP}.json`)
    expect(fs.readFileSync(moved, 'utf8')).toBe(original)
    expect(store.notices()).toEqual([
      expect.objectContaining({ kind: 'invalid-entries', movedTo: moved, params: { reason: 'settings.timeoutMs, reports[1]' } }),
    ])
  })

  it('migrates a version 1 file to version 2 on disk, keeping settings and reports', () => {
    fs.writeFileSync(
      file,
      JSON.stringify({ schemaVersion: 1, settings: { locale: 'es', timeoutMs: 800 }, reports: [rawReport(1)], notices: [] }),
    )
    const store = openHere()
    expect(store.settings()).toEqual({ locale: 'es', timeoutMs: 800 })
    expect(store.reports()).toEqual([rawReport(1)])
    expect(store.guidance()).toEqual({ profile: null, answers: {}, checklist: {}, acceptedRisks: [] })
    expect(store.notices()).toEqual([])
    expect(onDisk()).toMatchObject({ schemaVersion: 2, guidance: { profile: null, answers: {}, checklist: {}, acceptedRisks: [] } })
    expect(asideFiles()).toEqual([])
  })

  it('persists guidance for the next start', () => {
    const guidance = {
      profile: 'everyday' as const,
      answers: { shared: 'yes' as const },
      checklist: { 'dns.firefox#1': NOW.toISOString() },
      acceptedRisks: [{ id: 'tor.service', reason: 'Not for me.', acceptedAt: NOW.toISOString(), reviewAt: '2027-01-01T00:00:00.000Z' }],
    }
    openHere().setGuidance(guidance)
    expect(openHere().guidance()).toEqual(guidance)
  })

  it('salvages a damaged guidance section with a notice, keeping its valid parts and the original aside', () => {
    const original = JSON.stringify({
      schemaVersion: 2,
      settings: { locale: 'fa' },
      reports: [rawReport(1)],
      guidance: { profile: 'doomsday', answers: { targeted: 'yes' }, checklist: { 'dns.firefox#1': 42 }, acceptedRisks: 'all of them' },
    })
    fs.writeFileSync(file, original)
    const store = openHere()
    expect(store.guidance()).toEqual({ profile: null, answers: { targeted: 'yes' }, checklist: {}, acceptedRisks: [] })
    expect(store.settings().locale).toBe('fa')
    expect(store.reports()).toEqual([rawReport(1)])
    const moved = path.join(dir, `${fileName}.invalid-${STAMP}.json`)
    expect(fs.readFileSync(moved, 'utf8')).toBe(original)
    expect(store.notices()).toEqual([
      expect.objectContaining({
        kind: 'invalid-entries',
        movedTo: moved,
        params: { reason: 'guidance.profile, guidance.checklist[0], guidance.acceptedRisks' },
      }),
    ])
  })

  it('forgets everything: defaults on disk, and the damaged files it set aside deleted', () => {
    fs.writeFileSync(file, '{ damaged')
    const store = openHere()
    store.updateSettings({ locale: 'zh-CN', timeoutMs: 700 })
    store.addReport(rawReport(1))
    store.setGuidance({ profile: 'high-risk', answers: { borders: 'yes' }, checklist: { 'panic.a': NOW.toISOString() }, acceptedRisks: [] })
    const unrelated = path.join(dir, 'notes.corrupt-2026-03-04T05-06-07-089Z.json')
    fs.writeFileSync(unrelated, 'not ours')
    expect(asideFiles()).toHaveLength(2)
    store.reset()
    for (const s of [store, openHere()]) {
      expect(s.settings()).toEqual({ locale: null, timeoutMs: 5000 })
      expect(s.reports()).toEqual([])
      expect(s.notices()).toEqual([])
      expect(s.guidance()).toEqual({ profile: null, answers: {}, checklist: {}, acceptedRisks: [] })
    }
    expect(asideFiles()).toEqual([path.basename(unrelated)])
    expect(onDisk()).toEqual({
      schemaVersion: STORE_VERSION,
      settings: { locale: null, timeoutMs: 5000 },
      reports: [],
      notices: [],
      guidance: { profile: null, answers: {}, checklist: {}, acceptedRisks: [] },
    })
  })

  it('runs in memory, with a notice, when its folder cannot be written', () => {
    const blocker = path.join(dir, 'not-a-folder')
    fs.writeFileSync(blocker, 'x')
    const store = open(path.join(blocker, 'sub'), { now: () => NOW })
    store.updateSettings({ timeoutMs: 900 })
    store.addReport(rawReport(1))
    expect(store.settings().timeoutMs).toBe(900)
    expect(store.reports()).toHaveLength(1)
    expect(store.path).toBeNull()
    expect(store.notices()).toEqual([expect.objectContaining({ kind: 'unwritable', movedTo: null })])
    expect(store.notices()[0]?.params.reason).toMatch(/ENOTDIR/)
  })
})

describe('electron-store adapter', () => {
  it('removes electron-store’s sync IPC listener, which would tell any renderer the userData path', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-es-'))
    try {
      openElectronStore(dir).updateSettings({ locale: 'en' })
      expect(electron.listeners.has('electron-store-get-data')).toBe(false)
      expect(fs.existsSync(path.join(dir, `${APP_STORE_NAME}.json`))).toBe(true)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('defaultStoreDir', () => {
  it.each([
    ['linux', { XDG_CONFIG_HOME: '/x/cfg' }, '/home/a', '/x/cfg/bulwark'],
    ['linux', {}, '/home/a', '/home/a/.config/bulwark'],
    ['darwin', {}, '/Users/a', '/Users/a/Library/Application Support/bulwark'],
    ['win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a', 'C:\\Users\\a\\AppData\\Roaming\\bulwark'],
    ['win32', {}, 'C:\\Users\\a', 'C:\\Users\\a\\AppData\\Roaming\\bulwark'],
  ] as const)('on %s with %o → %s (Electron’s userData for the app)', (platform, env, home, expected) => {
    expect(defaultStoreDir(platform, env, home)).toBe(expected)
  })
})
