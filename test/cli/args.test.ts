import { describe, expect, it } from 'vitest'
import { parseCommandLine } from '../../src-main/cli/args.js'
import { runCli } from '../../src-main/cli/run-cli.js'
import { createFixtureHost } from '../support/fixture-host.js'

const IDS = ['tor.service']

describe('usage problems from the option parser', () => {
  it.each([
    [['scan', '--bogus'], { kind: 'unknown-option', option: '--bogus' }],
    [['scan', '-x'], { kind: 'unknown-option', option: '-x' }],
    [['scan', '--only'], { kind: 'missing-value', option: '--only' }],
    [['scan', '--timeout', '-5'], { kind: 'missing-value', option: '--timeout' }],
    [['report', '-o'], { kind: 'missing-value', option: '--out' }],
    [['scan', '--json=yes'], { kind: 'takes-no-value', option: '--json' }],
    [['scan', 'extra'], { kind: 'unexpected-argument', value: 'extra' }],
  ])('%j becomes %j', (argv, problem) => {
    expect(parseCommandLine(argv, IDS)).toEqual({ ok: false, reason: problem })
  })
})

describe('usage problems are said in the chosen language, with exit code 2', () => {
  async function stderrOf(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; text: string }> {
    let text = ''
    const code = await runCli(
      argv,
      { stdout: () => undefined, stderr: (s) => (text += s), isTTY: false, env },
      {
        checks: [],
        createHost: () => createFixtureHost({ platform: 'linux' }),
        version: '0.0.0',
        redactionContext: () => ({ usernames: [], hostnames: [], homes: [] }),
        saveReport: () => undefined,
      },
    )
    return { code, text }
  }

  it.each([
    [
      ['scan', '--timeout', '-5'],
      {},
      /^bulwark: The option --timeout needs a value\. If the value starts with a dash, write it as --timeout=value\.\n$/,
    ],
    [['scan', '--json=yes'], {}, /^bulwark: The option --json takes no value/],
    [['scan', '--bogus'], { LANG: 'es_ES.UTF-8' }, /^bulwark: Opción desconocida: '--bogus'/],
    [['scan', 'extra'], { LANG: 'zh_CN.UTF-8' }, /^bulwark: 多余的参数“extra”/],
  ])('%j (env %j)', async (argv, env, message) => {
    const r = await stderrOf(argv, env)
    expect(r.code).toBe(2)
    expect(r.text).toMatch(message)
  })
})

describe('--lang is matched the way the environment is', () => {
  it.each([
    ['en', 'en'],
    ['EN', 'en'],
    ['en_US.UTF-8', 'en'],
    ['es', 'es'],
    ['ES', 'es'],
    ['es-MX', 'es'],
    ['es_419', 'es'],
    ['zh', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['fa', 'fa'],
    ['fa-IR', 'fa'],
    ['FA_ir.utf8', 'fa'],
  ])('--lang %s is %s', (value, lang) => {
    expect(parseCommandLine(['scan', '--lang', value], IDS)).toMatchObject({ ok: true, value: { lang } })
    expect(parseCommandLine(['list', '--lang', value], IDS)).toMatchObject({ ok: true, value: { lang } })
  })

  it.each(['tlh', 'C', 'POSIX', 'e', 'english', ''])('--lang %j is refused', (value) => {
    expect(parseCommandLine(['scan', '--lang', value], IDS)).toEqual({ ok: false, reason: { kind: 'bad-lang', value } })
  })
})

describe('--only', () => {
  const ids = ['a.one', 'b.two', 'c.three']
  it.each([
    [['--only', 'a.one'], ['a.one']],
    [
      ['--only', 'a.one,b.two'],
      ['a.one', 'b.two'],
    ],
    [
      ['--only', 'a.one', '--only', 'c.three'],
      ['a.one', 'c.three'],
    ],
    [
      ['--only', 'c.three', '--only', 'a.one,b.two', '--only=a.one'],
      ['c.three', 'a.one', 'b.two'],
    ],
  ])('%j selects %j', (extra, only) => {
    expect(parseCommandLine(['scan', ...extra], ids)).toMatchObject({ ok: true, value: { only } })
  })

  it('an unknown id in any of the repeats is a usage error naming it', () => {
    expect(parseCommandLine(['scan', '--only', 'a.one', '--only', 'x.nope'], ids)).toEqual({
      ok: false,
      reason: { kind: 'unknown-check', value: 'x.nope', valid: ids },
    })
  })
})
