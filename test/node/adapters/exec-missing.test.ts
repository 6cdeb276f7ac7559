import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type * as childProcess from 'node:child_process'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { isHostError } from '../../../checks/core/host/host.js'
import { execCommand } from '../../../src-main/node/adapters/exec.js'

// Every program the adapter hands to the OS, to prove which ones it never tried.
const spawned = vi.hoisted(() => [] as string[])
vi.mock('node:child_process', async (importOriginal) => {
  const real = await importOriginal<typeof childProcess>()
  return {
    ...real,
    spawn: (file: string, args: readonly string[], options: childProcess.SpawnOptions) => {
      spawned.push(file)
      return real.spawn(file, args, options)
    },
  }
})

const dir = mkdtempSync(join(tmpdir(), 'bulwark-exec-'))
const empty = mkdtempSync(join(tmpdir(), 'bulwark-exec-empty-'))
writeFileSync(join(dir, 'hello'), '#!/bin/sh\necho hello\n')
chmodSync(join(dir, 'hello'), 0o755)
writeFileSync(join(dir, 'not-executable'), 'echo no\n')
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(empty, { recursive: true, force: true })
})

/** Runs `file` with PATH: whether the OS was asked to start it, and how it ended. */
async function attempt(file: string, path: string): Promise<{ spawned: boolean; outcome: string }> {
  spawned.length = 0
  try {
    const r = await execCommand(file, [], { PATH: path }, { timeoutMs: 5000 })
    return { spawned: spawned.includes(file), outcome: `exit ${r.code}: ${r.stdout.trim()}` }
  } catch (e) {
    return { spawned: spawned.includes(file), outcome: isHostError(e) ? e.code : String(e) }
  }
}

describe('execCommand and a program PATH does not have', () => {
  it.each([
    ['in no PATH directory: never started', 'bulwark-no-such-tool', () => `${empty}:${dir}:/nonexistent`, false, 'not_found'],
    [
      'under a PATH entry that is a file: never started',
      'bulwark-no-such-tool',
      () => `${join(dir, 'hello')}:${empty}`,
      false,
      'not_found',
    ],
    ['present: it runs', 'hello', () => `${empty}:${dir}`, true, 'exit 0: hello'],
    ['present but not executable: the OS refuses it', 'not-executable', () => dir, true, 'permission_denied'],
    ['absent, PATH with a relative entry: the OS is asked', 'bulwark-no-such-tool', () => `.:${empty}`, true, 'not_found'],
    ['absent, no PATH at all: the OS is asked', 'bulwark-no-such-tool', () => '', true, 'not_found'],
  ])('%s', async (_, file, path, started, outcome) => {
    const seen = await attempt(file, path())
    expect(seen.outcome).toBe(outcome)
    expect(seen.spawned).toBe(started)
  })
})
