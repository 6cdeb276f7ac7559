import { defineMessages } from '../../../checks/core/i18n/message.js'

export const detailText = defineMessages('ui.detail', {
  heading: 'Details',
  selectPrompt: 'Select a check to see what Bulwark read and how to fix it.',
  notChecked: 'This check has not run yet.',
  checking: 'Checking again…',
  evidence: 'What Bulwark read',
  noEvidence: 'Bulwark recorded nothing it read for this result.',
  none: 'nothing',
  fixHeading: 'How to fix it on {platform}',
  passingNote: 'This check passes. The steps are here if you set up another computer.',
  noSteps: 'There are no steps for {platform}.',
  openSettings: 'Open the setting',
  readMore: 'Read the guide',
  references: 'Learn more',
  runAgain: 'Run this check again',
  meta: 'Importance: {level} · checked in {ms} ms',
  severityInfo: 'information',
  severityLow: 'low',
  severityMedium: 'medium',
  severityHigh: 'high',
})
