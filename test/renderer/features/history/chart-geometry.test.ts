import { describe, expect, it } from 'vitest'
import { chartGeometry } from '../../../../src-renderer/features/history/chart-geometry.js'

const entry = (startedAt: string, score: number | null) => ({ startedAt, durationMs: 500, counts: {}, score })

describe('chartGeometry', () => {
  it('puts the oldest scan first whatever order history arrives in, and maps 0–100 onto the plot height', () => {
    const g = chartGeometry([entry('2026-01-03T00:00:00Z', 100), entry('2026-01-01T00:00:00Z', 0)])
    expect(g.points.map((p) => p.score)).toEqual([0, 100])
    expect(g.points[0]?.x).toBe(g.plot.left)
    expect(g.points[1]?.x).toBe(g.plot.right)
    expect(g.points[0]?.y).toBe(g.plot.bottom)
    expect(g.points[1]?.y).toBe(g.plot.top)
    expect(g.segments).toHaveLength(1)
  })

  it('breaks the line at a scan without a score instead of inventing a value', () => {
    const g = chartGeometry([
      entry('2026-01-01T00:00:00Z', 40),
      entry('2026-01-02T00:00:00Z', null),
      entry('2026-01-03T00:00:00Z', 60),
      entry('2026-01-04T00:00:00Z', 80),
    ])
    expect(g.points).toHaveLength(3)
    expect(g.segments).toHaveLength(2)
    expect(g.segments[1]?.split(' ')).toHaveLength(2)
  })

  it('centres a single scan and draws nothing for none', () => {
    const one = chartGeometry([entry('2026-01-01T00:00:00Z', 50)])
    expect(one.points[0]?.x).toBe((one.plot.left + one.plot.right) / 2)
    expect(chartGeometry([]).segments).toEqual([])
    expect(one.gridlines.map((l) => l.value)).toEqual([0, 25, 50, 75, 100])
  })
})
