import { defineMessages } from '../../../checks/core/i18n/message.js'

/** Words of the machine-readable outputs: the results database and the deployment files generated from the registry. */
export const t = defineMessages('formats', {
  notResultsDatabase:
    'Did not write to {path}: it is not a Bulwark results database, so it was left as it is. Give --save-sqlite a new name or a file an earlier --save-sqlite wrote.',
  unverifiedTitle: 'Bulwark could not verify every setting',
  unverifiedDescription:
    'Bulwark could not tell whether some protections on this device are on. Run bulwark scan on the device: each check that says unknown names what it could not read and how to get a real answer.',
  stepsIntro: 'To fix this:',
  policyName: 'Bulwark: {title} ({id})',
  policyPasses:
    'Passes when the newest Bulwark scan of every user (no older than {days} days) says pass, or not applicable. A missing, stale, unknown or error result fails it; the policy "Bulwark could not verify" tells those apart.',
  unverifiedPolicyName: 'Bulwark could not verify',
  unverifiedPolicyFails:
    'Fails when no Bulwark scan of the last {days} days is found, or when a fresh scan has an unknown or error result.',
  unverifiedPolicyResolution:
    'Run the scan as each user who works on the machine and save it where osquery reads it: {command} Then read which checks said unknown: bulwark scan',
})
