import { defineCheck } from '../../core/define-check.js'
import type { Step } from '../../core/types.js'
import { detectIsolation } from '../../readers/system/isolation.io.js'
import { t } from './isolation.messages.js'
import { isolationOutcome } from './isolation.verdict.js'

const steps: Step[] = [
  { text: t('stepTails'), link: 'https://tails.net/install/' },
  { text: t('stepQubes'), link: 'https://www.qubes-os.org/intro/' },
  { text: t('stepTorBrowser'), link: 'https://www.torproject.org/download/' },
]

export const isolationCheck = defineCheck({
  id: 'env.isolation',
  texts: t,
  category: 'isolation',
  severity: 'low',
  effort: 3,
  remediation: {
    byPlatform: { linux: steps, darwin: steps, win32: steps },
    references: [
      { title: 'Tails: how Tails works', url: 'https://tails.net/about/' },
      { title: 'Qubes OS: introduction', url: 'https://www.qubes-os.org/intro/' },
      { title: 'Whonix: about', url: 'https://www.whonix.org/wiki/About' },
    ],
  },
  async run(host) {
    return isolationOutcome(await detectIsolation(host))
  },
})
