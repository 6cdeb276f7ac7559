import { z } from 'zod'
import type { Locale, ReportResult, ScanReport, Severity } from './report.js'
import type { Result } from './result.js'
import type { INVOKE_CHANNELS } from './ipc-channels.js'

/**
 * The one typed IPC contract. Main registers a handler per invoke channel (validating the request
 * with the schema here); the preload exposes one wrapper per channel as window.api; the renderer
 * reaches it only through src-renderer/api.ts.
 */
// The channel names live in a zod-free module so the sandboxed preload can bundle them without zod.
export { INVOKE_CHANNELS, EVENT_CHANNELS } from './ipc-channels.js'

export const checkIdSchema = z
  .string()
  .regex(/^[a-z]+(\.[a-z0-9-]+)+$/)
  .max(64)
export const localeSchema = z.enum(['en', 'es', 'zh-CN', 'fa'])

export const scanRequestSchema = z.object({ only: z.array(checkIdSchema).max(100).optional() }).strict()
export type ScanRequest = z.infer<typeof scanRequestSchema>

export const runCheckRequestSchema = z.object({ id: checkIdSchema }).strict()
export type RunCheckRequest = z.infer<typeof runCheckRequestSchema>

export const settingsSchema = z
  .object({
    locale: localeSchema.nullable(),
    timeoutMs: z.number().int().min(100).max(60000),
  })
  .strict()
export type Settings = z.infer<typeof settingsSchema>
export const settingsPatchSchema = settingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

export const openExternalRequestSchema = z.object({ url: z.string().url().max(2048) }).strict()
export type OpenExternalRequest = z.infer<typeof openExternalRequestSchema>

export const emptyRequestSchema = z.undefined()

export const dismissNoticeRequestSchema = z.object({ id: z.string().min(1).max(128) }).strict()
export type DismissNoticeRequest = z.infer<typeof dismissNoticeRequestSchema>

export const profileIdSchema = z.enum(['everyday', 'it-baseline', 'high-risk'])
export const answerSchema = z.enum(['yes', 'no', 'not-sure'])
export const answersSchema = z
  .object({
    targeted: answerSchema.optional(),
    borders: answerSchema.optional(),
    sources: answerSchema.optional(),
    managed: answerSchema.optional(),
    shared: answerSchema.optional(),
  })
  .strict()

export const setProfileRequestSchema = z.object({ profile: profileIdSchema, answers: answersSchema.optional() }).strict()
export type SetProfileRequest = z.infer<typeof setProfileRequestSchema>

/** A checklist key: a step of a finding (`dns.firefox#2`) or a panic-checklist item (`panic.<item>`). */
export const checklistItemRequestSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9.#-]+$/)
      .max(96),
    done: z.boolean(),
  })
  .strict()
export type ChecklistItemRequest = z.infer<typeof checklistItemRequestSchema>

export const acceptRiskRequestSchema = z
  .object({
    id: checkIdSchema,
    reason: z.string().trim().min(1).max(500),
    /** The date (ISO) to ask again; must be in the future. */
    reviewAt: z.string().datetime(),
  })
  .strict()
export type AcceptRiskRequest = z.infer<typeof acceptRiskRequestSchema>
export const revokeRiskRequestSchema = z.object({ id: checkIdSchema }).strict()
export type RevokeRiskRequest = z.infer<typeof revokeRiskRequestSchema>

export const exportRequestSchema = z.object({ format: z.enum(['html', 'md', 'json', 'pdf']), redact: z.boolean() }).strict()
export type ExportRequest = z.infer<typeof exportRequestSchema>

/** What the user chose and did, kept across sessions (the store's guidance section). */
export interface GuidanceState {
  /** null until the first-run questionnaire (or a choice in settings) picked one. */
  profile: z.infer<typeof profileIdSchema> | null
  answers: z.infer<typeof answersSchema>
  /** Checklist key → ISO time it was ticked. */
  checklist: Record<string, string>
  acceptedRisks: { id: string; reason: string; acceptedAt: string; reviewAt: string }[]
}

export type ExportResult = { saved: true; path: string } | { saved: false }

export interface CheckInfo {
  id: string
  title: string
  category: string
  severity: Severity
  applicable: boolean
}

export interface HistoryEntry {
  startedAt: string
  durationMs: number
  counts: Record<string, number>
  /** The hardening score of that scan under the current profile (computeScore after applyProfile); null when nothing applied. */
  score: number | null
}

export const NOTICE_KINDS = ['corrupt', 'newer-version', 'invalid-entries', 'unwritable'] as const

/** Something the store had to do that the person should know about (a damaged data file moved aside, ...). */
export interface StoreNotice {
  id: string
  kind: (typeof NOTICE_KINDS)[number]
  /** ISO time it happened. */
  at: string
  /** Where the original file was kept, when it was moved aside. */
  movedTo: string | null
  /** Localised, ready to show. */
  message: string
}

export type ProgressEvent =
  | { type: 'scan-started'; ids: string[] }
  | { type: 'check-started'; id: string }
  | { type: 'check-finished'; id: string; result: ReportResult }
  | { type: 'scan-finished'; durationMs: number }

/** What window.api offers. Every method resolves (never rejects) with a Result. */
export interface BulwarkApi {
  listChecks(): Promise<Result<CheckInfo[]>>
  scan(request: ScanRequest): Promise<Result<ScanReport>>
  runCheck(request: RunCheckRequest): Promise<Result<ReportResult>>
  lastReport(): Promise<Result<ScanReport | null>>
  getSettings(): Promise<Result<Settings & { effectiveLocale: Locale }>>
  setSettings(patch: SettingsPatch): Promise<Result<Settings & { effectiveLocale: Locale }>>
  listHistory(): Promise<Result<HistoryEntry[]>>
  clearHistory(): Promise<Result<null>>
  openExternal(request: OpenExternalRequest): Promise<Result<null>>
  listNotices(): Promise<Result<StoreNotice[]>>
  dismissNotice(request: DismissNoticeRequest): Promise<Result<null>>
  getGuidance(): Promise<Result<GuidanceState>>
  setProfile(request: SetProfileRequest): Promise<Result<GuidanceState>>
  setChecklistItem(request: ChecklistItemRequest): Promise<Result<GuidanceState>>
  acceptRisk(request: AcceptRiskRequest): Promise<Result<GuidanceState>>
  revokeRisk(request: RevokeRiskRequest): Promise<Result<GuidanceState>>
  /** Clears scan history, guidance state and settings: the app's own traces. */
  forgetEverything(): Promise<Result<null>>
  /** Exports the last scan (weighed by the current profile) through a save dialog; pdf via printToPDF. */
  exportReport(request: ExportRequest): Promise<Result<ExportResult>>
  /** Hides every window at once (Quick Exit). */
  quickExit(): Promise<Result<null>>
  /** Subscribes to scan progress; returns the unsubscribe function. */
  onProgress(listener: (event: ProgressEvent) => void): () => void
}

type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
/** Compile-time guard: every invoke channel has exactly one window.api method, and the reverse. */
export const CHANNELS_MATCH_API: SameKeys<keyof typeof INVOKE_CHANNELS, Exclude<keyof BulwarkApi, 'onProgress'>> = true
