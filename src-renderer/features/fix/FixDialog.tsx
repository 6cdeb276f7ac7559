import { useEffect, useState } from 'react'
import type { FixApplyView, FixOffersView, FixPreviewView, FixUndoView } from '../../../src-main/shared/fix-contract.js'
import { useApi } from '../../api-context.js'
import { ErrorNotice, type ApiError } from '../../components/ErrorNotice.js'
import { Modal } from '../../components/Modal.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { fixUiText } from './messages.js'

interface Props {
  checkId: string
  title: string
  offers: FixOffersView
  onClose: () => void
  /** Something on the machine changed (a fix applied or undone): the walk-through checks again. */
  onChanged: () => void
}

type Phase = 'preview' | 'applying' | 'done' | 'undoing'

/**
 * Which offers start ticked. One offer is the fix the person asked for, so it is ticked (the preview and Apply still
 * stand before any change). Several offers start unticked: each takes away something different (a Flatpak app's
 * home folder, its devices) and may stop a different feature, so a cautious person expects nothing to be taken
 * away that they did not pick, one change at a time, rather than having to find and untick what they want kept.
 */
const firstPicks = (view: FixOffersView): string[] => (view.offers.length === 1 ? view.offers.map((o) => o.key) : [])

/** Preview → confirm → progress → the verified result, with undo; the plan itself never leaves main. */
export function FixDialog({ checkId, title, offers, onClose, onChanged }: Props) {
  const api = useApi()
  const { t } = useI18n()
  const [choices, setChoices] = useState<Record<string, string>>(() => Object.fromEntries(offers.choices.map((c) => [c.name, c.value])))
  const [picked, setPicked] = useState<string[]>(() => firstPicks(offers))
  const [preview, setPreview] = useState<FixPreviewView | null>(null)
  const [phase, setPhase] = useState<Phase>('preview')
  const [applied, setApplied] = useState<FixApplyView | null>(null)
  const [undone, setUndone] = useState<FixUndoView | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  useEffect(() => {
    let live = true
    setPreview(null)
    if (picked.length === 0) return
    void api.previewFix({ id: checkId, offers: picked, choices }).then((r) => {
      if (!live) return
      if (r.ok) setPreview(r.value)
      else setError(r.error)
    })
    return () => {
      live = false
    }
  }, [api, checkId, picked, choices])

  // The picks keep the offers' order, so the same picks always ask main for the same plan.
  const pick = (key: string, on: boolean): void =>
    setPicked(offers.offers.map((o) => o.key).filter((k) => (k === key ? on : picked.includes(k))))

  const apply = async (hash: string): Promise<void> => {
    setPhase('applying')
    const r = await api.applyFix({ id: checkId, hash })
    setPhase('done')
    if (!r.ok) return setError(r.error)
    setApplied(r.value)
    if (r.value.kind !== 'refused') onChanged()
  }

  const fixId =
    applied && (applied.kind === 'verified' || applied.kind === 'unverified' || applied.kind === 'failed') ? applied.fixId : null
  const undo = async (force: boolean): Promise<void> => {
    if (!fixId) return
    setPhase('undoing')
    const r = await api.undoFix({ id: fixId, force })
    setPhase('done')
    if (!r.ok) return setError(r.error)
    setUndone(r.value)
    if (r.value.kind !== 'refused') onChanged()
  }

  const ready = preview?.kind === 'ready' ? preview : null
  const busy = phase === 'applying' || phase === 'undoing'
  const nonePicked = picked.length === 0
  return (
    <Modal labelledBy="fix-dialog-heading" onClose={() => (busy ? undefined : onClose())}>
      <div className="modal-body fix-dialog" data-check-id={checkId} aria-busy={busy || (preview === null && !nonePicked)}>
        <h2 id="fix-dialog-heading">{t(fixUiText('dialogHeading'))}</h2>
        <p className="modal-subject">{title}</p>
        {error ? <ErrorNotice error={error} /> : null}
        {phase === 'preview' ? (
          <>
            {offers.choices.map((c) => (
              <label key={c.name} className="field">
                <span>{t(c.label)}</span>
                <select value={choices[c.name] ?? c.value} onChange={(e) => setChoices({ ...choices, [c.name]: e.target.value })}>
                  {c.values.map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            {offers.offers.length > 1 ? (
              <fieldset className="fix-picks">
                <legend>{t(fixUiText('pickLegend'))}</legend>
                <div className="choice-list">
                  {offers.offers.map((o) => (
                    <label key={o.key} className="choice">
                      <input type="checkbox" checked={picked.includes(o.key)} onChange={(e) => pick(o.key, e.target.checked)} />
                      <span>{t(o.title)}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : null}
            {nonePicked ? (
              <p className="fix-nothing" role="status">
                {t(fixUiText('pickNone'))}
              </p>
            ) : null}
            {preview === null && !nonePicked ? <p role="status">{t(fixUiText('previewing'))}</p> : null}
            {preview?.kind === 'nothing' ? (
              <p className="fix-nothing" role="status">
                {t(preview.reason)}
              </p>
            ) : null}
            {ready ? (
              <>
                <h3>{t(ready.heading)}</h3>
                <section aria-labelledby="fix-why">
                  <h4 id="fix-why">{t(fixUiText('whyHeading'))}</h4>
                  {ready.offers.map((lines, i) => (
                    <ul key={i} className="fix-offer">
                      {lines.map((m, j) => (
                        <li key={j} className={j === 0 ? 'fix-offer-title' : undefined}>
                          {t(m)}
                        </li>
                      ))}
                    </ul>
                  ))}
                </section>
                <section aria-labelledby="fix-changes">
                  <h4 id="fix-changes">{t(fixUiText('changesHeading'))}</h4>
                  <ul className="fix-changes">
                    {ready.changes.map((c, i) => (
                      <li key={i}>
                        <span className="fix-change-line">{t(c.line)}</span>
                        {c.diff.length > 0 ? (
                          <pre className="fix-diff" dir="ltr" role="region" tabIndex={0} aria-label={t(fixUiText('diffLabel'))}>
                            {c.diff.join('\n')}
                          </pre>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </section>
                <p className="fix-admin">{t(ready.admin)}</p>
                {ready.needsAdmin ? <p className="fix-admin-prompt">{t(fixUiText('adminPrompt'))}</p> : null}
                <p className="fix-hash" dir="ltr">
                  {t(fixUiText('planHash', { hash: ready.hash.slice(0, 16) }))}
                </p>
              </>
            ) : null}
            <div className="modal-actions">
              <button type="button" className="button" onClick={onClose}>
                {t(fixUiText('cancel'))}
              </button>
              {ready ? (
                <button type="button" className="button button-primary" onClick={() => void apply(ready.hash)}>
                  {t(fixUiText('apply'))}
                </button>
              ) : null}
            </div>
          </>
        ) : (
          <>
            <div className="fix-status" role="status">
              {phase === 'applying' ? t(fixUiText(ready?.needsAdmin ? 'applyingAdmin' : 'applying')) : null}
              {phase === 'undoing' ? t(fixUiText('undoing')) : null}
            </div>
            {applied && phase !== 'applying' ? (
              <p className={`fix-result fix-result-${applied.kind}`} data-result={applied.kind}>
                {t(applied.message)}
              </p>
            ) : null}
            {undone ? (
              <p className={`fix-result fix-undo-${undone.kind}`} data-undo={undone.kind}>
                {t(undone.message)}
              </p>
            ) : null}
            <div className="modal-actions">
              {fixId && undone?.kind !== 'undone' && !busy ? (
                <button type="button" className="button" onClick={() => void undo(undone?.kind === 'refused' && undone.canForce)}>
                  {t(fixUiText(undone?.kind === 'refused' && undone.canForce ? 'undoAnyway' : 'undo'))}
                </button>
              ) : null}
              <button type="button" className="button button-primary" disabled={busy} onClick={onClose}>
                {t(fixUiText('close'))}
              </button>
            </div>
          </>
        )}
      </div>
    </Modal>
  )
}
