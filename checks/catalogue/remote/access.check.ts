import { defineCheck } from '../../core/define-check.js'
import type { Evidence } from '../../core/types.js'
import { gatherInbound } from '../network/inbound.io.js'
import { gatherSockets } from '../network/sockets.io.js'
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
  costMs: 40, // the process list and the socket tables
  // sshd -T runs twice, and the socket tables and the firewall are read (once per scan, shared with the network checks).
  timeoutMs: 20_000,
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
    if (!services.some((s) => s.state === 'on')) return accessOutcome({ platform: host.platform, services, evidence })
    // A reader that fails leaves reachability unknown (never a guessed fail): the verdict then says so.
    const [sockets, inbound] = await Promise.all([
      gatherSockets(host, signal).catch(() => undefined),
      gatherInbound(host, signal).catch(() => undefined),
    ])
    if (signal.aborted) throw new Error('aborted')
    return accessOutcome({
      platform: host.platform,
      services,
      evidence,
      ...(sockets ? { sockets } : {}),
      ...(inbound ? { inbound } : {}),
    })
  },
})
