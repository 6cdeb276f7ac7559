import { useEffect, useRef } from 'react'
import type { Msg } from '../../../checks/core/i18n/message.js'
import type { Platform, Severity } from '../../../src-main/shared/report.js'
import { StatusBadge } from '../../components/StatusBadge.js'
import { t as reportText } from '../../../checks/core/report/messages.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { platformName } from '../scan/platform.js'
import type { Entry } from '../scan/scan-state.js'
import { EvidenceTable } from './EvidenceTable.js'
import { detailText } from './messages.js'
import { References } from './References.js'
import { RemediationSteps } from './RemediationSteps.js'
import { FixPanel } from '../fix/FixPanel.js'

const SEVERITY_KEYS = { info: 'severityInfo', low: 'severityLow', medium: 'severityMedium', high: 'severityHigh' } as const

function severityName(severity: Severity): Msg {
  return detailText(SEVERITY_KEYS[severity])
}

interface Props {
  entry: Entry | null
  platform: Platform | null
  busy: boolean
  onRunAgain: (id: string) => void
}

export function DetailPanel({ entry, platform, busy, onRunAgain }: Props) {
  const { t } = useI18n()
  const heading = useRef<HTMLHeadingElement>(null)
  // Moving focus to the opened result tells keyboard and screen-reader users where the content went.
  const entryId = entry?.id
  useEffect(() => {
    if (entryId) heading.current?.focus()
  }, [entryId])

  if (!entry) {
    return (
      <section className="detail-panel detail-empty" aria-label={t(detailText('heading'))}>
        <p className="placeholder">{t(detailText('selectPrompt'))}</p>
      </section>
    )
  }
  const result = entry.result
  const platformLabel = platform ? t(platformName(platform)) : ''
  return (
    <section className="detail-panel" aria-labelledby="detail-heading" aria-busy={entry.phase === 'running'}>
      <header className="detail-header">
        <h2 id="detail-heading" ref={heading} tabIndex={-1}>
          {entry.title}
        </h2>
        {result ? <StatusBadge status={result.status} /> : null}
      </header>
      {result ? (
        <>
          <p className="detail-summary">{result.summary}</p>
          <p className="detail-meta">{t(detailText('meta', { level: t(severityName(result.severity)), ms: result.durationMs }))}</p>
        </>
      ) : (
        <p className="placeholder">{t(detailText('notChecked'))}</p>
      )}
      <div className="detail-actions">
        <button type="button" className="button" disabled={busy} onClick={() => onRunAgain(entry.id)}>
          {t(detailText('runAgain'))}
        </button>
        {entry.phase === 'running' ? (
          <span role="status" className="checking">
            {t(detailText('checking'))}
          </span>
        ) : null}
      </div>
      {result ? (
        <>
          <section aria-labelledby="why-heading">
            <h3 id="why-heading">{t(reportText('why'))}</h3>
            <p>{result.rationale}</p>
          </section>
          <section aria-labelledby="evidence-heading">
            <h3 id="evidence-heading">{t(detailText('evidence'))}</h3>
            <EvidenceTable evidence={result.evidence} />
          </section>
          <section aria-labelledby="fix-heading">
            <h3 id="fix-heading">{t(detailText('fixHeading', { platform: platformLabel }))}</h3>
            {result.status === 'pass' && result.remediation.steps.length > 0 ? (
              <p className="note">{t(detailText('passingNote'))}</p>
            ) : null}
            <RemediationSteps steps={result.remediation.steps} platform={platformLabel} />
            <FixPanel checkId={entry.id} title={entry.title} status={result.status} onChanged={() => onRunAgain(entry.id)} />
          </section>
          <References references={result.remediation.references} headingId="refs-heading" />
        </>
      ) : null}
    </section>
  )
}
