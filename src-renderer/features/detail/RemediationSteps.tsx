import type { ReportStep } from '../../../src-main/shared/report.js'
import { CodeBlock } from '../../components/CodeBlock.js'
import { ExternalLink } from '../../components/ExternalLink.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { detailText } from './messages.js'

/** Numbered, because order matters; commands are copyable and admin steps are flagged before anyone runs them. */
export function RemediationSteps({ steps, platform }: { steps: ReportStep[]; platform: string }) {
  const { t } = useI18n()
  if (steps.length === 0) return <p className="placeholder">{t(detailText('noSteps', { platform }))}</p>
  return (
    <ol className="steps">
      {steps.map((step, index) => (
        <li key={index} className="step">
          <p className="step-text">
            {step.text}
            {step.requiresAdmin ? <span className="admin-badge">{t(detailText('needsAdmin'))}</span> : null}
          </p>
          {step.command ? <CodeBlock command={step.command} /> : null}
          {step.link ? (
            <p className="step-link">
              <ExternalLink url={step.link}>{t(detailText(/^https?:/i.test(step.link) ? 'readMore' : 'openSettings'))}</ExternalLink>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
