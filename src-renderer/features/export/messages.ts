import { defineMessages } from '../../../checks/core/i18n/message.js'

export const exportText = defineMessages('ui.export', {
  heading: 'Export a report',
  formatLegend: 'Format',
  html: 'Web page (HTML): one file that opens in any browser',
  md: 'Markdown: plain text for a ticket or a wiki',
  json: 'JSON: for scripts and other tools',
  pdf: 'PDF: ready to print or sign',
  redact: 'Remove personal details (user names, computer names, paths, addresses)',
  save: 'Save…',
  saving: 'Saving…',
  savedHere: 'Saved. The file is here:',
  notSaved: 'Not saved: the save dialog was closed.',
  close: 'Close',
})
