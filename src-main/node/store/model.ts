import { z } from 'zod'
import type { Msg } from '../../../checks/core/i18n/message.js'

/**
 * The store's own shapes (settings, guidance state, notices) and the schemas that validate them.
 * The IPC contract reuses them; the store depends on nothing of the IPC layer.
 */
export const checkIdSchema = z
  .string()
  .regex(/^[a-z]+(\.[a-z0-9-]+)+$/)
  .max(64)
export const localeSchema = z.enum(['en', 'es', 'zh-CN', 'fa'])

export const settingsSchema = z
  .object({
    locale: localeSchema.nullable(),
    timeoutMs: z.number().int().min(100).max(60000),
  })
  .strict()
export type Settings = z.infer<typeof settingsSchema>
export const settingsPatchSchema = settingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

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

/** A checklist key: a step of a finding (`dns.firefox#2`), a panic-checklist item (`panic.<item>`) or a self-assessed item (`advice.<item>`). */
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

/** What the user chose and did, kept across sessions (the store's guidance section). */
export interface GuidanceState {
  /** null until the first-run questionnaire (or a choice in settings) picked one. */
  profile: z.infer<typeof profileIdSchema> | null
  answers: z.infer<typeof answersSchema>
  /** Checklist key → ISO time it was ticked. */
  checklist: Record<string, string>
  acceptedRisks: { id: string; reason: string; acceptedAt: string; reviewAt: string }[]
}

export const NOTICE_KINDS = ['corrupt', 'newer-version', 'invalid-entries', 'unwritable', 'busy', 'trimmed'] as const

/** Something the store had to do that the person should know about (a damaged data file moved aside, ...). */
export interface StoreNotice {
  id: string
  kind: (typeof NOTICE_KINDS)[number]
  /** ISO time it happened. */
  at: string
  /** Where the original file was kept, when it was moved aside. */
  movedTo: string | null
  /** What happened and what was kept, shown in the reader's language. */
  message: Msg
}
