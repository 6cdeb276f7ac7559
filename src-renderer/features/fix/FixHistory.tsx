import { useState } from 'react'
import type { FixListView, FixUndoView } from '../../../src-main/shared/fix-contract.js'
import { useApi } from '../../api-context.js'
import { ErrorNotice, type ApiError } from '../../components/ErrorNotice.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { fixUiText } from './messages.js'

interface Props {
  list: FixListView | null
  /** The list changed (an undo): read it again. */
  onChanged: () => void
}

/** The fixes the app made, newest first, each with undo; a refusal says what differs and offers the override. */
export function FixHistory({ list, onChanged }: Props) {
  const api = useApi()
  const { t, formatDateTime } = useI18n()
  const [answers, setAnswers] = useState<Record<string, FixUndoView>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const fixes = list?.fixes ?? []

  const undo = async (id: string, force: boolean): Promise<void> => {
    setBusy(id)
    const r = await api.undoFix({ id, force })
    setBusy(null)
    if (!r.ok) return setError(r.error)
    setAnswers((a) => ({ ...a, [id]: r.value }))
    if (r.value.kind !== 'refused') onChanged()
  }

  return (
    <section className="fix-history" aria-labelledby="fix-history-heading">
      <h3 id="fix-history-heading">{t(fixUiText('historyHeading'))}</h3>
      <p className="note">{t(fixUiText('historyIntro'))}</p>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      {list?.damaged.map((m, i) => (
        <p key={i} className="inline-error">
          {t(m)}
        </p>
      ))}
      {fixes.length === 0 ? (
        <p className="placeholder">{t(fixUiText('historyEmpty'))}</p>
      ) : (
        <div className="table-scroll">
          <table className="history-table fix-table">
            <caption>{t(fixUiText('historyCaption'))}</caption>
            <thead>
              <tr>
                <th scope="col">{t(fixUiText('colDate'))}</th>
                <th scope="col">{t(fixUiText('colFix'))}</th>
                <th scope="col">{t(fixUiText('colState'))}</th>
                <th scope="col">{t(fixUiText('colAction'))}</th>
              </tr>
            </thead>
            <tbody>
              {fixes.map((f) => {
                const answer = answers[f.id]
                const force = answer?.kind === 'refused' && answer.canForce
                return (
                  <tr key={f.id} data-fix-id={f.id} data-state={f.state}>
                    <th scope="row">{formatDateTime(f.createdAt)}</th>
                    <td>
                      {f.titles.map((m, i) => (
                        <div key={i}>{t(m)}</div>
                      ))}
                      <div className="fix-paths" dir="ltr">
                        {t(fixUiText('changedPaths', { paths: f.paths.join(', ') }))}
                      </div>
                    </td>
                    <td>{t(f.stateText)}</td>
                    <td>
                      {f.state !== 'undone' ? (
                        <button
                          type="button"
                          className="button button-small"
                          disabled={busy !== null}
                          onClick={() => void undo(f.id, force)}
                        >
                          {t(fixUiText(force ? 'undoAnyway' : 'undo'))}
                        </button>
                      ) : null}
                      {answer ? (
                        <p className="fix-undo-answer" role="status" data-undo={answer.kind}>
                          {t(answer.message)}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
