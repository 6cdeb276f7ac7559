import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import initSqlJs from 'sql.js'

const here = path.dirname(fileURLToPath(import.meta.url))
export const FIXTURES = path.resolve(here, '../../../fixtures')
const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm')

/** Builds a SQLite image in memory from SQL text (a committed schema plus rows a test adds). */
export async function buildDb(...sql: string[]): Promise<Uint8Array> {
  const SQL = await initSqlJs({ locateFile: () => wasm })
  const db = new SQL.Database()
  try {
    for (const s of sql) db.run(s)
    return db.export()
  } finally {
    db.close()
  }
}

export type TccRow = { service: string; client: string; clientType?: number; value: number; target?: string }

function schema(generation: 'bigsur' | 'catalina'): string {
  return readFileSync(path.join(FIXTURES, 'permissions.apps/darwin', `tcc-${generation}.sql`), 'utf8')
}

const q = (s: string): string => `'${s.replaceAll("'", "''")}'`

/** A TCC.db of either generation holding `rows` (auth_value for Big Sur+, allowed for Catalina). */
export function buildTcc(generation: 'bigsur' | 'catalina', rows: readonly TccRow[]): Promise<Uint8Array> {
  const inserts = rows.map((r) =>
    generation === 'bigsur'
      ? `INSERT INTO access (service, client, client_type, auth_value, auth_reason, auth_version, indirect_object_identifier, last_modified) VALUES (${q(r.service)}, ${q(r.client)}, ${r.clientType ?? 0}, ${r.value}, 2, 1, ${q(r.target ?? 'UNUSED')}, 1700000000);`
      : `INSERT INTO access (service, client, client_type, allowed, prompt_count, indirect_object_identifier, last_modified) VALUES (${q(r.service)}, ${q(r.client)}, ${r.clientType ?? 0}, ${r.value}, 1, ${r.target ? q(r.target) : 'NULL'}, 1600000000);`,
  )
  return buildDb(schema(generation), ...inserts)
}
