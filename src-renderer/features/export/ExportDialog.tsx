import { useState } from 'react'
import type { ExportRequest, ExportResult } from '../../../src-main/shared/ipc-contract.js'
import { useApi } from '../../api-context.js'
import { ErrorNotice, type ApiError } from '../../components/ErrorNotice.js'
import { Modal } from '../../components/Modal.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { exportText } from './messages.js'

const FORMATS: readonly ExportRequest['format'][] = ['html', 'md', 'json', 'pdf']

/** Format and redaction, then main's save dialog; the path it saved to is shown so the file can be found. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const api = useApi()
  const { t } = useI18n()
  const [format, setFormat] = useState<ExportRequest['format']>('html')
  const [redact, setRedact] = useState(true)
  const [saving, setSaving] = useState(false)
  const [outcome, setOutcome] = useState<ExportResult | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const save = async (): Promise<void> => {
    setSaving(true)
    setError(null)
    setOutcome(null)
    const result = await api.exportReport({ format, redact })
    setSaving(false)
    if (result.ok) setOutcome(result.value)
    else setError(result.error)
  }
  return (
    <Modal labelledBy="export-heading" onClose={onClose}>
      <form
        className="modal-body export-dialog"
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <h2 id="export-heading">{t(exportText('heading'))}</h2>
        <fieldset>
          <legend>{t(exportText('formatLegend'))}</legend>
          <div className="choice-list">
            {FORMATS.map((f) => (
              <label key={f} className="choice">
                <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
                <span>{t(exportText(f))}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="choice">
          <input type="checkbox" checked={redact} onChange={(event) => setRedact(event.target.checked)} />
          <span>{t(exportText('redact'))}</span>
        </label>
        <div className="export-status" role="status">
          {saving ? t(exportText('saving')) : null}
          {outcome?.saved ? (
            <span className="export-saved">
              {t(exportText('savedHere'))}
              <code dir="ltr">{outcome.path}</code>
            </span>
          ) : null}
          {outcome && !outcome.saved ? t(exportText('notSaved')) : null}
        </div>
        {error ? <ErrorNotice error={error} /> : null}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t(exportText('close'))}
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {t(exportText('save'))}
          </button>
        </div>
      </form>
    </Modal>
  )
}
