import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import type { Database, SqlJsStatic, SqlValue } from 'sql.js'
import type { Locale } from '../../../checks/core/i18n/locale.js'
import { localizeReport, type RawReport, type ScanReport } from '../../../checks/core/report/model.js'
import { unsafeKind, UnsafeDestinationError } from '../../node/safe-write.js'

/**
 * The results database `--save-sqlite` writes, for osquery's Automatic Table Construction (deploy/osquery)
 * and the Fleet policies (deploy/fleet) to read. One file keeps the newest KEEP_SCANS scans, so a policy
 * can judge "fresh" by scanned_at and a person can see what changed; older scans are dropped on each write.
 * The schema is documented in deploy/osquery/README.md; user_version says which one a file has.
 */
export const SCHEMA_VERSION = 1
export const KEEP_SCANS = 30
/** What marks a file as ours: a database without it is never written over. */
export const FORMAT_MARK = 'bulwark-results'
/** A results database is a few hundred KB; a bigger file at the name is not one of ours. */
export const MAX_DATABASE_BYTES = 64 * 1024 * 1024

export const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE scans (
  id INTEGER PRIMARY KEY,
  scanned_at INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  duration_ms INTEGER NOT NULL,
  version TEXT NOT NULL,
  platform TEXT NOT NULL,
  release TEXT NOT NULL,
  arch TEXT NOT NULL,
  locale TEXT NOT NULL,
  profile TEXT
);
CREATE TABLE results (
  scan_id INTEGER NOT NULL REFERENCES scans(id),
  id TEXT NOT NULL,
  status TEXT NOT NULL,
  severity TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  summary_localized TEXT NOT NULL,
  scanned_at INTEGER NOT NULL,
  version TEXT NOT NULL,
  PRIMARY KEY (scan_id, id)
);
CREATE TABLE evidence (
  scan_id INTEGER NOT NULL REFERENCES scans(id),
  result_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  label TEXT NOT NULL,
  source TEXT NOT NULL,
  observed TEXT,
  expected TEXT,
  PRIMARY KEY (scan_id, result_id, position)
);
CREATE VIEW latest_results AS
  SELECT r.* FROM results r
  WHERE r.scan_id = (SELECT max(x.scan_id) FROM results x WHERE x.id = r.id);
`

/** The name at --save-sqlite holds something other than a Bulwark results database: it is left as it is. */
export class NotAResultsDatabaseError extends Error {
  constructor(readonly path: string) {
    super(`${path} is not a Bulwark results database`)
    this.name = 'NotAResultsDatabaseError'
  }
}

/** The file at `path`, read without following a link and capped, or null when there is none (or it is empty). */
function readExisting(path: string): Uint8Array | null {
  let fd: number
  try {
    // O_NONBLOCK: a FIFO planted at the name must not hang the scan; it is refused below.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return null
    if (code === 'ELOOP') throw new UnsafeDestinationError(path, 'symlink')
    throw e
  }
  try {
    const stats = fstatSync(fd)
    const kind = unsafeKind(stats)
    if (kind) throw new UnsafeDestinationError(path, kind)
    if (stats.size === 0) return null
    if (stats.size > MAX_DATABASE_BYTES) throw new NotAResultsDatabaseError(path)
    const bytes = new Uint8Array(stats.size)
    let read = 0
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read)
      if (n === 0) break
      read += n
    }
    return bytes.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

function isOurs(db: Database): boolean {
  try {
    const version = db.exec('PRAGMA user_version')[0]?.values[0]?.[0]
    const mark = db.exec("SELECT value FROM meta WHERE key = 'format'")[0]?.values[0]?.[0]
    return version === SCHEMA_VERSION && mark === FORMAT_MARK
  } catch {
    return false
  }
}

const text = (v: string | number | boolean | null): SqlValue => (v === null ? null : String(v))

function insertScan(db: Database, raw: RawReport, english: ScanReport, local: ScanReport): void {
  const scannedAt = Math.floor(Date.parse(raw.startedAt) / 1000)
  db.run(
    'INSERT INTO scans (scanned_at, started_at, duration_ms, version, platform, release, arch, locale, profile) VALUES (?,?,?,?,?,?,?,?,?)',
    [
      scannedAt,
      raw.startedAt,
      Math.round(raw.durationMs),
      raw.tool.version,
      raw.host.platform,
      raw.host.release,
      raw.host.arch,
      local.locale,
      local.profile ?? null,
    ],
  )
  const scanId = db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0] ?? null
  const result = db.prepare('INSERT INTO results VALUES (?,?,?,?,?,?,?,?,?)')
  const evidence = db.prepare('INSERT INTO evidence VALUES (?,?,?,?,?,?,?)')
  try {
    english.results.forEach((r, i) => {
      const summaryLocal = local.results[i]?.summary ?? r.summary
      result.run([scanId, r.id, r.status, r.severity, r.title, r.summary, summaryLocal, scannedAt, raw.tool.version])
      r.evidence.forEach((e, position) => {
        evidence.run([scanId, r.id, position, e.label, e.source, text(e.observed), e.expected ?? null])
      })
    })
  } finally {
    result.free()
    evidence.free()
  }
  // Bounded: only the newest KEEP_SCANS scans stay.
  const cut = `(SELECT id FROM scans ORDER BY id DESC LIMIT -1 OFFSET ${KEEP_SCANS})`
  db.run(`DELETE FROM evidence WHERE scan_id IN ${cut}`)
  db.run(`DELETE FROM results WHERE scan_id IN ${cut}`)
  db.run(`DELETE FROM scans WHERE id IN ${cut}`)
}

/**
 * The database with this scan added: `existing` (a results database of ours) or a new one. Summaries are kept in
 * English (what an administrator's policies and dashboards read) and in the scan's language; the profile the scan
 * was weighed by is noted, the statuses are the checks' own.
 */
export function addScan(
  SQL: SqlJsStatic,
  existing: Uint8Array | null,
  raw: RawReport,
  locale: Locale,
  path: string,
  profile?: ScanReport['profile'],
): Uint8Array {
  const db = new SQL.Database(existing ?? undefined)
  try {
    if (existing) {
      if (!isOurs(db)) throw new NotAResultsDatabaseError(path)
    } else {
      db.run(SCHEMA)
      db.run(`PRAGMA user_version = ${SCHEMA_VERSION}`)
      db.run("INSERT INTO meta VALUES ('format', ?)", [FORMAT_MARK])
    }
    const english = localizeReport(raw, 'en')
    const local = { ...localizeReport(raw, locale), ...(profile ? { profile } : {}) }
    db.run('BEGIN')
    insertScan(db, raw, english, local)
    db.run('COMMIT')
    return db.export()
  } finally {
    db.close()
  }
}

/** Reads what is at `path` (never through a link), adds the scan, and hands back the bytes to write in its place. */
export function databaseWithScan(
  SQL: SqlJsStatic,
  path: string,
  raw: RawReport,
  locale: Locale,
  profile?: ScanReport['profile'],
): Uint8Array {
  return addScan(SQL, readExisting(path), raw, locale, path, profile)
}
