import { StatusBadge } from '../../components/StatusBadge.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { scanText } from './messages.js'
import type { Entry } from './scan-state.js'

function PhaseBadge({ entry }: { entry: Entry }) {
  const { t } = useI18n()
  if (entry.phase === 'done' && entry.result) return <StatusBadge status={entry.result.status} />
  const key = entry.phase === 'running' ? 'phaseRunning' : entry.phase === 'waiting' ? 'phaseWaiting' : 'phaseIdle'
  return (
    <span className={`status-badge phase-${entry.phase}`}>
      <span className="status-icon" aria-hidden="true" />
      <span className="status-text">{t(scanText(key))}</span>
    </span>
  )
}

export function ResultRow({ entry, selected, onSelect }: { entry: Entry; selected: boolean; onSelect: (id: string) => void }) {
  return (
    <li
      className="result-row"
      data-check-id={entry.id}
      data-phase={entry.phase}
      data-status={entry.phase === 'done' ? entry.result?.status : undefined}
    >
      <button type="button" className="result-button" aria-current={selected ? 'true' : undefined} onClick={() => onSelect(entry.id)}>
        <PhaseBadge entry={entry} />
        <span className="result-title">{entry.title}</span>
        {entry.result && entry.phase === 'done' ? <span className="result-summary">{entry.result.summary}</span> : null}
      </button>
    </li>
  )
}
