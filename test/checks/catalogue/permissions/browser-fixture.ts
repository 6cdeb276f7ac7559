import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import initSqlJs from 'sql.js'
import { FIXTURES } from './tcc-fixture.js'

const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm')

export interface MozPermRow {
  origin: string
  type: string
  permission: number
  expireType: number
  expireTime: number
}

/** A copy of the permissions.sqlite firefox-esr wrote, with `rows` added to moz_perms. */
export async function firefoxPermissionsDb(rows: readonly MozPermRow[]): Promise<Uint8Array> {
  const SQL = await initSqlJs({ locateFile: () => wasm })
  const db = new SQL.Database(readFileSync(path.join(FIXTURES, 'permissions.browser/firefox/permissions-empty.sqlite')))
  try {
    for (const r of rows) {
      db.run('INSERT INTO moz_perms (origin, type, permission, expireType, expireTime, modificationTime) VALUES (?, ?, ?, ?, ?, ?)', [
        r.origin,
        r.type,
        r.permission,
        r.expireType,
        r.expireTime,
        1700000000000,
      ])
    }
    return db.export()
  } finally {
    db.close()
  }
}
