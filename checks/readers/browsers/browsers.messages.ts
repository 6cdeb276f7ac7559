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

export const firefoxPrefsText = defineMessages('browsers.firefox.prefs', {
  missingCfg:
    '{file} is named by general.config.filename but does not exist; Firefox shows "Failed to read the configuration file" and does not start until it is fixed.',
  badCfgName: 'general.config.filename is "{name}", which is not a plain file name; Firefox cannot open it and does not start.',
  cfgNameUnknown:
    'which AutoConfig file Firefox runs could not be told: {file} line {line} is damaged and names general.config.filename ({text})',
  policyConflict: '{lockedAt} locks this setting and a policy in {source} sets another value; which one Firefox keeps is not certain.',
})
