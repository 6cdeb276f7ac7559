/**
 * browser.telemetry: does any Firefox profile, Chrome, Chromium or Edge send telemetry, usage
 * statistics, studies or crash reports to its maker on its own?
 */
import { defineCheck } from '../../core/define-check.js'
import { collectChromium } from './telemetry-chromium.io.js'
import { collectFirefox } from './telemetry-firefox.io.js'
import { defaultSteps, judgeTelemetry } from './telemetry.verdict.js'
import { t } from './telemetry.messages.js'
import { telemetryFixes } from './telemetry-fix.verdict.js'

export const telemetryCheck = defineCheck({
  id: 'browser.telemetry',
  texts: t,
  category: 'browser',
  severity: 'low',
  effort: 1,
  remediation: {
    byPlatform: { linux: defaultSteps(), darwin: defaultSteps(), win32: defaultSteps() },
    references: [
      { title: 'Mozilla policy templates: DisableTelemetry', url: 'https://mozilla.github.io/policy-templates/#disabletelemetry' },
      {
        title: 'Mozilla policy templates: DisableFirefoxStudies',
        url: 'https://mozilla.github.io/policy-templates/#disablefirefoxstudies',
      },
      {
        title: 'Mozilla support: Share data with Mozilla to help improve Firefox',
        url: 'https://support.mozilla.org/kb/share-data-mozilla-help-improve-firefox',
      },
      {
        title: 'Chrome Enterprise policy: MetricsReportingEnabled',
        url: 'https://chromeenterprise.google/policies/#MetricsReportingEnabled',
      },
      {
        title: 'Microsoft Edge policy: DiagnosticData',
        url: 'https://learn.microsoft.com/deployedge/microsoft-edge-policies/diagnosticdata',
      },
      {
        title: 'Microsoft Edge policy: PersonalizationReportingEnabled',
        url: 'https://learn.microsoft.com/deployedge/microsoft-edge-policies/personalizationreportingenabled',
      },
    ],
  },
  fixes: telemetryFixes,
  async run(host, signal) {
    const [firefox, chromium] = await Promise.all([collectFirefox(host, signal), collectChromium(host, signal)])
    return judgeTelemetry(firefox, chromium, host.platform)
  },
})
