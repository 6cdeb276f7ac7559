/**
 * Folds a SQLite write-ahead log into a copy of its database image. Pure: no I/O.
 *
 * sql.js opens a database from bytes and cannot be handed the `-wal` file beside it, yet TCC.db and
 * permissions.sqlite keep recent changes in the WAL until a checkpoint. Reading the main file alone
 * would report grants the user already revoked (or miss new ones). Format:
 * https://www.sqlite.org/fileformat2.html#walformat — a 32-byte header, then frames of a 24-byte
 * header plus one page. Only frames up to the last valid commit count, as in SQLite's own recovery.
 */
import { failed, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { storeText as t } from './stores.messages.js'

/** The database image with the log folded in, and how many committed frames it took. */
export type WalResult = Result<{ bytes: Uint8Array; framesApplied: number }, Msg>

const WAL_HEADER = 32
const FRAME_HEADER = 24

function u32be(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0
}

function u32le(b: Uint8Array, at: number): number {
  return ((b[at + 3]! << 24) | (b[at + 2]! << 16) | (b[at + 1]! << 8) | b[at]!) >>> 0
}

/** SQLite's WAL checksum: two running sums over 32-bit words, seeded by the previous frame. */
function checksum(b: Uint8Array, start: number, end: number, bigEndian: boolean, seed: [number, number]): [number, number] {
  const word = bigEndian ? u32be : u32le
  let [s0, s1] = seed
  for (let i = start; i < end; i += 8) {
    s0 = (s0 + word(b, i) + s1) >>> 0
    s1 = (s1 + word(b, i + 4) + s0) >>> 0
  }
  return [s0, s1]
}

/** Page size from the database header (offset 16, big-endian; 1 means 65536). */
export function databasePageSize(db: Uint8Array): number {
  const raw = ((db[16] ?? 0) << 8) | (db[17] ?? 0)
  return raw === 1 ? 65536 : raw
}

/** SQLite ignores the log (or it holds no commit): the database as it is. */
const unchanged = (db: Uint8Array): WalResult => ok({ bytes: db, framesApplied: 0 })

export function applyWal(db: Uint8Array, wal: Uint8Array): WalResult {
  // A missing, short or foreign header makes SQLite ignore the log; so do we.
  if (wal.length < WAL_HEADER) return unchanged(db)
  const magic = u32be(wal, 0)
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return unchanged(db)
  const bigEndian = (magic & 1) === 1
  const pageSize = u32be(wal, 8)
  const header = checksum(wal, 0, 24, bigEndian, [0, 0])
  if (header[0] !== u32be(wal, 24) || header[1] !== u32be(wal, 28)) return unchanged(db)
  if (pageSize !== databasePageSize(db)) {
    return failed(t('walPageSize', { wal: pageSize, db: databasePageSize(db) }))
  }
  const salt1 = u32be(wal, 16)
  const salt2 = u32be(wal, 20)

  const committed = new Map<number, number>() // page number → offset of its page data in the WAL
  const pending = new Map<number, number>()
  let committedPages = 0
  let framesApplied = 0
  let seed = header
  for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
    if (u32be(wal, at + 8) !== salt1 || u32be(wal, at + 12) !== salt2) break
    seed = checksum(wal, at, at + 8, bigEndian, seed)
    seed = checksum(wal, at + FRAME_HEADER, at + FRAME_HEADER + pageSize, bigEndian, seed)
    if (seed[0] !== u32be(wal, at + 16) || seed[1] !== u32be(wal, at + 20)) break
    const page = u32be(wal, at)
    if (page === 0) break
    pending.set(page, at + FRAME_HEADER)
    const commitSize = u32be(wal, at + 4)
    if (commitSize !== 0) {
      for (const [p, offset] of pending) committed.set(p, offset)
      framesApplied += pending.size
      pending.clear()
      committedPages = commitSize
    }
  }
  if (committed.size === 0) return unchanged(db)
  // Every page of the committed image comes from the database file or a WAL frame, so a larger
  // claimed size is a damaged log (and allocating it could exhaust memory or throw).
  if (committedPages * pageSize > db.length + wal.length) {
    return failed(t('walTooBig', { pages: committedPages }))
  }

  const out = new Uint8Array(committedPages * pageSize)
  out.set(db.subarray(0, Math.min(db.length, out.length)))
  for (const [page, offset] of committed) {
    if (page <= committedPages) out.set(wal.subarray(offset, offset + pageSize), (page - 1) * pageSize)
  }
  // The image now holds everything the log had: mark it rollback-journal so nothing looks for a -wal.
  out[18] = 1
  out[19] = 1
  return ok({ bytes: out, framesApplied })
}
