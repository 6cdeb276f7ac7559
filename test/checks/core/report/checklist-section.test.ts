import { describe, expect, it } from 'vitest'
import { CHECKLIST, checklistEntries, checklistKey, reportChecklist } from '../../../../checks/core/guidance/checklist.js'
import { applyProfile, PROFILE_IDS, PROFILES, type ProfileId } from '../../../../checks/core/guidance/profiles.js'
import { buildPlan } from '../../../../checks/core/guidance/plan.js'
import { computeScore } from '../../../../checks/core/guidance/score.js'
import { LOCALES, render, type Locale } from '../../../../checks/core/i18n/locale.js'
import { checklistText } from '../../../../checks/core/guidance/checklist.js'
import { renderHtml } from '../../../../checks/core/report/html.js'
import { renderJson } from '../../../../checks/core/report/json.js'
import { renderMarkdown } from '../../../../checks/core/report/markdown.js'
import { formatReportText } from '../../../../checks/core/report/text.js'
import type { ReportResult, ScanReport } from '../../../../checks/core/report/model.js'
import { scanReportSchema } from '../../../support/report-schema.js'

const result = (id: string, status: ReportResult['status']): ReportResult => ({
  id,
  title: id,
  category: 'x',
  severity: 'high',
  status,
  summary: 's',
  evidence: [],
  durationMs: 1,
  rationale: 'r',
  observer: 'o',
  effort: 1,
  remediation: { steps: [], references: [] },
})

const AT = '2026-12-01T10:00:00.000Z'
const allTicked = Object.fromEntries(CHECKLIST.map((i) => [checklistKey(i.id), AT]))

function report(locale: Locale, ticks: Record<string, string>, profile: ProfileId = 'high-risk'): ScanReport {
  const results = applyProfile(
    [result('dns.firefox', 'fail'), result('disk.encryption', 'pass'), result('tor.config', 'warn')],
    PROFILES[profile],
  )
  return {
    schemaVersion: 1,
    tool: { name: 'bulwark', version: '0.1.0' },
    host: { platform: 'linux', release: '6.1', arch: 'x64' },
    startedAt: AT,
    durationMs: 5,
    locale,
    profile,
    results,
    checklist: reportChecklist(checklistEntries(profile, ticks), locale),
  }
}

const RENDERERS = {
  text: (r: ScanReport) => formatReportText(r, { colour: false }),
  md: (r: ScanReport) => renderMarkdown(r),
  html: (r: ScanReport) => renderHtml(r),
  json: (r: ScanReport) => renderJson(r),
} as const

describe('the "you said done" section', () => {
  it.each(PROFILE_IDS)('the score is identical with every item ticked and none (%s)', (profile) => {
    const none = report('en', {}, profile)
    const all = report('en', allTicked, profile)
    expect(computeScore(all.results)).toEqual(computeScore(none.results))
    const score = (r: ScanReport): unknown => (JSON.parse(renderJson(r)) as { score: unknown }).score
    expect(score(all)).toEqual(score(none))
    expect(buildPlan(all.results, [], new Date(AT))).toEqual(buildPlan(none.results, [], new Date(AT)))
    expect(all.results).toEqual(none.results)
  })

  it.each(LOCALES.flatMap((l) => (['text', 'md', 'html', 'json'] as const).map((f) => [l, f] as const)))(
    '%s %s shows it after the results, with dates',
    (locale, format) => {
      const ticks = { [checklistKey('messenger')]: AT }
      const out = RENDERERS[format](report(locale, ticks))
      const heading = render(checklistText('heading'), locale)
      const notYet = render(checklistText('notYet'), locale)
      if (format === 'json') {
        const contract = scanReportSchema.parse(JSON.parse(out))
        expect(contract.checklist?.countedInScore).toBe(false)
        expect(contract.checklist?.items.map((i) => [i.id, i.doneAt])).toEqual(
          checklistEntries('high-risk', {}).map((e) => [e.item.id, e.item.id === 'messenger' ? AT : null]),
        )
        return
      }
      expect(out).toContain(heading)
      expect(out.indexOf(heading)).toBeGreaterThan(out.indexOf('tor.config'))
      expect(out).toContain(notYet)
      expect(out).toContain(render(checklistText('summary', { done: 1, total: 8 }), locale).replace(/[<>&"']/g, ''))
      expect(out).toContain(render(CHECKLIST[0]!.title, locale).replace(/[<>&"']/g, ''))
    },
  )

  it('a report made without the checklist has no such section', () => {
    const { checklist: _dropped, ...plain } = report('en', {})
    for (const format of Object.values(RENDERERS)) expect(format(plain)).not.toContain('advice a scan cannot see')
    expect('checklist' in JSON.parse(renderJson(plain))).toBe(false)
  })
})
