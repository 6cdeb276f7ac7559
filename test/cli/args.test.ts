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
