import { defineMessages } from '../../../checks/core/i18n/message.js'

export const shellText = defineMessages('ui.shell', {
  navLabel: 'Sections',
  plan: 'Plan',
  checklist: 'Checklist',
  results: 'All results',
  history: 'History',
  panic: 'Panic checklist',
  settings: 'Settings',
})
