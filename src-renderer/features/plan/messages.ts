import { defineMessages } from '../../../checks/core/i18n/message.js'

export const planText = defineMessages('ui.plan', {
  heading: 'Your plan',
  scoreValue: '{value} out of 100',
  scoreNone: 'No score yet: none of the checks in this profile have a result.',
  scoreFor: 'For the profile {profile}, from {count} checks.',
  movedHeading: 'What moved it',
  movedLine: '{title}: {status}, costs {points} points',
  movedNothing: 'Nothing: every check in this profile passes.',
  firstHeading: 'Do this first',
  firstWhy: 'Of everything left, this protects you most for the least effort.',
  startGuide: 'Show me how',
  todoHeading: 'Still to do ({count})',
  todoEmpty: 'Nothing left to do for this profile. Scan again after changes to keep it that way.',
  acceptedHeading: 'Risks you accepted ({count})',
  acceptedLine: 'Your reason: {reason}. Bulwark asks again on {date}.',
  revoke: 'Ask me about this again now',
  doneHeading: 'Done ({count})',
  waiting: 'The plan appears as soon as the first results are in.',
  effortLabel: 'Effort: {effort}',
})
