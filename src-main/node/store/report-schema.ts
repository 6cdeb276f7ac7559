import { z } from 'zod'
import { defineMessages, type Msg } from '../../../checks/core/i18n/message.js'
import { findCheck } from '../../../checks/registry.js'
import type { RawReport } from '../../../checks/core/report/model.js'
import { EFFORTS, PLATFORMS, SEVERITIES, STATUSES } from '../../../checks/core/types.js'

// Stored reports come back from disk, so they are validated like any other outside data.

// A parameter may itself be a message (a reason inside a summary), to any depth.
const msgSchema: z.ZodType<Msg> = z.lazy(() =>
  z.object({
    key: z.string(),
    en: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number(), msgSchema])).optional(),
  }),
)

const evidenceSchema = z.object({
  label: msgSchema,
  source: z.string(),
  observed: z.union([z.string(), z.number(), z.boolean(), z.null(), msgSchema]),
  expected: msgSchema.optional(),
})

const stepSchema = z.object({
  text: msgSchema,
  command: z.object({ shell: z.enum(['sh', 'powershell']), line: z.string() }).optional(),
  requiresAdmin: z.boolean().optional(),
  link: z.string().optional(),
  kind: z.enum(['undo', 'alternative']).optional(),
})

const t = defineMessages('store', {
  observerUnknown: 'What an observer learns: this gap tells someone watching more about you than you intend.',
})

export const resultSchema = z
  .object({
    id: z.string(),
    title: msgSchema,
    category: z.string(),
    severity: z.enum(SEVERITIES),
    status: z.enum(STATUSES),
    summary: msgSchema,
    evidence: z.array(evidenceSchema),
    durationMs: z.number().nonnegative(),
    rationale: msgSchema,
    // Scans saved before checks carried these have neither: the check's own words fill them in.
    observer: msgSchema.optional(),
    effort: z.union(EFFORTS.map((e) => z.literal(e))).optional(),
    remediation: z.object({
      steps: z.array(stepSchema),
      references: z.array(z.object({ title: z.string(), url: z.string() })),
    }),
  })
  .transform((r) => {
    const check = findCheck(r.id)
    return { ...r, observer: r.observer ?? check?.observer ?? t('observerUnknown'), effort: r.effort ?? check?.effort ?? 2 }
  })

export const rawReportSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.string(), version: z.string() }),
  host: z.object({ platform: z.enum(PLATFORMS), release: z.string(), arch: z.string() }),
  startedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
  results: z.array(resultSchema),
})

// Keeps the schema honest: what it accepts is a RawReport.
export const REPORT_SCHEMA_MATCHES: z.output<typeof rawReportSchema> extends RawReport ? true : false = true
