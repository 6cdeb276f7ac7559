import { defineCheck } from '../../core/define-check.js'
import type { Evidence } from '../../core/types.js'
import { readDarwinAccess } from './access.darwin.io.js'
import { readLinuxAccess } from './access.linux.io.js'
import { t } from './access.messages.js'
import { accessOutcome, stepsFor } from './access.verdict.js'
import { readWin32Access } from './access.win32.io.js'

export const remoteAccessCheck = defineCheck({
  id: 'remote.access',
  texts: t,
  category: 'network',
  severity: 'high',
  effort: 1,
  remediation: {
    byPlatform: {
      linux: stepsFor('ssh', 'linux'),
      darwin: [...stepsFor('ssh', 'darwin'), ...stepsFor('screenSharing', 'darwin'), ...stepsFor('remoteManagement', 'darwin')],
      win32: [...stepsFor('rdp', 'win32', false), ...stepsFor('remoteAssistance', 'win32'), ...stepsFor('ssh', 'win32')],
    },
    references: [
      { title: 'OpenBSD manual: sshd_config(5)', url: 'https://man.openbsd.org/sshd_config' },
      { title: 'OpenBSD manual: sshd(8), extended test mode -T and -C', url: 'https://man.openbsd.org/sshd' },
      {
        title: 'Apple: allow a remote computer to access your Mac',
        url: 'https://support.apple.com/guide/mac-help/allow-a-remote-computer-to-access-your-mac-mchlp1066/mac',
      },
      {
        title: 'Microsoft: how to enable Remote Desktop',
        url: 'https://learn.microsoft.com/en-us/windows-server/remote/remote-desktop-services/clients/remote-desktop-allow-access',
      },
    ],
  },
  async run(host, signal) {
    const evidence: Evidence[] = []
    const read = host.platform === 'darwin' ? readDarwinAccess : host.platform === 'win32' ? readWin32Access : readLinuxAccess
    const services = await read(host, evidence, signal)
    return accessOutcome({ platform: host.platform, services, evidence })
  },
})
