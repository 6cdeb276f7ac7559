import { useCallback, useEffect, useState } from 'react'
import type { HistoryEntry } from '../src-main/shared/ipc-contract.js'
import type { ReportResult } from '../src-main/shared/report.js'
import { useApi } from './api-context.js'
import { ErrorNotice, type ApiError } from './components/ErrorNotice.js'
import { ExportDialog } from './features/export/ExportDialog.js'
import { weigh } from './features/guidance/model.js'
import { useGuidance } from './features/guidance/useGuidance.js'
import { HistoryView } from './features/history/HistoryView.js'
import { StoreNotices } from './features/notices/StoreNotices.js'
import { PanicChecklist } from './features/panic/PanicChecklist.js'
import { ChecklistView } from './features/checklist/ChecklistView.js'
import { ChecklistHistory } from './features/checklist/ChecklistHistory.js'
import { checklistEntries } from '../checks/core/guidance/checklist.js'
import { PlanView } from './features/plan/PlanView.js'
import { QuickExitButton } from './features/quick-exit/QuickExitButton.js'
import { useQuickExit } from './features/quick-exit/useQuickExit.js'
import { ResultsView } from './features/scan/ResultsView.js'
import { ScanHeader } from './features/scan/ScanHeader.js'
import { isBusy } from './features/scan/scan-state.js'
import { useScan } from './features/scan/useScan.js'
import { SettingsView } from './features/settings/SettingsView.js'
import { NavBar, VIEWS, type ViewName } from './features/shell/NavBar.js'
import { Walkthrough } from './features/walkthrough/Walkthrough.js'
import { Questionnaire } from './features/wizard/Questionnaire.js'
import { useI18n } from './i18n/I18nProvider.js'
import { useLocaleControl } from './i18n/LocaleGate.js'

type Screen = { view: ViewName } | { view: 'walkthrough'; id: string }

export function App() {
  const api = useApi()
  const { dir, locale } = useI18n()
  const localeControl = useLocaleControl()
  const scan = useScan(api, locale)
  const guidance = useGuidance(api)
  const quickExit = useQuickExit(api)
  const [screen, setScreen] = useState<Screen>({ view: 'plan' })
  const [wizardOpen, setWizardOpen] = useState(false)
  const [exporting, setExporting] = useState(false)
  const [history, setHistory] = useState<HistoryEntry[] | null>(null)
  const [historyError, setHistoryError] = useState<ApiError | null>(null)
  const busy = isBusy(scan.state)
  const profile = guidance.state?.profile ?? null
  const showWizard = wizardOpen || guidance.state?.profile === null

  const loadHistory = useCallback(async () => {
    const result = await api.listHistory()
    if (result.ok) setHistory(result.value)
    else setHistoryError(result.error)
  }, [api])
  // A finished scan adds to the history (and its score).
  useEffect(() => {
    void loadHistory()
  }, [loadHistory, scan.state.lastScan?.startedAt, profile])

  const results = scan.state.order.flatMap((id): ReportResult[] => {
    const result = scan.state.entries[id]?.result
    return result ? [result] : []
  })
  const now = new Date()
  const weighed = profile ? weigh(results, profile, guidance.state?.acceptedRisks ?? [], now) : null
  const ticked = checklistEntries(profile, guidance.state?.checklist ?? {})
  const checklistProgress = { done: ticked.filter((e) => e.doneAt !== null).length, total: ticked.length }
  const views = VIEWS.filter((v) => v !== 'panic' || profile === 'high-risk')
  const current: ViewName | null = screen.view === 'walkthrough' ? null : views.includes(screen.view) ? screen.view : 'plan'

  if (quickExit.exited) return <div className="quick-exit-blank" data-quick-exit="true" />

  const forget = async (): Promise<boolean> => {
    const result = await api.forgetEverything()
    if (!result.ok) {
      setHistoryError(result.error)
      return false
    }
    await Promise.all([guidance.reload(), loadHistory(), localeControl.refresh()])
    setScreen({ view: 'plan' })
    return true
  }
  const clearHistory = async (): Promise<boolean> => {
    const result = await api.clearHistory()
    if (!result.ok) setHistoryError(result.error)
    await loadHistory()
    return result.ok
  }

  // One notice per distinct problem: a missing bridge fails every call the same way.
  const errors = [
    scan.error && { error: scan.error, dismiss: scan.dismissError },
    guidance.error && { error: guidance.error, dismiss: guidance.dismissError },
    historyError && { error: historyError, dismiss: () => setHistoryError(null) },
  ].filter(
    (e, i, all): e is { error: ApiError; dismiss: () => void } =>
      Boolean(e) && all.findIndex((o) => o && e && o.error.code === e.error.code) === i,
  )

  const renderScreen = () => {
    if (screen.view === 'walkthrough') {
      const entry = scan.state.entries[screen.id]
      if (entry && guidance.state)
        return (
          <Walkthrough
            entry={entry}
            platform={scan.state.lastScan?.host.platform ?? null}
            guidance={guidance.state}
            busy={busy}
            now={now}
            onBack={() => setScreen({ view: 'plan' })}
            onCheckAgain={scan.runCheck}
            onTick={(key, done) => void guidance.setChecklistItem(key, done)}
            onAllDone={(keys) => void guidance.setChecklistItems(keys, true)}
            onAccept={(id, reason, reviewAt) => guidance.acceptRisk({ id, reason, reviewAt })}
            onRevoke={(id) => void guidance.revokeRisk(id)}
          />
        )
    }
    switch (current) {
      case 'results':
        return <ResultsView scan={scan} />
      case 'history':
        return (
          <>
            <HistoryView history={history} onClear={clearHistory} onForget={forget} />
            <ChecklistHistory checklist={guidance.state?.checklist ?? {}} />
          </>
        )
      case 'panic':
        return (
          <PanicChecklist
            checklist={guidance.state?.checklist ?? {}}
            onTick={(keys, done) => void guidance.setChecklistItems(keys, done)}
            onOpenCheck={(id) => setScreen({ view: 'walkthrough', id })}
          />
        )
      case 'checklist':
        return (
          <ChecklistView
            profile={profile}
            checklist={guidance.state?.checklist ?? {}}
            onTick={(key, done) => void guidance.setChecklistItem(key, done)}
          />
        )
      case 'settings':
        return <SettingsView profile={profile} onChangeProfile={() => setWizardOpen(true)} onExport={() => setExporting(true)} />
      default:
        return (
          <PlanView
            weighed={weighed}
            onOpen={(id) => setScreen({ view: 'walkthrough', id })}
            onRevoke={(id) => void guidance.revokeRisk(id)}
            checklist={{ ...checklistProgress, onOpen: () => setScreen({ view: 'checklist' }) }}
          />
        )
    }
  }

  return (
    <div className="app" dir={dir} lang={locale}>
      <ScanHeader state={scan.state} busy={busy} onScan={() => void scan.scan()}>
        <QuickExitButton onExit={quickExit.exit} />
      </ScanHeader>
      {showWizard ? null : <NavBar current={current} views={views} onSelect={(view) => setScreen({ view })} />}
      <main className="app-main">
        <StoreNotices />
        {errors.map(({ error, dismiss }) => (
          <ErrorNotice key={error.code + error.message} error={error} onDismiss={dismiss} />
        ))}
        {showWizard ? (
          <Questionnaire
            initial={guidance.state?.answers ?? {}}
            onCancel={profile ? () => setWizardOpen(false) : undefined}
            onDone={(chosen, answers) => {
              void guidance.setProfile({ profile: chosen, answers }).then((saved) => {
                if (!saved) return
                setWizardOpen(false)
                setScreen({ view: 'plan' })
              })
            }}
          />
        ) : (
          renderScreen()
        )}
      </main>
      {exporting ? <ExportDialog onClose={() => setExporting(false)} /> : null}
    </div>
  )
}
