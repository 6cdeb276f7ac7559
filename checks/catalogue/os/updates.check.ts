import { defineCheck } from '../../core/define-check.js'
import type { Step } from '../../core/types.js'
import { t } from './updates.messages.js'
import { readDarwinFacts } from './updates.darwin.io.js'
import { readLinuxFacts } from './updates.linux.io.js'
import { darwinOutcome, linuxOutcome, windowsOutcome } from './updates.verdict.js'
import { readWindowsFacts } from './updates.win32.io.js'

const linux: Step[] = [
  {
    text: t('stepApt'),
    command: { shell: 'sh', line: 'sudo apt install unattended-upgrades && sudo dpkg-reconfigure -plow unattended-upgrades' },
    requiresAdmin: true,
    link: 'https://wiki.debian.org/UnattendedUpgrades',
  },
  {
    text: t('stepDnf'),
    command: { shell: 'sh', line: 'sudo dnf install dnf-automatic && sudo systemctl enable --now dnf-automatic-install.timer' },
    requiresAdmin: true,
    link: 'https://docs.fedoraproject.org/en-US/quick-docs/autoupdates/',
    kind: 'alternative',
  },
  { text: t('stepRefresh'), command: { shell: 'sh', line: 'sudo apt update && sudo apt upgrade' }, requiresAdmin: true },
  { text: t('stepUpgradeRelease'), link: 'https://wiki.debian.org/DebianUpgrade' },
]

const darwin: Step[] = [
  { text: t('stepMac'), link: 'https://support.apple.com/en-us/108382' },
  { text: t('stepMacUpgrade'), link: 'https://support.apple.com/en-us/102662' },
]

const win32: Step[] = [
  { text: t('stepWin'), link: 'https://support.microsoft.com/en-us/windows/update-windows-3c5ae7fc-9fb6-9af1-1984-b5e0412c556a' },
  { text: t('stepWinPolicy'), requiresAdmin: true },
  { text: t('stepWinUpgrade'), link: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-11-home-and-pro' },
]

export const osUpdatesCheck = defineCheck({
  id: 'os.updates',
  texts: t,
  category: 'device',
  severity: 'high',
  effort: 1,
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
