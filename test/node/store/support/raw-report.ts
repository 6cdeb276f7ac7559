import type { RawReport } from '../../../../checks/core/report/model.js'

/** A small valid raw report; `n` makes each one distinguishable by its start time. */
export function rawReport(n = 0): RawReport {
  return {
    schemaVersion: 1,
    tool: { name: 'bulwark', version: '0.1.0' },
    host: { platform: 'linux', release: '6.1.0', arch: 'x64' },
    startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    durationMs: 12,
    results: [
      {
        id: 'dns.firefox',
        title: { key: 'dns.firefox.title', en: 'Firefox encrypted DNS' },
        category: 'dns',
        severity: 'high',
        status: 'fail',
        summary: { key: 'dns.firefox.off', en: 'DNS over HTTPS is off in {profile}.', params: { profile: 'default-release' } },
        evidence: [
          {
            label: { key: 'dns.firefox.mode', en: 'TRR mode' },
            source: '/home/zoë/.mozilla/firefox/x.default-release/prefs.js',
            observed: 5,
            expected: { key: 'dns.firefox.want', en: '2 or 3' },
          },
        ],
        durationMs: 3,
        rationale: { key: 'dns.firefox.why', en: 'Your ISP sees every name you look up.' },
        observer: { key: 'dns.firefox.observer', en: 'What an observer learns: every name you look up.' },
        effort: 1,
        remediation: {
          steps: [
            { text: { key: 'dns.firefox.step', en: 'Turn on DNS over HTTPS.' }, link: 'https://support.mozilla.org/kb/dns-over-https' },
          ],
          references: [{ title: 'TRR', url: 'https://firefox-source-docs.mozilla.org/networking/dns/dns-over-https-trr.html' }],
        },
      },
    ],
  }
}
