import { CHECKLIST, checklistKey } from '../../../checks/core/guidance/checklist.js'
import type { GuidanceState } from '../../../src-main/shared/ipc-contract.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { checklistUiText } from './messages.js'

/** The dates of the person's checklist ticks, newest first, on the History screen but apart from the scans and their score. */
export function ChecklistHistory({ checklist }: { checklist: GuidanceState['checklist'] }) {
  const { t, formatDateTime } = useI18n()
  const ticked = CHECKLIST.flatMap((item) => {
    const at = checklist[checklistKey(item.id)]
    return at ? [{ item, at }] : []
  }).sort((a, b) => b.at.localeCompare(a.at))
  return (
    <section className="view checklist-history" aria-labelledby="checklist-history-heading">
      <h3 id="checklist-history-heading">{t(checklistUiText('historyHeading'))}</h3>
      <p className="note">{t(checklistUiText('historyIntro'))}</p>
      {ticked.length === 0 ? (
        <p className="placeholder">{t(checklistUiText('historyEmpty'))}</p>
      ) : (
        <ul>
          {ticked.map(({ item, at }) => (
            <li key={item.id} data-item={item.id}>
              {t(checklistUiText('historyLine', { title: item.title, date: formatDateTime(at) }))}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
