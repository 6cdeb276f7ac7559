import { describe, expect, it } from 'vitest'
import type { ScanReport } from '../../../../checks/core/report/model.js'
import { formatReportText } from '../../../../checks/core/report/text.js'
import { renderJson } from '../../../../checks/core/report/json.js'
import { localDateTime } from '../../../../checks/core/report/document.js'
import type { Locale } from '../../../../checks/core/i18n/locale.js'

const STARTED = '2026-11-23T10:00:00.000Z'

const report = (locale: Locale): ScanReport => ({
  schemaVersion: 1,
  tool: { name: 'bulwark', version: '0.1.0' },
  host: { platform: 'linux', release: '6.1', arch: 'x64' },
  startedAt: STARTED,
  durationMs: 12,
  locale,
  results: [],
})

describe('the text report heading', () => {
  // The month as each language writes it: the date is the reader's, not an ISO timestamp.
  it.each([
    ['en', 'November'],
    ['es', 'noviembre'],
    ['zh-CN', '11月'],
    ['fa', 'آذر'],
  ] as const)('shows the local date and time in %s', (locale, month) => {
    const heading = formatReportText(report(locale), { colour: false }).split('\n')[0] ?? ''
    expect(heading).toContain(localDateTime(STARTED, locale))
    expect(localDateTime(STARTED, locale)).toContain(month)
    expect(heading).not.toContain(STARTED)
  })

  it('names the time zone, so a report read elsewhere is unambiguous', () => {
    const utc = new Intl.DateTimeFormat('en', { timeZoneName: 'short' }).formatToParts(new Date(STARTED))
    const zone = utc.find((p) => p.type === 'timeZoneName')?.value ?? ''
    expect(zone).not.toBe('')
    expect(localDateTime(STARTED, 'en')).toContain(zone)
  })

  it('keeps the ISO time in the JSON', () => {
    expect(JSON.parse(renderJson(report('es'))).startedAt).toBe(STARTED)
  })

  it('shows a time it cannot read as it is, never "Invalid Date"', () => {
    expect(localDateTime('not a date', 'en')).toBe('not a date')
  })
})
