/**
 * The checks the test fix thread serves: vpn.wireguard-keys as it is, and a copy of it that blocks its thread for
 * good (as a parser stuck on a hostile file does) whenever `/block` exists under the test's root, so a test can make
 * it block while a fix is planned or only while it is verified.
 */
import path from 'node:path'
import { wireguardKeysCheck } from '../../checks/catalogue/vpn/wireguard-keys.check.js'
import type { Check } from '../../checks/core/types.js'
import { createFixtureHost } from './fixture-host.js'

/** Where the thread finds the test's root: a thread starts with a copy of the environment, read at each job. */
export const FIX_ROOT_ENV = 'BULWARK_TEST_FIX_ROOT'

export const fixtureRoot = (): string => process.env[FIX_ROOT_ENV] ?? '/nonexistent'

export const fixtureHost = () =>
  createFixtureHost({ platform: 'linux', root: fixtureRoot(), home: '/home/alex', files: { '/proc/self/status': 'Uid:\t0\t0\t0\t0\n' } })

export const inFixtureRoot = (p: string): string => path.join(fixtureRoot(), p)

/** Nested quantifiers on a long run with no match: backtracking that outlasts any test, and no await to cut it. */
function blockForGood(): never {
  ;/^(a+)+$/.test(`${'a'.repeat(64)}!`)
  throw new Error('the pattern finished: it was meant to block')
}

export const blockingCheck: Check = {
  ...wireguardKeysCheck,
  id: 'test.blocking-fix',
  async run(host, signal) {
    const marker = await host.lstat('/block').then(
      () => true,
      () => false,
    )
    if (marker) blockForGood()
    return wireguardKeysCheck.run(host, signal)
  },
}

export const FIX_THREAD_CHECKS: readonly Check[] = [wireguardKeysCheck, blockingCheck]
