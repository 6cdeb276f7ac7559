import { z } from 'zod'
import { msgSchema, planSchema } from '../../node/fix/journal.js'
import type { FixAnswers, FixJob } from './work.js'

// What the fix thread and main say to each other. Both ends are Bulwark, but an answer carries what a check read
// from the machine (paths, a file's diff, a summary), so main validates it as it validates anything that crosses.

const checkId = z.string().max(100)
const fixId = z.string().regex(/^[\w.-]{1,200}$/)
const choices = z.record(z.string().max(41), z.string().max(200))
const timeoutMs = z.number().positive()

export const fixJobSchema: z.ZodType<FixJob> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offers'), checkId, timeoutMs }),
  z.object({
    kind: z.literal('plan'),
    checkId,
    offers: z.array(z.string().max(4096)).max(100),
    choices,
    uid: z.number().int().nullable(),
    timeoutMs,
  }),
  z.object({ kind: z.literal('apply'), checkId, plan: planSchema, choices, timeoutMs }),
  z.object({ kind: z.literal('verify'), checkId, fixId, plan: planSchema, choices, timeoutMs }),
  z.object({ kind: z.literal('undo'), fixId, force: z.boolean() }),
])

/** What a thread is started with: its one job, and the folder whose journal it writes (the app's store). */
export const fixThreadDataSchema = z.object({ job: fixJobSchema, storeDir: z.string().min(1) })
export type FixThreadData = z.infer<typeof fixThreadDataSchema>

const offerSchema = z.object({ key: z.string(), title: msgSchema, protects: msgSchema, mayBreak: z.array(msgSchema) })
const previewSchema = z.object({
  heading: msgSchema,
  offers: z.array(z.array(msgSchema)),
  changes: z.array(z.object({ line: msgSchema, diff: z.array(z.string()) })),
  admin: msgSchema,
  hash: z.string().regex(/^[0-9a-f]{64}$/),
})
const applySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('verified'), fixId, message: msgSchema }),
  z.object({ kind: z.literal('unverified'), fixId, message: msgSchema }),
  z.object({ kind: z.literal('refused'), message: msgSchema }),
  z.object({ kind: z.literal('failed'), fixId: fixId.nullable(), message: msgSchema }),
])

/** Each job's answer, by the job's kind. */
export const answerSchemas: { [K in keyof FixAnswers]: z.ZodType<FixAnswers[K]> } = {
  offers: z.object({ offers: z.array(offerSchema) }),
  plan: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('nothing'), reason: msgSchema }),
    z.object({ kind: z.literal('planned'), plan: planSchema, preview: previewSchema }),
  ]),
  apply: applySchema,
  verify: applySchema,
  undo: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('undone'), message: msgSchema }),
    z.object({ kind: z.literal('refused'), message: msgSchema, canForce: z.boolean() }),
    z.object({ kind: z.literal('failed'), message: msgSchema }),
  ]),
}

export const fromFixThreadSchema = z.discriminatedUnion('type', [
  /** The plan is journalled and applied as this fix; its verification comes next. */
  z.object({ type: z.literal('applied'), fixId }),
  /** A helper process a check started, or that it ended: main ends those of a thread it gives up on. */
  z.object({ type: z.literal('helper'), pid: z.number().int().positive(), running: z.boolean() }),
  /** The job's answer, checked against its kind's schema by main. */
  z.object({ type: z.literal('answer'), answer: z.unknown() }),
])
export type FromFixThread = z.input<typeof fromFixThreadSchema>
