import { defineCheck } from '../../core/define-check.js'
import type { Evidence } from '../../core/types.js'
import { CHECK_ID, t } from './hardware.messages.js'
import { authfileFixes, decide, DEFAULT_STEPS } from './hardware.verdict.js'
import { describeDevice, detectKeys } from './presence.io.js'
import { detectSmartCardReaders } from './smartcard-readers.io.js'
import { findKeyUsage } from './usage.io.js'

export const hardwareKeysCheck = defineCheck({
  id: CHECK_ID,
  texts: t,
  category: 'keys',
  severity: 'medium',
  effort: 3,
  costMs: 40, // ssh-add and the process list
  // Windows lists devices through PowerShell, whose start-up alone can take a second or two.
  timeoutMs: 8000,
  remediation: {
    byPlatform: DEFAULT_STEPS,
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
    const verdict = decide({
      platform: host.platform,
      presence: presence.status,
      keys: presence.keys.map(describeDevice),
      presenceReason: presence.reason,
      uses: usage.uses,
      enrolled: usage.enrolled,
      failures: usage.failures,
    })
    // Nothing on this computer holds these, so there is no file or command to name as the source.
    const notes: Evidence[] = [{ label: t('notVisible'), source: '', observed: t('obsNotVisible') }]
    if (host.platform === 'win32') {
      notes.push({
        label: t('noteWindowsHello'),
        // The Settings page as a command (start ms-settings:signinoptions): its menu names differ by display language.
        source: 'ms-settings:signinoptions',
        observed: t('obsNeedsAdmin'),
      })
    }
    const fixable = (usage.loosePaths ?? []).map((path) => ({ path }))
    return {
      ...verdict,
      evidence: [...presence.evidence, ...readers, ...usage.evidence, ...notes],
      ...(fixable.length > 0 ? { fixable } : {}),
    }
  },
  fixes: authfileFixes,
})
