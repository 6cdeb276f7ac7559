import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHECKS } from '../../checks/registry.js'
import { PROFILES } from '../../checks/core/guidance/profiles.js'
import { SEVERITY_WEIGHT } from '../../checks/core/guidance/score.js'
import { scanReportSchema } from '../support/report-schema.js'
import { BUILT_CLI } from '../support/built-cli.js'

const CLI = BUILT_CLI
let home: string

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function cli(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8', ...env },
    timeout: 30000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'bulwark-cli-home-'))
})

afterAll(() => rmSync(home, { recursive: true, force: true }))

describe('bulwark CLI as a real process', () => {
  it('prints a report that matches the JSON contract and exits 1 only when a check failed', () => {
    const r = cli(['scan', '--json'])
    const report = scanReportSchema.parse(JSON.parse(r.stdout))
    expect(report.results.map((x) => x.id)).toEqual(CHECKS.map((c) => c.id))
    const anyFail = report.results.some((x) => x.status === 'fail')
    expect(r.code).toBe(anyFail ? 1 : 0)
    expect(r.stderr).toBe('')
  })

  it('runs only the checks named with --only', () => {
    const first = CHECKS[0]
    if (!first) return
    const report = scanReportSchema.parse(JSON.parse(cli(['scan', '--json', '--only', first.id]).stdout))
    expect(report.results.map((x) => x.id)).toEqual([first.id])
  })

  it('lists every check with --json', () => {
    const r = cli(['list', '--json'])
    expect(r.code).toBe(0)
    const rows = JSON.parse(r.stdout) as { id: string }[]
    expect(rows.map((x) => x.id)).toEqual(CHECKS.map((c) => c.id))
  })

  it('prints plain text without colour codes when stdout is not a terminal', () => {
    const r = cli(['scan'])
    expect(r.stdout).toMatch(/passed, .* failed/)
    expect(r.stdout).not.toContain('\x1b[')
  })

  it.each([
    [['scan', '--bogus'], /Unknown option '--bogus'/],
    [['scan', '--only', 'no.such-check'], /Unknown check id 'no\.such-check'\. Valid ids:/],
    [['scan', '--only', ','], /Unknown check id/],
    [['scan', '--timeout', 'soon'], /Invalid --timeout 'soon'/],
    [['scan', '--timeout', '5'], /Invalid --timeout '5'/],
    [['frobnicate'], /Unknown command 'frobnicate'/],
    [['scan', '--lang', 'tlh'], /Unsupported --lang 'tlh'/],
    [['scan', 'extra'], /Unexpected argument 'extra'/],
    [['scan', '--profile', 'paranoid'], /Unknown --profile 'paranoid'\. Choose one of: everyday, it-baseline, high-risk/],
    [['report', '--format', 'pdf'], /Unknown --format 'pdf'\. Choose one of: html, md, json/],
    [['scan', '--redact'], /The option --redact does not apply to 'scan'/],
    [['list', '--only', 'tor.service'], /The option --only does not apply to 'list'/],
  ])('rejects %j with exit 2 and a clear message, no stack trace', (args, message) => {
    const r = cli(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.stdout).toBe('')
  })

  it('weighs results by a threat profile and says which, in the results and in the score', () => {
    const report = scanReportSchema.parse(JSON.parse(cli(['scan', '--json', '--profile', 'everyday']).stdout))
    expect(report.profile).toBe('everyday')
    expect(report.results.map((x) => x.id)).not.toContain('tor.service')
    expect(report.score.profile).toBe('everyday')
    // The weights of the profile, not the checks' own (dns.system is high on its own, low for everyday users).
    for (const c of report.score.checks) expect(c.weight).toBe(SEVERITY_WEIGHT[PROFILES.everyday.rules[c.id]?.severity ?? 'info'])
    expect(report.score.checks.map((c) => c.id)).toEqual(report.results.filter((r) => r.status !== 'not_applicable').map((r) => r.id))
  })

  it('gives the score with the weights used in --json, and the text always has a score line', () => {
    const report = scanReportSchema.parse(JSON.parse(cli(['scan', '--json']).stdout))
    expect(report.score).toMatchObject({ profile: null, weights: { high: 4, medium: 2, low: 1, info: 0 } })
    const recomputed = report.score.possible === 0 ? null : Math.round((100 * report.score.earned) / report.score.possible)
    expect(report.score.value).toBe(recomputed)
    expect(cli(['scan']).stdout).toMatch(/^Hardening score: (\d+ \/ 100|not enough results to score)$/m)
  })

  it('writes a private, self-contained, redacted HTML report with --out', () => {
    const out = join(home, 'report.html')
    const r = cli(['report', '--format', 'html', '--redact', '--out', out])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(`Report written to ${out}`)
    const html = readFileSync(out, 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).not.toMatch(/<script|<link|src="/i)
    expect(html).not.toContain(home)
    expect(statSync(out).mode & 0o777).toBe(0o600)
  })

  it.each([
    ['md', /^# Bulwark privacy report/],
    ['json', /^\{\n {2}"schemaVersion": 1/],
  ])('prints a %s report to stdout', (format, start) => {
    expect(cli(['report', '--format', format]).stdout).toMatch(start)
  })

  it('says clearly when the report cannot be written', () => {
    const r = cli(['report', '--out', join(home, 'no-such-dir', 'r.html')])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/Could not write the report to .*no-such-dir.*: the folder .*no-such-dir does not exist\n$/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it.each([
    ['es', 'Análisis de privacidad de Bulwark'],
    ['zh-CN', 'Bulwark'],
  ])('prints check texts in the language asked for with --lang %s', (lang, heading) => {
    const text = cli(['scan', '--lang', lang, '--no-history']).stdout
    expect(text).toContain(heading)
    const report = scanReportSchema.parse(JSON.parse(cli(['scan', '--json', '--lang', lang, '--no-history']).stdout))
    const english = scanReportSchema.parse(JSON.parse(cli(['scan', '--json', '--no-history']).stdout))
    expect(report.locale).toBe(lang)
    // Every check's texts are translated, not left in English (a title may be a bare name such as "Tor": the rationale never is).
    report.results.forEach((r, i) => expect(r.rationale).not.toBe(english.results[i]?.rationale))
  })

  it('follows LANG when no --lang is given', () => {
    const report = scanReportSchema.parse(JSON.parse(cli(['scan', '--json', '--no-history'], { LANG: 'fa_IR.UTF-8' }).stdout))
    expect(report.locale).toBe('fa')
  })

  it('names the valid ids when a check id is unknown', () => {
    const r = cli(['scan', '--only', 'nope.nope'])
    for (const c of CHECKS) expect(r.stderr).toContain(c.id)
  })

  it('prints help and the version with exit 0', () => {
    expect(cli(['--help']).stdout).toContain('Usage: bulwark')
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('ends quietly when its output pipe closes early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" ${CLI} --help | head -c 10 >/dev/null`], {
      encoding: 'utf8',
      env: { ...process.env, HOME: home },
    })
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /)
  })
})
