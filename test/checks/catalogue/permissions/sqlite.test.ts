import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSqliteCopy, type SqliteCopy } from '../../../../checks/catalogue/permissions/sqlite.io.js'
import { sqlJsEngine } from '../../../../src-main/node/adapters/sqlite.js'
import { applyWal } from '../../../../checks/catalogue/permissions/sqlite-wal.parse.js'
import { createFixtureHost, type FixtureFile } from '../../../support/fixture-host.js'
import { buildDb, FIXTURES } from './tcc-fixture.js'
import { keyed, seen } from '../../../support/seen.js'

const walDir = path.join(FIXTURES, 'permissions.apps/darwin/wal-root/Library/Application Support/com.apple.TCC')
const mainBytes = new Uint8Array(readFileSync(path.join(walDir, 'TCC.db')))
const walBytes = new Uint8Array(readFileSync(path.join(walDir, 'TCC.db-wal')))
const FRAME = 24 + 4096

async function clients(bytes: Uint8Array): Promise<Record<string, number>> {
  const db = await sqlJsEngine.open(bytes)
  try {
    return Object.fromEntries(db.all('SELECT client, auth_value FROM access').map((r) => [String(r.client), Number(r.auth_value)]))
  } finally {
    db.close()
  }
}

describe('applyWal (WAL written by the sqlite3 CLI)', () => {
  it('the main file alone still shows the revoked grant and misses the new one', async () => {
    expect(await clients(mainBytes)).toEqual({ 'com.example.recorder': 2, 'com.example.oldapp': 2 })
  })

  it('folds committed frames in: the revoke and the new grant appear', async () => {
    const merged = applyWal(mainBytes, walBytes)
    expect(merged.ok && merged.value.framesApplied).toBe(3)
    if (!merged.ok) throw new Error(keyed(merged.reason))
    expect(await clients(merged.value.bytes)).toEqual({ 'com.example.recorder': 0, 'com.example.oldapp': 2, 'com.example.keys': 2 })
  })

  it('drops a torn last frame (cut mid-page) and keeps earlier commits', async () => {
    const torn = walBytes.subarray(0, 32 + 2 * FRAME + 100)
    const merged = applyWal(mainBytes, torn)
    if (!merged.ok) throw new Error(keyed(merged.reason))
    expect(merged.value.framesApplied).toBeLessThan(3)
    expect((await clients(merged.value.bytes))['com.example.recorder']).toBe(0)
  })

  it('stops at a frame whose checksum does not match', () => {
    const bad = walBytes.slice()
    const at = 32 + 24 + 10 // a byte inside the first page
    bad[at] = bad[at]! ^ 0xff
    const merged = applyWal(mainBytes, bad)
    expect(merged.ok && merged.value.framesApplied).toBe(0)
    expect(merged.ok && merged.value.bytes).toBe(mainBytes)
  })

  it.each([
    ['empty', new Uint8Array()],
    ['foreign magic', new TextEncoder().encode('not a wal file at all, just some text here')],
  ])('ignores a WAL with a %s header, as SQLite does', (_, wal) => {
    const merged = applyWal(mainBytes, wal)
    expect(merged.ok && merged.value.framesApplied).toBe(0)
    expect(merged.ok && merged.value.bytes).toBe(mainBytes)
  })

  it('refuses, without throwing, a checksum-valid WAL that claims a database far larger than the files', () => {
    // Re-sign every frame after raising the last commit's "database size after commit" to 2^32 - 16 pages.
    const forged = walBytes.slice()
    const view = new DataView(forged.buffer, forged.byteOffset, forged.byteLength)
    const bigEndian = (view.getUint32(0) & 1) === 1
    let s0 = view.getUint32(24)
    let s1 = view.getUint32(28)
    const sum = (from: number, to: number): void => {
      for (let i = from; i < to; i += 8) {
        s0 = (s0 + view.getUint32(i, !bigEndian) + s1) >>> 0
        s1 = (s1 + view.getUint32(i + 4, !bigEndian) + s0) >>> 0
      }
    }
    view.setUint32(32 + 2 * FRAME + 4, 0xfffffff0)
    for (let at = 32; at + FRAME <= forged.length; at += FRAME) {
      sum(at, at + 8)
      sum(at + 24, at + FRAME)
      view.setUint32(at + 16, s0)
      view.setUint32(at + 20, s1)
    }
    const merged = applyWal(mainBytes, forged)
    expect(merged.ok).toBe(false)
    expect(!merged.ok && seen(merged.reason)).toMatch(/4294967280 pages/)
  })

  it('refuses a WAL whose page size differs from the database', () => {
    const other = mainBytes.slice()
    other[16] = 0x02 // 512-byte pages
    other[17] = 0x00
    const merged = applyWal(other, walBytes)
    expect(merged.ok).toBe(false)
    expect(!merged.ok && seen(merged.reason)).toMatch(/page size \(4096\).*\(512\)/)
  })
})

describe('openSqliteCopy', () => {
  const file = '/data/x.db'
  async function open(files: Record<string, FixtureFile>): Promise<SqliteCopy> {
    return openSqliteCopy(createFixtureHost({ platform: 'linux', files }), file, sqlJsEngine)
  }

  it('opens a good database and merges its -wal', async () => {
    const copy = await open({ [file]: mainBytes, [`${file}-wal`]: walBytes })
    expect(copy.status).toBe('ok')
    if (copy.status !== 'ok') return
    expect(copy.walFrames).toBe(3)
    expect(copy.db.all('SELECT count(*) AS n FROM access')[0]).toEqual({ n: 3 })
    copy.db.close()
  })

  it.each<[string, FixtureFile, RegExp]>([
    ['an empty file', '', /empty/],
    ['a text file', 'hello, I am not a database\n', /not a SQLite database/],
    ['binary garbage', new Uint8Array(4096).map((_, i) => (i * 7919) % 251), /not a SQLite database/],
    ['a BOM then text', '\uFEFFSQLite format 2', /not a SQLite database/],
    ['only the magic', 'SQLite format 3\0', /truncated/],
  ])('reports %s as corrupt with a reason', async (_, content, reason) => {
    const copy = await open({ [file]: content })
    expect(copy.status).toBe('corrupt')
    expect(copy.status === 'corrupt' && seen(copy.reason)).toMatch(reason)
  })

  it('reports a database cut short as corrupt, not as empty', async () => {
    const full = await buildDb(
      'CREATE TABLE t(x TEXT);',
      ...Array.from({ length: 400 }, (_, i) => `INSERT INTO t VALUES ('${'row'.repeat(20)}${i}');`),
    )
    const copy = await open({ [file]: full.subarray(0, 1024 + 512) })
    expect(copy.status).toBe('corrupt')
    expect(copy.status === 'corrupt' && seen(copy.reason)).toMatch(/SQLite reports that the database is damaged/)
  })

  it.each([
    ['permission_denied', 'unreadable'],
    ['too_large', 'unreadable'],
    ['loop', 'unreadable'],
    ['not_found', 'absent'],
  ] as const)('maps a %s read to %s', async (error, status) => {
    const copy = await open({ [file]: { error } })
    expect(copy.status).toBe(status)
    if (copy.status === 'unreadable') expect(copy.error.code).toBe(error)
  })

  it('will not report a stale copy when the -wal exists but cannot be read', async () => {
    const copy = await open({ [file]: mainBytes, [`${file}-wal`]: { error: 'permission_denied' } })
    expect(copy.status).toBe('unreadable')
  })
})
