import { defineCheck } from '../../core/define-check.js'
import { readBootFacts } from './integrity.io.js'
import { t } from './integrity.messages.js'
import { bootOutcome, linuxSteps } from './integrity.verdict.js'

export const bootIntegrityCheck = defineCheck({
  id: 'boot.integrity',
  texts: t,
  category: 'device',
  severity: 'medium',
  effort: 1,
  costMs: 20, // mokutil
  remediation: {
    byPlatform: {
      linux: linuxSteps,
      darwin: [
        { text: t('stepMacSip'), link: 'https://support.apple.com/guide/security/system-integrity-protection-secb7ea06b49/web' },
        {
          text: t('stepMacGatekeeper'),
          link: 'https://support.apple.com/guide/security/gatekeeper-and-runtime-protection-sec5599b66df/web',
        },
      ],
      win32: [
        { text: t('stepWindowsSb'), link: 'https://learn.microsoft.com/windows-hardware/manufacture/desktop/disabling-secure-boot' },
        { text: t('stepWindowsHvci'), link: 'https://support.microsoft.com/windows/core-isolation-e30ed737-17d8-42f3-a2a9-87521df09b78' },
      ],
    },
    references: [
      { title: 'Debian wiki: Secure Boot', url: 'https://wiki.debian.org/SecureBoot' },
      {
        title: 'Apple Platform Security: System Integrity Protection',
        url: 'https://support.apple.com/guide/security/system-integrity-protection-secb7ea06b49/web',
      },
      {
        title: 'Microsoft: enable memory integrity',
        url: 'https://learn.microsoft.com/windows/security/hardware-security/enable-virtualization-based-protection-of-code-integrity',
      },
    ],
  },
  async run(host, signal) {
    return bootOutcome(await readBootFacts(host, signal))
  },
})
