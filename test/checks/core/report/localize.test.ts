import { describe, expect, it } from 'vitest'
import { observedError, observedUnknown } from '../../../../checks/core/host/helpers.js'
import { defineMessages } from '../../../../checks/core/i18n/message.js'
import { localizeReport, type RawReport } from '../../../../checks/core/report/model.js'

const t = defineMessages('test.localize', { title: 'Sample', ok: 'Fine.', label: 'Thing read' })

function reportSeeing(observed: RawReport['results'][number]['evidence'][number]['observed']): RawReport {
  return {
    schemaVersion: 1,
    tool: { name: 'bulwark', version: '0.0.0' },
    host: { platform: 'linux', release: '6.1.0', arch: 'x64' },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    results: [
      {
        id: 'test.sample',
        title: t('title'),
        category: 'test',
        severity: 'low',
        status: 'unknown',
        summary: t('ok'),
        evidence: [{ label: t('label'), source: '/etc/sample', observed }],
        durationMs: 1,
        rationale: t('ok'),
        observer: t('ok'),
        effort: 1,
        remediation: { steps: [], references: [] },
      },
    ],
  }
}

describe('the value seen in evidence', () => {
  it.each([
    ['a value as read stays as it is in every language', 3, 'zh-CN', 3],
    ['a string as read stays as it is', 'GETDNS_TRANSPORT_TLS', 'fa', 'GETDNS_TRANSPORT_TLS'],
    ['nothing seen stays null', null, 'es', null],
    ["Bulwark's own words follow the reader's language", observedError('permission_denied'), 'es', 'permiso denegado'],
    ['a reason nested in them too', observedUnknown(observedError('not_found')), 'zh-CN', '未知：未找到'],
    ['and English is the fallback', observedError('loop'), 'en', 'symbolic link loop'],
  ] as const)('%s', (_what, observed, locale, shown) => {
    expect(localizeReport(reportSeeing(observed), locale).results[0]?.evidence[0]?.observed).toBe(shown)
  })
})
