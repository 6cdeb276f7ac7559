import type { ReactNode } from 'react'
import type { ReportStep } from '../../../src-main/shared/report.js'
import { CodeBlock } from '../../components/CodeBlock.js'
import { ExternalLink } from '../../components/ExternalLink.js'
import { t as reportText } from '../../../checks/core/report/messages.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { detailText } from './messages.js'

/** One step's words (admin steps flagged before anyone runs them), its copyable command and its link. */
export function StepBody({ step, lead, badge }: { step: ReportStep; lead?: ReactNode; badge?: ReactNode }) {
  const { t } = useI18n()
  return (
    <>
      <div className="step-head">
        {lead}
        <p className="step-text">
          {badge}
          {step.text}
          {step.requiresAdmin ? <span className="admin-badge">{t(reportText('admin'))}</span> : null}
        </p>
      </div>
      {step.command ? <CodeBlock command={step.command} /> : null}
      {step.link ? (
        <p className="step-link">
          <ExternalLink url={step.link}>{t(detailText(/^https?:/i.test(step.link) ? 'readMore' : 'openSettings'))}</ExternalLink>
        </p>
      ) : null}
    </>
  )
}
