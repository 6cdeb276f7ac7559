import { z } from 'zod'
import type { Msg } from '../../checks/core/i18n/message.js'
import type { ChecklistHint } from '../../checks/core/guidance/checklist.js'
import type { Locale, RawReport, RawResult, Severity } from './report.js'
import type { Result } from './result.js'
import type { BARE_CHANNELS, INVOKE_CHANNELS } from './ipc-channels.js'
import {
  applyFixRequestSchema,
  fixOffersRequestSchema,
  previewFixRequestSchema,
  undoFixRequestSchema,
  type FixApplyView,
  type FixListView,
  type FixOffersView,
  type FixPreviewView,
  type FixUndoView,
} from './fix-contract.js'

/**
 * The one typed IPC contract. Main registers a handler per invoke channel (validating the request
 * with the schema here); the preload exposes one wrapper per channel as window.api; the renderer
 * reaches it only through src-renderer/api.ts.
 */
// The channel names live in a zod-free module so the sandboxed preload can bundle them without zod.
export { INVOKE_CHANNELS, EVENT_CHANNELS } from './ipc-channels.js'
export * from '../node/store/model.js'
import {
  answersSchema,
  checkIdSchema,
  checklistItemRequestSchema,
  profileIdSchema,
  settingsPatchSchema,
  type GuidanceState,
  type Settings,
  type StoreNotice,
} from '../node/store/model.js'

export const scanRequestSchema = z.object({ only: z.array(checkIdSchema).max(100).optional() }).strict()
export type ScanRequest = z.infer<typeof scanRequestSchema>

export const runCheckRequestSchema = z.object({ id: checkIdSchema }).strict()
export type RunCheckRequest = z.infer<typeof runCheckRequestSchema>

export const openExternalRequestSchema = z.object({ url: z.string().url().max(2048) }).strict()
export type OpenExternalRequest = z.infer<typeof openExternalRequestSchema>

export const emptyRequestSchema = z.undefined()

export const dismissNoticeRequestSchema = z.object({ id: z.string().min(1).max(128) }).strict()
export type DismissNoticeRequest = z.infer<typeof dismissNoticeRequestSchema>

export const setProfileRequestSchema = z.object({ profile: profileIdSchema, answers: answersSchema.optional() }).strict()
export type SetProfileRequest = z.infer<typeof setProfileRequestSchema>

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

export type ExportResult = { saved: true; path: string } | { saved: false }

/** Texts cross IPC as messages: the renderer shows them in the chosen language, so a language change re-runs nothing. */
export interface CheckInfo {
  id: string
  title: Msg
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

/** Scan progress as the engine reports it, forwarded unchanged. */
export type { ProgressEvent } from '../../checks/core/engine/runner.js'
import type { ProgressEvent } from '../../checks/core/engine/runner.js'

/** One channel's entry: its request schema and, type-only, what its Result carries. */
interface Channel<S extends z.ZodType, T> {
  request: S
  /** Type-only marker of the response; never read at run time. */
  response?: T
}
const channel =
  <T>() =>
  <S extends z.ZodType>(request: S): Channel<S, T> => ({ request })

type SettingsView = Settings & { effectiveLocale: Locale }

/**
 * THE table of invoke channels: one entry per window.api method (its wire name is INVOKE_CHANNELS[key]).
 * The preload, main's handlers, the renderer's unavailable stub and the test fakes are all derived from it:
 * a new channel is one entry here, its name in ipc-channels.ts, and its handler.
 */
export const IPC = {
  listChecks: channel<CheckInfo[]>()(emptyRequestSchema),
  scan: channel<RawReport>()(scanRequestSchema),
  runCheck: channel<RawResult>()(runCheckRequestSchema),
  lastReport: channel<RawReport | null>()(emptyRequestSchema),
  getSettings: channel<SettingsView>()(emptyRequestSchema),
  setSettings: channel<SettingsView>()(settingsPatchSchema),
  listHistory: channel<HistoryEntry[]>()(emptyRequestSchema),
  clearHistory: channel<null>()(emptyRequestSchema),
  openExternal: channel<null>()(openExternalRequestSchema),
  listNotices: channel<StoreNotice[]>()(emptyRequestSchema),
  dismissNotice: channel<null>()(dismissNoticeRequestSchema),
  getGuidance: channel<GuidanceState>()(emptyRequestSchema),
  setProfile: channel<GuidanceState>()(setProfileRequestSchema),
  setChecklistItem: channel<GuidanceState>()(checklistItemRequestSchema),
  /** What this computer suggests about the self-assessed checklist (read-only): hints, never ticks or verdicts. */
  checklistHints: channel<ChecklistHint[]>()(emptyRequestSchema),
  acceptRisk: channel<GuidanceState>()(acceptRiskRequestSchema),
  revokeRisk: channel<GuidanceState>()(revokeRiskRequestSchema),
  /** Clears scan history, guidance state and settings: the app's own traces. */
  forgetEverything: channel<null>()(emptyRequestSchema),
  /** Exports the last scan (weighed by the current profile) through a save dialog; pdf via printToPDF. */
  exportReport: channel<ExportResult>()(exportRequestSchema),
  /** Hides every window at once (Quick Exit). */
  quickExit: channel<null>()(emptyRequestSchema),
  /** What the fix for a finding would do, from what the check finds now. */
  fixOffers: channel<FixOffersView>()(fixOffersRequestSchema),
  /** Plans the chosen offers from the machine as it is; main keeps the plan, the renderer gets the preview and its hash. */
  previewFix: channel<FixPreviewView>()(previewFixRequestSchema),
  /** Applies the previewed plan with this hash (through the OS's administrator prompt when it needs one), then verifies. */
  applyFix: channel<FixApplyView>()(applyFixRequestSchema),
  listFixes: channel<FixListView>()(emptyRequestSchema),
  undoFix: channel<FixUndoView>()(undoFixRequestSchema),
} satisfies Record<keyof typeof INVOKE_CHANNELS, Channel<z.ZodType, unknown>>

export type InvokeName = keyof typeof IPC
/** The validated request a channel's handler receives. */
export type RequestOf<K extends InvokeName> = z.output<(typeof IPC)[K]['request']>
/** What a channel's Result carries. */
export type ResponseOf<K extends InvokeName> = Exclude<(typeof IPC)[K]['response'], undefined>

/** The window.api method of a channel: no argument when its request schema is `undefined`. */
type Method<K extends InvokeName> = [z.input<(typeof IPC)[K]['request']>] extends [undefined]
  ? () => Promise<Result<ResponseOf<K>>>
  : (request: z.input<(typeof IPC)[K]['request']>) => Promise<Result<ResponseOf<K>>>

/** What window.api offers, derived from IPC. Every method resolves (never rejects) with a Result. */
export type BulwarkApi = { [K in InvokeName]: Method<K> } & {
  /** Subscribes to scan progress; returns the unsubscribe function. */
  onProgress(listener: (event: ProgressEvent) => void): () => void
}

type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
/** Compile-time guard: every invoke channel name has exactly one table entry, and the reverse. */
export const CHANNELS_MATCH_API: SameKeys<keyof typeof INVOKE_CHANNELS, InvokeName> = true
type Bare = { [K in InvokeName]: [z.input<(typeof IPC)[K]['request']>] extends [undefined] ? K : never }[InvokeName]
/** Compile-time guard: BARE_CHANNELS lists exactly the channels whose request schema is `undefined`. */
export const BARE_MATCH_TABLE: SameKeys<(typeof BARE_CHANNELS)[number], Bare> = true
