import type { HistoryEntry } from '../../../src-main/shared/ipc-contract.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { chartGeometry } from './chart-geometry.js'
import { historyText } from './messages.js'

/**
 * The score over time in plain SVG. Its label sums it up; the table beside it carries every value,
 * so nothing rests on reading the line. Time runs left to right in every language, as on a clock axis.
 */
export function ScoreChart({ history }: { history: readonly HistoryEntry[] }) {
  const { t, formatDateTime } = useI18n()
  const g = chartGeometry(history)
  const first = g.points[0]
  const last = g.points[g.points.length - 1]
  const none = t(historyText('noScore'))
  const label = t(
    historyText('chartLabel', { count: history.length, first: first ? String(first.score) : none, last: last ? String(last.score) : none }),
  )
  return (
    <svg className="score-chart" viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label={label}>
      {g.gridlines.map((line) => (
        <g key={line.value} className="chart-grid">
          <line x1={g.plot.left} x2={g.plot.right} y1={line.y} y2={line.y} />
          <text x={g.plot.left - 8} y={line.y + 4} textAnchor="end">
            {line.value}
          </text>
        </g>
      ))}
      {g.segments.map((points) => (
        <polyline key={points} className="chart-line" points={points} />
      ))}
      {g.points.map((p) => (
        <circle key={p.startedAt} className="chart-point" cx={p.x} cy={p.y} r={4} />
      ))}
      {first ? (
        <text className="chart-axis" x={g.plot.left} y={g.height - 6} textAnchor="start">
          {formatDateTime(first.startedAt)}
        </text>
      ) : null}
      {last && last !== first ? (
        <text className="chart-axis" x={g.plot.right} y={g.height - 6} textAnchor="end">
          {formatDateTime(last.startedAt)}
        </text>
      ) : null}
    </svg>
  )
}
