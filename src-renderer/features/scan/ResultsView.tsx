import { useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider.js'
import { DetailPanel } from '../detail/DetailPanel.js'
import { shellText } from '../shell/messages.js'
import { ViewHeading } from '../shell/ViewHeading.js'
import { ResultList } from './ResultList.js'
import { isBusy } from './scan-state.js'
import { SummaryBar } from './SummaryBar.js'
import type { ScanController } from './useScan.js'

/** Every check and its evidence, as the scan found them, before any profile weighs them. */
export function ResultsView({ scan }: { scan: ScanController }) {
  const { t } = useI18n()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = selectedId ? (scan.state.entries[selectedId] ?? null) : null
  const busy = isBusy(scan.state)
  return (
    <section className="view" aria-labelledby="view-heading">
      <ViewHeading text={t(shellText('results'))} />
      <SummaryBar state={scan.state} />
      <div className="workspace">
        <ResultList state={scan.state} ready={scan.ready} selectedId={selectedId} onSelect={setSelectedId} />
        <DetailPanel
          entry={selected}
          platform={scan.state.lastScan?.host.platform ?? null}
          busy={busy}
          onRunAgain={(id) => void scan.runCheck(id)}
        />
      </div>
    </section>
  )
}
