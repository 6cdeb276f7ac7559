import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/I18nProvider.js'
import { scanText } from './messages.js'
import { platformName } from './platform.js'
import { scanCounts, type ScanState } from './scan-state.js'

/** The brand, the scan controls and, after them, whatever the shell adds (Quick exit). */
export function ScanHeader({
  state,
  busy,
  onScan,
  children,
}: {
  state: ScanState
  busy: boolean
  onScan: () => void
  children?: ReactNode
}) {
  const { t, formatDateTime } = useI18n()
  const { done, total } = scanCounts(state)
  const last = state.lastScan
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t(scanText('appName'))}</h1>
        <p className="tagline">{t(scanText('tagline'))}</p>
      </div>
      <div className="scan-controls">
        {state.scan ? (
          <div className="scan-progress">
            <progress value={done} max={Math.max(total, 1)} aria-label={t(scanText('progressLabel'))} />
            <span role="status" className="progress-text">
              {t(scanText('progress', { done, total }))}
            </span>
          </div>
        ) : (
          <p className="last-scan">
            {last
              ? t(
                  scanText('lastScan', {
                    time: formatDateTime(last.startedAt),
                    platform: t(platformName(last.host.platform)),
                    ms: last.durationMs,
                  }),
                )
              : t(scanText('notScanned'))}
          </p>
        )}
        <button type="button" className="button button-primary" onClick={onScan} disabled={busy}>
          {t(scanText('scanAgain'))}
        </button>
        {children}
      </div>
    </header>
  )
}
