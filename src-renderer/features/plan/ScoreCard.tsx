import { SCORE_FORMULA, type Score } from '../../../checks/core/guidance/score.js'
import type { Msg } from '../../../checks/core/i18n/message.js'
import type { ReportResult } from '../../../src-main/shared/report.js'
import { statusWord } from '../../../checks/core/report/messages.js'
import { t as reportText } from '../../../checks/core/report/messages.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { planText } from './messages.js'

/** The score, the formula it comes from, and every check that cost points: nothing hidden. */
export function ScoreCard({ score, profileTitle, results }: { score: Score; profileTitle: Msg; results: readonly ReportResult[] }) {
  const { t } = useI18n()
  const title = (id: string): string => results.find((r) => r.id === id)?.title ?? id
  const moved = score.lines.filter((line) => line.lost > 0)
  return (
    <section className="card score-card" aria-labelledby="score-heading">
      <h3 id="score-heading">{t(reportText('scoreHeading'))}</h3>
      {score.value === null ? (
        <p className="placeholder">{t(planText('scoreNone'))}</p>
      ) : (
        <>
          <p className="score-value" data-score={score.value}>
            {t(planText('scoreValue', { value: score.value }))}
          </p>
          <meter
            className="score-meter"
            min={0}
            max={100}
            low={50}
            high={80}
            optimum={100}
            value={score.value}
            aria-labelledby="score-heading"
          />
        </>
      )}
      <p className="score-for">{t(planText('scoreFor', { profile: t(profileTitle), count: score.lines.length }))}</p>
      <h4>{t(reportText('formula'))}</h4>
      <p className="score-formula">{t(SCORE_FORMULA)}</p>
      <h4>{t(planText('movedHeading'))}</h4>
      {moved.length === 0 ? (
        <p className="placeholder">{t(planText('movedNothing'))}</p>
      ) : (
        <ul className="moved-list">
          {moved.map((line) => (
            <li key={line.id} className={`status-${line.status}`}>
              {t(planText('movedLine', { title: title(line.id), status: t(statusWord(line.status)), points: Math.round(line.lost) }))}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
