import { defineCheck } from '../../core/define-check.js'
import { t } from './telemetry.messages.js'
import { darwinTelemetryFixable, osTelemetryFixes, windowsTelemetryFixable } from './telemetry-fix.verdict.js'
import { readDarwinFacts } from './telemetry.darwin.io.js'
import { readLinuxFacts } from './telemetry.linux.io.js'
import { darwin, darwinOutcome, linux, linuxOutcome, win32, windowsOutcome } from './telemetry.verdict.js'
import { readWindowsFacts } from './telemetry.win32.io.js'

export const osTelemetryCheck = defineCheck({
  id: 'os.telemetry',
  texts: t,
  category: 'device',
  severity: 'medium',
  effort: 1,
  remediation: {
    byPlatform: { linux, darwin, win32 },
    references: [
      {
        title: 'Microsoft: configure Windows diagnostic data',
        url: 'https://learn.microsoft.com/en-us/windows/privacy/configure-windows-diagnostic-data-in-your-organization',
      },
      {
        title: 'Microsoft: manage connections from Windows to Microsoft services',
        url: 'https://learn.microsoft.com/en-us/windows/privacy/manage-connections-from-windows-operating-system-components-to-microsoft-services',
      },
      { title: 'Apple: share analytics information with Apple', url: 'https://support.apple.com/guide/mac-help/mh27990/mac' },
      { title: 'Ubuntu wiki: Apport', url: 'https://wiki.ubuntu.com/Apport' },
      { title: 'popularity-contest(8)', url: 'https://manpages.ubuntu.com/manpages/noble/man8/popularity-contest.8.html' },
    ],
  },
  async run(host, signal) {
    if (host.platform === 'darwin') {
      const facts = await readDarwinFacts(host, signal)
      return darwinTelemetryFixable(facts, darwinOutcome(facts))
    }
    if (host.platform === 'win32') {
      const facts = await readWindowsFacts(host, signal)
      return windowsTelemetryFixable(facts, windowsOutcome(facts))
    }
    return linuxOutcome(await readLinuxFacts(host))
  },
  fixes: osTelemetryFixes,
})
