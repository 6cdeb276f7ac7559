import { defineMessages } from '../i18n/message.js'

export const t = defineMessages('report', {
  title: 'Bulwark privacy report',
  generated: 'Scanned {date} on {platform} {release} ({arch}) with Bulwark {version}',
  profile: 'Threat profile: {profile}',
  score: 'Hardening score: {score} / 100',
  noScore: 'Hardening score: not enough results to score',
  formula: 'How the score is computed',
  redacted: 'User names, host names, addresses, serial numbers and home folders were removed from this report.',
  counts: 'Results',
  evidence: 'Evidence',
  what: 'What was checked',
  where: 'Where',
  seen: 'Value seen',
  expected: 'Expected',
  why: 'Why it matters',
  steps: 'How to fix',
  admin: 'Needs administrator',
  references: 'Sources',
  noEvidence: 'No evidence recorded.',
})
