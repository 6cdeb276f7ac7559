import { statusWord } from '../../../checks/core/report/messages.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { scanText } from './messages.js'
import { ResultRow } from './ResultRow.js'
import { groupEntries, type GroupKey, type ScanState } from './scan-state.js'
import type { Msg } from '../../../checks/core/i18n/message.js'

function groupLabel(key: GroupKey): Msg {
  if (key === 'in_progress') return scanText('groupInProgress')
  if (key === 'not_checked') return scanText('groupNotChecked')
  return statusWord(key)
}

export function ResultList({
  state,
  ready,
  selectedId,
  onSelect,
}: {
  state: ScanState
  ready: boolean
  selectedId: string | null
  onSelect: (id: string) => void
}) {
  const { t } = useI18n()
  const groups = groupEntries(state)
  return (
    <section className="result-list" aria-labelledby="list-heading" aria-busy={state.scan !== null}>
      <h2 id="list-heading" className="visually-hidden">
        {t(scanText('listHeading'))}
      </h2>
      {!ready ? (
        <p className="placeholder">{t(scanText('loading'))}</p>
      ) : groups.length === 0 ? (
        <p className="placeholder">{t(scanText('noChecks'))}</p>
      ) : null}
      {groups.map((group) => (
        <div key={group.key} className={`result-group group-${group.key}`}>
          <h3 className="group-heading">{t(scanText('groupHeading', { label: t(groupLabel(group.key)), count: group.entries.length }))}</h3>
          <ul>
            {group.entries.map((entry) => (
              <ResultRow key={entry.id} entry={entry} selected={entry.id === selectedId} onSelect={onSelect} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
