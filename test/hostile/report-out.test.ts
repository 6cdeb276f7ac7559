// Promise: a report is written only to the file named, privately (0600), and never through what another
// user planted at that name: a symlink, a hard link, a FIFO, a device or a folder (issue 10, item 3).
import { spawnSync } from 'node:child_process'
import {
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { render } from '../../checks/core/i18n/locale.js'
import { EXIT_OK, EXIT_USAGE, runCli } from '../../src-main/cli/run-cli.js'
import { t } from '../../src-main/cli/messages.js'
import { UnsafeDestinationError, writePrivateFile, type UnsafeKind } from '../../src-main/node/safe-write.js'
import { createExportService } from '../../src-main/electron/export-service.js'
import { openConfStore } from '../../src-main/node/store/conf-store.js'
import { createFixtureHost } from '../support/fixture-host.js'
import type { RawReport } from '../../checks/core/report/model.js'

const VICTIM = 'the victim file: must never change\n'
let dir: string
let victim: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-report-out-'))
  victim = join(dir, 'victim.txt')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A fresh folder per case, so leftovers (a temporary file, a created target) are attributable. */
function caseDir(name: string): string {
  const d = join(dir, name)
  mkdirSync(d)
  writeFileSync(victim, VICTIM, { mode: 0o644 })
  return d
}

interface CliRun {
  code: number
  stderr: string
  ms: number
}

/** The real CLI in-process, with its default writer, on a machine with no checks (the report is empty but real). */
async function report(out: string): Promise<CliRun> {
  let stderr = ''
  const started = Date.now()
  const code = await runCli(
    ['report', '--format', 'md', '--no-history', '--out', out],
    { stdout: () => undefined, stderr: (s) => void (stderr += s), isTTY: false, env: {} },
    {
      checks: [],
      createHost: () => createFixtureHost({ platform: 'linux' }),
      version: '0.0.0',
      redactionContext: () => ({ usernames: [], hostnames: [], homes: [] }),
    },
  )
  return { code, stderr, ms: Date.now() - started }
}

const refusal = (path: string, what: Parameters<typeof t>[0]): string => render(t('refusedDestination', { path, what: t(what) }), 'en')

// Each hostile destination: how it is planted, and the kind the writer must refuse it as.
const REFUSED: readonly [string, UnsafeKind, Parameters<typeof t>[0], (path: string) => void][] = [
  ['a symlink to another file', 'symlink', 'isSymlink', (p) => symlinkSync(victim, p)],
  ['a dangling symlink', 'symlink', 'isSymlink', (p) => symlinkSync(join(dir, 'would-be-created'), p)],
  ['a symlink to a folder', 'symlink', 'isSymlink', (p) => symlinkSync(dir, p)],
  ['a folder', 'directory', 'isDirectory', (p) => mkdirSync(p)],
  [
    'a FIFO (opening it would block forever)',
    'fifo',
    'isFifo',
    (p) => {
      const r = spawnSync('mkfifo', [p])
      if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr.toString()}`)
    },
  ],
]

describe.each(REFUSED)('report --out onto %s', (name, kind, what, plant) => {
  it('is refused with exit 2 and a plain message naming the path; nothing is written anywhere', async () => {
    const d = caseDir(`refused-${kind}-${name.length}`)
    const out = join(d, 'report.md')
    plant(out)
    const before = lstatSync(out)
    const r = await report(out)
    expect(r.code).toBe(EXIT_USAGE)
    expect(r.stderr).toBe(`bulwark: ${refusal(out, what)}\n`)
    expect(r.ms).toBeLessThan(5000)
    // The destination is left as it was, the victim untouched, no file created at a link's target, no temporary file left.
    expect(lstatSync(out).ino).toBe(before.ino)
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM)
    expect(readdirSync(dir)).not.toContain('would-be-created')
    expect(readdirSync(d)).toEqual(['report.md'])
  })
})

describe('the private writer shared by the CLI and the app', () => {
  it.each(REFUSED)('refuses %s as a %s', async (_name, kind, _what, plant) => {
    const out = join(caseDir(`writer-${kind}-${_name.length}`), 'r')
    plant(out)
    await expect(writePrivateFile(out, 'x')).rejects.toEqual(new UnsafeDestinationError(out, kind))
  })

  it('refuses a device (/dev/null) without opening it', async () => {
    await expect(writePrivateFile('/dev/null', 'x')).rejects.toMatchObject({ kind: 'device', path: '/dev/null' })
  })

  // `--out /dev/null` is how a script throws a report away: honoured by writing nothing (never a rename over the device).
  it('takes report --out /dev/null as "discard": exit 0, nothing said, /dev/null still the device', async () => {
    const before = lstatSync('/dev/null')
    const r = await report('/dev/null')
    expect(r.code).toBe(EXIT_OK)
    expect(r.stderr).toBe('')
    const after = lstatSync('/dev/null')
    expect(after.isCharacterDevice()).toBe(true)
    expect(after.ino).toBe(before.ino)
  })

  it('refuses any other device (/dev/zero) before the scan, with exit 2', async () => {
    const r = await report('/dev/zero')
    expect(r.code).toBe(EXIT_USAGE)
    expect(r.stderr).toBe(`bulwark: ${refusal('/dev/zero', 'isDevice')}\n`)
  })

  it('replaces a hard link instead of writing through it: the other name keeps its content', async () => {
    const d = caseDir('hardlink')
    const out = join(d, 'report.md')
    linkSync(victim, out)
    expect(statSync(victim).nlink).toBe(2)
    const r = await report(out)
    expect(r.code).toBe(EXIT_OK)
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM)
    expect(statSync(victim).nlink).toBe(1)
    expect(readFileSync(out, 'utf8')).toMatch(/^# /)
    expect(statSync(out).mode & 0o777).toBe(0o600)
  })

  it('makes an existing world-writable (0666) file private (0600)', async () => {
    const d = caseDir('loose-mode')
    const out = join(d, 'report.md')
    writeFileSync(out, 'old report')
    chmodSync(out, 0o666)
    const r = await report(out)
    expect(r.code).toBe(EXIT_OK)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    expect(readFileSync(out, 'utf8')).not.toBe('old report')
    expect(readdirSync(d)).toEqual(['report.md'])
  })

  it('creates a new file 0600 whatever the umask, and leaves no temporary file', async () => {
    const d = caseDir('new')
    const out = join(d, 'report.md')
    const previous = process.umask(0)
    try {
      expect((await report(out)).code).toBe(EXIT_OK)
    } finally {
      process.umask(previous)
    }
    expect(statSync(out).mode & 0o777).toBe(0o600)
    expect(readdirSync(d)).toEqual(['report.md'])
  })

  it('the app export refuses a planted symlink too, and leaves its target untouched', async () => {
    const d = caseDir('export')
    const out = join(d, 'report.md')
    symlinkSync(victim, out)
    const store = openConfStore({ cwd: join(d, 'store'), log: () => undefined })
    const raw: RawReport = {
      schemaVersion: 1,
      tool: { name: 'bulwark', version: '0.0.0' },
      host: { platform: 'linux', release: '6.1', arch: 'x64' },
      startedAt: '2026-12-01T00:00:00.000Z',
      durationMs: 1,
      results: [],
    }
    store.addReport(raw)
    const exporter = createExportService({
      store,
      locale: () => 'en',
      showSaveDialog: () => Promise.resolve({ canceled: false, filePath: out }),
      printToPdf: () => Promise.resolve(new Uint8Array()),
      redactionContext: () => ({ usernames: [], hostnames: [], homes: [] }),
    })
    expect(await exporter.exportReport({ format: 'md', redact: false })).toMatchObject({ ok: false, error: { code: 'write_failed' } })
    expect(readFileSync(victim, 'utf8')).toBe(VICTIM)
    expect(lstatSync(out).isSymbolicLink()).toBe(true)
  })
})
