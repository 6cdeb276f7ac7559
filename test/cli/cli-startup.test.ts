import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
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
