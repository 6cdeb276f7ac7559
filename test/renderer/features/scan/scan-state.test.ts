import { describe, expect, it } from 'vitest'
import {
  groupEntries,
  initialScanState,
  isBusy,
  localizeScanState,
  scanCounts,
  scanReducer,
  statusCounts,
  type ScanAction,
  type RawScanState,
} from '../../../../src-renderer/features/scan/scan-state.js'
import { checkInfo, raw, report, result } from '../../support/fake-api.js'

const ids = ['a.one', 'b.two', 'c.three']
const run = (...actions: ScanAction[]): RawScanState => actions.reduce(scanReducer, initialScanState)
const catalogue: ScanAction = { type: 'catalogue', checks: ids.map((id) => checkInfo(id, `Title ${id}`)) }
/** The state as an English reader sees it. */
const shown = (state: RawScanState) => localizeScanState(state, 'en')

describe('scan state', () => {
  it('counts progress from the engine events: 0 of 3, then 1 of 3 as each check finishes', () => {
    let state = run(catalogue, { type: 'scan-requested' }, { type: 'progress', event: { type: 'scan-started', ids } })
    expect(scanCounts(state)).toEqual({ done: 0, total: 3 })
    expect(ids.map((id) => state.entries[id]?.phase)).toEqual(['waiting', 'waiting', 'waiting'])
    state = scanReducer(state, { type: 'progress', event: { type: 'check-started', id: 'b.two' } })
    expect(state.entries['b.two']?.phase).toBe('running')
    state = scanReducer(state, {
      type: 'progress',
      event: { type: 'check-finished', id: 'b.two', result: raw(result({ id: 'b.two', status: 'pass' })) },
    })
    expect(scanCounts(state)).toEqual({ done: 1, total: 3 })
    expect(state.entries['b.two']?.phase).toBe('done')
    expect(isBusy(state)).toBe(true)
  })

  it('counts a check once even if its finish arrives twice', () => {
    const finished: ScanAction = { type: 'progress', event: { type: 'check-finished', id: 'a.one', result: raw(result({ id: 'a.one' })) } }
    const state = run(catalogue, { type: 'progress', event: { type: 'scan-started', ids } }, finished, finished)
    expect(scanCounts(state)).toEqual({ done: 1, total: 3 })
  })

  it('takes the resolved report as the truth, even if progress events were lost', () => {
    const state = run(
      catalogue,
      { type: 'scan-requested' },
      { type: 'report', report: report(ids.map((id) => result({ id, status: 'warn' }))) },
    )
    expect(state.scan).toBeNull()
    expect(isBusy(state)).toBe(false)
    expect(ids.every((id) => state.entries[id]?.phase === 'done')).toBe(true)
    expect(state.lastScan?.durationMs).toBe(420)
  })

  it('groups worst first, in-progress on top, catalogue order inside a group', () => {
    const results = [
      result({ id: 'a.one', status: 'pass' }),
      result({ id: 'b.two', status: 'fail' }),
      result({ id: 'c.three', status: 'pass' }),
    ]
    let state = run(catalogue, { type: 'report', report: report(results) })
    expect(groupEntries(state).map((g) => [g.key, g.entries.map((e) => e.id)])).toEqual([
      ['fail', ['b.two']],
      ['pass', ['a.one', 'c.three']],
    ])
    state = scanReducer(state, { type: 'check-requested', id: 'c.three' })
    expect(groupEntries(state)[0]).toMatchObject({ key: 'in_progress', entries: [{ id: 'c.three' }] })
    expect(statusCounts(state)).toMatchObject({ fail: 1, pass: 1, warn: 0 })
  })

  it('keeps the last result while one check re-runs, and replaces it with the new one', () => {
    let state = run(catalogue, { type: 'report', report: report([result({ id: 'a.one', status: 'fail', summary: 'old' })]) })
    state = scanReducer(state, { type: 'check-requested', id: 'a.one' })
    expect(shown(state).entries['a.one']).toMatchObject({ phase: 'running', result: { summary: 'old' } })
    expect(isBusy(state)).toBe(true)
    state = scanReducer(state, { type: 'check-result', result: raw(result({ id: 'a.one', status: 'pass', summary: 'new' })) })
    expect(shown(state).entries['a.one']).toMatchObject({ phase: 'done', result: { status: 'pass', summary: 'new' } })
    expect(isBusy(state)).toBe(false)
  })

  it('falls back to what was known when a scan or a re-run fails', () => {
    let state = run(
      catalogue,
      { type: 'report', report: report([result({ id: 'a.one' })]) },
      { type: 'scan-requested' },
      { type: 'scan-failed' },
    )
    expect(state.entries['a.one']?.phase).toBe('done')
    expect(state.entries['b.two']?.phase).toBe('idle')
    state = scanReducer(scanReducer(state, { type: 'check-requested', id: 'b.two' }), { type: 'check-failed', id: 'b.two' })
    expect(state.entries['b.two']?.phase).toBe('idle')
    expect(isBusy(state)).toBe(false)
    expect(groupEntries(state).at(-1)).toMatchObject({ key: 'not_checked' })
  })

  it('adds a result for a check the catalogue did not list rather than dropping it', () => {
    const state = run(catalogue, { type: 'report', report: report([result({ id: 'z.new', title: 'New one' })]) })
    expect(state.order.at(-1)).toBe('z.new')
    expect(shown(state).entries['z.new']?.title).toBe('New one')
  })
})
