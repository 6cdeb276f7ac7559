import { defineMessages } from '../../../checks/core/i18n/message.js'

/** The checklist view's own words; the items and their labels are the core's (checks/core/guidance/checklist.ts). */
export const checklistUiText = defineMessages('ui.checklist', {
  hintsLoading: 'Looking for hints on this computer…',
  openChecklist: 'Open the checklist',
  noProfile: 'Every item is shown until you choose a threat profile.',
})
