import { extname } from 'node:path'
import { failed, ok, type Result } from '../../../checks/core/host/result.js'
import type { Locale } from '../../../checks/core/i18n/locale.js'

export const FLEET_FORMATS = ['html', 'md', 'json', 'csv'] as const
export type FleetFormat = (typeof FLEET_FORMATS)[number]

/** The options `bulwark fleet` takes (the option table itself is args.ts's). */
export const FLEET_OPTIONS = ['out', 'format', 'redact', 'stale-days', 'lang'] as const

/** A scan older than this many days counts as not recent, unless --stale-days says otherwise (the Fleet policies use the same). */
export const DEFAULT_STALE_DAYS = 7

export interface FleetCommand {
  kind: 'fleet'
  /** Report files, or folders whose *.json files are reports. */
  inputs: string[]
  format: FleetFormat
  out?: string
  redact: boolean
  staleDays: number
  lang?: Locale
}

export type FleetUsageProblem =
  | { kind: 'no-reports' }
  | { kind: 'bad-stale-days'; value: string }
  | { kind: 'bad-fleet-format'; value: string; valid: readonly string[] }
  | { kind: 'fleet-format-mismatch'; format: string; out: string; implied: string }

const EXTENSIONS: Readonly<Record<string, FleetFormat>> = { '.html': 'html', '.htm': 'html', '.md': 'md', '.json': 'json', '.csv': 'csv' }

interface FleetValues {
  out?: string
  format?: string
  redact?: boolean
  'stale-days'?: string
}

/** `bulwark fleet <reports…>`: the format from --format or --out's extension (Markdown when neither says). */
export function parseFleet(
  values: FleetValues,
  inputs: readonly string[],
  lang: { lang?: Locale },
): Result<FleetCommand, FleetUsageProblem> {
  if (inputs.length === 0) return failed({ kind: 'no-reports' })
  const given = values.format
  if (given !== undefined && !(FLEET_FORMATS as readonly string[]).includes(given)) {
    return failed({ kind: 'bad-fleet-format', value: given, valid: FLEET_FORMATS })
  }
  const implied = values.out === undefined ? undefined : EXTENSIONS[extname(values.out).toLowerCase()]
  if (values.out !== undefined && given === undefined && implied === undefined) {
    return failed({ kind: 'bad-fleet-format', value: extname(values.out), valid: FLEET_FORMATS })
  }
  if (given !== undefined && implied !== undefined && given !== implied) {
    return failed({ kind: 'fleet-format-mismatch', format: given, out: values.out ?? '', implied })
  }
  let staleDays = DEFAULT_STALE_DAYS
  const stale = values['stale-days']
  if (stale !== undefined) {
    if (!/^\d{1,4}$/.test(stale) || Number(stale) < 1) return failed({ kind: 'bad-stale-days', value: stale })
    staleDays = Number(stale)
  }
  return ok({
    kind: 'fleet',
    inputs: [...inputs],
    format: (given as FleetFormat | undefined) ?? implied ?? 'md',
    ...(values.out !== undefined ? { out: values.out } : {}),
    redact: values.redact ?? false,
    staleDays,
    ...lang,
  })
}
