import { defineMessages } from '../../checks/core/i18n/message.js'

/** What the administrator helper (`bulwark apply-plan`) says: why a saved plan is refused, and what it did. */
export const t = defineMessages('cli.helper', {
  usage:
    'The administrator helper applies only a plan the Bulwark app saved and you confirmed: bulwark apply-plan <plan file> --sha256 <hash> --user <uid> [--undo] [--force]',
  userMismatch: 'Refused: --user {given} is not the user who asked for the administrator ({actual}).',
  missing: 'Refused: {file} does not exist.',
  symlink: 'Refused: {file} is a symbolic link. The helper applies only a plan saved as a file.',
  notRegular: 'Refused: {file} is not a regular file.',
  writableByOthers: 'Refused: {file} or its folder can be changed by other users (mode {mode}).',
  foreignOwner: 'Refused: {file} or its folder belongs to user {uid}, not to you or to root.',
  notSavedHere: 'Refused: {file} is not a plan or fix record in a Bulwark fixes folder.',
  tooLarge: 'Refused: {file} is too large to be a plan.',
  hash: 'Refused: the plan in {file} is not the one you confirmed (sha256 {found} found, {expected} expected).',
  damaged: 'Refused: {file} is not a valid plan ({reason}).',
  unknownFix: 'Refused: {file} is not a fix Bulwark recorded.',
  nothingChanged: 'Nothing was changed.',
  applied: 'Applied the confirmed plan as fix {id}.',
})
