import { z } from 'zod'
import { resultSchema } from '../store/report-schema.js'

// What a scan thread and the thread that supervises it say to each other. Both ends are Bulwark, but a message
// carries results built from hostile input, so it is validated like anything else that crosses a boundary.

export const scanRequestSchema = z.object({
  ids: z.array(z.string().max(100)).max(100),
  timeoutMs: z.number().positive().optional(),
  defaultTimeoutMs: z.number().positive().optional(),
})
export type ScanRequest = z.infer<typeof scanRequestSchema>

export const fromScanThreadSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), id: z.string() }),
  z.object({ type: z.literal('finished'), result: resultSchema }),
  z.object({ type: z.literal('helper'), pid: z.number().int().positive(), running: z.boolean() }),
  z.object({ type: z.literal('done') }),
])
export type FromScanThread = z.input<typeof fromScanThreadSchema>

export const toScanThreadSchema = z.object({ type: z.literal('cancel') })
export type ToScanThread = z.infer<typeof toScanThreadSchema>
