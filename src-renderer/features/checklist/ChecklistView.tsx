import { useEffect, useState } from 'react'
import { checklistEntries, checklistKey, checklistText, type ChecklistHint } from '../../../checks/core/guidance/checklist.js'
import type { ProfileId } from '../../../checks/core/guidance/profiles.js'
import type { GuidanceState } from '../../../src-main/shared/ipc-contract.js'
import { useApi } from '../../api-context.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { ViewHeading } from '../shell/ViewHeading.js'
import { checklistUiText } from './messages.js'

/**
 * Advice a scan cannot see, apart from the verified results: the person ticks an item (kept with its
 * date), and what this computer suggests shows as a hint, never as a tick or a status.
 */
export function ChecklistView({
  profile,
  checklist,
  onTick,
}: {
  profile: ProfileId | null
  checklist: GuidanceState['checklist']
  onTick: (key: string, done: boolean) => void
}) {
  const { t, formatDateTime } = useI18n()
  const api = useApi()
  const [hints, setHints] = useState<ChecklistHint[] | null>(null)
  useEffect(() => {
    let live = true
    void api.checklistHints().then((result) => {
      // A hint that cannot be read is simply not shown: it is never a finding.
      if (live) setHints(result.ok ? result.value : [])
    })
    return () => {
      live = false
    }
  }, [api])
  const entries = checklistEntries(profile, checklist, hints ?? [])
  const done = entries.filter((e) => e.doneAt !== null).length
  return (
    <section className="view checklist" aria-labelledby="view-heading">
      <ViewHeading text={t(checklistText('heading'))} />
      <p className="note">{t(checklistText('intro'))}</p>
      {profile === null ? <p className="note">{t(checklistUiText('noProfile'))}</p> : null}
      <p className="checklist-progress" role="status">
        {t(checklistText('summary', { done, total: entries.length }))}
      </p>
      {hints === null ? <p className="placeholder">{t(checklistUiText('hintsLoading'))}</p> : null}
      <ol className="checklist-list">
        {entries.map(({ item, doneAt, hints: found }) => {
          const key = checklistKey(item.id)
          return (
            <li key={item.id} className={doneAt ? 'checklist-item step-done' : 'checklist-item'} data-item={item.id}>
              <label>
                <input type="checkbox" checked={doneAt !== null} onChange={(event) => onTick(key, event.target.checked)} />
                <span className="checklist-title">{t(item.title)}</span>
              </label>
              <p className="checklist-state" data-done={doneAt !== null}>
                {doneAt === null ? t(checklistText('notYet')) : t(checklistText('saidDone', { date: formatDateTime(doneAt) }))}
              </p>
              {found.length > 0 ? (
                <ul className="checklist-hints">
                  {found.map((hint) => (
                    <li key={hint.source} className="checklist-hint">
                      <strong>{t(checklistText('hintLabel'))}:</strong> {t(hint.text)}
                    </li>
                  ))}
                </ul>
              ) : null}
              <details>
                <summary>{t(checklistText('stepsLabel'))}</summary>
                <ol>
                  {item.steps.map((step) => (
                    <li key={step.key}>{t(step)}</li>
                  ))}
                </ol>
                <h4>{t(checklistText('protectsLabel'))}</h4>
                <p>{t(item.protects)}</p>
                <h4>{t(checklistText('limitsLabel'))}</h4>
                <p>{t(item.limits)}</p>
              </details>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
