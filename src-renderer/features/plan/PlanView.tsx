import type { PlanItem } from '../../../checks/core/guidance/plan.js'
import type { ReportResult } from '../../../src-main/shared/report.js'
import { StatusBadge } from '../../components/StatusBadge.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { effortLabel, reasonInSentence, type Weighed } from '../guidance/model.js'
import { planText } from './messages.js'
import { ScoreCard } from './ScoreCard.js'
import { ViewHeading } from '../shell/ViewHeading.js'
import { checklistText } from '../../../checks/core/guidance/checklist.js'
import { checklistUiText } from '../checklist/messages.js'

interface Props {
  weighed: Weighed | null
  onOpen: (id: string) => void
  onRevoke: (id: string) => void
  /** The self-assessed checklist's progress, shown apart from the verified results and never in the score. */
  checklist?: { done: number; total: number; onOpen: () => void }
}

/** "Show me how", and for assistive technology which finding: the visible words stay the start of the name. */
function GuideLabel({ title }: { title: string }) {
  const { t } = useI18n()
  return (
    <>
      {t(planText('startGuide'))}
      <span className="visually-hidden"> {title}</span>
    </>
  )
}

function TodoRow({ item, n, onOpen }: { item: PlanItem<ReportResult>; n: number; onOpen: (id: string) => void }) {
  const { t } = useI18n()
  const r = item.result
  return (
    <li className="plan-row" data-check-id={r.id} data-status={r.status}>
      <div className="plan-row-main">
        <span className="plan-num" aria-hidden="true">
          {n}
        </span>
        <StatusBadge status={r.status} />
        <span className="plan-row-title">{r.title}</span>
        <span className="tag">{t(planText('effortLabel', { effort: t(effortLabel(item.effort)) }))}</span>
      </div>
      <p className="plan-row-summary">{r.summary}</p>
      <button type="button" className="button button-small" onClick={() => onOpen(r.id)}>
        <GuideLabel title={r.title} />
      </button>
    </li>
  )
}

/** The plan: the score, one thing to do first, then the rest in order of protection for effort. */
export function PlanView({ weighed, onOpen, onRevoke, checklist }: Props) {
  const { t, formatDateTime } = useI18n()
  if (!weighed || weighed.results.length === 0) {
    return (
      <section className="view" aria-labelledby="view-heading">
        <ViewHeading text={t(planText('heading'))} />
        <p className="placeholder">{t(planText('waiting'))}</p>
      </section>
    )
  }
  const { plan, score, profile, results } = weighed
  const [first, ...rest] = plan.todo
  return (
    <section className="view plan" aria-labelledby="view-heading">
      <ViewHeading text={t(planText('heading'))} />
      <div className="plan-top">
        <ScoreCard score={score} profileTitle={profile.title} results={results} />
        {first ? (
          <section className="card first-card" aria-labelledby="first-heading" data-check-id={first.result.id}>
            <h3 id="first-heading">{t(planText('firstHeading'))}</h3>
            <p className="first-title">
              <StatusBadge status={first.result.status} /> <span>{first.result.title}</span>
            </p>
            <p>{first.result.summary}</p>
            <p className="note">{t(planText('firstWhy'))}</p>
            <p>
              <span className="tag">{t(planText('effortLabel', { effort: t(effortLabel(first.effort)) }))}</span>
            </p>
            <button type="button" className="button button-primary" onClick={() => onOpen(first.result.id)}>
              <GuideLabel title={first.result.title} />
            </button>
          </section>
        ) : (
          <section className="card first-card" aria-labelledby="first-heading">
            <h3 id="first-heading">{t(planText('firstHeading'))}</h3>
            <p>{t(planText('todoEmpty'))}</p>
          </section>
        )}
      </div>
      {rest.length > 0 ? (
        <section aria-labelledby="todo-heading">
          <h3 id="todo-heading">{t(planText('todoHeading', { count: rest.length }))}</h3>
          <ol className="plan-list" start={2}>
            {rest.map((item, index) => (
              <TodoRow key={item.result.id} item={item} n={index + 2} onOpen={onOpen} />
            ))}
          </ol>
        </section>
      ) : null}
      {plan.accepted.length > 0 ? (
        <section aria-labelledby="accepted-heading">
          <h3 id="accepted-heading">{t(planText('acceptedHeading', { count: plan.accepted.length }))}</h3>
          <ul className="plan-list">
            {plan.accepted.map(({ result, risk }) => (
              <li key={result.id} className="plan-row" data-check-id={result.id}>
                <div className="plan-row-main">
                  <StatusBadge status={result.status} />
                  <span className="plan-row-title">{result.title}</span>
                </div>
                <p className="plan-row-summary">
                  {t(planText('acceptedLine', { reason: reasonInSentence(risk.reason), date: formatDateTime(risk.reviewAt) }))}
                </p>
                <button type="button" className="button button-small" onClick={() => onRevoke(result.id)}>
                  {t(planText('revoke'))}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {plan.done.length > 0 ? (
        <section aria-labelledby="done-heading">
          <h3 id="done-heading">{t(planText('doneHeading', { count: plan.done.length }))}</h3>
          <ul className="plan-list plan-done">
            {plan.done.map((result) => (
              <li key={result.id} className="plan-row" data-check-id={result.id}>
                <div className="plan-row-main">
                  <StatusBadge status={result.status} />
                  <button type="button" className="link-button" onClick={() => onOpen(result.id)}>
                    {result.title}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {checklist ? (
        <section aria-labelledby="checklist-heading" className="plan-checklist" data-counted-in-score="false">
          <h3 id="checklist-heading">{t(checklistText('heading'))}</h3>
          <p>{t(checklistText('summary', { done: checklist.done, total: checklist.total }))}</p>
          <button type="button" className="link-button" onClick={checklist.onOpen}>
            {t(checklistUiText('openChecklist'))}
          </button>
        </section>
      ) : null}
    </section>
  )
}
