import type { Status } from '../../src-main/shared/report.js'
import { STATUS_ORDER } from '../../checks/core/report/model.js'
import { statusWord } from '../../checks/core/report/messages.js'

/** The one status order (worst first) and the one set of status words, both shared with every report. */
export { STATUS_ORDER }
export const statusLabel = statusWord

/** A shape as well as a colour, so a status never rests on colour alone. */
export const STATUS_ICON: Readonly<Record<Status, string>> = {
  fail: '✕',
  warn: '!',
  error: '⚠',
  unknown: '?',
  pass: '✓',
  not_applicable: '–',
}

export function statusRank(status: Status): number {
  return STATUS_ORDER.indexOf(status)
}
