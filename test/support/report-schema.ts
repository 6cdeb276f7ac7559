import { z } from 'zod'

/** The report contract of DESIGN.md, as a validator: what `bulwark scan --json` must print. */
const status = z.enum(['pass', 'warn', 'fail', 'unknown', 'not_applicable', 'error'])

export const reportResultSchema = z
  .object({
    id: z.string().regex(/^[a-z]+(\.[a-z0-9-]+)+$/),
    title: z.string().min(1),
    category: z.string().min(1),
    severity: z.enum(['info', 'low', 'medium', 'high']),
    status,
    summary: z.string().min(1),
    evidence: z.array(
      z
        .object({
          label: z.string().min(1),
          source: z.string(),
          observed: z.union([z.string(), z.number(), z.boolean(), z.null()]),
          expected: z.string().optional(),
        })
        .strict(),
    ),
    durationMs: z.number().int().nonnegative(),
    rationale: z.string().min(1),
    observer: z.string().min(1),
    effort: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    remediation: z
      .object({
        steps: z.array(
          z
            .object({
              text: z.string().min(1),
              command: z
                .object({ shell: z.enum(['sh', 'powershell']), line: z.string().min(1) })
                .strict()
                .optional(),
              requiresAdmin: z.boolean().optional(),
              link: z.string().optional(),
              kind: z.enum(['undo', 'alternative']).optional(),
            })
            .strict(),
        ),
        references: z.array(z.object({ title: z.string().min(1), url: z.string().url() }).strict()),
      })
      .strict(),
  })
  .strict()

export const scanReportSchema = z
  .object({
    schemaVersion: z.literal(1),
    tool: z.object({ name: z.literal('bulwark'), version: z.string() }).strict(),
    host: z.object({ platform: z.enum(['linux', 'darwin', 'win32']), release: z.string(), arch: z.string() }).strict(),
    startedAt: z.string().datetime(),
    durationMs: z.number().int().nonnegative(),
    locale: z.enum(['en', 'es', 'zh-CN', 'fa']),
    profile: z.enum(['everyday', 'it-baseline', 'high-risk']).optional(),
    score: z
      .object({
        status: z.enum(['scored', 'not_enough_results']),
        value: z.number().int().min(0).max(100).nullable(),
        profile: z.enum(['everyday', 'it-baseline', 'high-risk']).nullable(),
        weights: z.object({ high: z.number(), medium: z.number(), low: z.number(), info: z.number() }).strict(),
        credit: z.object({ pass: z.number(), warn: z.number(), fail: z.number(), unknown: z.number(), error: z.number() }).strict(),
        earned: z.number().nonnegative(),
        possible: z.number().nonnegative(),
        checks: z.array(z.object({ id: z.string(), weight: z.number().positive(), earned: z.number().nonnegative() }).strict()),
      })
      .strict()
      .refine((s) => (s.value === null) === (s.status === 'not_enough_results'), 'value is null exactly when there are not enough results'),
    results: z.array(reportResultSchema),
    checklist: z
      .object({
        countedInScore: z.literal(false),
        items: z.array(z.object({ id: z.string().min(1), title: z.string().min(1), doneAt: z.string().datetime().nullable() }).strict()),
      })
      .strict()
      .optional(),
  })
  .strict()
