import { defineMessages } from '../../../checks/core/i18n/message.js'

/** What `bulwark checklist` says beyond the checklist's own words (checks/core/guidance/checklist.ts). */
export const t = defineMessages('cli.checklist', {
  usage: `Checklist (advice a scan cannot see; your ticks never count in the score):
  bulwark checklist [--profile name] [--json]   List the items, your ticks with their dates, and hints
  bulwark checklist done <id>                   Say you did an item (kept with today's date)
  bulwark checklist undone <id>                 Take the tick back
Exit codes: 0 done, 2 usage error, an unknown item or a tick that could not be saved.`,
  needsItem: "Name the item: 'bulwark checklist {action} <id>'. Items: {valid}",
  unknownItem: "Unknown checklist item '{value}'. Items: {valid}",
  unknownAction: "Unknown checklist action '{value}'. Give done or undone, or nothing to list the items.",
  onlyForList: 'The option {option} applies only to listing the checklist, not to {action}.',
  marked: 'You said done: {title} ({date}). Kept in {path}; it never counts in the score.',
  unmarked: 'Tick taken back: {title}.',
  wasNotMarked: 'Nothing to take back: {title} was not ticked.',
  notSaved: 'Could not save the tick: Bulwark cannot write to its data folder. Nothing was changed.',
})
