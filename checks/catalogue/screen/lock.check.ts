import { defineCheck } from '../../core/define-check.js'
import type { Step } from '../../core/types.js'
import { readDarwinLock } from './lock.darwin.io.js'
import { lockFixable, screenLockFixes } from './lock-fix.verdict.js'
import { readLinuxLock } from './lock.linux.io.js'
import { t } from './lock.messages.js'
import { lockOutcome } from './lock.verdict.js'
import { readWin32Lock } from './lock.win32.io.js'

const linux: Step[] = [
  {
    text: t('stepGnome'),
    command: {
      shell: 'sh',
      line: 'gsettings set org.gnome.desktop.screensaver lock-enabled true && gsettings set org.gnome.desktop.session idle-delay 300 && gsettings set org.gnome.desktop.screensaver lock-delay 0',
    },
  },
  { text: t('stepKde') },
  { text: t('stepXfce') },
  { text: t('stepOther') },
]

export const screenLockCheck = defineCheck({
  id: 'screen.lock',
  texts: t,
  category: 'device',
  severity: 'high',
  effort: 1,
  remediation: {
    byPlatform: {
      linux,
      darwin: [{ text: t('stepMac'), link: 'https://support.apple.com/guide/mac-help/change-lock-screen-settings-mh11784/mac' }],
      win32: [{ text: t('stepWindows') }],
    },
    references: [
      { title: 'Ubuntu help: automatically lock your screen', url: 'https://help.ubuntu.com/stable/ubuntu-help/privacy-screen-lock.html' },
      {
        title: 'KDE kscreenlocker: settings and their defaults',
        url: 'https://github.com/KDE/kscreenlocker/blob/master/kcfg/kscreenlockersettings.kcfg',
      },
      {
        title: 'xfce4-screensaver: its settings and their defaults',
        url: 'https://github.com/xfce-mirror/xfce4-screensaver/blob/master/src/gs-prefs.h',
      },
      {
        title: 'Apple: change Lock Screen settings on Mac',
        url: 'https://support.apple.com/guide/mac-help/change-lock-screen-settings-mh11784/mac',
      },
      {
        title: 'Microsoft: Interactive logon: Machine inactivity limit',
        url: 'https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-10/security/threat-protection/security-policy-settings/interactive-logon-machine-inactivity-limit',
      },
    ],
  },
  async run(host, signal) {
    const read = host.platform === 'darwin' ? readDarwinLock : host.platform === 'win32' ? readWin32Lock : readLinuxLock
    const facts = await read(host, signal)
    return lockFixable(facts, lockOutcome(facts))
  },
  fixes: screenLockFixes,
})
