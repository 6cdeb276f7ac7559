import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineCheck } from '../../checks/core/define-check.js'
import { defineMessages } from '../../checks/core/i18n/message.js'
import type { RawReport } from '../../checks/core/report/model.js'
import { parseCommandLine } from '../../src-main/cli/args.js'
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

describe('--no-history', () => {
  it.each([
    [['scan', '--no-history'], { kind: 'scan', noHistory: true }],
    [['report', '--format', 'md', '--no-history'], { kind: 'report', noHistory: true }],
  ])('is accepted by %j', (argv, expected) => {
    expect(parseCommandLine(argv, ['test.sample'])).toMatchObject({ ok: true, value: expected })
  })

  it('is off unless given, and does not apply to list', () => {
    const parsed = parseCommandLine(['scan'], ['test.sample'])
    expect(parsed.ok && 'noHistory' in parsed.value).toBe(false)
    expect(parseCommandLine(['list', '--no-history'], [])).toEqual({
      ok: false,
      reason: { kind: 'not-for-command', option: '--no-history', command: 'list' },
    })
  })

  it.each([
    [['scan'], 1],
    [['report', '--format', 'json'], 1],
    [['scan', '--no-history'], 0],
    [['report', '--no-history'], 0],
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

  it('keeps each scan and report in its own private history file, newest first', () => {
    const first = JSON.parse(cli(['scan', '--json', '--only', FIRST]).stdout) as { startedAt: string }
    expect(statSync(storeFile()).mode & 0o777).toBe(0o600)
    expect(saved().map((r) => r.startedAt)).toEqual([first.startedAt])
    const second = JSON.parse(cli(['report', '--format', 'json', '--only', FIRST]).stdout) as { startedAt: string }
    expect(saved().map((r) => r.startedAt)).toEqual([second.startedAt, first.startedAt])
    expect(readdirSync(storeDir())).toEqual(['cli-store.json'])
  })

  it('leaves no file at all with --no-history, and none for list or help', () => {
    expect(cli(['scan', '--only', FIRST, '--no-history']).stderr).toBe('')
    cli(['report', '--format', 'md', '--only', FIRST, '--no-history'])
    cli(['list'])
    cli(['--help'])
    expect(existsSync(join(home, '.config'))).toBe(false)
    expect(cli(['--help']).stdout).toContain('--no-history')
  })

  it('says on stderr when it had to set a damaged history file aside, and still scans', () => {
    mkdirSync(storeDir(), { recursive: true })
    writeFileSync(storeFile(), '{"schemaVersion": 2, "reports": [')
    const r = cli(['scan', '--json', '--only', FIRST])
    expect(JSON.parse(r.stdout)).toMatchObject({ results: [{ id: FIRST }] })
    expect(r.stderr).toMatch(
      /^bulwark: Bulwark could not read its data file \(.+\), so it started with default settings and an empty scan history\. The damaged file was kept at .+cli-store\.corrupt-.+\.json\.\n$/,
    )
    expect(saved()).toHaveLength(1)
    // Said once: the next run is quiet.
    expect(cli(['scan', '--json', '--only', FIRST]).stderr).toBe('')
  })
})
