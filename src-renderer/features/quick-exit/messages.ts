import { defineMessages } from '../../../checks/core/i18n/message.js'

export const quickExitText = defineMessages('ui.quickExit', {
  button: 'Quick exit',
  hint: 'Hides this window at once. Shortcut: Escape.',
})
