import { defineMessages } from '../../checks/core/i18n/message.js'

/** What only the CLI says about fixes; the preview, refusals and results are the fix path's own words (checks/core/fix). */
export const t = defineMessages('cli.fix', {
  usage: `Fixing, one check at a time, with a preview and an undo:
  fix <check-id>      Show what the fix changes, ask, apply it, then run the check again
    --dry-run         Only show the preview; change nothing
    -y, --yes         Do not ask (for scripts)
    --choose k=v      Pick an option of the fix, e.g. --choose provider=mullvad for dns.firefox
    --offer <key>     Make only this one of the fix's changes (repeat it for more); the preview lists each key
  fixes               List the fixes made, newest first (--json for JSON)
  undo <fix-id>       Put back exactly what a fix changed (--last: the newest one)
    --force           Put it back even where a file changed since the fix

Exit codes of fix and undo: 0 done or nothing to do, 2 usage error (an unknown check, --choose or --offer), 3 nothing was changed (refused, declined or needs an administrator), 4 something was changed but the fix is not verified or stopped part-way (undo it).`,
  needsCheck: "Give the check to fix, for example 'bulwark fix dns.firefox'. See the ids with 'bulwark list'.",
  needsTarget: "Give the fix to undo, or --last for the newest one. See them with 'bulwark fixes'.",
  targetAndLast: 'Give a fix id or --last, not both.',
  badChoice: "Invalid --choose '{value}': write it as name=value, for example --choose provider=quad9.",
  unknownChoice: "The fix for {check} has no option '{name}' with the value '{value}'. Options: {valid}",
  noChoices: 'none',
  badOffer: "Invalid --offer '{value}': give one of the keys the preview lists (at most 4096 characters, 100 offers).",
  unknownOffer: "The fix for {check} offers no change with the key '{offer}' for what it finds now. It offers: {valid}",
  offersHeading: 'This fix offers {count} changes. Without --offer it makes them all; to make only some, name each with its --offer:',
  offerIncluded: 'Included: {title} ({flag})',
  offerLeftOut: 'Left out: {title} ({flag})',
  choiceLine: '{label}: {value} (choose with --choose {name}=…; one of {valid})',
  dryRun: 'Dry run: nothing was changed.',
  confirm: 'Apply this fix? [y/N] ',
  declined: 'Nothing was changed.',
  needsYes: 'Nothing was changed: there is no terminal to ask on. Add --yes to apply the fix without asking.',
  needsSudo:
    'Nothing was changed: this fix needs an administrator. Run it again with sudo: sudo bulwark fix {check}. The desktop app asks through your system’s administrator prompt instead.',
  undoNeedsSudo: 'Nothing was changed: undoing this fix needs an administrator. Run it again with sudo: sudo bulwark undo {id}',
  journalAt: 'Backups and the record of this fix: {path}',
  listHeading: 'Fixes ({count}), newest first, recorded in {folder}:',
  listLine: '{id}  {state}  {date}  {changes}',
  listChanges: 'changed {paths}',
  listEmpty: 'No fixes were made on this computer.',
})
