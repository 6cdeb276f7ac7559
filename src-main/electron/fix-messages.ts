import { defineMessages } from '../../checks/core/i18n/message.js'

/** What the app says about a fix it applied or undid; the preview and the common refusals are the fix path's own (checks/core/fix). */
export const t = defineMessages('app.fix', {
  verified: 'Done and verified: the check no longer finds this ({status} now).',
  unverified: 'The change was made, but the check still finds the problem: {summary} You can undo the fix.',
  stalePreview: 'This preview is out of date. Open the fix again to see what it would change now.',
  noHelper:
    'This fix needs an administrator, and this copy of Bulwark has no administrator helper. Run it in a terminal instead: sudo bulwark fix {check}',
  adminCancelled: 'Nothing was changed: the administrator prompt was cancelled or refused.',
  adminRefused: 'Nothing was changed: the administrator helper refused the saved plan. Open the fix again.',
  adminChanged: 'Nothing was changed: a file changed since the preview. Open the fix again to see a new preview.',
  adminPartWay: 'The administrator helper stopped part-way. Undo this fix in History to put back what it changed.',
  adminFailed: 'The administrator helper did not finish. See in History whether anything was changed.',
  notSupported: 'Nothing was changed: Bulwark cannot make this change on this system. Follow the steps instead.',
  undone: 'Undone. Every file the fix changed is back as it was.',
  alreadyUndone: 'This fix was already undone.',
  undoChanged:
    'Did not undo: {path} changed since the fix ({what}). Undo anyway puts back what was there before the fix, and that later change is lost.',
  undoChangedAdmin:
    'Did not undo: a file changed since the fix. Undo anyway puts back what was there before the fix, and that later change is lost.',
  undoNewerFirst: 'Did not undo: a later fix also changed {path}. Undo that one first.',
  undoAdminRefused: 'Did not undo: the administrator helper refused (a later fix changed the same file, or the record is not yours).',
  undoFailed: 'Could not finish the undo at {path}: {reason}',
  unknownFix: 'There is no such fix. The list of fixes may be out of date.',
  planStopped: 'Nothing was planned or changed: the check did not finish within {seconds} seconds. Scan again, then open the fix again.',
  verifyStopped:
    'The change was made, but the check did not finish within {seconds} seconds, so the fix is not verified. Scan again to see whether the problem is gone, or undo the fix.',
  fixStopped: 'The fix stopped before it finished. See in History whether anything was changed, and undo it there.',
  undoStopped: 'The undo stopped before it finished. See in History what state the fix is in, and undo it again.',
})
