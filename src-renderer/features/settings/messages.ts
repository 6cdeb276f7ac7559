import { defineMessages } from '../../../checks/core/i18n/message.js'

export const settingsText = defineMessages('ui.settings', {
  heading: 'Settings',
  languageHeading: 'Language',
  followSystem: 'Follow the system ({language})',
  profileHeading: 'Threat profile',
  profileCurrent: 'Current profile: {profile}',
  changeProfile: 'Answer the questions again',
  exportHeading: 'Report',
  exportIntro: 'Save the last scan as a file to keep a record or hand it to someone.',
  exportOpen: 'Export a report…',
  quickExitHeading: 'Quick Exit',
  quickExitText:
    'Press Escape (when no dialog is open) or the Quick exit button at the top: the window goes blank and hides at once. Bulwark never shows notifications, so nothing about your findings appears on a lock screen.',
})
