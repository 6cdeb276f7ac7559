import type { HistoryEntry } from '../../../src-main/shared/ipc-contract.js'

export interface ChartPoint {
  x: number
  y: number
  score: number
  startedAt: string
}

export interface ChartGeometry {
  width: number
  height: number
  plot: { left: number; right: number; top: number; bottom: number }
  /** Oldest first. */
  points: ChartPoint[]
  /** Polyline point lists; a scan without a score breaks the line rather than pretending to a value. */
  segments: string[]
  gridlines: { value: number; y: number }[]
}

const WIDTH = 640
const HEIGHT = 220
const PLOT = { left: 40, right: WIDTH - 16, top: 12, bottom: HEIGHT - 28 }
const GRID = [0, 25, 50, 75, 100]

/** Pure: history (any order) → SVG coordinates for a 0–100 score line, oldest on the start side. */
export function chartGeometry(history: readonly HistoryEntry[]): ChartGeometry {
  const ordered = [...history].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))
  const span = PLOT.right - PLOT.left
  const yOf = (score: number): number => PLOT.bottom - ((PLOT.bottom - PLOT.top) * score) / 100
  const xOf = (index: number): number => (ordered.length <= 1 ? PLOT.left + span / 2 : PLOT.left + (span * index) / (ordered.length - 1))
  const points: ChartPoint[] = []
  const segments: string[] = []
  let current: string[] = []
  ordered.forEach((entry, index) => {
    if (entry.score === null) {
      if (current.length > 0) segments.push(current.join(' '))
      current = []
      return
    }
    const point = { x: round(xOf(index)), y: round(yOf(entry.score)), score: entry.score, startedAt: entry.startedAt }
    points.push(point)
    current.push(`${point.x},${point.y}`)
  })
  if (current.length > 0) segments.push(current.join(' '))
  return { width: WIDTH, height: HEIGHT, plot: PLOT, points, segments, gridlines: GRID.map((value) => ({ value, y: round(yOf(value)) })) }
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
