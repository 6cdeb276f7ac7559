import { defineCheck } from '../../core/define-check.js'
import type { Step } from '../../core/types.js'
import { readDarwinDisk } from './encryption.darwin.io.js'
import { darwinDiskOutcome } from './encryption.darwin.verdict.js'
import { readLinuxDisk } from './encryption.linux.io.js'
import { linuxDiskOutcome } from './encryption.linux.verdict.js'
import { t } from './encryption.messages.js'
import { readWin32Disk } from './encryption.win32.io.js'
import { win32DiskOutcome } from './encryption.win32.verdict.js'

// Bulwark never encrypts a disk: the steps say what to do first (backups, the recovery key), then name the OS's own tool.
const backup: Step = { text: t('stepBackup') }

export const diskEncryptionCheck = defineCheck({
  id: 'disk.encryption',
  texts: t,
  category: 'device',
  severity: 'high',
  effort: 3,
  costMs: 30, // lsblk
  timeoutMs: 30_000,
  remediation: {
    byPlatform: {
      linux: [
        backup,
        { text: t('stepLinuxReinstall'), link: 'https://wiki.debian.org/CryptsetupDebian' },
        { text: t('stepLinuxDisks'), kind: 'alternative' },
      ],
      darwin: [backup, { text: t('stepMacFileVault'), link: 'https://support.apple.com/guide/mac-help/mh11785/mac' }],
      win32: [
        backup,
        {
          text: t('stepWinBitLocker'),
          link: 'https://support.microsoft.com/en-us/windows/device-encryption-in-windows-cf7e2b6f-3e70-4882-9532-18633605b7df',
        },
      ],
    },
    references: [
      { title: 'EFF Surveillance Self-Defense: keeping your data safe', url: 'https://ssd.eff.org/module/keeping-your-data-safe' },
      { title: 'cryptsetup(8)', url: 'https://manpages.debian.org/bookworm/cryptsetup-bin/cryptsetup.8.en.html' },
      { title: 'lsblk(8)', url: 'https://man7.org/linux/man-pages/man8/lsblk.8.html' },
      { title: 'systemd-cryptenroll(1)', url: 'https://www.freedesktop.org/software/systemd/man/latest/systemd-cryptenroll.html' },
      { title: 'Apple: FileVault', url: 'https://support.apple.com/guide/deployment/intro-to-filevault-dep82064ec40/web' },
      {
        title: 'Microsoft: BitLocker countermeasures',
        url: 'https://learn.microsoft.com/en-us/windows/security/operating-system-security/data-protection/bitlocker/countermeasures',
      },
    ],
  },
  async run(host, signal) {
    if (host.platform === 'darwin') return darwinDiskOutcome(await readDarwinDisk(host, signal))
    if (host.platform === 'win32') return win32DiskOutcome(await readWin32Disk(host, signal))
    return linuxDiskOutcome(await readLinuxDisk(host, signal))
  },
})
