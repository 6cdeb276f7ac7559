import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineCheck } from '../../checks/core/define-check.js'
import { defineMessages } from '../../checks/core/i18n/message.js'
import type { RawReport } from '../../checks/core/report/model.js'
import { render } from '../../checks/core/i18n/locale.js'
import { localDateTime } from '../../checks/core/report/document.js'
import { parseCommandLine } from '../../src-main/cli/args.js'
import { t as cliText } from '../../src-main/cli/messages.js'
import { scanReportSchema } from '../support/report-schema.js'
import { runCli } from '../../src-main/cli/run-cli.js'
import { CHECKS } from '../../checks/registry.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { BUILT_CLI } from '../support/built-cli.js'

const t = defineMessages('test.cli-history', {
  title: 'Sample',
  rationale: 'Because.',
  observer: 'What an observer learns: little.',
  ok: 'Fine.',
})
const SAMPLE = defineCheck({
  id: 'test.sample',
  texts: t,
  category: 'test',
  severity: 'low',
  platforms: ['linux'],
  effort: 1,
  remediation: { byPlatform: {}, references: [] },
  run: async () => ({ status: 'pass', summary: t('ok'), evidence: [] }),
})

describe('--save', () => {
  it.each([
    [['scan', '--save'], { kind: 'scan', save: true }],
    [['report', '--format', 'md', '--save'], { kind: 'report', save: true }],
  ])('is accepted by %j', (argv, expected) => {
    expect(parseCommandLine(argv, ['test.sample'])).toMatchObject({ ok: true, value: expected })
  })

  it('is off unless given, does not apply to list, and contradicts --no-history', () => {
    const parsed = parseCommandLine(['scan'], ['test.sample'])
    expect(parsed.ok && 'save' in parsed.value).toBe(false)
    expect(parseCommandLine(['list', '--save'], [])).toEqual({
      ok: false,
      reason: { kind: 'not-for-command', option: '--save', command: 'list' },
    })
    expect(parseCommandLine(['scan', '--save', '--no-history'], [])).toEqual({
      ok: false,
      reason: { kind: 'conflicting-options', option: '--save', other: '--no-history' },
    })
  })

  it.each([
    [['scan'], 0],
    [['report', '--format', 'json'], 0],
    [['scan', '--no-history'], 0],
    [['scan', '--save'], 1],
    [['report', '--format', 'json', '--save'], 1],
    [['list'], 0],
  ])('runCli %j hands the raw scan to saveReport %i time(s)', async (argv, times) => {
    const saveReport = vi.fn<(raw: RawReport) => void>()
    const code = await runCli(
      argv,
      { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {} },
      {
        checks: [SAMPLE],
        createHost: () => createFixtureHost({ platform: 'linux' }),
        version: '1.2.3',
        redactionContext: () => ({ usernames: [], hostnames: [], homes: [] }),
        saveReport,
      },
    )
    expect(code).toBe(0)
    expect(saveReport).toHaveBeenCalledTimes(times)
    if (times > 0)
      expect(saveReport.mock.calls[0]?.[0]).toMatchObject({
        tool: { version: '1.2.3' },
        results: [{ id: 'test.sample', summary: { key: 'test.cli-history.ok' } }],
      })
  })
})

const CLI = BUILT_CLI
const FIRST = CHECKS[0]?.id ?? ''
let home: string

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8' },
    timeout: 30000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('bulwark CLI history as a real process', () => {
  const storeDir = () => join(home, '.config', 'bulwark')
  const storeFile = () => join(storeDir(), 'cli-store.json')
  const saved = (): { startedAt: string }[] =>
    (JSON.parse(readFileSync(storeFile(), 'utf8')) as { reports: { startedAt: string }[] }).reports

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'bulwark-cli-history-'))
    return () => rmSync(home, { recursive: true, force: true })
  })

  it('keeps no record of a scan or report unless asked: no file, no folder', () => {
    expect(cli(['scan', '--only', FIRST]).stderr).toBe('')
    cli(['scan', '--json', '--only', FIRST])
    cli(['report', '--format', 'md', '--only', FIRST])
    cli(['scan', '--only', FIRST, '--no-history'])
    cli(['list'])
    cli(['--help'])
    cli(['history'])
    expect(existsSync(join(home, '.config'))).toBe(false)
    expect(cli(['--help']).stdout).toContain('--save')
  })

  it('keeps each scan saved with --save in its own private history file, newest first', () => {
    const first = JSON.parse(cli(['scan', '--json', '--save', '--only', FIRST]).stdout) as { startedAt: string }
    expect(statSync(storeFile()).mode & 0o777).toBe(0o600)
    expect(saved().map((r) => r.startedAt)).toEqual([first.startedAt])
    const second = JSON.parse(cli(['report', '--format', 'json', '--save', '--only', FIRST]).stdout) as { startedAt: string }
    expect(saved().map((r) => r.startedAt)).toEqual([second.startedAt, first.startedAt])
    expect(readdirSync(storeDir())).toEqual(['cli-store.json'])
  })

  it('history lists the saved scans (text and --json) and says how to delete them', () => {
    const empty = cli(['history'])
    expect(empty.code).toBe(0)
    expect(empty.stdout).toBe(`${render(cliText('historyEmpty'), 'en')}\n`)
    expect(JSON.parse(cli(['history', '--json']).stdout)).toEqual({ file: storeFile(), scans: [] })
    const scan = JSON.parse(cli(['scan', '--json', '--save', '--only', FIRST]).stdout) as { startedAt: string }
    const text = cli(['history']).stdout.split('\n')
    expect(text[0]).toBe(render(cliText('historyHeading', { count: 1, path: storeFile() }), 'en'))
    // When, as the reader writes a date (the JSON keeps the ISO time).
    expect(text[1]?.startsWith(`${localDateTime(scan.startedAt, 'en')}  linux `)).toBe(true)
    expect(text[2]).toBe(render(cliText('historyForgetHint'), 'en'))
    const json = JSON.parse(cli(['history', '--json']).stdout) as { file: string; scans: unknown[] }
    expect(json.file).toBe(storeFile())
    expect(json.scans.map((s) => scanReportSchema.parse(s).startedAt)).toEqual([scan.startedAt])
  })

  it('forget deletes the history, the damaged copies set aside and the empty folder, and says each', () => {
    cli(['scan', '--save', '--only', FIRST])
    cli(['scan', '--save', '--only', FIRST])
    const aside = join(storeDir(), 'cli-store.corrupt-2026-01-01T00-00-00-000Z.json')
    writeFileSync(aside, 'old scans')
    const r = cli(['forget'])
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual(
      [
        render(cliText('forgotHistory', { path: storeFile(), count: 2 }), 'en'),
        render(cliText('forgotFile', { path: aside }), 'en'),
        render(cliText('forgotFile', { path: storeDir() }), 'en'),
      ].sort(),
    )
    expect(existsSync(storeDir())).toBe(false)
    expect(cli(['forget']).stdout).toBe(`${render(cliText('forgotNothing', { folder: storeDir() }), 'en')}\n`)
  })

  it("forget leaves the app's own data and its folder alone, and says so", () => {
    mkdirSync(storeDir(), { recursive: true })
    const app = join(storeDir(), 'store.json')
    writeFileSync(app, '{}')
    cli(['scan', '--save', '--only', FIRST])
    const r = cli(['forget'])
    expect(r.stdout).toBe(
      `${render(cliText('forgotHistory', { path: storeFile(), count: 1 }), 'en')}\n${render(cliText('appDataKept', { path: app }), 'en')}\n`,
    )
    expect(readdirSync(storeDir())).toEqual(['store.json'])
  })

  it('removes a symlink planted as the history file without touching its target', () => {
    mkdirSync(storeDir(), { recursive: true })
    const victim = join(home, 'victim.txt')
    writeFileSync(victim, 'keep me')
    symlinkSync(victim, storeFile())
    expect(cli(['forget']).code).toBe(0)
    expect(readFileSync(victim, 'utf8')).toBe('keep me')
    expect(existsSync(storeFile())).toBe(false)
  })

  it('forget leaves a folder planted as the history file, says it could not delete it, and exits 2', () => {
    mkdirSync(join(storeFile(), 'inside'), { recursive: true })
    const r = cli(['forget'])
    expect(r.code).toBe(2)
    expect(r.stdout).toMatch(new RegExp(`^Could not delete ${storeFile().replace(/[.]/g, '\\.')}: `))
    expect(existsSync(join(storeFile(), 'inside'))).toBe(true)
  })

  it('says on stderr when it had to set a damaged history file aside, and still scans', () => {
    mkdirSync(storeDir(), { recursive: true })
    writeFileSync(storeFile(), '{"schemaVersion": 2, "reports": [')
    const r = cli(['scan', '--json', '--save', '--only', FIRST])
    expect(JSON.parse(r.stdout)).toMatchObject({ results: [{ id: FIRST }] })
    expect(r.stderr).toMatch(
      /^bulwark: Bulwark could not read its data file \(.+\), so it started with default settings and an empty scan history\. The damaged file was kept at .+cli-store\.corrupt-.+\.json\.\n$/,
    )
    expect(saved()).toHaveLength(1)
    // Said once: the next run is quiet.
    expect(cli(['scan', '--json', '--save', '--only', FIRST]).stderr).toBe('')
  })
})
