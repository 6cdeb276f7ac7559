import { describe, expect, it } from 'vitest'
import { MAX_EVIDENCE, runCheck, runScan, type ProgressEvent } from '../../../../checks/core/engine/runner.js'
import { defineCheck } from '../../../../checks/core/define-check.js'
import { defineMessages, verbatim } from '../../../../checks/core/i18n/message.js'
import type { Check, Outcome } from '../../../../checks/core/types.js'
import { createFixtureHost } from '../../../support/fixture-host.js'

const t = defineMessages('test.engine', {
  ok: 'All good',
  title: 'A test check',
  rationale: 'Because',
  observer: 'What an observer learns: little',
})

function check(id: string, run: Check['run'], extra: Partial<Check> = {}): Check {
  const defined = defineCheck({
    id,
    texts: t,
    category: 'test',
    severity: 'low',
    platforms: ['linux', 'darwin', 'win32'],
    effort: 1,
    remediation: { byPlatform: { linux: [{ text: t('ok') }] }, references: [] },
    run,
  })
  return { ...defined, ...extra }
}

const pass = async (): Promise<Outcome> => ({ status: 'pass', summary: t('ok'), evidence: [] })
const linux = createFixtureHost({ platform: 'linux' })

describe('runCheck', () => {
  it('returns the outcome with the remediation for the host platform', async () => {
    const r = await runCheck(check('test.pass', pass), linux)
    expect(r.status).toBe('pass')
    expect(r.summary.en).toBe('All good')
    expect(r.remediation.steps).toHaveLength(1)
    expect(r.durationMs).toBeGreaterThanOrEqual(0)
  })

  it("takes an outcome's own effort over the check's, and the check's when it names none", async () => {
    const bigger = async (): Promise<Outcome> => ({ status: 'warn', summary: t('ok'), evidence: [], effort: 3 })
    expect((await runCheck(check('test.bigger', bigger), linux)).effort).toBe(3)
    expect((await runCheck(check('test.usual', pass), linux)).effort).toBe(1)
  })

  it('gives no steps on a platform without remediation', async () => {
    const r = await runCheck(check('test.pass', pass), createFixtureHost({ platform: 'win32' }))
    expect(r.remediation.steps).toEqual([])
  })

  it.each([
    ['an async throw', async () => Promise.reject(new Error('boom'))],
    [
      'a sync throw',
      () => {
        throw new Error('boom')
      },
    ],
    ['a thrown string', async () => Promise.reject('boom')],
  ])('turns %s into error with the message', async (_label, run) => {
    const r = await runCheck(check('test.throw', run as Check['run']), linux)
    expect(r.status).toBe('error')
    expect(r.summary.en).toContain('{message}')
    expect(r.summary.params?.message).toBe('boom')
  })

  it('cuts a hang at the timeout, aborts its signal and says how long it waited', async () => {
    let aborted = false
    const hang = check('test.hang', (_host, signal) => {
      signal.addEventListener('abort', () => (aborted = true))
      return new Promise<Outcome>(() => undefined)
    })
    const r = await runCheck(hang, linux, { timeoutMs: 50 })
    expect(r.status).toBe('error')
    expect(r.summary.key).toBe('engine.timedOut')
    expect(r.summary.params?.ms).toBe(50)
    expect(aborted).toBe(true)
  })

  it("honours a check's own timeout over the default", async () => {
    const slow = check('test.slow', () => new Promise((res) => setTimeout(() => void pass().then(res), 80)), { timeoutMs: 500 })
    expect((await runCheck(slow, linux, { defaultTimeoutMs: 10 })).status).toBe('pass')
  })

  // A check's own limit is a default: the person's --timeout wins, shorter or longer.
  it.each([
    ['a shorter limit cuts a check that names a longer one', { timeoutMs: 20 }, 400, 'error', 20],
    ['a longer limit lets a check run past its own', { timeoutMs: 400 }, 20, 'pass', undefined],
    ['the stored default does not override the check', { defaultTimeoutMs: 20 }, 400, 'pass', undefined],
  ] as const)('%s', async (_name, options, own, status, ms) => {
    const slow = check('test.slow', () => new Promise((res) => setTimeout(() => void pass().then(res), 60)), { timeoutMs: own })
    const r = await runCheck(slow, linux, options)
    expect(r.status).toBe(status)
    expect(r.summary.params?.ms).toBe(ms)
  })

  it('marks a foreign platform not_applicable without running the check', async () => {
    let ran = false
    const macOnly = check(
      'test.mac',
      async () => {
        ran = true
        return pass()
      },
      { platforms: ['darwin'] },
    )
    const r = await runCheck(macOnly, linux)
    expect(r.status).toBe('not_applicable')
    expect(r.summary.params?.platform).toBe('linux')
    expect(ran).toBe(false)
  })

  it('reports a cancelled scan as error, not as a verdict', async () => {
    const controller = new AbortController()
    const hang = check('test.hang', () => new Promise<Outcome>(() => undefined))
    const pending = runCheck(hang, linux, { signal: controller.signal, timeoutMs: 5000 })
    controller.abort()
    const r = await pending
    expect(r.status).toBe('error')
    expect(r.summary.key).toBe('engine.cancelled')
  })
})

describe('runScan', () => {
  it('runs checks in parallel, keeps registry order and emits progress in sequence', async () => {
    const delay =
      (ms: number): Check['run'] =>
      () =>
        new Promise((res) => setTimeout(() => void pass().then(res), ms))
    const checks = [check('test.a', delay(120)), check('test.b', delay(120)), check('test.c', delay(120))]
    const events: ProgressEvent[] = []
    const started = Date.now()
    const report = await runScan(checks, linux, { onProgress: (e) => events.push(e) })
    expect(Date.now() - started).toBeLessThan(330)
    expect(report.results.map((r) => r.id)).toEqual(['test.a', 'test.b', 'test.c'])
    expect(events[0]).toEqual({ type: 'scan-started', ids: ['test.a', 'test.b', 'test.c'] })
    expect(events.filter((e) => e.type === 'check-finished')).toHaveLength(3)
    expect(events.at(-1)?.type).toBe('scan-finished')
    expect(report.schemaVersion).toBe(1)
    expect(report.host.platform).toBe('linux')
  })

  it('keeps scanning when a progress listener throws', async () => {
    const report = await runScan([check('test.a', pass)], linux, {
      onProgress: () => {
        throw new Error('window closed')
      },
    })
    expect(report.results[0]?.status).toBe('pass')
  })

  it.each<[string, Record<string, number>, string[]]>([
    ['every hint given', { 'test.a': 5, 'test.b': 80, 'test.c': 30, 'test.d': 80 }, ['test.b', 'test.d', 'test.c', 'test.a']],
    ['some checks unhinted', { 'test.c': 40 }, ['test.c', 'test.a', 'test.b', 'test.d']],
    ['no hints', {}, ['test.a', 'test.b', 'test.c', 'test.d']],
  ])('starts the costliest checks first, ties as given, and reports in the given order (%s)', async (_, costs, expected) => {
    const ran: string[] = []
    const checks = ['test.a', 'test.b', 'test.c', 'test.d'].map((id) => {
      const costMs = costs[id]
      return check(
        id,
        async () => {
          ran.push(id)
          return pass()
        },
        costMs === undefined ? {} : { costMs },
      )
    })
    const events: ProgressEvent[] = []
    const report = await runScan(checks, linux, { onProgress: (e) => events.push(e) })
    expect(ran).toEqual(expected)
    expect(events.flatMap((e) => (e.type === 'check-started' ? [e.id] : []))).toEqual(expected)
    expect(events[0]).toEqual({ type: 'scan-started', ids: ['test.a', 'test.b', 'test.c', 'test.d'] })
    expect(report.results.map((r) => r.id)).toEqual(['test.a', 'test.b', 'test.c', 'test.d'])
  })

  it('never rejects: one failing check does not lose the others', async () => {
    const report = await runScan([check('test.bad', () => Promise.reject(new Error('x'))), check('test.good', pass)], linux)
    expect(report.results.map((r) => r.status)).toEqual(['error', 'pass'])
  })
})

describe('evidence cap', () => {
  it.each([
    [MAX_EVIDENCE, MAX_EVIDENCE, null],
    [MAX_EVIDENCE + 1, MAX_EVIDENCE, 2],
    [100_000, MAX_EVIDENCE, 100_000 - MAX_EVIDENCE + 1],
  ])('keeps %i findings as %i lines, counting the rest (%s)', async (count, lines, rest) => {
    const many = check('test.many', async () => ({
      status: 'fail',
      summary: verbatim('many'),
      evidence: Array.from({ length: count }, (_, i) => ({ label: verbatim(`grant ${i}`), source: `site-${i}`, observed: true })),
    }))
    const r = await runCheck(many, linux)
    expect(r.evidence).toHaveLength(lines)
    const last = r.evidence.at(-1)
    if (rest === null) expect(last?.source).toBe(`site-${count - 1}`)
    else expect(last).toMatchObject({ label: { key: 'engine.moreLabel' }, observed: { key: 'engine.moreCount', params: { count: rest } } })
  })
})
