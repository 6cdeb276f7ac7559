import { defineMessages } from '../../checks/core/i18n/message.js'

export const componentText = defineMessages('ui.components', {
  copy: 'Copy',
  copyLabel: 'Copy command: {command}',
  copied: 'Copied',
  copyFailed: 'Could not copy. Select the command and copy it by hand.',
  shellSh: 'Terminal',
  shellPowershell: 'PowerShell',
  opensInBrowser: '(opens in your browser)',
  linkFailed: 'Could not open {url}: {reason}',
  errorNoBridge: 'Bulwark’s checking engine is not connected to this window. Close Bulwark and open it again.',
  errorGeneric: 'Something went wrong: {message}',
  errorCode: 'Error code: {code}',
  dismiss: 'Dismiss',
})
