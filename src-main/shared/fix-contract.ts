import { z } from 'zod'
import type { Msg } from '../../checks/core/i18n/message.js'
import { checkIdSchema } from '../node/store/model.js'

/**
 * The fix channels' requests and answers. The renderer never sends a path or a plan: it names the check, the
 * offers it shows and the choices picked; main reads the machine, makes the plan, and applies only the plan
 * whose hash the person confirmed in the preview main sent.
 */

const choiceName = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/)
const choicesSchema = z
  .record(choiceName, z.string().min(1).max(200))
  .refine((c) => Object.keys(c).length <= 16, { message: 'at most 16 choices' })
const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/)

export const fixOffersRequestSchema = z.object({ id: checkIdSchema }).strict()
export type FixOffersRequest = z.infer<typeof fixOffersRequestSchema>

export const previewFixRequestSchema = z
  .object({ id: checkIdSchema, offers: z.array(z.string().min(1).max(4096)).min(1).max(100), choices: choicesSchema })
  .strict()
export type PreviewFixRequest = z.infer<typeof previewFixRequestSchema>

export const applyFixRequestSchema = z.object({ id: checkIdSchema, hash: sha256Schema }).strict()
export type ApplyFixRequest = z.infer<typeof applyFixRequestSchema>

export const undoFixRequestSchema = z.object({ id: z.string().regex(/^[\w.-]{1,200}$/), force: z.boolean() }).strict()
export type UndoFixRequest = z.infer<typeof undoFixRequestSchema>

export interface FixChoiceView {
  name: string
  label: Msg
  values: string[]
  value: string
}

export interface FixOfferView {
  key: string
  title: Msg
  protects: Msg
  mayBreak: Msg[]
}

/** What a finding's fix would do, before anything is read for a plan; no offers when there is no fix for it. */
export interface FixOffersView {
  offers: FixOfferView[]
  choices: FixChoiceView[]
}

export type FixPreviewView =
  | {
      kind: 'ready'
      /** The plan's sha256: the one thing the renderer sends back to apply it. */
      hash: string
      heading: Msg
      /** Per offer: its title, what it protects, what may stop working. */
      offers: Msg[][]
      /** Each change in words (whatever its kind: a file, a mode, a setting), with a file's diff. */
      changes: { line: Msg; diff: string[] }[]
      admin: Msg
      needsAdmin: boolean
    }
  /** Nothing to do, or something must happen first (close Firefox): the reason says which. */
  | { kind: 'nothing'; reason: Msg }

export type FixApplyView =
  | { kind: 'verified'; fixId: string; message: Msg }
  /** Applied, but the check still finds the problem: the reason, and undo is offered. */
  | { kind: 'unverified'; fixId: string; message: Msg }
  /** Nothing was changed. */
  | { kind: 'refused'; message: Msg }
  /** Stopped part-way: undo puts back what was changed (fixId null when the helper's record was not found). */
  | { kind: 'failed'; fixId: string | null; message: Msg }

export const FIX_RECORD_STATES = ['applying', 'applied', 'verified', 'unverified', 'failed', 'undone'] as const
export type FixRecordState = (typeof FIX_RECORD_STATES)[number]

export interface FixRecordView {
  id: string
  checkId: string
  createdAt: string
  state: FixRecordState
  stateText: Msg
  titles: Msg[]
  paths: string[]
  needsAdmin: boolean
}

export interface FixListView {
  folder: string
  /** Newest first. */
  fixes: FixRecordView[]
  damaged: Msg[]
}

export type FixUndoView =
  | { kind: 'undone'; message: Msg }
  /** Nothing was changed; `canForce` when a file changed since the fix and putting it back anyway is possible. */
  | { kind: 'refused'; message: Msg; canForce: boolean }
  | { kind: 'failed'; message: Msg }
