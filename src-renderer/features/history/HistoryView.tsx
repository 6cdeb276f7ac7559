import { useCallback, useEffect, useState } from 'react'
import type { FixListView } from '../../../src-main/shared/fix-contract.js'
import { useApi } from '../../api-context.js'
import type { HistoryEntry } from '../../../src-main/shared/ipc-contract.js'
import { Modal } from '../../components/Modal.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { ViewHeading } from '../shell/ViewHeading.js'
import { historyText } from './messages.js'
import { ScoreChart } from './ScoreChart.js'
import { FixHistory } from '../fix/FixHistory.js'
import { fixUiText } from '../fix/messages.js'

type Confirming = 'clear' | 'forget' | null

interface Props {
  history: HistoryEntry[] | null
  onClear: () => Promise<boolean>
  onForget: () => Promise<boolean>
}

export function HistoryView({ history, onClear, onForget }: Props) {
  const { t, formatDateTime } = useI18n()
  const [confirming, setConfirming] = useState<Confirming>(null)
  const [cleared, setCleared] = useState(false)
  const api = useApi()
  const [fixes, setFixes] = useState<FixListView | null>(null)
  const loadFixes = useCallback(() => {
    void api.listFixes().then((r) => setFixes(r.ok ? r.value : null))
  }, [api])
  useEffect(loadFixes, [loadFixes])
  // Fixes still in effect lose their undo if everything is forgotten: the confirmation says so.
  const stillApplied = (fixes?.fixes ?? []).filter((f) => f.state !== 'undone').length
  const entries = history ?? []
  const newestFirst = [...entries].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))
  const confirm = async (): Promise<void> => {
    const which = confirming
    const done = which === 'clear' ? await onClear() : await onForget()
    setConfirming(null)
    if (done && which === 'clear') setCleared(true)
    if (done && which === 'forget') loadFixes()
  }
  return (
    <section className="view history" aria-labelledby="view-heading">
      <ViewHeading text={t(historyText('heading'))} />
      <p className="note">{t(historyText('intro'))}</p>
      <div className="history-status" role="status">
        {cleared && entries.length === 0 ? t(historyText('cleared')) : ''}
      </div>
      {entries.length === 0 ? (
        <p className="placeholder">{t(historyText('chartEmpty'))}</p>
      ) : (
        <>
          <div className="card chart-card" dir="ltr">
            <ScoreChart history={entries} />
          </div>
          <div className="table-scroll">
            <table className="history-table">
              <caption>{t(historyText('tableCaption'))}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(historyText('colDate'))}</th>
                  <th scope="col">{t(historyText('colScore'))}</th>
                  <th scope="col">{t(historyText('colFindings'))}</th>
                </tr>
              </thead>
              <tbody>
                {newestFirst.map((entry) => (
                  <tr key={entry.startedAt}>
                    <th scope="row">{formatDateTime(entry.startedAt)}</th>
                    <td>{entry.score === null ? t(historyText('noScore')) : entry.score}</td>
                    <td>
                      {t(
                        historyText('findings', {
                          fail: entry.counts.fail ?? 0,
                          warn: entry.counts.warn ?? 0,
                          unknown: entry.counts.unknown ?? 0,
                        }),
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <FixHistory list={fixes} onChanged={loadFixes} />
      <div className="danger-actions">
        <button type="button" className="button" disabled={entries.length === 0} onClick={() => setConfirming('clear')}>
          {t(historyText('clear'))}
        </button>
        <button type="button" className="button button-danger" onClick={() => setConfirming('forget')}>
          {t(historyText('forget'))}
        </button>
      </div>
      {confirming ? (
        <Modal labelledBy="confirm-heading" onClose={() => setConfirming(null)}>
          <div className="modal-body">
            <h2 id="confirm-heading">{t(historyText(confirming === 'clear' ? 'clearConfirmHeading' : 'forgetConfirmHeading'))}</h2>
            <p>
              {confirming === 'clear' ? t(historyText('clearConfirmText', { count: entries.length })) : t(historyText('forgetConfirmText'))}
            </p>
            {confirming === 'forget' && stillApplied > 0 ? (
              <p className="inline-error fix-forget-warning">{t(fixUiText('forgetFixesWarning', { count: stillApplied }))}</p>
            ) : null}
            <div className="modal-actions">
              <button type="button" className="button" onClick={() => setConfirming(null)}>
                {t(historyText('cancel'))}
              </button>
              <button type="button" className="button button-danger" onClick={() => void confirm()}>
                {t(historyText(confirming === 'clear' ? 'clearConfirm' : 'forgetConfirm'))}
              </button>
            </div>
          </div>
        </Modal>
      ) : null}
    </section>
  )
}
