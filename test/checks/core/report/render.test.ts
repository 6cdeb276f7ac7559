import { describe, expect, it } from 'vitest'
import type { ScanReport } from '../../../../checks/core/report/model.js'
import { renderHtml } from '../../../../checks/core/report/html.js'
import { renderMarkdown } from '../../../../checks/core/report/markdown.js'
import { render } from '../../../../checks/core/i18n/locale.js'
import { PROFILES } from '../../../../checks/core/guidance/profiles.js'
import { statusWord, t } from '../../../../checks/core/report/messages.js'

const hostile = '<script>alert(1)</script> [x](javascript:alert(1)) | `tick` **bold**'

const report: ScanReport = {
  schemaVersion: 1,
  tool: { name: 'bulwark', version: '0.1.0' },
  host: { platform: 'linux', release: '6.1', arch: 'x64' },
  startedAt: '2026-11-23T10:00:00.000Z',
  durationMs: 12,
  locale: 'en',
  profile: 'high-risk',
  results: [
    {
      id: 'dns.firefox',
      title: 'Encrypted DNS in Firefox',
      category: 'dns',
      severity: 'high',
      status: 'warn',
      summary: hostile,
      evidence: [{ label: 'network.trr.mode', source: '/home/x/prefs.js', observed: 2, expected: '3' }],
      durationMs: 3,
      rationale: 'DNS lookups show every site you visit.',
      observer: 'What an observer learns: every site you visit.',
      effort: 1,
      remediation: {
        steps: [
          {
            text: 'Set Max Protection',
            command: { shell: 'sh', line: 'echo "user_pref(\\"network.trr.mode\\", 3);" >> user.js' },
            requiresAdmin: true,
            link: 'javascript:alert(1)',
          },
        ],
        references: [{ title: 'Firefox DoH', url: 'https://support.mozilla.org/kb/dns-over-https' }],
      },
    },
    {
      id: 'tor.service',
      title: 'Tor',
      category: 'tor',
      severity: 'medium',
      status: 'pass',
      summary: 'Tor works',
      evidence: [],
      durationMs: 1,
      rationale: 'Why',
      observer: 'What an observer learns: little.',
      effort: 2,
      remediation: { steps: [], references: [] },
    },
  ],
}

describe('renderHtml', () => {
  const html = renderHtml(report)

  it('is self-contained: no script, no external resource, a CSP that forbids loading anything', () => {
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/\s(src|href)="(?!https:\/\/support\.mozilla\.org)/i)
    expect(html).toContain("default-src 'none'")
  })

  it('escapes everything read from the machine', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('href="javascript:')
  })

  it('shows status in words, the score, the profile, evidence and steps with the admin badge', () => {
    expect(html).toContain(render(statusWord('warn'), 'en'))
    expect(html).toContain(render(t('score', { score: 67 }), 'en'))
    expect(html).toContain(render(PROFILES['high-risk'].title, 'en'))
    expect(html).toContain('network.trr.mode')
    expect(html).toContain(render(t('admin'), 'en'))
    expect(html.indexOf('Encrypted DNS in Firefox')).toBeLessThan(html.indexOf('>Tor<'))
  })

  it('lays out right to left for Persian', () => {
    expect(renderHtml({ ...report, locale: 'fa' })).toContain('dir="rtl"')
  })
})

describe('renderMarkdown', () => {
  const md = renderMarkdown(report, { redacted: true })

  it('cannot be turned into links, HTML or table breaks by evidence', () => {
    expect(md).not.toContain('<script>')
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/)
    expect(md).toContain('\\<script\\>')
  })

  it('keeps commands in fenced blocks and notes the redaction', () => {
    expect(md).toContain('```sh')
    expect(md).toContain(render(t('redacted'), 'en'))
    expect(md).toMatch(/\| network\.trr\.mode \| `\/home\/x\/prefs\.js` \| `2` \| 3 \|/)
  })
})
