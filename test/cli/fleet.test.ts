// `bulwark fleet <reports…>` (issue 16, item 5): many machines' JSON reports merged into hosts × checks, worst
// first, pass rate per check, machines not scanned recently, what could not be verified kept apart, redacted as a
// single report is. Files that are not reports are named and skipped, never a stack trace.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { render } from '../../checks/core/i18n/locale.js'
import { STATUSES, type Status } from '../../checks/core/types.js'
import { CHECKS } from '../../checks/registry.js'
import { parseCommandLine } from '../../src-main/cli/args.js'
import { t } from '../../src-main/cli/fleet/messages.js'
import { EXIT_OK, EXIT_USAGE, runCli } from '../../src-main/cli/run-cli.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { BUILT_CLI } from '../support/built-cli.js'

const NOW = new Date('2026-06-10T12:00:00.000Z')

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-fleet-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function report(results: [string, Status, string?][], startedAt = '2026-06-09T12:00:00.000Z', release = '6.1'): string {
  return JSON.stringify({
    schemaVersion: 1,
    tool: { name: 'bulwark', version: '0.1.0' },
    host: { platform: 'linux', release, arch: 'x64' },
    startedAt,
    durationMs: 10,
    locale: 'en',
    results: results.map(([id, status, summary]) => ({
      id,
      title: id,
      category: 'c',
      severity: 'high',
      status,
      summary: summary ?? `${id} ${status}`,
    })),
  })
}

async function fleet(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = { code: 0, stdout: '', stderr: '' }
  r.code = await runCli(
    ['fleet', ...argv],
    { stdout: (s) => void (r.stdout += s), stderr: (s) => void (r.stderr += s), isTTY: false, env: {} },
    {
      checks: CHECKS,
      createHost: () => createFixtureHost({ platform: 'linux' }),
      version: '0.0.0',
      now: () => NOW,
      redactionContext: () => ({ usernames: ['alice'], hostnames: ['alice-laptop'], homes: [] }),
    },
  )
  return r
}

const fleetSchema = z
  .object({
    schemaVersion: z.literal(1),
    generatedAt: z.iso.datetime(),
    staleDays: z.number().int().positive(),
    redacted: z.boolean(),
    hosts: z.array(
      z
        .object({
          name: z.string(),
          platform: z.enum(['linux', 'darwin', 'win32']),
          release: z.string(),
          arch: z.string(),
          scannedAt: z.iso.datetime(),
          version: z.string(),
          stale: z.boolean(),
          statuses: z.record(z.string(), z.enum(STATUSES)),
          counts: z.record(z.enum(STATUSES), z.number().int().nonnegative()),
        })
        .strict(),
    ),
    checks: z.array(
      z
        .object({
          id: z.string(),
          title: z.string(),
          counts: z.record(z.enum(STATUSES), z.number()),
          passRate: z.number().min(0).max(1).nullable(),
        })
        .strict(),
    ),
    stale: z.array(z.object({ name: z.string() }).loose()),
    unverified: z.array(
      z
        .object({
          check: z.string(),
          status: z.enum(['unknown', 'error']),
          summary: z.string(),
          machines: z.number(),
          examples: z.array(z.string()),
        })
        .strict(),
    ),
    skipped: z.array(z.object({ path: z.string(), reason: z.string() }).strict()),
  })
  .strict()

describe('bulwark fleet: the command line', () => {
  it.each([
    [['fleet'], 'no-reports'],
    [['fleet', 'a.json', '--stale-days', '0'], 'bad-stale-days'],
    [['fleet', 'a.json', '--stale-days', 'x'], 'bad-stale-days'],
    [['fleet', 'a.json', '--out', 'f.txt'], 'bad-fleet-format'],
    [['fleet', 'a.json', '--format', 'pdf'], 'bad-fleet-format'],
    [['fleet', 'a.json', '--format', 'csv', '--out', 'f.md'], 'fleet-format-mismatch'],
    [['fleet', 'a.json', '--only', 'x'], 'not-for-command'],
  ])('%j is refused: %s', (argv, kind) => {
    const parsed = parseCommandLine(argv, ['x'])
    expect(parsed.ok ? null : parsed.reason.kind).toBe(kind)
  })

  it.each([
    ['f.html', 'html'],
    ['f.md', 'md'],
    ['f.json', 'json'],
    ['F.CSV', 'csv'],
  ])('--out %s writes %s', (out, format) => {
    const parsed = parseCommandLine(['fleet', 'r/', '--out', out], [])
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'fleet', format, inputs: ['r/'], staleDays: 7, redact: false })
  })
})

describe('bulwark fleet: the merge', () => {
  let reports: string
  beforeAll(() => {
    reports = join(dir, 'reports')
    mkdirSync(reports)
    writeFileSync(
      join(reports, 'good.json'),
      report([
        ['disk.encryption', 'pass'],
        ['dns.system', 'pass'],
        ['screen.lock', 'unknown', 'No desktop session.'],
      ]),
    )
    writeFileSync(
      join(reports, 'bad.json'),
      report([
        ['disk.encryption', 'fail'],
        ['dns.system', 'fail'],
        ['screen.lock', 'pass'],
      ]),
    )
    writeFileSync(
      join(reports, 'old.json'),
      report(
        [
          ['disk.encryption', 'pass'],
          ['dns.system', 'warn'],
          ['screen.lock', 'unknown', 'No desktop session.'],
        ],
        '2026-05-01T00:00:00.000Z',
      ),
    )
    writeFileSync(
      join(reports, 'alice-laptop.json'),
      report([['disk.encryption', 'error', 'Could not read /home/alice/.config: denied']], undefined, 'alice-laptop 6.1'),
    )
    writeFileSync(join(reports, 'notes.json'), 'not json {')
    writeFileSync(join(reports, 'other.json'), JSON.stringify({ schemaVersion: 1, hello: 'world' }))
    writeFileSync(join(reports, 'README.txt'), 'not read: not .json')
    const big = join(reports, 'huge.json')
    writeFileSync(big, '')
    truncateSync(big, 9 * 1024 * 1024)
    expect(spawnSync('mkfifo', [join(reports, 'pipe.json')]).status).toBe(0)
  })

  it('reads every .json of a folder, names each file that is not a report, and merges the rest', async () => {
    const r = await fleet([reports, '--format', 'json'])
    expect(r.code).toBe(EXIT_OK)
    const doc = fleetSchema.parse(JSON.parse(r.stdout))
    // Worst first: most failures, then warnings, then unverified.
    expect(doc.hosts.map((h) => h.name)).toEqual(['bad', 'old', 'alice-laptop', 'good'])
    expect(doc.skipped.map((s) => s.path.replace(`${reports}/`, ''))).toEqual(['huge.json', 'notes.json', 'other.json', 'pipe.json'])
    for (const name of ['huge.json', 'notes.json', 'other.json', 'pipe.json']) expect(r.stderr).toContain(join(reports, name))
    expect(r.stderr).toContain(render(t('skipped', { path: join(reports, 'notes.json'), reason: t('notJson') }), 'en'))
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('gives each check its pass rate among verified results, lowest first, unknowns counted apart', async () => {
    const doc = fleetSchema.parse(JSON.parse((await fleet([reports, '--format', 'json'])).stdout))
    expect(doc.checks.map((c) => [c.id, c.passRate])).toEqual([
      ['dns.system', 1 / 3],
      ['disk.encryption', 2 / 3],
      ['screen.lock', 1],
    ])
    expect(doc.checks.find((c) => c.id === 'screen.lock')?.counts).toMatchObject({ pass: 1, unknown: 2 })
    expect(doc.unverified).toEqual([
      { check: 'screen.lock', status: 'unknown', summary: 'No desktop session.', machines: 2, examples: ['good', 'old'] },
      {
        check: 'disk.encryption',
        status: 'error',
        summary: 'Could not read /home/alice/.config: denied',
        machines: 1,
        examples: ['alice-laptop'],
      },
    ])
  })

  it('lists the machines not scanned within --stale-days', async () => {
    const week = fleetSchema.parse(JSON.parse((await fleet([reports, '--format', 'json'])).stdout))
    expect(week.stale.map((h) => h.name)).toEqual(['old'])
    const day = fleetSchema.parse(JSON.parse((await fleet([reports, '--format', 'json', '--stale-days', '60'])).stdout))
    expect(day.stale).toEqual([])
  })

  it('redacts as a single report does: machine names, user names and home folders', async () => {
    const r = await fleet([reports, '--format', 'json', '--redact'])
    const doc = fleetSchema.parse(JSON.parse(r.stdout))
    expect(doc.redacted).toBe(true)
    expect(r.stdout).not.toMatch(/alice|"good"|"bad"/)
    expect(doc.unverified.find((u) => u.check === 'disk.encryption')?.summary).toBe('Could not read /home/<user>/.config: denied')
    expect(doc.hosts.every((h) => /^machine-\d+$/.test(h.name))).toBe(true)
  })

  it('writes CSV a spreadsheet opens safely, one row per machine', async () => {
    const evil = join(dir, 'evil')
    mkdirSync(evil)
    writeFileSync(join(evil, '=cmd|calc.json'), report([['disk.encryption', 'pass']], undefined, '6.1\u001b[31m,"x"'))
    const out = join(dir, 'fleet.csv')
    const r = await fleet([evil, '--out', out])
    expect(r.code).toBe(EXIT_OK)
    const csv = readFileSync(out, 'utf8')
    expect(csv.split('\r\n')).toEqual([
      'host,platform,release,arch,scanned_at,stale,version,disk.encryption',
      `'=cmd|calc,linux,"6.1\\u001b[31m,""x""",x64,2026-06-09T12:00:00.000Z,false,0.1.0,pass`,
      '',
    ])
  })

  it.each(['md', 'html'])('writes %s for people, with no control character and no markup from a report', async (format) => {
    const evil = join(dir, `evil-${format}`)
    mkdirSync(evil)
    writeFileSync(join(evil, 'h.json'), report([['disk.encryption', 'unknown', '<script>x</script>|\u001b[2J\u202e']]))
    const r = await fleet([evil, '--format', format])
    expect(r.code).toBe(EXIT_OK)
    expect(r.stdout).toContain(render(t('title'), 'en'))
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/)
    expect(r.stdout).not.toContain('<script>')
  })

  it('says plainly when nothing given is a report, and when the destination cannot take the file', async () => {
    const none = await fleet([join(reports, 'notes.json')])
    expect(none.code).toBe(EXIT_USAGE)
    expect(none.stderr).toContain(render(t('noneRead'), 'en'))
    const missing = await fleet([join(dir, 'does-not-exist.json')])
    expect(missing.code).toBe(EXIT_USAGE)
    expect(missing.stderr).toContain('does-not-exist.json')
    const folder = await fleet([reports, '--out', join(dir, 'no', 'such', 'fleet.md')])
    expect(folder.code).toBe(EXIT_USAGE)
  })

  it("names each machine by its path in the folder, as Ansible's fetch lays them out", async () => {
    const ansible = join(dir, 'bulwark-reports')
    for (const host of ['web1', 'web2']) {
      mkdirSync(join(ansible, host), { recursive: true })
      writeFileSync(join(ansible, host, 'root.json'), report([['disk.encryption', 'pass']]))
      writeFileSync(join(ansible, host, 'user.json'), report([['disk.encryption', 'fail']]))
    }
    const doc = fleetSchema.parse(JSON.parse((await fleet([ansible, '--format', 'json'])).stdout))
    expect(doc.hosts.map((h) => h.name)).toEqual(['web1/user', 'web2/user', 'web1/root', 'web2/root'])
  })

  it('takes a real report of the built CLI', async () => {
    const real = join(dir, 'real')
    mkdirSync(real)
    const scan = spawnSync(process.execPath, [BUILT_CLI, 'report', '--format', 'json', '--out', join(real, 'this-machine.json')], {
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(scan.status, scan.stderr).toBe(0)
    const doc = fleetSchema.parse(JSON.parse((await fleet([real, '--format', 'json'])).stdout))
    expect(doc.hosts.map((h) => h.name)).toEqual(['this-machine'])
    expect(doc.skipped).toEqual([])
  }, 150_000)
})
