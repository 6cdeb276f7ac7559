import { STATUS_ICON } from '../../components/status.js'
import { statusWord } from '../../../checks/core/report/messages.js'
import { STATUS_ORDER } from '../../../checks/core/report/model.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { scanText } from './messages.js'
import { statusCounts, type ScanState } from './scan-state.js'

/** One chip per status that occurs, worst first; nothing while no result is in. */
export function SummaryBar({ state }: { state: ScanState }) {
  const { t } = useI18n()
  const counts = statusCounts(state)
  const present = STATUS_ORDER.filter((status) => counts[status] > 0)
  if (present.length === 0) return null
  return (
    <section className="summary-bar" aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="visually-hidden">
        {t(scanText('summaryHeading'))}
      </h2>
      <ul>
        {present.map((status) => (
          <li key={status} className={`summary-item status-${status}`}>
            <span className="status-icon" aria-hidden="true">
              {STATUS_ICON[status]}
            </span>
            <span>{t(scanText('summaryItem', { count: counts[status], label: t(statusWord(status)) }))}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
