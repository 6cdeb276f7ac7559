import { spawn, spawnSync } from 'node:child_process'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { CHECKS } from '../../checks/registry.js'
import type { RawReport } from '../../checks/core/report/model.js'
import { openConfStore } from '../../src-main/node/store/conf-store.js'
import { MAX_STORE_BYTES, STORE_BUDGET_BYTES } from '../../src-main/node/store/store.js'
import { rawReport } from '../node/store/support/raw-report.js'
import { BUILT_CLI } from '../support/built-cli.js'

const CLI = BUILT_CLI
const FAST = CHECKS[0]?.id ?? ''
let home: string
const storeDir = () => join(home, 'config', 'bulwark')
const storeFile = () => join(storeDir(), 'cli-store.json')
const saved = (): RawReport[] => (JSON.parse(readFileSync(storeFile(), 'utf8')) as { reports: RawReport[] }).reports

/** One real `bulwark scan`, with the store under the temp home (defaultStoreDir reads XDG_CONFIG_HOME). */
function scan(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'scan', '--only', FAST, '--json', '--save'], {
      env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: join(home, 'config'), LANG: 'C.UTF-8' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30000)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bulwark-hostile-store-'))
  return () => rmSync(home, { recursive: true, force: true })
})

describe('promise: no scan is lost from the history, however many run at once', () => {
  it('ten concurrent CLI scans all land in the history', async () => {
    const runs = await Promise.all(Array.from({ length: 10 }, () => scan()))
    for (const run of runs) expect(run.stderr).toBe('')
    const started = runs.map((r) => (JSON.parse(r.stdout) as { startedAt: string }).startedAt).sort()
    expect(
      saved()
        .map((r) => r.startedAt)
        .sort(),
    ).toEqual(started)
    // The lock and the temporary files are gone: only the store is left.
    expect(readdirSync(storeDir())).toEqual(['cli-store.json'])
  }, 60000)

  it.each([
    ['a dead process', () => `999999999 ${Date.now()}\n`],
    ['a live process, but written long ago', () => `${process.pid} ${Date.now() - 10 * 60_000}\n`],
  ])(
    'a stale lock left by %s is broken and the scan is saved',
    async (_what, content) => {
      mkdirSync(storeDir(), { recursive: true })
      writeFileSync(`${storeFile()}.lock`, content())
      const run = await scan()
      expect(run.stderr).toBe('')
      expect(saved()).toHaveLength(1)
      expect(existsSync(`${storeFile()}.lock`)).toBe(false)
    },
    30000,
  )
})

it('promise: a save that cannot take a live lock in time says so instead of dropping the report silently', () => {
  mkdirSync(storeDir(), { recursive: true })
  writeFileSync(`${storeFile()}.lock`, `${process.pid} ${Date.now()}\n`)
  const lines: string[] = []
  const store = openConfStore({ cwd: storeDir(), lockWaitMs: 200, log: (line) => lines.push(line) })
  store.addReport(rawReport(1))
  expect(store.notices()).toMatchObject([{ kind: 'busy', params: { path: storeFile() } }])
  expect(lines).toHaveLength(1)
  expect(existsSync(storeFile())).toBe(false)
  // The lock of a live copy is left alone.
  expect(existsSync(`${storeFile()}.lock`)).toBe(true)
})

describe('promise: the history store never writes through a link, and a FIFO cannot hang it', () => {
  it('a store file replaced by a symlink: the victim is untouched, the link is set aside, the scan is saved', async () => {
    mkdirSync(storeDir(), { recursive: true })
    const victim = join(home, 'victim.txt')
    writeFileSync(victim, 'precious', { mode: 0o644 })
    symlinkSync(victim, storeFile())
    const run = await scan()
    expect(readFileSync(victim, 'utf8')).toBe('precious')
    expect(statSync(victim).mode & 0o777).toBe(0o644)
    expect(lstatSync(storeFile()).isFile()).toBe(true)
    expect(saved()).toHaveLength(1)
    const notices = (JSON.parse(readFileSync(storeFile(), 'utf8')) as { notices: { kind: string; params: { reason: string } }[] }).notices
    expect(notices).toMatchObject([{ kind: 'corrupt', params: { reason: 'a symlink, not a regular file' } }])
    expect(run.stderr).toContain(storeFile().replace('.json', '.corrupt-'))
  }, 30000)

  it('a FIFO store: the scan ends promptly and the FIFO is set aside', async () => {
    mkdirSync(storeDir(), { recursive: true })
    expect(spawnSync('mkfifo', [storeFile()]).status).toBe(0)
    const started = Date.now()
    const run = await scan()
    expect(Date.now() - started).toBeLessThan(20000)
    expect(run.code).not.toBeNull()
    expect(lstatSync(storeFile()).isFile()).toBe(true)
    expect(saved()).toHaveLength(1)
  }, 30000)

  it('a symlink planted as the lock is never written through', async () => {
    mkdirSync(storeDir(), { recursive: true })
    const victim = join(home, 'victim.txt')
    writeFileSync(victim, 'precious')
    symlinkSync(victim, `${storeFile()}.lock`)
    await scan()
    expect(readFileSync(victim, 'utf8')).toBe('precious')
    expect(saved()).toHaveLength(1)
  }, 30000)
})

describe('promise: the store keeps within its own size limit', () => {
  it('a report with 100 MB of evidence is cut, the store stays under its limit and older history is kept', () => {
    const dir = storeDir()
    const open = () => openConfStore({ cwd: dir })
    for (let n = 0; n < 3; n++) open().addReport(rawReport(n))
    const huge = rawReport(10)
    const [result] = huge.results
    if (!result) throw new Error('fixture has a result')
    huge.results = [{ ...result, evidence: [{ label: { key: 'x', en: 'x' }, source: 'helper', observed: 'A'.repeat(100 * 1024 * 1024) }] }]
    for (let n = 0; n < 3; n++) open().addReport({ ...huge, startedAt: new Date(Date.UTC(2026, 0, 2, 0, 0, n)).toISOString() })
    expect(statSync(storeFile()).size).toBeLessThan(STORE_BUDGET_BYTES)
    expect(STORE_BUDGET_BYTES).toBeLessThan(MAX_STORE_BYTES)
    const store = open()
    expect(store.reports()).toHaveLength(6)
    expect(
      store
        .reports()
        .map((r) => r.startedAt)
        .slice(3),
    ).toEqual([2, 1, 0].map((n) => rawReport(n).startedAt))
    expect(store.notices().filter((n) => n.kind === 'trimmed')).toHaveLength(3)
    expect(store.notices().find((n) => n.kind === 'corrupt')).toBeUndefined()
  }, 60000)
})
