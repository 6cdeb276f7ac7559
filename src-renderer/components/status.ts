import type { Status } from '../../src-main/shared/report.js'

/** A shape as well as a colour, so a status never rests on colour alone. (Order and words: checks/core/report.) */
export const STATUS_ICON: Readonly<Record<Status, string>> = {
  fail: '✕',
  warn: '!',
  error: '⚠',
  unknown: '?',
  pass: '✓',
  not_applicable: '–',
}
