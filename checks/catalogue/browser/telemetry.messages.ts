import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('browser.telemetry', {
  title: 'Browser telemetry, studies and crash reports',
  observer:
    'What an observer learns: the browser maker receives how often and how you use the browser, your hardware and add-ons, crash dumps that can hold pieces of open pages, and (through studies) gets to change the browser remotely.',
  rationale:
    'Firefox, Chrome and Edge can send usage statistics, technical and interaction data and crash reports to their makers, and Firefox can install studies that change its behaviour. Each report is small, but together they describe one browser over months and join the other data points a profile of you is built from. Turning them off costs nothing in features.',
  none: 'No Firefox, Chrome, Chromium or Edge profile was found for this user, so there is no browser data sharing to check.',
  noneButProblems: 'No browser profile could be examined: {reason}',
  allPass: 'None of the {count} browsers and profiles checked sends telemetry, studies or crash reports automatically.',
  ffTechnical: 'Firefox profile "{name}" sends technical and interaction data (telemetry) to Mozilla.',
  ffTechnicalStudies: 'Firefox profile "{name}" sends technical and interaction data (telemetry) to Mozilla and may install studies.',
  ffUsage: 'Firefox profile "{name}" sends a daily usage ping to Mozilla.',
  ffCrash: 'Firefox profile "{name}" sends crash reports to Mozilla without asking.',
  ffUnknown: 'The data-sharing settings of Firefox profile "{name}" are unknown: {reason}',
  crMetrics: '{browser} sends usage statistics and crash reports to {vendor}.',
  crUnknown: 'Whether {browser} sends usage statistics is unknown: {reason}',
  crNotRecorded:
    '{file} does not record the choice, and {browser} also keeps it elsewhere on this system. Open {page} and look at "Help improve…" to see it.',
  edgeOptional: 'Microsoft Edge sends optional diagnostic data (browsing and crash data) to Microsoft.',
  edgeRequired: 'Microsoft Edge sends required diagnostic data to Microsoft; only the DiagnosticData policy can turn that off.',
  edgePersonalization: 'Microsoft Edge sends your browsing activity to Microsoft to personalise ads and news.',

  stepFirefox:
    'Firefox: open about:preferences#privacy, find "Firefox Data Collection and Use" and untick every box (technical and interaction data, daily usage ping, studies, crash reports).',
  stepFirefoxPolicy:
    'Firefox for every user (administrator): add "DisableTelemetry": true and "DisableFirefoxStudies": true to the policies file, then restart Firefox.',
  stepChrome: 'Google Chrome: open chrome://settings/syncSetup and turn off "Help improve Chrome\'s features and performance".',
  stepEdge:
    'Microsoft Edge: open edge://settings/privacy and turn off "Optional diagnostic data" and "Allow Microsoft to use your browsing activity … to personalise".',
  stepEdgePolicy:
    'Microsoft Edge for every user (administrator): set the DiagnosticData policy to 0 and PersonalizationReportingEnabled to false.',
})

/** Evidence: labels are short nouns, observations say where a value came from. */
export const evidenceText = defineMessages('browser.telemetry', {
  profileLabel: 'Firefox profile "{name}"',
  prefLabel: '{pref} ("{name}")',
  policyLabel: 'Firefox policy',
  adminLabel: 'Firefox installation',
  discoveryLabel: 'Not examined',
  browserLabel: '{browser}',
  localStateLabel: '{browser}: usage statistics',
  consentLabel: '{browser}: consent file',
  managedLabel: '{browser}: managed policy',
  verdict_pass: 'shares nothing automatically',
  verdict_warn: 'shares some data',
  verdict_fail: 'sends telemetry',
  verdict_unknown: 'could not tell',
  obs_builtin: '{value} (Firefox default)',
  obs_default: '{value} (installation default)',
  obs_user: '{value} (set in this profile)',
  obs_autoconfig: '{value} (AutoConfig)',
  obs_policy: '{value} (enterprise policy {via})',
  obsLocked: 'locked',
  obsUnknown: 'unknown: {reason}',
  obsAdmin: '{count} default preference files read',
  obsNotSet: 'not set',
  obsConsentFile: 'present (consent given)',
  obsNoConsentFile: 'absent',
  obsChromiumBuild: 'Chromium builds have no usage statistics reporting',
  obsPolicyValue: '{policy} = {value}',
  obsPolicyIgnored: '{policy} = {value} (not a value the browser accepts; ignored)',
  obsPolicyNone: 'no data-sharing policy',
  obsPolicyUnreadable: 'could not be read: {reason}',
  obsPolicyRejected: 'Firefox rejects this file: {error}',
  obsPolicyShadowed: 'not used: a higher source sets the same policy',
  obsNotJson: 'not valid JSON ({error})',
  expectedOff: 'off',
})

/** Why a value is unknown. */
export const causeText = defineMessages('browser.telemetry', {
  damaged: 'Firefox drops line {line} of {file} ({text}), which names this setting.',
  opaque: 'AutoConfig {file} line {line} may change it in a way Bulwark cannot follow ({text}).',
  unreadable: '{file} could not be read: {reason}',
  policyUncertain: 'the policy source {source} could not be read: {reason}',
})

/** The words of browser.telemetry's fix (telemetry-fix.verdict.ts). */
export const fixText = defineMessages('browser.telemetry.fix', {
  fixTitle: 'Stop Firefox sending telemetry, the daily usage ping, studies and crash reports on its own in the profile {name}',
  fixProtects: 'Firefox no longer sends Mozilla data about how you use it, installs no studies, and asks before sending a crash report.',
  fixMayBreakCrash: 'Crash reports are no longer sent by themselves: Firefox asks you after a crash instead.',
})
