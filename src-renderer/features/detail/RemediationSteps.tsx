import type { ReportStep } from '../../../src-main/shared/report.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { detailText } from './messages.js'
import { StepBody } from './StepBody.js'

/** Numbered, because order matters; commands are copyable and admin steps are flagged before anyone runs them. */
export function RemediationSteps({ steps, platform }: { steps: ReportStep[]; platform: string }) {
  const { t } = useI18n()
  if (steps.length === 0) return <p className="placeholder">{t(detailText('noSteps', { platform }))}</p>
  return (
    <ol className="steps">
      {steps.map((step, index) => (
        <li key={index} className="step">
          <StepBody step={step} />
        </li>
      ))}
    </ol>
  )
}
