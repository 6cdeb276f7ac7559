import { defineMessages } from '../../../checks/core/i18n/message.js'

export const fixUiText = defineMessages('ui.fix', {
  sectionHeading: 'Bulwark can fix this for you',
  sectionIntro:
    'It first shows exactly what would change, changes nothing until you confirm, and keeps a backup so it can put back exactly what was there.',
  fixButton: 'Fix this for me',
  dialogHeading: 'Fix this for me',
  previewing: 'Reading what would change…',
  changesHeading: 'What will change',
  whyHeading: 'What it protects, and what may stop working',
  adminPrompt: 'Your system will ask for an administrator password before anything changes.',
  planHash: 'Plan {hash}',
  diffLabel: 'Changes to the file',
  apply: 'Apply the fix',
  cancel: 'Cancel',
  close: 'Close',
  applying: 'Applying the fix, then checking again…',
  applyingAdmin: 'Waiting for the administrator prompt, then applying the fix and checking again…',
  undo: 'Undo this fix',
  undoAnyway: 'Undo anyway',
  undoing: 'Undoing…',
  historyHeading: 'Fixes made',
  historyIntro: 'Each fix Bulwark made in the app, with the backup it took first. Undo puts back exactly what was there.',
  historyEmpty: 'No fixes were made in the app.',
  historyCaption: 'Fixes, newest first',
  colDate: 'Date',
  colFix: 'Fix',
  colState: 'State',
  colAction: 'Undo',
  changedPaths: 'Changed: {paths}',
  forgetFixesWarning:
    'Still applied: {count} fixes. Forgetting everything deletes their backups, so Bulwark could no longer undo them. Undo them first if you may want the old settings back.',
})
