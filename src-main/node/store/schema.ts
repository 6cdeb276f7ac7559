import { z } from 'zod'
import { DEFAULT_TIMEOUT_MS } from '../../../checks/core/engine/runner.js'
import type { RawReport } from '../../../checks/core/report/model.js'
import {
  answersSchema,
  checkIdSchema,
  checklistItemRequestSchema,
  NOTICE_KINDS,
  profileIdSchema,
  settingsSchema,
  type GuidanceState,
  type Settings,
  type StoreNotice,
} from './model.js'
import { rawReportSchema } from './report-schema.js'

/**
 * The store document, one JSON file. It is versioned as a whole: a feature that adds a section
 * (threat profile and questionnaire answers, checklist progress, accepted risks with reason and
 * re-ask date, score history, ...) bumps STORE_VERSION, adds its section schema and default below,
 * and appends a migration that adds the section's default to older documents. Each section is read
 * on its own, so one bad section never costs the others.
 */
export const STORE_VERSION = 2
export const MAX_REPORTS = 50
export const MAX_NOTICES = 20

export type NoticeKind = StoreNotice['kind']

/** A notice as stored: the message is built from kind and params when it is shown, in the reader's language. */
export interface StoredNotice {
  id: string
  kind: NoticeKind
  at: string
  movedTo: string | null
  params: Record<string, string | number>
}

const storedNoticeSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(NOTICE_KINDS),
  at: z.iso.datetime(),
  movedTo: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
})

export interface StoreDocument {
  schemaVersion: typeof STORE_VERSION
  settings: Settings
  /** Newest first, at most MAX_REPORTS. Raw (unlocalised) so a language change re-renders old reports. */
  reports: RawReport[]
  /** Newest last, at most MAX_NOTICES. */
  notices: StoredNotice[]
  /** Threat profile, questionnaire answers, checklist progress and accepted risks (version 2). */
  guidance: GuidanceState
}

export const DEFAULT_SETTINGS: Settings = { locale: null, timeoutMs: DEFAULT_TIMEOUT_MS }

export function defaultGuidance(): GuidanceState {
  return { profile: null, answers: {}, checklist: {}, acceptedRisks: [] }
}

export function defaultDocument(): StoreDocument {
  return { schemaVersion: STORE_VERSION, settings: { ...DEFAULT_SETTINGS }, reports: [], notices: [], guidance: defaultGuidance() }
}

type Loose = Record<string, unknown>
/** migrations[n] turns a version-n document into version n+1. Version 0 is a file with no schemaVersion. */
export type Migration = (doc: Loose) => Loose

export const MIGRATIONS: readonly Migration[] = [
  (doc) => ({ ...doc, schemaVersion: 1 }),
  (doc) => ({ ...doc, schemaVersion: 2, guidance: defaultGuidance() }),
]

export type LoadProblem = { kind: 'newer-version'; found: number } | { kind: 'invalid-entries'; reason: string }

export interface Loaded {
  doc: StoreDocument
  /** Set when the file held something this version cannot keep: the caller moves the original aside. */
  problem: LoadProblem | null
  /** The document differs from what was on disk (migrated or trimmed): write it back. */
  changed: boolean
}

function isPlainObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Keeps each field of an object that passes its own schema; names the ones it drops. */
function salvageFields(
  value: unknown,
  shape: Readonly<Record<string, z.ZodType>>,
  defaults: Loose,
  name: string,
  dropped: string[],
): Loose {
  const kept: Loose = { ...defaults }
  if (value === undefined) return kept
  if (!isPlainObject(value)) {
    dropped.push(name)
    return kept
  }
  for (const [key, field] of Object.entries(value)) {
    const parsed = Object.hasOwn(shape, key) ? shape[key]?.safeParse(field) : undefined
    if (parsed?.success) kept[key] = parsed.data
    else dropped.push(`${name}.${key}`)
  }
  return kept
}

const acceptedRiskSchema = z.object({
  id: checkIdSchema,
  reason: z.string().trim().min(1).max(500),
  acceptedAt: z.iso.datetime(),
  reviewAt: z.iso.datetime(),
})

const checklistEntrySchema = z.tuple([checklistItemRequestSchema.shape.key, z.iso.datetime()])

function salvageChecklist(value: unknown, dropped: string[]): GuidanceState['checklist'] {
  if (value === undefined) return {}
  if (!isPlainObject(value)) {
    dropped.push('guidance.checklist')
    return {}
  }
  const kept: GuidanceState['checklist'] = {}
  Object.entries(value).forEach((entry, index) => {
    const parsed = checklistEntrySchema.safeParse(entry)
    if (parsed.success) kept[parsed.data[0]] = parsed.data[1]
    else dropped.push(`guidance.checklist[${index}]`)
  })
  return kept
}

function salvageGuidance(value: unknown, dropped: string[]): GuidanceState {
  const guidance = defaultGuidance()
  if (value === undefined) return guidance
  if (!isPlainObject(value)) {
    dropped.push('guidance')
    return guidance
  }
  const { profile, answers, checklist, acceptedRisks, ...unknown } = value
  dropped.push(...Object.keys(unknown).map((key) => `guidance.${key}`))
  if (profile !== undefined) {
    const parsed = profileIdSchema.nullable().safeParse(profile)
    if (parsed.success) guidance.profile = parsed.data
    else dropped.push('guidance.profile')
  }
  guidance.answers = answersSchema.parse(salvageFields(answers, answersSchema.shape, {}, 'guidance.answers', dropped))
  guidance.checklist = salvageChecklist(checklist, dropped)
  // One acceptance per check: a hand-edited duplicate keeps the first.
  const risks = salvageList(acceptedRisks, acceptedRiskSchema, 'guidance.acceptedRisks', dropped)
  guidance.acceptedRisks = risks.filter((risk, index) => risks.findIndex((r) => r.id === risk.id) === index)
  return guidance
}

function salvageList<T>(value: unknown, schema: z.ZodType<T>, name: string, dropped: string[]): T[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    dropped.push(name)
    return []
  }
  const kept: T[] = []
  value.forEach((item, index) => {
    const parsed = schema.safeParse(item)
    if (parsed.success) kept.push(parsed.data)
    else dropped.push(`${name}[${index}]`)
  })
  return kept
}

/** Runs the migrations from version `from` up to the newest. */
export function migrate(doc: Loose, from: number, migrations: readonly Migration[] = MIGRATIONS): Loose {
  let current = doc
  for (let version = from; version < migrations.length; version++) {
    const step = migrations[version]
    if (step) current = step(current)
  }
  return current
}

/**
 * Turns whatever JSON the file held into a valid current document, keeping every valid part.
 * `undefined` means there was no file. Never throws.
 */
export function loadDocument(value: unknown): Loaded {
  if (value === undefined) return { doc: defaultDocument(), problem: null, changed: false }
  const invalid = (reason: string): Loaded => ({
    doc: defaultDocument(),
    problem: { kind: 'invalid-entries', reason },
    changed: true,
  })
  if (!isPlainObject(value)) return invalid('not a JSON object')
  const version = value.schemaVersion ?? 0
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return invalid('bad schemaVersion')
  if (version > STORE_VERSION) {
    return { doc: defaultDocument(), problem: { kind: 'newer-version', found: version }, changed: true }
  }
  let migrated: Loose
  try {
    migrated = migrate(value, version)
  } catch (e) {
    return invalid(`migration from version ${version} failed: ${e instanceof Error ? e.message : String(e)}`)
  }
  const { schemaVersion: _version, settings, reports, notices, guidance, ...unknown } = migrated
  const dropped = Object.keys(unknown)
  const salvagedSettings = settingsSchema.parse(salvageFields(settings, settingsSchema.shape, DEFAULT_SETTINGS, 'settings', dropped))
  const allReports = salvageList(reports, rawReportSchema, 'reports', dropped)
  const doc: StoreDocument = {
    schemaVersion: STORE_VERSION,
    settings: salvagedSettings,
    reports: allReports.slice(0, MAX_REPORTS),
    notices: salvageList(notices, storedNoticeSchema, 'notices', dropped).slice(-MAX_NOTICES),
    guidance: salvageGuidance(guidance, dropped),
  }
  const problem: LoadProblem | null = dropped.length > 0 ? { kind: 'invalid-entries', reason: dropped.slice(0, 10).join(', ') } : null
  const changed = problem !== null || version !== STORE_VERSION || allReports.length > MAX_REPORTS
  return { doc, problem, changed }
}
