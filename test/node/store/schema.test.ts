import { describe, expect, it } from 'vitest'
import { DEFAULT_TIMEOUT_MS } from '../../../checks/core/engine/runner.js'
import {
  defaultDocument,
  defaultGuidance,
  loadDocument,
  MAX_REPORTS,
  migrate,
  MIGRATIONS,
  STORE_VERSION,
  type Migration,
} from '../../../src-main/node/store/schema.js'
import { rawReport } from './support/raw-report.js'

describe('store document schema', () => {
  it('has one migration per version step', () => {
    expect(MIGRATIONS).toHaveLength(STORE_VERSION)
  })

  it('starts a missing file from defaults without writing', () => {
    expect(loadDocument(undefined)).toEqual({ doc: defaultDocument(), problem: null, changed: false })
    expect(defaultDocument().settings).toEqual({ locale: null, timeoutMs: DEFAULT_TIMEOUT_MS })
  })

  it('reads a valid current document as it is', () => {
    const doc = { ...defaultDocument(), settings: { locale: 'fa', timeoutMs: 2000 }, reports: [rawReport(2), rawReport(1)] }
    const loaded = loadDocument(JSON.parse(JSON.stringify(doc)))
    expect(loaded).toEqual({ doc, problem: null, changed: false })
  })

  it('keeps a report whose texts nest messages (a reason inside a summary, an observed value in words)', () => {
    const base = rawReport(3)
    const [first] = base.results
    if (!first) throw new Error('the sample report has a result')
    const reason = { key: 'host.not_found', en: '{target} was not found.', params: { target: 'ip' } }
    const report = {
      ...base,
      results: [
        {
          ...first,
          status: 'unknown' as const,
          summary: { key: 'vpn.wireguard.unknownRoute', en: 'Could not look up: {reason}', params: { tunnels: 'wg0', reason } },
          evidence: [
            {
              label: { key: 'vpn.net.evRoute6', en: 'IPv6' },
              source: 'ip -6 route get',
              observed: { key: 'vpn.wireguard.obsUnknown', en: 'unknown: {reason}', params: { reason } },
            },
          ],
        },
      ],
    }
    const doc = { ...defaultDocument(), reports: [report] }
    expect(loadDocument(JSON.parse(JSON.stringify(doc)))).toEqual({ doc, problem: null, changed: false })
  })

  it('migrates an unversioned (version 0) file and keeps its valid sections', () => {
    const loaded = loadDocument({ settings: { locale: 'es' } })
    expect(loaded.problem).toBeNull()
    expect(loaded.changed).toBe(true)
    expect(loaded.doc.schemaVersion).toBe(STORE_VERSION)
    expect(loaded.doc.settings).toEqual({ locale: 'es', timeoutMs: DEFAULT_TIMEOUT_MS })
  })

  it('runs migrations in order from the file’s version', () => {
    const steps: Migration[] = [
      (d) => ({ ...d, schemaVersion: 1, trail: ['0→1'] }),
      (d) => ({ ...d, schemaVersion: 2, trail: [...(d.trail as string[]), '1→2'], acceptedRisks: {} }),
    ]
    expect(migrate({}, 0, steps)).toEqual({ schemaVersion: 2, trail: ['0→1', '1→2'], acceptedRisks: {} })
    expect(migrate({ schemaVersion: 1, trail: [] }, 1, steps)).toEqual({ schemaVersion: 2, trail: ['1→2'], acceptedRisks: {} })
    expect(migrate({ schemaVersion: 2 }, 2, steps)).toEqual({ schemaVersion: 2 })
  })

  it('refuses a document from a newer version instead of guessing', () => {
    const loaded = loadDocument({ schemaVersion: STORE_VERSION + 1, settings: { locale: 'fa' }, profile: {} })
    expect(loaded.problem).toEqual({ kind: 'newer-version', found: STORE_VERSION + 1 })
    expect(loaded.doc).toEqual(defaultDocument())
  })

  it.each([
    ['an array', [1, 2]],
    ['a string', 'settings'],
    ['a number', 42],
    ['null', null],
    ['a negative version', { schemaVersion: -1 }],
    ['a fractional version', { schemaVersion: 1.5 }],
    ['a string version', { schemaVersion: '1' }],
  ])('treats %s as invalid and starts from defaults', (_name, value) => {
    const loaded = loadDocument(value)
    expect(loaded.problem?.kind).toBe('invalid-entries')
    expect(loaded.doc).toEqual(defaultDocument())
    expect(loaded.changed).toBe(true)
  })

  it('keeps valid settings fields and drops only the bad ones', () => {
    const loaded = loadDocument({ schemaVersion: STORE_VERSION, settings: { locale: 'klingon', timeoutMs: 1500 }, reports: [] })
    expect(loaded.doc.settings).toEqual({ locale: null, timeoutMs: 1500 })
    expect(loaded.problem).toEqual({ kind: 'invalid-entries', reason: 'settings.locale' })
  })

  it('keeps valid reports and drops only the damaged ones, naming them', () => {
    const broken = { ...rawReport(1), results: 'oops' }
    const loaded = loadDocument({ schemaVersion: STORE_VERSION, settings: {}, reports: [rawReport(3), broken, rawReport(2)] })
    expect(loaded.doc.reports).toEqual([rawReport(3), rawReport(2)])
    expect(loaded.problem).toEqual({ kind: 'invalid-entries', reason: 'reports[1]' })
  })

  it('drops unknown top-level sections and says so', () => {
    const loaded = loadDocument({ schemaVersion: STORE_VERSION, settings: {}, reports: [], surprise: true })
    expect(loaded.problem).toEqual({ kind: 'invalid-entries', reason: 'surprise' })
  })

  it('trims a hand-edited history to the last 50 without calling it damage', () => {
    const reports = Array.from({ length: MAX_REPORTS + 5 }, (_, i) => rawReport(MAX_REPORTS + 5 - i))
    const loaded = loadDocument({ schemaVersion: STORE_VERSION, settings: {}, reports })
    expect(loaded.doc.reports).toHaveLength(MAX_REPORTS)
    expect(loaded.doc.reports[0]).toEqual(reports[0])
    expect(loaded.problem).toBeNull()
    expect(loaded.changed).toBe(true)
  })

  it('migrates a version 1 document to version 2 by adding empty guidance, keeping everything else', () => {
    const v1 = { schemaVersion: 1, settings: { locale: 'fa', timeoutMs: 2000 }, reports: [rawReport(1)], notices: [] }
    const loaded = loadDocument(v1)
    expect(loaded).toEqual({
      doc: {
        schemaVersion: 2,
        settings: { locale: 'fa', timeoutMs: 2000 },
        reports: [rawReport(1)],
        notices: [],
        guidance: defaultGuidance(),
      },
      problem: null,
      changed: true,
    })
    expect(defaultGuidance()).toEqual({ profile: null, answers: {}, checklist: {}, acceptedRisks: [] })
  })

  const GUIDANCE = {
    profile: 'high-risk',
    answers: { targeted: 'yes', shared: 'not-sure' },
    checklist: { 'dns.firefox#1': '2026-02-01T10:00:00.000Z', 'panic.wipe-browser': '2026-02-02T10:00:00.000Z' },
    acceptedRisks: [
      { id: 'tor.service', reason: 'I do not need Tor.', acceptedAt: '2026-02-01T10:00:00.000Z', reviewAt: '2026-05-01T10:00:00.000Z' },
    ],
  }

  it('reads valid guidance as it is', () => {
    const loaded = loadDocument({ ...defaultDocument(), guidance: GUIDANCE })
    expect(loaded).toEqual({ doc: { ...defaultDocument(), guidance: GUIDANCE }, problem: null, changed: false })
  })

  it.each([
    ['not an object', 'high-risk', defaultGuidance(), 'guidance'],
    ['an unknown profile', { ...GUIDANCE, profile: 'paranoid' }, { ...GUIDANCE, profile: null }, 'guidance.profile'],
    [
      'a bad answer and an unknown question',
      { ...GUIDANCE, answers: { targeted: 'maybe', shared: 'no', pets: 'yes' } },
      { ...GUIDANCE, answers: { shared: 'no' } },
      'guidance.answers.targeted, guidance.answers.pets',
    ],
    ['answers that are a list', { ...GUIDANCE, answers: ['yes'] }, { ...GUIDANCE, answers: {} }, 'guidance.answers'],
    [
      'a checklist entry with a bad key or time',
      { ...GUIDANCE, checklist: { 'dns.firefox#1': '2026-02-01T10:00:00.000Z', '../x': '2026-02-01T10:00:00.000Z', 'a.b': 'yesterday' } },
      { ...GUIDANCE, checklist: { 'dns.firefox#1': '2026-02-01T10:00:00.000Z' } },
      'guidance.checklist[1], guidance.checklist[2]',
    ],
    ['a checklist that is a string', { ...GUIDANCE, checklist: 'done' }, { ...GUIDANCE, checklist: {} }, 'guidance.checklist'],
    [
      'an accepted risk without a reason or with a bad date',
      {
        ...GUIDANCE,
        acceptedRisks: [
          { ...GUIDANCE.acceptedRisks[0], reason: ' ' },
          ...GUIDANCE.acceptedRisks,
          { ...GUIDANCE.acceptedRisks[0], id: 'vpn.wireguard', reviewAt: 'soon' },
        ],
      },
      GUIDANCE,
      'guidance.acceptedRisks[0], guidance.acceptedRisks[2]',
    ],
    ['an unknown guidance field', { ...GUIDANCE, mood: 'calm' }, GUIDANCE, 'guidance.mood'],
  ])('salvages guidance with %s, keeping the rest and naming what it dropped', (_name, guidance, kept, reason) => {
    const loaded = loadDocument({ ...defaultDocument(), settings: { locale: 'es', timeoutMs: 900 }, reports: [rawReport(1)], guidance })
    expect(loaded.doc.guidance).toEqual(kept)
    expect(loaded.doc.settings).toEqual({ locale: 'es', timeoutMs: 900 })
    expect(loaded.doc.reports).toEqual([rawReport(1)])
    expect(loaded.problem).toEqual({ kind: 'invalid-entries', reason })
  })

  it('keeps one acceptance per check (the first) from a hand-edited file', () => {
    const second = { ...GUIDANCE.acceptedRisks[0], reason: 'Later.' }
    const loaded = loadDocument({ ...defaultDocument(), guidance: { ...GUIDANCE, acceptedRisks: [...GUIDANCE.acceptedRisks, second] } })
    expect(loaded.doc.guidance.acceptedRisks).toEqual(GUIDANCE.acceptedRisks)
  })
})
