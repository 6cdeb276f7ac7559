import type { Status } from '../../src-main/shared/report.js'
import { useI18n } from '../i18n/I18nProvider.js'
import { statusWord } from '../../checks/core/report/messages.js'
import { STATUS_ICON } from './status.js'

/** Icon plus words: the text is what a screen reader and a colour-blind reader both get. */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useI18n()
  return (
    <span className={`status-badge status-${status}`}>
      <span className="status-icon" aria-hidden="true">
        {STATUS_ICON[status]}
      </span>
      <span className="status-text">{t(statusWord(status))}</span>
    </span>
  )
}
