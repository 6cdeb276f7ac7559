// Every Fleet policy in deploy/fleet/policies.yml, run by the real sqlite3 (osquery's SQL is SQLite's) against a
// results database written by a real `bulwark scan --save-sqlite`, and against doctored copies of it: stale,
// missing, unknown, error, failed, and two users of whom one fails. osquery's ATC exposes the database as the
// table bulwark_results (the query of deploy/osquery/*.conf, plus the path column it adds): here a view.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHECKS } from '../../checks/registry.js'
import { ATC_TABLE } from '../../src-main/cli/formats/deploy.js'
import { BUILT_CLI } from '../support/built-cli.js'

const hasSqlite = spawnSync('sqlite3', ['-version']).status === 0
if (!hasSqlite && process.env.CI) throw new Error('sqlite3 is not installed, and CI must run this test (apt-get install sqlite3)')

interface Policy {
  name: string
  query: string
}

/** The policies as shipped: each document's name and its query block. */
function shippedPolicies(): Policy[] {
  return readFileSync('deploy/fleet/policies.yml', 'utf8')
    .split('\n---\n')
    .slice(1)
    .map((doc) => {
      const name = JSON.parse(/^ {2}name: (.*)$/m.exec(doc)?.[1] ?? '""') as string
      const query = (/^ {2}query: \|-\n((?: {4}.*\n?)+)/m.exec(doc)?.[1] ?? '').replace(/^ {4}/gm, '')
      return { name, query }
    })
}

const atc = JSON.parse(readFileSync('deploy/osquery/bulwark.linux.conf', 'utf8')) as {
  auto_table_construction: Record<string, { query: string; path: string }>
}
const table = atc.auto_table_construction[ATC_TABLE]
if (!table) throw new Error('no ATC table in deploy/osquery/bulwark.linux.conf')
const atcQuery = table.query

let dir = ''
let scanned: string
const DAY = 86_400

beforeAll(() => {
  if (!hasSqlite) return
  dir = mkdtempSync(join(tmpdir(), 'bulwark-fleet-policies-'))
  scanned = join(dir, 'results.sqlite')
  const run = spawnSync(process.execPath, [BUILT_CLI, 'scan', '--save-sqlite', scanned], { encoding: 'utf8', timeout: 120_000 })
  expect([0, 1], run.stderr).toContain(run.status)
}, 150_000)
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

let copies = 0
/** Runs `policy` with sqlite3 on a copy of the scan's database (or two, for two users), after `doctor` changed them. */
function evaluate(policy: string, doctor: string[] = ['']): string {
  const files = doctor.map((sql) => {
    const file = join(dir, `copy-${++copies}.sqlite`)
    copyFileSync(scanned, file)
    if (sql) {
      const r = spawnSync('sqlite3', [file, sql], { encoding: 'utf8' })
      expect(r.status, r.stderr).toBe(0)
    }
    return file
  })
  // As ATC does for a glob matching several users: one table, the rows of every file, each with its path.
  const attach = files.map((f, i) => `ATTACH ${JSON.stringify(f).replace(/"/g, "'")} AS u${i};`).join('\n')
  const union = files
    .map((f, i) => `SELECT q.*, '${f}' AS path FROM (${atcQuery.replace(/\bFROM latest_results\b/, `FROM u${i}.latest_results`)}) q`)
    .join(' UNION ALL ')
  const script = `${attach}\nCREATE TEMP VIEW ${ATC_TABLE} AS ${union};\n${policy}\n`
  const r = spawnSync('sqlite3', [':memory:'], { input: script, encoding: 'utf8' })
  expect(r.status, r.stderr).toBe(0)
  return r.stdout.trim()
}

function latestStatus(id: string): string | null {
  const r = spawnSync('sqlite3', [scanned, `SELECT status FROM latest_results WHERE id = '${id}'`], { encoding: 'utf8' })
  return r.stdout.trim() || null
}

const policies = shippedPolicies()
const set = (id: string, status: string, age = 0): string =>
  `UPDATE results SET status = '${status}', scanned_at = CAST(strftime('%s','now') AS INTEGER) - ${age} WHERE id = '${id}';`

describe.skipIf(!hasSqlite)('the policy library', () => {
  it('has one policy per check of the registry and one for what could not be verified', () => {
    expect(policies.map((p) => p.name)).toEqual([...CHECKS.map((c) => expect.stringContaining(`(${c.id})`)), 'Bulwark could not verify'])
  })
})

describe.skipIf(!hasSqlite).each(CHECKS.map((c) => c.id))('the policy for %s', (id) => {
  const policy = (): string => policies.find((p) => p.name.endsWith(`(${id})`))?.query ?? ''

  it('passes exactly when the real scan said pass or not applicable', () => {
    const status = latestStatus(id)
    expect(status).not.toBeNull()
    expect(evaluate(policy())).toBe(status === 'pass' || status === 'not_applicable' ? '1' : '')
  })

  it.each([
    ['pass', 0, '1'],
    ['not_applicable', 0, '1'],
    ['pass', 7 * DAY - 3600, '1'],
    ['pass', 7 * DAY + 3600, ''],
    ['fail', 0, ''],
    ['warn', 0, ''],
    ['unknown', 0, ''],
    ['error', 0, ''],
  ])('status %s, %i seconds old: %j', (status, age, expected) => {
    expect(evaluate(policy(), [set(id, status, age)])).toBe(expected)
  })

  it('fails when the scan has no result for the check', () => {
    expect(evaluate(policy(), [`${set(id, 'pass')} DELETE FROM results WHERE id = '${id}';`])).toBe('')
  })

  it('fails when one user of two fails, passes when both pass, and a stale user is left out', () => {
    expect(evaluate(policy(), [set(id, 'pass'), set(id, 'fail')])).toBe('')
    expect(evaluate(policy(), [set(id, 'pass'), set(id, 'pass')])).toBe('1')
    expect(evaluate(policy(), [set(id, 'pass'), set(id, 'fail', 30 * DAY)])).toBe('1')
  })
})

describe.skipIf(!hasSqlite)('the policy "Bulwark could not verify"', () => {
  const policy = (): string => policies.find((p) => p.name === 'Bulwark could not verify')?.query ?? ''
  const allPass = "UPDATE results SET status = 'pass', scanned_at = CAST(strftime('%s','now') AS INTEGER);"

  it.each([
    ['every result verified', allPass, '1'],
    ['an unknown', `${allPass} UPDATE results SET status = 'unknown' WHERE id = 'disk.encryption';`, ''],
    ['an error', `${allPass} UPDATE results SET status = 'error' WHERE id = 'dns.system';`, ''],
    [
      'a failure only (that is a failed policy of its own, not this one)',
      `${allPass} UPDATE results SET status = 'fail' WHERE id = 'dns.system';`,
      '1',
    ],
    ['only a stale scan', `UPDATE results SET status = 'pass', scanned_at = CAST(strftime('%s','now') AS INTEGER) - ${8 * DAY};`, ''],
    ['no scan at all', 'DELETE FROM results;', ''],
  ])('%s', (_, doctor, expected) => {
    expect(evaluate(policy(), [doctor])).toBe(expected)
  })

  it('matches what the real scan found', () => {
    const r = spawnSync('sqlite3', [scanned, "SELECT count(*) FROM latest_results WHERE status IN ('unknown','error')"], {
      encoding: 'utf8',
    })
    expect(evaluate(policy())).toBe(r.stdout.trim() === '0' ? '1' : '')
  })
})
