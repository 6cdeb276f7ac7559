import { defineCheck } from '../../core/define-check.js'
import type { Evidence, Step } from '../../core/types.js'
import { CHECK_ID, t } from './hardware.messages.js'
import { decide } from './hardware.verdict.js'
import { describeDevice, detectKeys } from './presence.io.js'
import { detectSmartCardReaders } from './smartcard-readers.io.js'
import { findKeyUsage } from './usage.io.js'

const PAM_U2F_DOCS = 'https://developers.yubico.com/pam-u2f/'

const buy: Step = { text: t('stepBuy'), link: 'https://fidoalliance.org/fido2/' }
const accounts: Step = { text: t('stepAccounts') }
const pamEnrol: Step = {
  text: t('stepPamEnrol'),
  command: {
    shell: 'sh',
    line: 'mkdir -p ~/.config/Yubico && pamu2fcfg >> ~/.config/Yubico/u2f_keys && chmod 600 ~/.config/Yubico/u2f_keys',
  },
}

export const hardwareKeysCheck = defineCheck({
  id: CHECK_ID,
  texts: t,
  category: 'keys',
  severity: 'medium',
  effort: 3,
  // Windows lists devices through PowerShell, whose start-up alone can take a second or two.
  timeoutMs: 8000,
  remediation: {
    byPlatform: {
      linux: [
        buy,
        accounts,
        pamEnrol,
        { text: t('stepPamConfig'), requiresAdmin: true, link: PAM_U2F_DOCS },
        { text: t('stepSsh'), command: { shell: 'sh', line: 'ssh-keygen -t ed25519-sk' } },
        {
          text: t('stepCryptenroll'),
          command: { shell: 'sh', line: 'sudo systemd-cryptenroll --fido2-device=auto /dev/nvme0n1p3' },
          requiresAdmin: true,
        },
      ],
      darwin: [
        buy,
        { text: t('stepMacAccount') },
        accounts,
        { text: t('stepMacSsh'), command: { shell: 'sh', line: '/opt/homebrew/bin/ssh-keygen -t ed25519-sk' } },
        pamEnrol,
        { text: t('stepMacPam'), requiresAdmin: true, link: PAM_U2F_DOCS },
      ],
      win32: [
        buy,
        { text: t('stepWinSignIn'), link: 'ms-settings:signinoptions' },
        accounts,
        { text: t('stepWinSsh'), command: { shell: 'powershell', line: 'ssh-keygen -t ecdsa-sk' } },
      ],
    },
    references: [
      {
        title: 'libfido2: FIDO devices are found by HID usage page 0xF1D0; known vendor list (udev/fidodevs)',
        url: 'https://github.com/Yubico/libfido2/blob/main/udev/fidodevs',
      },
      {
        title: 'OpenSSH PROTOCOL.u2f: sk-ssh-ed25519@openssh.com and sk-ecdsa-sha2-nistp256@openssh.com keys',
        url: 'https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.u2f',
      },
      { title: 'pam-u2f: options, authfile location and format', url: 'https://github.com/Yubico/pam-u2f/blob/master/man/pam_u2f.8.txt' },
      {
        title: 'systemd-cryptenroll(1): enrolling a FIDO2 token for LUKS',
        url: 'https://www.freedesktop.org/software/systemd/man/latest/systemd-cryptenroll.html',
      },
      {
        title: 'Microsoft: HIDClass hardware IDs for top-level collections (HID_DEVICE_UP)',
        url: 'https://learn.microsoft.com/en-us/windows-hardware/drivers/hid/hidclass-hardware-ids-for-top-level-collections',
      },
      { title: 'FIDO Alliance: FIDO2 (WebAuthn and CTAP)', url: 'https://fidoalliance.org/fido2/' },
    ],
  },
  async run(host, signal) {
    const [presence, usage, readers] = await Promise.all([
      detectKeys(host, signal),
      findKeyUsage(host, signal),
      detectSmartCardReaders(host, signal),
    ])
    const { status, summary } = decide({
      platform: host.platform,
      presence: presence.status,
      keys: presence.keys.map(describeDevice),
      presenceReason: presence.reason,
      uses: usage.uses,
      failures: usage.failures,
    })
    const notes: Evidence[] = [{ label: t('notVisible'), source: 'websites and online accounts', observed: t('obsNotVisible') }]
    if (host.platform === 'win32') {
      notes.push({
        label: t('noteWindowsHello'),
        source: 'Settings → Accounts → Sign-in options → Security key',
        observed: t('obsNeedsAdmin'),
      })
    }
    return { status, summary, evidence: [...presence.evidence, ...readers, ...usage.evidence, ...notes] }
  },
})
