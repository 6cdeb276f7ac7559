import { defineMessages } from '../../../checks/core/i18n/message.js'

export const walkText = defineMessages('ui.walkthrough', {
  back: 'Back to the plan',
  foundHeading: 'What Bulwark found',
  stepsHeading: 'Steps on {platform}',
  stepDone: 'Step {n} done',
  noSteps: 'There are no steps for this computer. The links below explain what to do.',
  checkAgain: 'Check again',
  checking: 'Checking…',
  passed: 'It passes now. Every step is marked done.',
  stillOpen: 'Checked again: {status}. {summary}',
  accept: 'Accept this risk',
  acceptedNote: 'You accepted this risk: {reason}. Bulwark asks again on {date}.',
  revoke: 'Ask me about this again now',
  dialogHeading: 'Accept this risk',
  dialogIntro: 'The finding moves out of your plan until the date below. Say why, so you remember later.',
  reasonLabel: 'Reason (required)',
  reasonMissing: 'Write a reason.',
  reviewLabel: 'Ask me again on',
  reviewPast: 'Choose a date after today.',
  confirm: 'Accept the risk',
  cancel: 'Cancel',
})
