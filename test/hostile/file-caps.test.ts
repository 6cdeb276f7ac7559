// Promise 3 and 4: every file a check reads is capped, and a file past the cap is never taken as read. On a machine
// where every file exists and each is over the cap, no check passes on what it could not read, none throws, and each
// ends within its limit.
import { describe, expect, it } from 'vitest'
import { runCheck } from '../../checks/core/engine/runner.js'
import { HostError, type FileStat, type Host } from '../../checks/core/host/host.js'
import type { Platform } from '../../checks/core/types.js'
import { CHECKS } from '../../checks/registry.js'
import { createFixtureHost } from '../support/fixture-host.js'

const HUGE: FileStat = { kind: 'file', size: 5 * 2 ** 30, mode: 0o644, uid: 0, gid: 0, mtimeMs: 0 }

function everyFileTooLarge(platform: Platform): Host {
  const tooLarge = (file: string): Promise<never> => Promise.reject(new HostError('too_large', file, `${HUGE.size} bytes, limit 4194304`))
  return { ...createFixtureHost({ platform }), readFile: tooLarge, readText: tooLarge, stat: async () => HUGE, lstat: async () => HUGE }
}

/** Told by a marker file being there, not by reading it (Whonix's own rule): existence is all it needs. */
const EXISTENCE_ONLY = new Set(['linux env.isolation'])

describe.each(['linux', 'darwin', 'win32'] as const)('on %s, with every file over the read cap', (platform) => {
  it.each(CHECKS.map((c) => [c.id, c] as const))('%s passes on nothing it could not read', async (id, check) => {
    const result = await runCheck(check, everyFileTooLarge(platform), { timeoutMs: 5000 })
    expect(result.status).not.toBe('error')
    if (!EXISTENCE_ONLY.has(`${platform} ${id}`)) expect(result.status).not.toBe('pass')
  })
})
