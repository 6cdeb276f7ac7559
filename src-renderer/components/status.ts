import { defineMessages } from '../../checks/core/i18n/message.js'
import type { Status } from '../../src-main/shared/report.js'

import { STATUS_ORDER } from '../../checks/core/report/model.js'

/** The one status order (worst first), shared with every report. */
export { STATUS_ORDER }

export const statusLabel = defineMessages('ui.status', {
  fail: 'Fail',
  warn: 'Warning',
  unknown: 'Unknown',
  error: 'Error',
  pass: 'Pass',
  not_applicable: 'Not applicable',
})

/** A shape as well as a colour, so a status never rests on colour alone. */
export const STATUS_ICON: Readonly<Record<Status, string>> = {
  fail: '✕',
  warn: '!',
  unknown: '?',
  error: '⚠',
  pass: '✓',
  not_applicable: '–',
}

export function statusRank(status: Status): number {
  return STATUS_ORDER.indexOf(status)
}
