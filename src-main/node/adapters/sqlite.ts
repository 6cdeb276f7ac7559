import { createRequire } from 'node:module'
import type { Database, SqlJsStatic } from 'sql.js'
import type { SqlRow, SqliteDb, SqliteEngine } from '../../../checks/core/host/host.js'
import { standaloneAsset } from '../sea.js'

function wrap(db: Database): SqliteDb {
  const all: SqliteDb['all'] = (sql, params = []) => {
    const stmt = db.prepare(sql)
    try {
      stmt.bind([...params])
      const rows: SqlRow[] = []
      while (stmt.step()) rows.push(stmt.getAsObject())
      return rows
    } finally {
      stmt.free()
    }
  }
  return {
    all,
    columns: (table) => all('SELECT name FROM pragma_table_info(?)', [table]).map((r) => String(r.name)),
    close: () => db.close(),
  }
}

let sqlJs: Promise<SqlJsStatic> | undefined

/** sql.js's WASM file: in node_modules, or packed into the standalone executable under the same name. */
export const SQL_WASM = 'sql-wasm.wasm'

/**
 * sql.js itself, its code and its WASM file loaded on first use (the CLI's results database writes with it too):
 * a scan that reads no SQLite file never parses either, in the CLI's thread or the scan's.
 */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= (async () => {
    const { default: initSqlJs } = await import('sql.js')
    const packed = standaloneAsset(SQL_WASM)
    if (packed) return initSqlJs({ wasmBinary: packed })
    const wasm = createRequire(import.meta.url).resolve(`sql.js/dist/${SQL_WASM}`)
    return initSqlJs({ locateFile: () => wasm })
  })().catch((e: unknown) => {
    sqlJs = undefined // let the next scan retry
    throw e
  })
  return sqlJs
}

/** sql.js (WASM SQLite), no native module to rebuild for Electron. */
export const sqlJsEngine: SqliteEngine = {
  async open(bytes) {
    const SQL = await loadSqlJs()
    return wrap(new SQL.Database(bytes))
  },
}
