// Promise 4: a stuck check is cut at its timeout, and the person's --timeout is that timeout.
import { describe, expect, it } from 'vitest'
import type { RawReport } from '../../checks/core/report/model.js'
import type { Host } from '../../checks/core/types.js'
import { findCheck } from '../../checks/registry.js'
import { runCli } from '../../src-main/cli/run-cli.js'
import { createFixtureHost } from '../support/fixture-host.js'

const never = (): Promise<never> => new Promise<never>(() => undefined)

/** A machine on which every tool, file and port hangs and ignores the abort signal. */
function hangingHost(platform: Host['platform']): Host {
  const host = createFixtureHost({ platform })
  return { ...host, exec: never, readFile: never, readText: never, readDir: never, stat: never, lstat: never, probeLoopback: never }
}

async function scan(argv: string[], ids: string[], platform: Host['platform']): Promise<RawReport | undefined> {
  let saved: RawReport | undefined
  const checks = ids.map((id) => {
    const check = findCheck(id)
    if (!check) throw new Error(`${id} is not registered`)
    return check
  })
  await runCli(
    [...argv, '--save'],
    { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {} },
    {
      checks,
      createHost: () => hangingHost(platform),
      version: '0.0.0',
      redactionContext: () => ({ usernames: [], hostnames: [], homes: [] }),
      saveReport: (raw) => (saved = raw),
    },
  )
  return saved
}

// The four checks that name a longer limit of their own (4–8 s) than the 300 ms asked for.
describe.each([
  ['dns.system', 'linux'],
  ['permissions.apps', 'linux'],
  ['keys.hardware', 'linux'],
  ['tor.service', 'linux'],
  ['dns.system', 'win32'],
  ['permissions.apps', 'darwin'],
] as const)('%s on %s with helpers that never answer', (id, platform) => {
  it('is cut at the --timeout the person gave, not at its own longer limit', async () => {
    const started = Date.now()
    const report = await scan(['scan', '--json', '--only', id, '--timeout', '300'], [id], platform)
    expect(Date.now() - started).toBeLessThan(2500)
    const [result] = report?.results ?? []
    expect(result).toMatchObject({ id, status: 'error', summary: { key: 'engine.timedOut', params: { ms: 300 } } })
  })
})
