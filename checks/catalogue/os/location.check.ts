import { defineCheck } from '../../core/define-check.js'
import { readMacLocation } from './location.darwin.io.js'
import { gnomeLocationFixable, locationFixes } from './location-fix.verdict.js'
import { readLinuxLocation } from './location.linux.io.js'
import { t } from './location.messages.js'
import { DEFAULT_STEPS, locationOutcome } from './location.verdict.js'
import { readWindowsLocation } from './location.win32.io.js'

export const locationCheck = defineCheck({
  id: 'os.location',
  texts: t,
  category: 'permissions',
  severity: 'medium',
  effort: 1,
  costMs: 50, // geoclue and gsettings
  remediation: {
    byPlatform: DEFAULT_STEPS,
    references: [
      { title: 'GeoClue', url: 'https://www.freedesktop.org/wiki/Software/GeoClue/' },
      {
        title: 'geoclue.conf(5): GeoClue configuration (Ubuntu 24.04, GeoClue 2.7)',
        url: 'https://manpages.ubuntu.com/manpages/noble/man5/geoclue.5.html',
      },
      {
        title: 'Microsoft: Policy CSP ADMX_Sensors (Turn off location)',
        url: 'https://learn.microsoft.com/windows/client-management/mdm/policy-csp-admx-sensors',
      },
      {
        title: 'Microsoft: Windows location service and privacy',
        url: 'https://support.microsoft.com/windows/windows-location-service-and-privacy-3a8eee0a-5b0b-dc07-eede-2a5ca1c49088',
      },
      {
        title: 'Apple: Allow apps to detect the location of your Mac',
        url: 'https://support.apple.com/guide/mac-help/mh35873/mac',
      },
    ],
  },
  async run(host, signal) {
    if (host.platform === 'win32') return locationOutcome(await readWindowsLocation(host, signal))
    if (host.platform === 'darwin') return locationOutcome(await readMacLocation(host, signal))
    const facts = await readLinuxLocation(host, signal)
    return gnomeLocationFixable(facts, locationOutcome(facts))
  },
  fixes: locationFixes,
})
