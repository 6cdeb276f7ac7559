// `bulwark scan --save-sqlite PATH` (issue 16, item 2): a results database osquery reads through ATC. It keeps the
// newest KEEP_SCANS scans, summaries in English and in the scan's language, is written beside the name and renamed
// over it (0600, never through a link), and is never written over a file that is not one of its own.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import initSqlJs, { type SqlJsStatic } from 'sql.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineCheck } from '../../checks/core/define-check.js'
import { render } from '../../checks/core/i18n/locale.js'
import { defineMessages } from '../../checks/core/i18n/message.js'
import type { RawReport } from '../../checks/core/report/model.js'
import { runCli } from '../../src-main/cli/run-cli.js'
import { t } from '../../src-main/cli/formats/messages.js'
import { addScan, KEEP_SCANS, NotAResultsDatabaseError, SCHEMA_VERSION } from '../../src-main/cli/formats/sqlite.js'
import { createFixtureHost } from '../support/fixture-host.js'

const m = defineMessages('test.save-sqlite', {
  title: 'Sample',
  rationale: 'Because.',
  observer: 'What an observer learns: little.',
  summary: 'Seen {n}.',
})

const check = defineCheck({
  id: 'test.sample',
  texts: m,
  category: 'test',
  severity: 'high',
  platforms: ['linux'],
  effort: 1,
  remediation: { byPlatform: {}, references: [] },
  run: async () => ({ status: 'warn', summary: m('summary', { n: 1 }), evidence: [{ label: m('title'), source: '/etc/x', observed: 3 }] }),
})

let SQL: SqlJsStatic
let dir: string
beforeAll(async () => {
  SQL = await initSqlJs()
  dir = mkdtempSync(join(tmpdir(), 'bulwark-save-sqlite-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function raw(startedAt: string, status: RawReport['results'][number]['status'] = 'pass'): RawReport {
  return {
    schemaVersion: 1,
    tool: { name: 'bulwark', version: '9.9.9' },
    host: { platform: 'linux', release: '6.1', arch: 'x64' },
    startedAt,
    durationMs: 12,
    results: [
      {
        id: 'test.sample',
        title: m('title'),
        category: 'test',
        severity: 'high',
        status,
        summary: m('summary', { n: 2 }),
        evidence: [{ label: m('title'), source: '/etc/x', observed: null }],
        durationMs: 1,
        rationale: m('rationale'),
        observer: m('observer'),
        effort: 1,
        remediation: { steps: [], references: [] },
      },
    ],
  }
}

const rows = (bytes: Uint8Array, sql: string): unknown[][] => {
  const db = new SQL.Database(bytes)
  try {
    return db.exec(sql)[0]?.values ?? []
  } finally {
    db.close()
  }
}

async function scan(argv: string[]): Promise<{ code: number; stderr: string }> {
  const r = { code: 0, stderr: '' }
  r.code = await runCli(
    argv,
    { stdout: () => undefined, stderr: (s) => void (r.stderr += s), isTTY: false, env: {} },
    {
      checks: [check],
      createHost: () => createFixtureHost({ platform: 'linux' }),
      version: '1.2.3',
      redactionContext: () => ({ usernames: [], hostnames: [], homes: [] }),
    },
  )
  return r
}

describe('the database', () => {
  it('keeps the newest scans only, each result with its scan time and version', () => {
    let bytes: Uint8Array | null = null
    for (let i = 0; i < KEEP_SCANS + 5; i++) bytes = addScan(SQL, bytes, raw(new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()), 'en', 'x')
    if (!bytes) throw new Error('no database')
    expect(rows(bytes, 'SELECT count(*), min(id), max(id) FROM scans')).toEqual([[KEEP_SCANS, 6, KEEP_SCANS + 5]])
    expect(rows(bytes, 'SELECT count(DISTINCT scan_id) FROM results')).toEqual([[KEEP_SCANS]])
    expect(rows(bytes, 'SELECT count(DISTINCT scan_id) FROM evidence')).toEqual([[KEEP_SCANS]])
    expect(rows(bytes, 'SELECT scan_id, id, scanned_at, version FROM latest_results')).toEqual([
      [KEEP_SCANS + 5, 'test.sample', Date.UTC(2026, 0, 1, 0, KEEP_SCANS + 4) / 1000, '9.9.9'],
    ])
    expect(rows(bytes, 'PRAGMA user_version')).toEqual([[SCHEMA_VERSION]])
  })

  it('keeps the summary in English and in the language of the scan', () => {
    const bytes = addScan(SQL, null, raw('2026-01-01T00:00:00.000Z'), 'es', 'x')
    expect(rows(bytes, 'SELECT summary, summary_localized FROM results')).toEqual([
      [render(m('summary', { n: 2 }), 'en'), render(m('summary', { n: 2 }), 'es')],
    ])
    expect(rows(bytes, 'SELECT locale FROM scans')).toEqual([['es']])
    expect(rows(bytes, 'SELECT label, source, observed FROM evidence')).toEqual([['Sample', '/etc/x', null]])
  })

  it.each([
    ['garbage', (): Uint8Array => new TextEncoder().encode('not a database at all')],
    [
      "another program's SQLite database",
      (): Uint8Array => {
        const db = new SQL.Database()
        db.run('CREATE TABLE moz_places (id INTEGER)')
        const bytes = db.export()
        db.close()
        return bytes
      },
    ],
  ])('refuses to add to %s', (_, make) => {
    expect(() => addScan(SQL, make(), raw('2026-01-01T00:00:00.000Z'), 'en', 'x')).toThrow(NotAResultsDatabaseError)
  })
})

describe('bulwark scan --save-sqlite', () => {
  it('writes a new private file, then adds to it, leaving no temporary file', async () => {
    const path = join(dir, 'new.sqlite')
    expect((await scan(['scan', '--save-sqlite', path])).code).toBe(0)
    expect((await scan(['scan', '--save-sqlite', path, '--lang', 'fa'])).code).toBe(0)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const bytes = new Uint8Array(readFileSync(path))
    expect(rows(bytes, 'SELECT count(*) FROM scans')).toEqual([[2]])
    expect(rows(bytes, 'SELECT status, version FROM latest_results')).toEqual([['warn', '1.2.3']])
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('leaves a file that is not its own as it is, and says so', async () => {
    const path = join(dir, 'notes.sqlite')
    writeFileSync(path, 'my notes')
    const r = await scan(['scan', '--save-sqlite', path])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(`bulwark: ${render(t('notResultsDatabase', { path }), 'en')}\n`)
    expect(readFileSync(path, 'utf8')).toBe('my notes')
  })

  it('never writes through a symbolic link, and refuses it before scanning', async () => {
    const target = join(dir, 'target')
    writeFileSync(target, 'x')
    const link = join(dir, 'link.sqlite')
    symlinkSync(target, link)
    const r = await scan(['scan', '--save-sqlite', link])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(link)
    expect(readFileSync(target, 'utf8')).toBe('x')
  })

  it('refuses a named pipe without blocking on it', async () => {
    const fifo = join(dir, 'fifo.sqlite')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const r = await scan(['scan', '--save-sqlite', fifo])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(fifo)
  })

  it('says a missing folder before scanning, and writes nothing for the null device', async () => {
    const r = await scan(['scan', '--save-sqlite', join(dir, 'nope', 'r.sqlite')])
    expect(r.code).toBe(2)
    expect(existsSync(join(dir, 'nope'))).toBe(false)
    expect((await scan(['scan', '--save-sqlite', '/dev/null'])).code).toBe(0)
  })
})
