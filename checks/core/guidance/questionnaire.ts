import { defineMessages, type Msg } from '../i18n/message.js'
import type { ProfileId } from './profiles.js'

const t = defineMessages('guidance.questions', {
  targetedQ: 'Could someone target you personally, such as a government, an employer, an abuser or a stalker?',
  targetedHint: 'Answer yes if you have been threatened, followed or hacked before, or your work makes you a target.',
  bordersQ: 'Will you carry this device across a border, or to a protest?',
  bordersHint: 'Devices can be searched or seized at borders and protests.',
  sourcesQ: 'Do you protect sources, activists or clients who could be harmed if exposed?',
  sourcesHint: 'Journalists, lawyers, organisers and support workers often do.',
  managedQ: 'Are you setting up this laptop for someone else, as IT staff?',
  managedHint: 'For example, a work laptop you hand over to a colleague.',
  sharedQ: 'Does anyone else use this device?',
  sharedHint: 'Family members, colleagues or a partner.',
  yes: 'Yes',
  no: 'No',
  notSure: 'Not sure',
})

export const QUESTION_IDS = ['targeted', 'borders', 'sources', 'managed', 'shared'] as const
export type QuestionId = (typeof QUESTION_IDS)[number]
export type Answer = 'yes' | 'no' | 'not-sure'
export type Answers = Partial<Record<QuestionId, Answer>>

export interface Question {
  id: QuestionId
  text: Msg
  hint: Msg
}

export const QUESTIONS: readonly Question[] = [
  { id: 'targeted', text: t('targetedQ'), hint: t('targetedHint') },
  { id: 'borders', text: t('bordersQ'), hint: t('bordersHint') },
  { id: 'sources', text: t('sourcesQ'), hint: t('sourcesHint') },
  { id: 'managed', text: t('managedQ'), hint: t('managedHint') },
  { id: 'shared', text: t('sharedQ'), hint: t('sharedHint') },
]

export const ANSWER_LABELS: Readonly<Record<Answer, Msg>> = { yes: t('yes'), no: t('no'), 'not-sure': t('notSure') }

/**
 * Picks a profile from the answers. "Not sure" about being targeted counts as yes: for someone
 * who might be at risk, the cost of too much advice is small and the cost of too little is not.
 */
export function recommendProfile(answers: Answers): ProfileId {
  const risky = (q: QuestionId): boolean => answers[q] === 'yes' || answers[q] === 'not-sure'
  if (risky('targeted') || answers.borders === 'yes' || answers.sources === 'yes') return 'high-risk'
  if (answers.managed === 'yes') return 'it-baseline'
  return 'everyday'
}
