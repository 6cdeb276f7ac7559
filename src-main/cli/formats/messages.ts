import { defineMessages } from '../../../checks/core/i18n/message.js'

/** Words of the machine-readable outputs: the results database and the deployment files generated from the registry. */
export const t = defineMessages('formats', {
  notResultsDatabase:
    'Did not write to {path}: it is not a Bulwark results database, so it was left as it is. Give --save-sqlite a new name or a file an earlier --save-sqlite wrote.',
  unverifiedTitle: 'Bulwark could not verify every setting',
  unverifiedDescription:
    'Bulwark could not tell whether some protections on this device are on. Run bulwark scan on the device: each check that says unknown names what it could not read and how to get a real answer.',
  stepsIntro: 'To fix this:',
})
