import { defineCheck } from '../../core/define-check.js'
import { t } from './updates.messages.js'
import { readDarwinFacts } from './updates.darwin.io.js'
import { readLinuxFacts } from './updates.linux.io.js'
import { darwin, darwinOutcome, linux, linuxOutcome, win32, windowsOutcome } from './updates.verdict.js'
import { readWindowsFacts } from './updates.win32.io.js'

export const osUpdatesCheck = defineCheck({
  id: 'os.updates',
  texts: t,
  category: 'device',
  severity: 'high',
  effort: 1,
  costMs: 40, // apt-config
  remediation: {
    byPlatform: { linux, darwin, win32 },
    references: [
      { title: 'Debian wiki: UnattendedUpgrades', url: 'https://wiki.debian.org/UnattendedUpgrades' },
      { title: 'Fedora: automatic updates', url: 'https://docs.fedoraproject.org/en-US/quick-docs/autoupdates/' },
      { title: 'Ubuntu: automatic security updates', url: 'https://help.ubuntu.com/community/AutomaticSecurityUpdates' },
      { title: 'Windows 11 Home and Pro lifecycle', url: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-11-home-and-pro' },
    ],
  },
  async run(host, signal) {
    if (host.platform === 'darwin') return darwinOutcome(await readDarwinFacts(host, signal))
    if (host.platform === 'win32') return windowsOutcome(await readWindowsFacts(host, signal))
    return linuxOutcome(await readLinuxFacts(host, signal))
  },
})
