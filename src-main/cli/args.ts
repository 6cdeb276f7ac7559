import { parseArgs } from 'node:util'
import { isProfileId, PROFILE_IDS, type ProfileId } from '../../checks/core/guidance/profiles.js'
import { failed, ok, type Result } from '../../checks/core/host/result.js'
import { isLocale, type Locale } from '../../checks/core/i18n/locale.js'

export const REPORT_FORMATS = ['html', 'md', 'json'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** What every scanning command (scan, report) shares. */
export interface ScanSelection {
  only: string[]
  timeoutMs?: number
  profile?: ProfileId
  lang?: Locale
  /** --no-history: keep no trace of this scan in the CLI's history file. */
  noHistory?: true
}

export type Command =
  | { kind: 'help'; lang?: Locale }
  | { kind: 'version' }
  | { kind: 'list'; json: boolean; lang?: Locale }
  | ({ kind: 'scan'; json: boolean } & ScanSelection)
  | ({ kind: 'report'; format: ReportFormat; redact: boolean; out?: string } & ScanSelection)

export type ParseResult = Result<Command, UsageProblem>

/** A usage error, as data: the caller renders it in the user's language. */
export type UsageProblem =
  | { kind: 'unknown-command'; value: string }
  | { kind: 'unknown-option'; option: string }
  | { kind: 'missing-value'; option: string }
  | { kind: 'takes-no-value'; option: string }
  | { kind: 'unexpected-argument'; value: string }
  | { kind: 'not-for-command'; option: string; command: string }
  | { kind: 'unknown-check'; value: string; valid: readonly string[] }
  | { kind: 'bad-timeout'; value: string }
  | { kind: 'bad-lang'; value: string }
  | { kind: 'bad-profile'; value: string; valid: readonly string[] }
  | { kind: 'bad-format'; value: string; valid: readonly string[] }

const OPTIONS = {
  json: { type: 'boolean' },
  only: { type: 'string' },
  timeout: { type: 'string' },
  lang: { type: 'string' },
  profile: { type: 'string' },
  format: { type: 'string' },
  redact: { type: 'boolean' },
  'no-history': { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

type OptionName = keyof typeof OPTIONS

const ALLOWED: Record<'list' | 'scan' | 'report', readonly OptionName[]> = {
  list: ['json', 'lang'],
  scan: ['json', 'only', 'timeout', 'lang', 'profile', 'no-history'],
  report: ['format', 'redact', 'out', 'only', 'timeout', 'lang', 'profile', 'no-history'],
}

type Values = { [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string }

function parseSelection(values: Values, knownIds: readonly string[]): Result<ScanSelection, UsageProblem> {
  const only = (values.only ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const unknown = only.find((id) => !knownIds.includes(id))
  if (unknown !== undefined) return failed({ kind: 'unknown-check', value: unknown, valid: knownIds })
  if (values.only !== undefined && only.length === 0) {
    return failed({ kind: 'unknown-check', value: values.only, valid: knownIds })
  }
  let timeoutMs: number | undefined
  if (values.timeout !== undefined) {
    const n = Number(values.timeout)
    if (!/^\d+$/.test(values.timeout) || n < 100 || n > 600000) {
      return failed({ kind: 'bad-timeout', value: values.timeout })
    }
    timeoutMs = n
  }
  let profile: ProfileId | undefined
  if (values.profile !== undefined) {
    if (!isProfileId(values.profile)) return failed({ kind: 'bad-profile', value: values.profile, valid: PROFILE_IDS })
    profile = values.profile
  }
  return ok({
    only,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(profile ? { profile } : {}),
    ...(values.lang !== undefined && isLocale(values.lang) ? { lang: values.lang } : {}),
    ...(values['no-history'] ? { noHistory: true as const } : {}),
  })
}

/**
 * Node's parseArgs reports problems as English sentences with advice about '--' that does not fit
 * here: turn them into problems the CLI can say in the user's language. The code says which kind;
 * the option is the first quoted flag in the message (its long form when both are given).
 */
function problemFromParseError(e: unknown): UsageProblem {
  const message = e instanceof Error ? e.message : String(e)
  const code = e instanceof Error && 'code' in e ? e.code : undefined
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? ''
  const flags = quoted.match(/--?[\w-]+/g) ?? []
  const option = flags.find((f) => f.startsWith('--')) ?? flags[0] ?? quoted
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = option.replace(/^--/, '')
    const isBoolean = name in OPTIONS && OPTIONS[name as OptionName].type === 'boolean'
    return isBoolean ? { kind: 'takes-no-value', option } : { kind: 'missing-value', option }
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return { kind: 'unexpected-argument', value: quoted }
  return { kind: 'unknown-option', option }
}

/** Pure: argv (without node and script) → a command or a usage problem. */
export function parseCommandLine(argv: readonly string[], knownIds: readonly string[]): ParseResult {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (e) {
    return failed(problemFromParseError(e))
  }
  const values: Values = parsed.values
  const { positionals } = parsed
  if (values.lang !== undefined && !isLocale(values.lang)) return failed({ kind: 'bad-lang', value: values.lang })
  const lang = values.lang !== undefined && isLocale(values.lang) ? { lang: values.lang } : {}
  if (values.version) return ok({ kind: 'version' })
  const [verb, ...extra] = positionals
  if (values.help || verb === 'help' || verb === undefined) return ok({ kind: 'help', ...lang })
  if (extra.length > 0) return failed({ kind: 'unexpected-argument', value: extra[0] ?? '' })
  if (verb !== 'list' && verb !== 'scan' && verb !== 'report') return failed({ kind: 'unknown-command', value: verb })

  const misplaced = (Object.keys(values) as OptionName[]).find((k) => values[k] !== undefined && !ALLOWED[verb].includes(k))
  if (misplaced) return failed({ kind: 'not-for-command', option: `--${misplaced}`, command: verb })

  if (verb === 'list') return ok({ kind: 'list', json: values.json ?? false, ...lang })

  const selection = parseSelection(values, knownIds)
  if (!selection.ok) return selection
  if (verb === 'scan') return ok({ kind: 'scan', json: values.json ?? false, ...selection.value })

  const format = values.format ?? 'html'
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    return failed({ kind: 'bad-format', value: format, valid: REPORT_FORMATS })
  }
  return ok({
    kind: 'report',
    format: format as ReportFormat,
    redact: values.redact ?? false,
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...selection.value,
  })
}
