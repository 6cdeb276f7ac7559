import { createRequire } from 'node:module'
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js'
import type { SqlRow, SqliteDb, SqliteEngine } from '../../../checks/core/host/host.js'

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

/** sql.js (WASM SQLite), no native module to rebuild for Electron; the WASM file is loaded on first use. */
export const sqlJsEngine: SqliteEngine = {
  async open(bytes) {
    sqlJs ??= (async () => {
      const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm')
      return initSqlJs({ locateFile: () => wasm })
    })().catch((e: unknown) => {
      sqlJs = undefined // let the next scan retry
      throw e
    })
    const SQL = await sqlJs
    return wrap(new SQL.Database(bytes))
  },
}
