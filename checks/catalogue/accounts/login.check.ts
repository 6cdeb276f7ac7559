import { defineCheck } from '../../core/define-check.js'
import { readLoginFacts } from './login.io.js'
import { t } from './login.messages.js'
import { defaultSteps, loginOutcome } from './login.verdict.js'

export const accountsLoginCheck = defineCheck({
  id: 'accounts.login',
  texts: t,
  category: 'device',
  severity: 'high',
  effort: 1,
  remediation: {
    byPlatform: { linux: defaultSteps('linux'), darwin: defaultSteps('darwin'), win32: defaultSteps('win32') },
    references: [
      { title: 'sudoers(5): NOPASSWD and listpw', url: 'https://manpages.debian.org/bookworm/sudo/sudoers.5.en.html' },
      {
        title: 'Microsoft: turn on automatic logon (and why DefaultPassword is clear text)',
        url: 'https://learn.microsoft.com/troubleshoot/windows-server/user-profiles-and-logon/turn-on-automatic-logon',
      },
    ],
  },
  async run(host, signal) {
    return loginOutcome(await readLoginFacts(host, signal))
  },
})
