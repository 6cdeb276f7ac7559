import { z } from 'zod'
import { LOCALES } from '../../../checks/core/i18n/locale.js'
import { PLATFORMS, SEVERITIES, STATUSES } from '../../../checks/core/types.js'

// Caps keep a hostile report from costing more than a real one: a scan has a few dozen results.
const short = z.string().max(4096)

/**
 * The parts of the report contract (`bulwark report --format json`, DESIGN.md) that the fleet report reads.
 * Other fields are allowed and ignored, so reports of newer versions within schema version 1 still merge.
 */
export const fleetInputSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal('bulwark'), version: z.string().max(64) }),
  host: z.object({ platform: z.enum(PLATFORMS), release: z.string().max(256), arch: z.string().max(64) }),
  startedAt: z.iso.datetime(),
  locale: z.enum(LOCALES),
  results: z
    .array(
      z.object({
        id: z
          .string()
          .regex(/^[a-z][a-z0-9]*(\.[a-z0-9-]+)+$/)
          .max(64),
        title: short,
        severity: z.enum(SEVERITIES),
        status: z.enum(STATUSES),
        summary: short,
      }),
    )
    .max(500),
})

export type FleetInput = z.infer<typeof fleetInputSchema>
