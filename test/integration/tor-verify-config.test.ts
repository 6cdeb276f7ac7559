/**
 * tor.config never passes a torrc that tor itself refuses. Each case is written twice: to real files
 * that the real `tor --verify-config -f` judges (the oracle), and as fixture files the check reads.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { torConfigCheck } from '../../checks/catalogue/tor/config.check.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { findTorBinary } from '../support/tor-daemon.js'

const tor = findTorBinary()
if (tor === null && process.env.CI) throw new Error('tor is missing, and CI must run this test (apt-get install tor)')

const dir = mkdtempSync(path.join(os.tmpdir(), 'bulwark-tor-verify-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const at = (name: string): string => path.join(dir, name)
const chain = (n: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, i === n - 1 ? 'SocksPort 9050\n' : `%include ${at(`c${i + 1}`)}\n`]))

/** The main torrc and the files it includes, by name in the case's folder. */
const CASES: ReadonlyArray<[string, string, Record<string, string>]> = [
  ['a plain valid torrc', 'SocksPort 9050\nControlPort 0\n', {}],
  ['a valid continuation line', 'SocksPort \\\n  9050\n', {}],
  ['an unterminated quote', 'SocksPort 9050\nNickname "abc\n', {}],
  ['a bad escape in a quoted value', 'SocksPort 9050\nContactInfo "a\\q"\n', {}],
  ['text after a closing quote', 'SocksPort 9050\nContactInfo "a" junk\n', {}],
  ['an include cycle', `SocksPort 9050\n%include ${at('a')}\n`, { a: `%include ${at('b')}\n`, b: `%include ${at('a')}\n` }],
  ['includes nested past tor’s limit', `%include ${at('c0')}\n`, chain(40)],
  ['includes nested within tor’s limit', `%include ${at('c0')}\n`, chain(5)],
  ['an include of a file that is not there', `SocksPort 9050\n%include ${at('nope')}\n`, {}],
  ['an include of /dev/null', 'SocksPort 9050\n%include /dev/null\n', {}],
  ['an include of an empty file', `SocksPort 9050\n%include ${at('empty')}\n`, { empty: '' }],
]

describe.skipIf(tor === null)('tor.config agrees with tor --verify-config', () => {
  it.each(CASES.map(([name, main, included], i) => [name, main, included, i] as const))('%s', async (_name, main, included, i) => {
    const root = at(`torrc-${i}`)
    writeFileSync(root, main)
    for (const [name, text] of Object.entries(included)) writeFileSync(at(name), text)
    const verdict = spawnSync(tor ?? 'tor', ['--verify-config', '-f', root, '--defaults-torrc', at('none')], {
      encoding: 'utf8',
      timeout: 20000,
    })
    const torRefuses = verdict.status !== 0
    const files = { '/etc/tor/torrc': main, ...Object.fromEntries(Object.entries(included).map(([n, text]) => [at(n), text])) }
    const r = await runCheck(torConfigCheck, createFixtureHost({ platform: 'linux', home: '/home/alex', files }))
    expect({ refused: r.summary.key === 'tor.config.warnRefused', status: r.status === 'pass' ? 'pass' : 'not pass' }).toEqual(
      torRefuses ? { refused: true, status: 'not pass' } : { refused: false, status: 'pass' },
    )
  })
})
