import { defineMessages } from '../../../checks/core/i18n/message.js'

export const historyText = defineMessages('ui.history', {
  heading: 'History',
  intro: 'Your score after each full scan, weighed by your current profile.',
  chartLabel: 'Score over time: {count} scans, first {first}, latest {last}.',
  chartEmpty: 'No scans saved yet.',
  noScore: 'no score',
  tableCaption: 'Scans, newest first',
  colDate: 'Date',
  colScore: 'Score',
  colFindings: 'Fail, warning, unknown',
  findings: '{fail} · {warn} · {unknown}',
  clear: 'Clear history',
  clearConfirmHeading: 'Clear history?',
  clearConfirmText: 'This deletes every saved scan ({count}). Your profile, checklist and accepted risks stay.',
  clearConfirm: 'Clear history',
  cleared: 'History cleared.',
  forget: 'Forget everything',
  forgetConfirmHeading: 'Forget everything?',
  forgetConfirmText:
    'This deletes every saved scan, your profile, your answers, your checklist, the risks you accepted and your settings. Bulwark starts again as if it were new. It cannot erase what the operating system keeps on its own, such as backups, logs or lists of recent files.',
  forgetConfirm: 'Forget everything',
  cancel: 'Cancel',
})
