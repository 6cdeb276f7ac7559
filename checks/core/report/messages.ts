import { defineMessages, type Msg } from '../i18n/message.js'
import type { Status } from '../types.js'

/** Every word a report shows, whatever its format (terminal text, HTML, Markdown, the app's views). */
export const t = defineMessages('report', {
  title: 'Bulwark privacy report',
  generated: 'Scanned {date} on {platform} {release} ({arch}) with Bulwark {version}',
  textHeading: 'Bulwark privacy scan · {platform} {release} · {date}',
  profile: 'Threat profile: {profile}',
  score: 'Hardening score: {score} / 100',
  scoreHeading: 'Hardening score',
  noScore: 'Hardening score: not enough results to score',
  formula: 'How the score is computed',
  redacted: 'User names, host names, addresses, serial numbers and home folders were removed from this report.',
  counts: 'Results',
  totals: '{pass} passed, {warn} warnings, {fail} failed, {unknown} unknown, {error} errors, {na} not applicable · {ms} ms',
  evidence: 'Evidence',
  what: 'What',
  where: 'Where',
  seen: 'Value seen',
  expected: 'Expected',
  why: 'Why it matters',
  steps: 'How to fix',
  admin: 'Needs administrator',
  references: 'Sources',
  noEvidence: 'No evidence recorded.',
  statusFail: 'Fail',
  statusWarn: 'Warning',
  statusError: 'Error',
  statusUnknown: 'Unknown',
  statusPass: 'Pass',
  statusNotApplicable: 'Not applicable',
})

const STATUS_KEY = {
  fail: 'statusFail',
  warn: 'statusWarn',
  error: 'statusError',
  unknown: 'statusUnknown',
  pass: 'statusPass',
  not_applicable: 'statusNotApplicable',
} as const satisfies Record<Status, Parameters<typeof t>[0]>

/** The word for a status, in every report and view. */
export function statusWord(status: Status): Msg {
  return t(STATUS_KEY[status])
}
