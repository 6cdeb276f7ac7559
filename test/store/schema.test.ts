import { describe, expect, it } from 'vitest'
import { DEFAULT_TIMEOUT_MS } from '../../checks/engine/runner.js'
import {
  defaultDocument,
  loadDocument,
  MAX_REPORTS,
  migrate,
  MIGRATIONS,
  STORE_VERSION,
  type Migration,
} from '../../src-main/store/schema.js'
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
    const loaded = loadDocument({ schemaVersion: 1, settings: { locale: 'klingon', timeoutMs: 1500 }, reports: [] })
    expect(loaded.doc.settings).toEqual({ locale: null, timeoutMs: 1500 })
    expect(loaded.problem).toEqual({ kind: 'invalid-entries', reason: 'settings.locale' })
  })

  it('keeps valid reports and drops only the damaged ones, naming them', () => {
    const broken = { ...rawReport(1), results: 'oops' }
    const loaded = loadDocument({ schemaVersion: 1, settings: {}, reports: [rawReport(3), broken, rawReport(2)] })
    expect(loaded.doc.reports).toEqual([rawReport(3), rawReport(2)])
    expect(loaded.problem).toEqual({ kind: 'invalid-entries', reason: 'reports[1]' })
  })

  it('drops unknown top-level sections and says so', () => {
    const loaded = loadDocument({ schemaVersion: 1, settings: {}, reports: [], surprise: true })
    expect(loaded.problem).toEqual({ kind: 'invalid-entries', reason: 'surprise' })
  })

  it('trims a hand-edited history to the last 50 without calling it damage', () => {
    const reports = Array.from({ length: MAX_REPORTS + 5 }, (_, i) => rawReport(MAX_REPORTS + 5 - i))
    const loaded = loadDocument({ schemaVersion: 1, settings: {}, reports })
    expect(loaded.doc.reports).toHaveLength(MAX_REPORTS)
    expect(loaded.doc.reports[0]).toEqual(reports[0])
    expect(loaded.problem).toBeNull()
    expect(loaded.changed).toBe(true)
  })
})
