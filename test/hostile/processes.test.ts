// Promise: a helper Bulwark runs can neither keep it waiting past its timeout nor leave a process behind, and
// Ctrl-C or SIGTERM end the CLI at once (exit 130 or 143) even while a check is stuck, saving nothing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isHostError, type ExecOptions, type ExecResult } from '../../checks/core/host/host.js'
import { execCommand, KILL_GRACE_MS, treeKillerFor } from '../../src-main/node/adapters/exec.js'
import { BUILT_CLI } from '../support/built-cli.js'

const CLI = BUILT_CLI
/** Scheduling on a busy machine, on top of what the promise allows. */
const SLACK_MS = 400
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-processes-'))
})

afterAll(() => {
  // Whatever a failed test left running is ended here, so it cannot spoil the next run.
  for (const pid of survivors()) process.kill(pid, 'SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

/** An executable shell script in the temp folder; `$PIDS` is the file where it records its own pid and its children's. */
function script(name: string, body: string): string {
  const path = join(dir, name)
  writeFileSync(path, `#!/bin/sh\n${body}\n`, { mode: 0o755 })
  return path
}

function recordedPids(): number[] {
  const pids: number[] = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.pids'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) if (line.trim() !== '') pids.push(Number(line))
  }
  return pids
}

/**
 * Processes a test started that still run: the recorded pids and anything whose command line names the temp
 * folder. A zombie has ended and only waits to be reaped by init, so it does not count.
 */
function survivors(): number[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' }).stdout
  const recorded = new Set(recordedPids())
  const found: number[] = []
  for (const line of ps.split('\n')) {
    const m = /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(line)
    if (!m?.[1] || !m[2] || m[3] === undefined) continue
    const pid = Number(m[1])
    if (m[2].startsWith('Z') || pid === process.pid) continue
    if (recorded.has(pid) || m[3].includes(dir)) found.push(pid)
  }
  return found
}

/**
 * Survivors once SIGKILL has had its effect: the kernel ends a killed process when it next runs, which on a loaded
 * machine can be a moment after the kill returned. Anything still there after a second escaped the kill.
 */
async function survivorsAfterKill(): Promise<number[]> {
  for (let i = 0; i < 20 && survivors().length > 0; i++) await new Promise((r) => setTimeout(r, 50))
  return survivors()
}

/** A helper that ignores SIGTERM, as do the two children it waits for. */
const IGNORES_TERM = `trap '' TERM
echo $$ >> "$PIDS"
sleep 30 & echo $! >> "$PIDS"
sleep 30 & echo $! >> "$PIDS"
wait`

/** A child that ignores SIGTERM and keeps the helper's stdout open after the helper is gone. */
const HOLDER = `sh -c 'trap "" TERM; exec sleep 30' & echo $! >> "$PIDS"`

type Outcome = 'timeout' | 'aborted' | 'truncated' | { code: number; stdout: string }

interface Case {
  name: string
  body: string
  options: ExecOptions
  abortAfterMs?: number
  expected: Outcome
  /** The latest the promise may settle, before SLACK_MS. */
  withinMs: number
}

const CASES: Case[] = [
  {
    name: 'ignores SIGTERM and waits for children that ignore it too',
    body: IGNORES_TERM,
    options: { timeoutMs: 300 },
    expected: 'timeout',
    withinMs: 300 + KILL_GRACE_MS,
  },
  {
    name: 'dies on SIGTERM, but leaves a child that ignores it holding stdout open',
    body: `echo $$ >> "$PIDS"\n${HOLDER}\nsleep 30 & echo $! >> "$PIDS"\nwait`,
    options: { timeoutMs: 300 },
    expected: 'timeout',
    withinMs: 300 + KILL_GRACE_MS,
  },
  {
    name: 'answers and exits at once, leaving a child that ignores SIGTERM holding stdout open',
    body: `echo $$ >> "$PIDS"\n${HOLDER}\necho answer`,
    options: { timeoutMs: 5000 },
    expected: { code: 0, stdout: 'answer\n' },
    withinMs: KILL_GRACE_MS + 100,
  },
  {
    name: 'prints forever and ignores SIGTERM',
    body: `trap '' TERM\necho $$ >> "$PIDS"\nwhile :; do echo flood; done`,
    options: { timeoutMs: 5000, maxBytes: 64 * 1024 },
    expected: 'truncated',
    withinMs: KILL_GRACE_MS,
  },
  {
    name: 'ignores SIGTERM when the check that ran it is cancelled',
    body: IGNORES_TERM,
    options: { timeoutMs: 10_000 },
    abortAfterMs: 200,
    expected: 'aborted',
    withinMs: 200 + KILL_GRACE_MS,
  },
]

async function outcomeOf(run: Promise<ExecResult>): Promise<Outcome> {
  try {
    const r = await run
    return r.truncated ? 'truncated' : { code: r.code ?? -1, stdout: r.stdout }
  } catch (e) {
    if (isHostError(e, 'timeout')) return 'timeout'
    if (isHostError(e, 'aborted')) return 'aborted'
    throw e
  }
}

describe.each(CASES)('a helper that $name', ({ name, body, options, abortAfterMs, expected, withinMs }) => {
  it('settles in time with an honest outcome, and nothing it started survives', async () => {
    const file = script(name.replace(/\W+/g, '-'), body)
    const controller = new AbortController()
    if (abortAfterMs !== undefined) setTimeout(() => controller.abort(), abortAfterMs)
    const started = Date.now()
    const outcome = await outcomeOf(
      execCommand(file, [], { PATH: process.env.PATH, PIDS: `${file}.pids` }, { ...options, signal: controller.signal }),
    )
    expect(Date.now() - started).toBeLessThan(withinMs + SLACK_MS)
    expect(outcome).toEqual(expected)
    expect(recordedPids().length).toBeGreaterThan(0)
    expect(await survivorsAfterKill()).toEqual([])
  })
})

describe('the real CLI with a DNS helper that hangs and ignores SIGTERM', () => {
  let home: string
  let bin: string

  beforeAll(() => {
    bin = join(dir, 'bin')
    mkdirSync(bin)
    // dns.system asks `resolvectl status`; this one never answers, and neither it nor its child yields to SIGTERM.
    writeFileSync(join(bin, 'resolvectl'), `#!/bin/sh\n${IGNORES_TERM.replace("trap '' TERM", "trap '' TERM INT")}\n`, { mode: 0o755 })
  }, 60_000)

  const start = (pids: string, extra: string[] = []): ReturnType<typeof spawn> => {
    home = mkdtempSync(join(dir, 'home-'))
    return spawn(process.execPath, [CLI, 'scan', '--only', 'dns.system', '--timeout', '60000', ...extra], {
      env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: home, LANG: 'C', PIDS: pids },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  }

  const exited = (child: ReturnType<typeof spawn>): Promise<{ code: number | null; stderr: string }> =>
    new Promise((resolve) => {
      let stderr = ''
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
      child.on('close', (code) => resolve({ code, stderr }))
    })

  async function helperRunning(pids: string): Promise<void> {
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline) {
      if (existsSync(pids) && readFileSync(pids, 'utf8').split('\n').length > 3) return
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error('the fake resolvectl never started')
  }

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s ends it at once with exit %i, kills the helper and keeps no history', async (signal, code) => {
    const pids = join(dir, `cli-${signal}.pids`)
    // Asked to save, and still nothing is kept: an interrupted scan is partial.
    const child = start(pids, ['--save'])
    const result = exited(child)
    await helperRunning(pids)
    const sent = Date.now()
    child.kill(signal)
    const { code: exitCode, stderr } = await result
    // The helper's own limit is 1.5 s: an exit well before it is the signal's doing, not the scan ending.
    expect(Date.now() - sent).toBeLessThan(1000)
    expect(exitCode).toBe(code)
    expect(stderr).toContain(signal)
    expect(await survivorsAfterKill()).toEqual([])
    expect(readdirSync(home, { recursive: true })).toEqual([])
  })

  it('left alone, the scan ends at the helper timeout with nothing left running', async () => {
    const pids = join(dir, 'cli-alone.pids')
    const { code } = await exited(start(pids, ['--no-history']))
    expect([0, 1]).toContain(code)
    expect(recordedPids().length).toBeGreaterThan(0)
    expect(await survivorsAfterKill()).toEqual([])
  }, 15_000)
})

// Windows has no process groups: the tree is ended with taskkill, and only while the helper runs, because Windows
// soon gives an ended helper's pid to another program. Proven with taskkill's launcher recorded, on any system.
describe('ending a helper tree on Windows', () => {
  const launched: { file: string; args: readonly string[] }[] = []
  const record = ((file: string, args: readonly string[]) => {
    launched.push({ file, args })
    return { on: () => undefined }
  }) as unknown as typeof spawn
  const windows = treeKillerFor('win32', record)
  const child = (exitCode: number | null) => ({ pid: 4242, exitCode, signalCode: null }) as unknown as ChildProcess

  it.each([
    ['a running helper', () => windows.kill(child(null), 'SIGTERM'), [{ file: 'taskkill', args: ['/T', '/F', '/PID', '4242'] }]],
    ['a helper that has exited (its pid may be another program now)', () => windows.kill(child(0), 'SIGKILL'), []],
    [
      'a helper another thread started, known by pid',
      () => windows.killPid(777),
      [{ file: 'taskkill', args: ['/T', '/F', '/PID', '777'] }],
    ],
  ])('%s', (_name, act, expected) => {
    launched.length = 0
    act()
    expect(launched).toEqual(expected)
    expect(windows.groups).toBe(false)
  })
})
