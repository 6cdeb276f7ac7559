import type { ReportEvidence } from '../../../src-main/shared/report.js'
import { t as reportText } from '../../../checks/core/report/messages.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { detailText } from './messages.js'

function Observed({ value }: { value: ReportEvidence['observed'] }) {
  const { t } = useI18n()
  if (value === null) return <em className="observed-none">{t(detailText('none'))}</em>
  // A value as read runs left to right; Bulwark's own words about it follow the reader's language.
  return <code dir="auto">{String(value)}</code>
}

/** One row per thing read, with the exact source, so the verdict can be checked by hand. */
export function EvidenceTable({ evidence }: { evidence: ReportEvidence[] }) {
  const { t } = useI18n()
  if (evidence.length === 0) return <p className="placeholder">{t(detailText('noEvidence'))}</p>
  const showExpected = evidence.some((item) => item.expected)
  return (
    <div className="table-scroll">
      <table className={showExpected ? 'evidence-table with-expected' : 'evidence-table'}>
        <colgroup>
          <col className="col-label" />
          <col className="col-source" />
          <col className="col-observed" />
          {showExpected ? <col className="col-expected" /> : null}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t(reportText('what'))}</th>
            <th scope="col">{t(reportText('where'))}</th>
            <th scope="col">{t(reportText('seen'))}</th>
            {showExpected ? <th scope="col">{t(reportText('expected'))}</th> : null}
          </tr>
        </thead>
        <tbody>
          {evidence.map((item, index) => (
            <tr key={`${item.source}#${index}`}>
              <th scope="row">{item.label}</th>
              <td>
                <code className="evidence-source" dir="ltr">
                  {item.source}
                </code>
              </td>
              <td>
                <Observed value={item.observed} />
              </td>
              {showExpected ? <td>{item.expected ?? ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
