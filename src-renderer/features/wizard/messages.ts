import { defineMessages } from '../../../checks/core/i18n/message.js'

export const wizardText = defineMessages('ui.wizard', {
  heading: 'A few questions first',
  intro:
    'Bulwark looks at this computer and tells you what to fix first. Your answers decide which checks matter most for you. They stay on this computer, and you can change them any time in Settings.',
  progress: 'Question {n} of {total}',
  back: 'Back',
  next: 'Next',
  cancel: 'Cancel',
  chooseAnswer: 'Choose an answer to go on.',
  resultHeading: 'Your profile',
  resultIntro: 'From your answers we suggest the profile marked below. Pick another one if it fits you better.',
  recommended: 'Suggested for you',
  useProfile: 'Use this profile',
})
