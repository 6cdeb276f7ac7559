import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BUILT_CLI } from '../support/built-cli.js'

// `--version` and `--help` alone are answered before the checks load (src-main/cli/index.ts); the answer must be the
// one the full CLI gives.
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync('sh', ['-c', `"${process.execPath}" "${BUILT_CLI}" "$@"`, 'sh', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', LANG: 'C.UTF-8', ...env },
  })

describe('bulwark --help answered before the checks load', () => {
  it.each([
    ['en', 'C.UTF-8'],
    ['es', 'es_ES.UTF-8'],
    ['fa', 'fa_IR.UTF-8'],
    ['zh-CN', 'zh_CN.UTF-8'],
  ])('prints in %s exactly what `help --lang` prints through the whole CLI', (lang, LANG) => {
    const full = cli(['help', '--lang', lang])
    expect(full.status).toBe(0)
    for (const fast of [['--help'], ['-h'], ['help']]) {
      const r = cli(fast, { LANG })
      expect(r.status).toBe(0)
      expect(r.stderr).toBe('')
      expect(r.stdout).toBe(full.stdout)
    }
  })

  it.runIf(existsSync('/dev/full'))('says a failed write in plain words and exits 2, never a stack trace', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BUILT_CLI}" --help > /dev/full`], { encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^bulwark: .*ENOSPC/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('a run loads only what it needs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-loads-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  let run = 0

  /** The CLI's own chunks (by name, without the hash) and packages every thread of one run loaded. */
  function loaded(args: string[], LANG: string): Set<string> {
    const log = join(dir, `modules-${++run}`)
    const home = join(dir, `home-${run}`)
    const r = spawnSync(process.execPath, ['--import', './test/support/module-log.mjs', BUILT_CLI, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: home, LANG, BULWARK_MODULE_LOG: log },
    })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const names = readFileSync(log, 'utf8')
      .split('\n')
      .map((url) => /\/assets\/(.+)-[\w-]{8}\.js$/.exec(url)?.[1] ?? /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
    return new Set(names.filter((n): n is string => n !== undefined))
  }
  const CATALOGUES = ['es', 'fa', 'zh-CN']
  const STORE = ['conf-store', 'conf', 'ajv']
  const LAZY = ['sql.js', 'systeminformation']

  it.each([
    // [what, arguments, LANG, loaded, not loaded]
    ['--version', ['--version'], 'es_ES.UTF-8', [], ['locale', 'help', 'main', 'protocol', ...CATALOGUES]],
    ['--help in English', ['--help'], 'C.UTF-8', ['help', 'locale'], ['main', 'protocol', ...CATALOGUES, ...STORE]],
    ['--help in Persian', ['--help'], 'fa_IR.UTF-8', ['fa'], ['es', 'zh-CN', 'protocol', ...STORE]],
    ['list --lang over the environment', ['list', '--lang', 'zh-CN'], 'es_ES.UTF-8', ['zh-CN'], ['es', 'fa', ...STORE, ...LAZY]],
    [
      'a scan',
      ['scan', '--json', '--no-history', '--only', 'tor.config'],
      'es_ES.UTF-8',
      ['es', 'protocol'],
      ['fa', 'zh-CN', ...STORE, ...LAZY],
    ],
    ['a tick (the store)', ['checklist', 'done', 'messenger'], 'C.UTF-8', ['conf-store', 'conf'], [...CATALOGUES, ...LAZY]],
  ])('%s', (_what, args, LANG, want, notWanted) => {
    const names = loaded(args, LANG)
    for (const name of want) expect(names, name).toContain(name)
    for (const name of notWanted) expect(names, name).not.toContain(name)
  })
})
