import { defineCheck } from '../../core/define-check.js'
import type { Step } from '../../core/types.js'
import { readDarwinMac } from './mac-randomization.darwin.io.js'
import { macRandomizationFixes, nmMacFixable } from './mac-randomization-fix.verdict.js'
import { readLinuxMac } from './mac-randomization.linux.io.js'
import { t } from './mac-randomization.messages.js'
import { macOutcome } from './mac-randomization.verdict.js'
import { readWin32Mac } from './mac-randomization.win32.io.js'

const linux: Step[] = [
  {
    text: t('stepNetworkManager'),
    command: {
      shell: 'sh',
      line: "printf '[device]\\nwifi.scan-rand-mac-address=yes\\n\\n[connection]\\nwifi.cloned-mac-address=stable\\n' | sudo tee /etc/NetworkManager/conf.d/30-mac-randomization.conf && sudo nmcli general reload",
    },
    requiresAdmin: true,
  },
  { text: t('stepNetworkManagerProfile') },
  { text: t('stepIwd'), kind: 'alternative' },
]

export const macRandomizationCheck = defineCheck({
  id: 'wifi.mac-randomization',
  texts: t,
  category: 'network',
  severity: 'medium',
  effort: 1,
  // One nmcli call per Wi-Fi profile when the keyfiles are root-only: more than the default five seconds on a laptop with many.
  timeoutMs: 15_000,
  remediation: {
    byPlatform: {
      linux,
      darwin: [{ text: t('stepMac'), link: 'https://support.apple.com/guide/platform-support/supe1a7bd6f9/web' }],
      win32: [{ text: t('stepWindows') }],
    },
    references: [
      {
        title: 'NetworkManager.conf(5): connection and device defaults',
        url: 'https://networkmanager.dev/docs/api/latest/NetworkManager.conf.html',
      },
      {
        title: 'nm-settings-nmcli(5): 802-11-wireless.cloned-mac-address',
        url: 'https://networkmanager.dev/docs/api/latest/nm-settings-nmcli.html',
      },
      { title: 'iwd.config(5): AddressRandomization', url: 'https://manpages.debian.org/bookworm/iwd/iwd.config.5.en.html' },
      { title: 'Apple: adjust private Wi-Fi settings on Mac', url: 'https://support.apple.com/guide/platform-support/supe1a7bd6f9/web' },
      {
        title: 'Microsoft: MacRandomization element of a Wi-Fi profile',
        url: 'https://learn.microsoft.com/en-us/windows/win32/nativewifi/wlan-profileschema-macrandomization-wlanprofile-element',
      },
    ],
  },
  async run(host, signal) {
    if (host.platform === 'darwin') return macOutcome(await readDarwinMac(host, signal))
    if (host.platform === 'win32') return macOutcome(await readWin32Mac(host, signal))
    const facts = await readLinuxMac(host, signal)
    return nmMacFixable(facts, macOutcome(facts))
  },
  fixes: macRandomizationFixes,
})
