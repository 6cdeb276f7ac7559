import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHECKS } from '../../checks/registry.js'
import { BUILT_CLI } from '../support/built-cli.js'
import { buildStandalone, PACKAGE_VERSION, type Standalone } from '../support/standalone.js'
import type { z } from 'zod'
import { scanReportSchema } from '../support/report-schema.js'
import { hasTool } from '../support/tools.js'

// The standalone executable as a fleet would deploy it: built by `npm run package:cli`, then run where no
// Node exists (a private mount namespace hides this machine's node binary from it), compared with the Node CLI.

const NODE = process.execPath
const hideNode = process.getuid?.() === 0 && hasTool('unshare')
let home: string
let built: Standalone

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** The executable in a mount namespace where every `node` on PATH (and this test's own Node) is an empty file. */
function standalone(args: string[]): Run {
  const nodes = [
    ...new Set([NODE, ...['/usr/bin/node', '/usr/local/bin/node', '/bin/node'].filter((p) => spawnSync('test', ['-e', p]).status === 0)]),
  ]
  const hide = nodes.map((p) => `mount --bind /dev/null '${p}'`).join(' && ')
  const script = `${hide} && if command -v node >/dev/null && node --version >/dev/null 2>&1; then echo 'node is still reachable' >&2; exit 99; fi; exec "$0" "$@"`
  const r = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script, built.exe, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8' },
    timeout: 60_000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function nodeCli(args: string[]): Run {
  const r = spawnSync(NODE, [BUILT_CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8' },
    timeout: 60_000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const verdicts = (report: z.infer<typeof scanReportSchema>): Array<[string, string, unknown]> =>
  report.results.map((r) => [r.id, r.status, r.evidence])

describe.skipIf(!hideNode)('the standalone executable (npm run package:cli)', () => {
  beforeAll(() => {
    built = buildStandalone('standalone')
    // A Firefox profile with a site allowed the camera: permissions.browser reads it with sql.js, whose WASM
    // must come from inside the executable (no node_modules beside it) and load in the scan thread.
    home = mkdtempSync(join(tmpdir(), 'bulwark-standalone-home-'))
    const profile = join(home, '.mozilla/firefox/abcd1234.default')
    mkdirSync(profile, { recursive: true })
    writeFileSync(join(home, '.mozilla/firefox/profiles.ini'), '[Profile0]\nName=default\nIsRelative=1\nPath=abcd1234.default\nDefault=1\n')
    execFileSync('sqlite3', [
      join(profile, 'permissions.sqlite'),
      'CREATE TABLE moz_perms (id INTEGER PRIMARY KEY, origin TEXT, type TEXT, permission INTEGER, expireType INTEGER, expireTime INTEGER, modificationTime INTEGER);' +
        "INSERT INTO moz_perms VALUES (1, 'https://example.org', 'camera', 1, 0, 0, 1700000000000);",
    ])
  }, 240_000)

  afterAll(() => {
    built.remove()
    if (home) rmSync(home, { recursive: true, force: true })
  })

  it('ships an archive holding only the executable, with a checksum file sha256sum verifies', () => {
    const archive = basename(built.archive)
    expect(readdirSync(built.dir).sort()).toEqual(['bulwark', archive, `${archive}.sha256`].sort())
    expect(execFileSync('sha256sum', ['-c', `${archive}.sha256`], { cwd: built.dir, encoding: 'utf8' })).toBe(`${archive}: OK\n`)
    expect(execFileSync('tar', ['-tzf', archive], { cwd: built.dir, encoding: 'utf8' })).toBe('bulwark\n')
  })

  it('prints the package version with no Node on the machine', () => {
    expect(standalone(['--version'])).toEqual({ code: 0, stdout: `${PACKAGE_VERSION}\n`, stderr: '' })
  })

  it('scans with no Node on the machine: every check, the same verdicts and evidence as the Node CLI, the same exit code', () => {
    const alone = standalone(['scan', '--json'])
    expect(alone.stderr).toBe('')
    const report = scanReportSchema.parse(JSON.parse(alone.stdout))
    expect(report.results.map((r) => r.id)).toEqual(CHECKS.map((c) => c.id))
    const viaNode = scanReportSchema.parse(JSON.parse(nodeCli(['scan', '--json']).stdout))
    expect(verdicts(report)).toEqual(verdicts(viaNode))
    expect(alone.code).toBe(report.results.some((r) => r.status === 'fail') ? 1 : 0)
    const sites = report.results.find((r) => r.id === 'permissions.browser')
    expect(sites?.status).not.toMatch(/^(unknown|error|not_applicable)$/)
  })

  it('keeps the CLI promise of no record unless asked: the scan wrote nothing in HOME', () => {
    const before = execFileSync('find', [home], { encoding: 'utf8' })
    standalone(['scan', '--json'])
    expect(execFileSync('find', [home], { encoding: 'utf8' })).toBe(before)
  })
})
