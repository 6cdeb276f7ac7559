// Promise 4: a check that blocks its thread (a parser stuck on a hostile file) is cut off at its limit, named, and
// takes neither the scan, the other checks' verdicts nor a helper process with it.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProgressEvent, RunOptions } from '../../checks/core/engine/runner.js'
import type { Check } from '../../checks/core/types.js'
import { isolatedScans, type IsolationLimits } from '../../src-main/node/scan-worker/supervisor.js'
import { HELPER_ARGS, STUCK_CHECKS } from '../support/stuck-checks.js'
import { bundleThread } from '../support/thread-bundle.js'

// Inside the project, so the bundle's bare imports (zod, sql.js) resolve from its node_modules.
const OUT = join('out', `.test-stuck-${process.pid}`)
let entry: URL

beforeAll(async () => {
  entry = await bundleThread('test/support/stuck-scan-thread.ts', OUT)
})

afterAll(() => rmSync(OUT, { recursive: true, force: true }))

const LIMITS: IsolationLimits = { graceMs: 300, startupMs: 10_000, cancelMs: 800 }
const LIMIT_MS = 400

function pick(...ids: string[]): Check[] {
  return ids.map((id) => {
    const check = STUCK_CHECKS.find((c) => c.id === id)
    if (!check) throw new Error(`${id} is not a test check`)
    return check
  })
}

/** `cancelAfterMs`: the scan is cancelled that long after its checks have started (so while one is blocking). */
async function scan(ids: string[], options: RunOptions & { cancelAfterMs?: number } = {}) {
  const { cancelAfterMs, ...runOptions } = options
  const events: ProgressEvent[] = []
  const controller = new AbortController()
  const onProgress = (e: ProgressEvent): void => {
    events.push(e)
    if (cancelAfterMs !== undefined && e.type === 'check-started' && e.id === ids[0]) setTimeout(() => controller.abort(), cancelAfterMs)
  }
  const started = Date.now()
  const report = await isolatedScans(entry, LIMITS)(pick(...ids), {
    timeoutMs: LIMIT_MS,
    onProgress,
    signal: controller.signal,
    ...runOptions,
  })
  return { report, events, elapsedMs: Date.now() - started, byId: new Map(report.results.map((r) => [r.id, r])) }
}

describe('a check that blocks its thread for good', () => {
  it('is cut off at its limit and named, while the checks it held up keep their own verdicts', async () => {
    const { report, byId, elapsedMs } = await scan(['test.stuck', 'test.fail', 'test.pass'])
    expect(report.results.map((r) => r.id)).toEqual(['test.stuck', 'test.fail', 'test.pass'])
    expect(byId.get('test.stuck')).toMatchObject({ status: 'error', summary: { key: 'engine.cut', params: { ms: LIMIT_MS } } })
    // The fail was still waiting for its timer when the other check blocked: it is run again on its own, not masked.
    expect(byId.get('test.fail')).toMatchObject({ status: 'fail', summary: { key: 'test.stuck.found' } })
    expect(byId.get('test.pass')).toMatchObject({ status: 'pass' })
    // Two rounds at most: the shared one, then each unfinished check alone.
    expect(elapsedMs).toBeLessThan(2 * (LIMIT_MS + LIMITS.graceMs) + 2000)
  })

  it('alone in its scan is cut off in one round', async () => {
    const { byId, elapsedMs } = await scan(['test.stuck'])
    expect(byId.get('test.stuck')).toMatchObject({ status: 'error', summary: { key: 'engine.cut' } })
    expect(elapsedMs).toBeLessThan(LIMIT_MS + LIMITS.graceMs + 1500)
  })

  it('reports each check once as started and once as finished, between the scan’s start and end', async () => {
    const { events } = await scan(['test.stuck', 'test.fail', 'test.pass'])
    const types = events.map((e) => (e.type === 'check-started' || e.type === 'check-finished' ? `${e.type}:${e.id}` : e.type))
    expect(types[0]).toBe('scan-started')
    expect(types.at(-1)).toBe('scan-finished')
    for (const id of ['test.stuck', 'test.fail', 'test.pass']) {
      expect(types.filter((t) => t === `check-started:${id}`)).toHaveLength(1)
      expect(types.filter((t) => t === `check-finished:${id}`)).toHaveLength(1)
    }
  })

  it('leaves no helper it started running', async () => {
    const { byId } = await scan(['test.helper', 'test.pass'])
    expect(byId.get('test.helper')).toMatchObject({ status: 'error', summary: { key: 'engine.cut' } })
    const left = spawnSync('pgrep', ['-f', `^sleep ${HELPER_ARGS.join(' ')}$`], { encoding: 'utf8' })
    expect(left.stdout.trim()).toBe('')
  })

  it('is ended by a cancel within the wind-down time, and every check still running says it was cancelled', async () => {
    const { byId, elapsedMs } = await scan(['test.stuck', 'test.pass'], { cancelAfterMs: 200, timeoutMs: 30_000 })
    expect(byId.get('test.stuck')).toMatchObject({ status: 'error', summary: { key: 'engine.cancelled' } })
    expect(byId.get('test.pass')).toMatchObject({ status: 'pass' })
    expect(elapsedMs).toBeGreaterThanOrEqual(200 + LIMITS.cancelMs)
    expect(elapsedMs).toBeLessThan(200 + LIMITS.cancelMs + 1500)
  })
})

describe('a scan thread whose checks behave', () => {
  it('gives the same results a scan in this process would, and ends on its own', async () => {
    const { byId, elapsedMs } = await scan(['test.fail', 'test.pass'])
    expect(byId.get('test.fail')).toMatchObject({ status: 'fail' })
    expect(byId.get('test.pass')).toMatchObject({ status: 'pass' })
    expect(elapsedMs).toBeLessThan(LIMIT_MS + LIMITS.graceMs)
  })
})
