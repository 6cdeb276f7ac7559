import { attempt } from '../../core/host/helpers.js'
import type { Host, HostError, SqlRow, SqliteDb, SqliteEngine } from '../../core/host/host.js'
import { failed, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { applyWal } from './sqlite-wal.parse.js'
import { storeText as t } from './stores.messages.js'

export type SqliteCopy =
  | { status: 'ok'; db: SqliteDb; walFrames: number }
  | { status: 'absent' }
  | { status: 'unreadable'; error: HostError }
  /** Read, but not a usable SQLite database: `reason` says why, in the reader's language. */
  | { status: 'corrupt'; reason: Msg }

const MAGIC = 'SQLite format 3\0'
/** TCC.db and permissions.sqlite are kilobytes to a few MiB; a WAL can hold a few MiB more. */
const MAX_DB_BYTES = 32 * 1024 * 1024

function headerProblem(bytes: Uint8Array): Msg | undefined {
  if (bytes.length === 0) return t('empty')
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16))
  if (head !== MAGIC) return t('notSqlite')
  if (bytes.length < 100) return t('truncated', { bytes: bytes.length })
  return undefined
}

/**
 * Reads a database and its `-wal` through the host (never opening the live file, which the owner may
 * hold locked) and opens the copy. Every failure is a value, never a throw.
 */
export async function openSqliteCopy(host: Host, file: string, engine: SqliteEngine): Promise<SqliteCopy> {
  const [main, wal] = await Promise.all([
    attempt(file, () => host.readFile(file, { maxBytes: MAX_DB_BYTES })),
    attempt(`${file}-wal`, () => host.readFile(`${file}-wal`, { maxBytes: MAX_DB_BYTES })),
  ])
  if (!main.ok) return main.reason.code === 'not_found' ? { status: 'absent' } : { status: 'unreadable', error: main.reason }
  const problem = headerProblem(main.value)
  if (problem) return { status: 'corrupt', reason: problem }
  let bytes = main.value
  let walFrames = 0
  if (wal.ok) {
    const merged = applyWal(bytes, wal.value)
    if (!merged.ok) return { status: 'corrupt', reason: merged.reason }
    bytes = merged.value.bytes
    walFrames = merged.value.framesApplied
  } else if (wal.reason.code !== 'not_found') {
    // Without the log the copy could be stale: say so rather than report old grants.
    return { status: 'unreadable', error: wal.reason }
  }
  let db: SqliteDb | undefined
  try {
    db = await engine.open(bytes)
    // sql.js opens lazily: touch the schema now so a malformed image fails here, not mid-query.
    db.all('SELECT count(*) AS n FROM sqlite_master')
    return { status: 'ok', db, walFrames }
  } catch (e) {
    db?.close()
    return { status: 'corrupt', reason: sqliteReason(e) }
  }
}

/** Runs queries on an open copy; a malformed page deep in a table surfaces here as a value. */
export function queryAll(db: SqliteDb, sql: string, params?: readonly (string | number)[]): Result<SqlRow[], Msg> {
  try {
    return ok(db.all(sql, params))
  } catch (e) {
    return failed(sqliteReason(e))
  }
}

/** SQLite's own error text is English; what it means for the reader is one of two things. */
function sqliteReason(e: unknown): Msg {
  const text = e instanceof Error ? e.message : String(e)
  return /malformed|corrupt|not a database/i.test(text) ? t('damaged') : t('sqliteFailed')
}
