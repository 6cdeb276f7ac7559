import type { ReportResult } from '../../../src-main/shared/report.js'
import { ExternalLink } from '../../components/ExternalLink.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { detailText } from './messages.js'

/** A finding's references, opened only by main in the system browser; nothing when there are none. */
export function References({ references, headingId }: { references: ReportResult['remediation']['references']; headingId: string }) {
  const { t } = useI18n()
  if (references.length === 0) return null
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t(detailText('references'))}</h3>
      <ul className="references">
        {references.map((ref) => (
          <li key={ref.url}>
            <ExternalLink url={ref.url}>{ref.title}</ExternalLink>
          </li>
        ))}
      </ul>
    </section>
  )
}
