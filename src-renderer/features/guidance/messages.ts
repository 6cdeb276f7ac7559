import { defineMessages } from '../../../checks/core/i18n/message.js'

/** Words shared by the plan, the walk-through and the panic checklist. */
export const guidanceText = defineMessages('ui.guidance', {
  effort1: 'A setting: a few minutes',
  effort2: 'Install or set up software',
  effort3: 'New hardware or a bigger change',
  profileLine: 'Profile: {profile}',
})
