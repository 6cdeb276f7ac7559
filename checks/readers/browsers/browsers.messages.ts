import { defineMessages } from '../../core/i18n/message.js'

export const verdictText = defineMessages('browsers', {
  verdict_pass: 'encrypted DNS only',
  verdict_warn: 'can fall back to plain DNS',
  verdict_fail: 'plain DNS',
  verdict_unknown: 'could not tell',
  policyNote: '{value}: {note}',
})

export const profilesText = defineMessages('browsers.firefox', {
  garbledIni: '{file} could not be understood (lines {lines} are not INI), so the profiles it lists are unknown.',
})
