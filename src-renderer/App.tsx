import { useState } from 'react'
import { useApi } from './api-context.js'
import { ErrorNotice } from './components/ErrorNotice.js'
import { StoreNotices } from './features/notices/StoreNotices.js'
import { DetailPanel } from './features/detail/DetailPanel.js'
import { ResultList } from './features/scan/ResultList.js'
import { ScanHeader } from './features/scan/ScanHeader.js'
import { isBusy } from './features/scan/scan-state.js'
import { SummaryBar } from './features/scan/SummaryBar.js'
import { useScan } from './features/scan/useScan.js'
import { useI18n } from './i18n/I18nProvider.js'

export function App() {
  const api = useApi()
  const { dir, locale } = useI18n()
  const scan = useScan(api)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const busy = isBusy(scan.state)
  const selected = selectedId ? (scan.state.entries[selectedId] ?? null) : null
  return (
    <div className="app" dir={dir} lang={locale}>
      <ScanHeader state={scan.state} busy={busy} onScan={() => void scan.scan()} />
      <main className="app-main">
        <StoreNotices />
        {scan.error ? <ErrorNotice error={scan.error} onDismiss={scan.dismissError} /> : null}
        <SummaryBar state={scan.state} />
        <div className="workspace">
          <ResultList state={scan.state} ready={scan.ready} selectedId={selectedId} onSelect={setSelectedId} />
          <DetailPanel entry={selected} platform={scan.state.lastScan?.host.platform ?? null} busy={busy} onRunAgain={(id) => void scan.runCheck(id)} />
        </div>
      </main>
    </div>
  )
}
