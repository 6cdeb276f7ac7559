import type { Msg } from '../../../checks/core/i18n/message.js'
import type { FleetUsageProblem } from './args.js'
import { t } from './messages.js'

/** A usage error of `bulwark fleet`, in the user's language. */
export function describeFleetProblem(p: FleetUsageProblem): Msg {
  switch (p.kind) {
    case 'no-reports':
      return t('noReports')
    case 'bad-stale-days':
      return t('badStaleDays', { value: p.value })
    case 'bad-fleet-format':
      return t('badFormat', { value: p.value, valid: p.valid.join(', ') })
    case 'fleet-format-mismatch':
      return t('formatMismatch', { format: p.format, out: p.out, implied: p.implied })
  }
}
