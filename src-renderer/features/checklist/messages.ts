import { defineMessages } from '../../../checks/core/i18n/message.js'

/** The checklist view's own words; the items and their labels are the core's (checks/core/guidance/checklist.ts). */
export const checklistUiText = defineMessages('ui.checklist', {
  hintsLoading: 'Looking for hints on this computer…',
  openChecklist: 'Open the checklist',
  noProfile: 'Every item is shown until you choose a threat profile.',
  historyHeading: 'What you said you did',
  historyIntro: 'Your own checklist ticks with their dates, kept apart from the scans. Forget everything deletes them too.',
  historyEmpty: 'Nothing ticked yet.',
  historyLine: '{title}: {date}',
})
