// `bulwark report` as a user meets it (issue 11, item 8): the format follows the file name, a terminal never
// gets HTML, a written report exits 0 unless --fail-on fail asks for the scan's verdict, and a destination that
// cannot take the report is said in plain words before anything is scanned.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { defineCheck } from '../../checks/core/define-check.js'
import { render } from '../../checks/core/i18n/locale.js'
import { defineMessages } from '../../checks/core/i18n/message.js'
import type { Status } from '../../checks/core/types.js'
import { parseCommandLine } from '../../src-main/cli/args.js'
import { examineDestination, isNullDevice, problemOfError } from '../../src-main/cli/destination.js'
import { t } from '../../src-main/cli/messages.js'
import { t as reportText } from '../../checks/core/report/messages.js'
import { EXIT_FAILED_CHECKS, EXIT_OK, EXIT_USAGE, runCli } from '../../src-main/cli/run-cli.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { BUILT_CLI } from '../support/built-cli.js'

const m = defineMessages('test.report-command', {
  title: 'Sample',
  rationale: 'Because.',
  observer: 'What an observer learns: little.',
  summary: 'Seen.',
})

function sample(status: Status) {
  return defineCheck({
    id: 'test.sample',
    texts: m,
    category: 'test',
    severity: 'high',
    platforms: ['linux'],
    effort: 1,
    remediation: { byPlatform: {}, references: [] },
    run: async () => ({ status, summary: m('summary'), evidence: [] }),
  })
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-report-command-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Run {
  code: number
  stdout: string
  stderr: string
  scanned: boolean
}

async function run(argv: string[], options: { isTTY?: boolean; status?: Status } = {}): Promise<Run> {
  const r: Run = { code: 0, stdout: '', stderr: '', scanned: false }
  r.code = await runCli(
    argv,
    { stdout: (s) => void (r.stdout += s), stderr: (s) => void (r.stderr += s), isTTY: options.isTTY ?? false, env: {} },
    {
      checks: [sample(options.status ?? 'fail')],
      createHost: () => {
        r.scanned = true
        return createFixtureHost({ platform: 'linux' })
      },
      version: '0.0.0',
      redactionContext: () => ({ usernames: [], hostnames: [], homes: [] }),
    },
  )
  return r
}

const said = (msg: Parameters<typeof t>[0], params?: Record<string, string | number>): string =>
  `bulwark: ${render(params ? t(msg, params) : t(msg), 'en')}\n`

describe('the format follows --out', () => {
  it.each([
    ['r.html', undefined, 'html'],
    ['R.HTM', undefined, 'html'],
    ['r.md', undefined, 'md'],
    ['r.markdown', 'md', 'md'],
    ['r.json', 'json', 'json'],
    ['r.txt', undefined, 'text'],
    ['report', undefined, 'html'],
    ['report', 'md', 'md'],
    ['notes.log', 'md', 'md'],
  ])('--out %s with --format %s is %s', (out, format, expected) => {
    const argv = ['report', '--out', out, ...(format ? ['--format', format] : [])]
    expect(parseCommandLine(argv, [])).toMatchObject({ ok: true, value: { kind: 'report', format: expected } })
  })

  it.each([
    [['report', '--format', 'md', '--out', 'r.html'], { kind: 'format-mismatch', format: 'md', out: 'r.html', implied: 'html' }],
    [['report', '--format', 'html', '--out', 'r.json'], { kind: 'format-mismatch', format: 'html', out: 'r.json', implied: 'json' }],
    [['report', '--out', 'r.pdf'], { kind: 'unknown-extension', out: 'r.pdf' }],
    [['report', '--fail-on', 'warn'], { kind: 'bad-fail-on', value: 'warn', valid: ['fail'] }],
  ])('%j is a usage error', (argv, reason) => {
    expect(parseCommandLine(argv, [])).toMatchObject({ ok: false, reason })
  })

  it('a mismatch is said before any scan, exit 2', async () => {
    const r = await run(['report', '--format', 'md', '--out', join(dir, 'x.html')])
    expect(r).toMatchObject({ code: EXIT_USAGE, scanned: false })
    expect(r.stderr).toBe(said('formatMismatch', { format: 'md', out: join(dir, 'x.html'), implied: 'html' }))
    expect(existsSync(join(dir, 'x.html'))).toBe(false)
  })

  it.each([
    ['r.md', /^# /],
    ['r.json', /^\{\n {2}"schemaVersion": 1/],
    ['r.txt', /^Bulwark privacy scan/],
    ['r.html', /^<!doctype html>/],
  ])('writes %s in its format', async (name, start) => {
    const out = join(dir, name)
    expect((await run(['report', '--out', out])).code).toBe(EXIT_OK)
    const content = readFileSync(out, 'utf8')
    expect(content).toMatch(start)
    expect(content).not.toContain('\x1b[')
  })
})

it('a redacted text report says it was redacted, as the other formats do', async () => {
  const out = join(dir, 'redacted.txt')
  await run(['report', '--redact', '--out', out])
  expect(readFileSync(out, 'utf8').split('\n')).toContain(render(reportText('redacted'), 'en'))
})

describe('on a terminal', () => {
  it('without --out or --format writes the text report there, with colour, and says how to keep it', async () => {
    const r = await run(['report'], { isTTY: true })
    expect(r.stdout).toMatch(/^\x1b\[1mBulwark privacy scan/)
    expect(r.stdout).not.toMatch(/<html|<!doctype/i)
    expect(r.stderr).toBe(said('reportHint'))
  })

  it('asked for HTML without --out asks for a file instead, before scanning', async () => {
    const r = await run(['report', '--format', 'html'], { isTTY: true })
    expect(r).toMatchObject({ code: EXIT_USAGE, stdout: '', scanned: false })
    expect(r.stderr).toBe(said('htmlToTerminal'))
  })

  it.each(['md', 'json'])('prints --format %s as asked, with no hint', async (format) => {
    const r = await run(['report', '--format', format], { isTTY: true })
    expect(r.stdout.length).toBeGreaterThan(0)
    expect(r.stderr).toBe('')
  })

  it('a pipe still gets HTML by default (`bulwark report > r.html`)', async () => {
    expect((await run(['report'], { isTTY: false })).stdout).toMatch(/^<!doctype html>/)
  })
})

describe('the exit code', () => {
  it.each([
    [[], 'fail', EXIT_OK],
    [[], 'pass', EXIT_OK],
    [['--fail-on', 'fail'], 'fail', EXIT_FAILED_CHECKS],
    [['--fail-on', 'fail'], 'warn', EXIT_OK],
  ] as const)('report %j with a check that is %s exits %i', async (extra, status, code) => {
    const out = join(dir, `exit-${status}-${extra.length}.md`)
    expect((await run(['report', '--out', out, ...extra], { status })).code).toBe(code)
    expect(existsSync(out)).toBe(true)
    expect((await run(['report', '--format', 'json', ...extra], { status })).code).toBe(code)
  })
})

describe('a destination that cannot take the report is found before the scan', () => {
  it.each([
    ['a missing folder', () => join(dir, 'no-such-dir', 'r.md'), (p: string) => t('noFolder', { folder: join(p, '..') })],
    [
      'a file used as a folder',
      () => {
        writeFileSync(join(dir, 'plain-file'), 'x')
        return join(dir, 'plain-file', 'r.md')
      },
      (p: string) => t('notAFolder', { folder: join(p, '..') }),
    ],
  ])('%s: plain words naming the folder, exit 2, nothing scanned or written', async (_name, place, reason) => {
    const out = place()
    const r = await run(['report', '--out', out])
    expect(r).toMatchObject({ code: EXIT_USAGE, scanned: false })
    expect(r.stderr).toBe(`bulwark: ${render(t('cannotWrite', { path: out, reason: reason(out) }), 'en')}\n`)
    expect(r.stderr).not.toMatch(/ENOENT|ENOTDIR|EISDIR|errno/)
  })

  it('a folder given as the name is refused as a folder, not with EISDIR', async () => {
    const r = await run(['report', '--out', `${dir}/`])
    expect(r).toMatchObject({ code: EXIT_USAGE, scanned: false })
    expect(r.stderr).toBe(said('refusedDestination', { path: `${dir}/`, what: render(t('isDirectory'), 'en') }))
  })

  it.each([
    ['ENOENT', { kind: 'no-folder', folder: '/d' }],
    ['ENOTDIR', { kind: 'not-a-folder', folder: '/d' }],
    ['EACCES', { kind: 'folder-not-writable', folder: '/d' }],
    ['EPERM', { kind: 'folder-not-writable', folder: '/d' }],
    ['EROFS', { kind: 'read-only', folder: '/d' }],
    ['ENOSPC', { kind: 'disk-full' }],
    ['EDQUOT', { kind: 'disk-full' }],
    ['EISDIR', { kind: 'unsafe', what: 'directory' }],
    ['EIO', { kind: 'other', reason: 'boom' }],
  ])('a write error %s after the scan is said as %j', (code, problem) => {
    expect(problemOfError(Object.assign(new Error('boom'), { code }), '/d')).toEqual(problem)
  })

  it('a write that fails after the scan is said in the same plain words, exit 2', async () => {
    let stderr = ''
    const out = join(dir, 'late.md')
    const code = await runCli(
      ['report', '--out', out],
      { stdout: () => undefined, stderr: (s) => void (stderr += s), isTTY: false, env: {} },
      {
        checks: [sample('pass')],
        createHost: () => createFixtureHost({ platform: 'linux' }),
        version: '0.0.0',
        redactionContext: () => ({ usernames: [], hostnames: [], homes: [] }),
        writeReport: vi.fn(() => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))),
      },
    )
    expect(code).toBe(EXIT_USAGE)
    expect(stderr).toBe(`bulwark: ${render(t('cannotWrite', { path: out, reason: t('diskFull') }), 'en')}\n`)
  })

  it('examineDestination: a new name or a plain file is fine, /dev/null is "discard"', async () => {
    writeFileSync(join(dir, 'existing.md'), 'old')
    expect(await examineDestination(join(dir, 'new.md'))).toEqual({ kind: 'file' })
    expect(await examineDestination(join(dir, 'existing.md'))).toEqual({ kind: 'file' })
    expect(await examineDestination('/dev/null')).toEqual({ kind: 'discard' })
    expect(await examineDestination('/dev/../dev/null')).toEqual({ kind: 'discard' })
    expect(await examineDestination('/dev/zero')).toEqual({ kind: 'problem', problem: { kind: 'unsafe', what: 'device' } })
  })

  it.each([
    ['/dev/null', 'linux', true],
    ['/dev/nullx', 'linux', false],
    ['NUL', 'win32', true],
    ['nul', 'win32', true],
    ['\\\\.\\NUL', 'win32', true],
    ['C:\\reports\\nul.txt', 'win32', false],
    ['NUL', 'linux', false],
  ] as const)('isNullDevice(%j) on %s is %s', (path, platform, expected) => {
    expect(isNullDevice(path, platform)).toBe(expected)
  })
})

describe('bulwark report as a real process', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [BUILT_CLI, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: dir, LANG: 'C.UTF-8' },
      timeout: 30000,
    })

  it('says an unwritable folder at once, before the scan, in plain words', () => {
    const out = join(dir, 'missing', 'r.html')
    const started = Date.now()
    const r = cli(['report', '--out', out])
    expect(r.status).toBe(EXIT_USAGE)
    expect(r.stderr).toBe(`bulwark: Could not write the report to ${out}: the folder ${join(dir, 'missing')} does not exist\n`)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('exits 0 once the report is written, and with --fail-on fail as the scan does', () => {
    const scan = cli(['scan', '--json', '--only', 'vpn.wireguard-keys,tor.config'])
    const out = join(dir, 'real.md')
    expect(cli(['report', '--out', out, '--only', 'vpn.wireguard-keys,tor.config']).status).toBe(EXIT_OK)
    expect(readdirSync(dir)).toContain('real.md')
    expect(cli(['report', '--out', out, '--fail-on', 'fail', '--only', 'vpn.wireguard-keys,tor.config']).status).toBe(scan.status)
  })
})
