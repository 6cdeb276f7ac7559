import { extname } from 'node:path'
import { parseArgs } from 'node:util'
import { isProfileId, PROFILE_IDS, type ProfileId } from '../../checks/core/guidance/profiles.js'
import { failed, ok, type Result } from '../../checks/core/host/result.js'
import { resolveLocale, type Locale } from '../../checks/core/i18n/locale.js'
import { FLEET_OPTIONS, parseFleet, type FleetCommand, type FleetUsageProblem } from './fleet/args.js'
import { FIX_OPTIONS, isFixVerb, parseFix, type FixCommand, type FixUsageProblem } from './fix-args.js'
import { CHECKLIST_OPTIONS, parseChecklist, type ChecklistCommand, type ChecklistUsageProblem } from './checklist/args.js'

export const REPORT_FORMATS = ['html', 'md', 'json', 'text', 'jsonl', 'intune', 'jamf'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** The format a file name asks for by its extension; a name without one takes the format given, or HTML. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, ReportFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.json': 'json',
  '.txt': 'text',
  '.text': 'text',
  '.jsonl': 'jsonl',
}

/** What --fail-on accepts: the report's exit code becomes the scan's (1 when a check failed). */
export const FAIL_ON_VALUES = ['fail'] as const

/** What every scanning command (scan, report) shares. */
export interface ScanSelection {
  only: string[]
  timeoutMs?: number
  profile?: ProfileId
  lang?: Locale
  /** --save: add this scan to the CLI's history file. Without it a scan leaves no record. */
  save?: true
  /** --save-sqlite PATH: add this scan to a results database that osquery reads (src-main/cli/formats/sqlite.ts). */
  saveSqlite?: string
}

export type Command =
  | { kind: 'help'; lang?: Locale }
  | { kind: 'version' }
  | { kind: 'list'; json: boolean; lang?: Locale }
  | { kind: 'history'; json: boolean; lang?: Locale }
  | { kind: 'forget'; lang?: Locale }
  | ({ kind: 'scan'; json: boolean } & ScanSelection)
  | ({
      kind: 'report'
      /** Absent when neither --format nor --out's extension names one: the terminal decides (text there, else HTML). */
      format?: ReportFormat
      redact: boolean
      out?: string
      /** --fail-on fail: exit 1 when a check failed, as scan does; otherwise a written report exits 0. */
      failOn?: (typeof FAIL_ON_VALUES)[number]
    } & ScanSelection)
  | FleetCommand
  | FixCommand
  | ChecklistCommand

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
  | { kind: 'bad-fail-on'; value: string; valid: readonly string[] }
  | { kind: 'format-mismatch'; format: ReportFormat; out: string; implied: ReportFormat }
  | { kind: 'unknown-extension'; out: string; valid: readonly string[] }
  | { kind: 'conflicting-options'; option: string; other: string }
  | FleetUsageProblem
  | FixUsageProblem
  | ChecklistUsageProblem

const OPTIONS = {
  json: { type: 'boolean' },
  only: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  lang: { type: 'string' },
  profile: { type: 'string' },
  format: { type: 'string' },
  redact: { type: 'boolean' },
  save: { type: 'boolean' },
  // The default now; still accepted so that scripts written for older versions keep working.
  'no-history': { type: 'boolean' },
  'fail-on': { type: 'string' },
  'save-sqlite': { type: 'string' },
  'stale-days': { type: 'string' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
  last: { type: 'boolean' },
  choose: { type: 'string', multiple: true },
  offer: { type: 'string', multiple: true },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

type OptionName = keyof typeof OPTIONS

const VERBS = ['list', 'scan', 'report', 'history', 'forget', 'fleet', 'fix', 'fixes', 'undo', 'checklist'] as const
type Verb = (typeof VERBS)[number]
const isVerb = (value: string): value is Verb => (VERBS as readonly string[]).includes(value)

const ALLOWED: Record<Verb, readonly OptionName[]> = {
  list: ['json', 'lang'],
  scan: ['json', 'only', 'timeout', 'lang', 'profile', 'save', 'no-history', 'save-sqlite'],
  report: ['format', 'redact', 'out', 'fail-on', 'only', 'timeout', 'lang', 'profile', 'save', 'no-history', 'save-sqlite'],
  history: ['json', 'lang'],
  forget: ['lang'],
  fleet: FLEET_OPTIONS,
  checklist: CHECKLIST_OPTIONS,
  ...FIX_OPTIONS,
}

type Values = {
  [K in OptionName]?: (typeof OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[K]['type'] extends 'boolean'
      ? boolean
      : string
}

function parseSelection(values: Values, knownIds: readonly string[]): Result<ScanSelection, UsageProblem> {
  // Each --only adds to the list: `--only a --only b` is `--only a,b`.
  const only: string[] = []
  for (const value of values.only ?? []) {
    const ids = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const unknown = ids.find((id) => !knownIds.includes(id))
    if (unknown !== undefined) return failed({ kind: 'unknown-check', value: unknown, valid: knownIds })
    if (ids.length === 0) return failed({ kind: 'unknown-check', value, valid: knownIds })
    for (const id of ids) if (!only.includes(id)) only.push(id)
  }
  if (values.save && values['no-history']) return failed({ kind: 'conflicting-options', option: '--save', other: '--no-history' })
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
    ...(values.save ? { save: true as const } : {}),
    ...(values['save-sqlite'] !== undefined ? { saveSqlite: values['save-sqlite'] } : {}),
  })
}

/** The report's format from --format and --out's extension; the two must agree. */
function reportFormat(values: Values): Result<ReportFormat | undefined, UsageProblem> {
  const given = values.format
  if (given !== undefined && !(REPORT_FORMATS as readonly string[]).includes(given)) {
    return failed({ kind: 'bad-format', value: given, valid: REPORT_FORMATS })
  }
  const format = given as ReportFormat | undefined
  const out = values.out
  const extension = out === undefined ? '' : extname(out).toLowerCase()
  if (out === undefined || extension === '') return ok(format ?? (out === undefined ? undefined : 'html'))
  const implied = FORMAT_OF_EXTENSION[extension]
  if (implied === undefined) {
    return format ? ok(format) : failed({ kind: 'unknown-extension', out, valid: Object.keys(FORMAT_OF_EXTENSION) })
  }
  // Intune's output is JSON: a .json name fits it.
  const fits = format === implied || (format === 'intune' && implied === 'json')
  if (format !== undefined && !fits) return failed({ kind: 'format-mismatch', format, out, implied })
  if (format !== undefined) return ok(format)
  return ok(implied)
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
  // --lang is matched the way a locale from the environment is: ES, es_MX, zh-Hans and fa-IR all name a language we have.
  const chosen = values.lang === undefined ? null : resolveLocale(values.lang)
  if (values.lang !== undefined && chosen === null) return failed({ kind: 'bad-lang', value: values.lang })
  const lang = chosen ? { lang: chosen } : {}
  if (values.version) return ok({ kind: 'version' })
  const [verb, ...extra] = positionals
  if (values.help || verb === 'help' || verb === undefined) return ok({ kind: 'help', ...lang })
  // fleet is the one command that takes arguments: the reports to merge.
  // fix and undo take one: the check or the fix.
  if (extra.length > 0 && verb !== 'fleet' && verb !== 'checklist' && !isFixVerb(verb))
    return failed({ kind: 'unexpected-argument', value: extra[0] ?? '' })
  if (!isVerb(verb)) return failed({ kind: 'unknown-command', value: verb })

  const misplaced = (Object.keys(values) as OptionName[]).find((k) => values[k] !== undefined && !ALLOWED[verb].includes(k))
  if (misplaced) return failed({ kind: 'not-for-command', option: `--${misplaced}`, command: verb })

  if (verb === 'list' || verb === 'history') return ok({ kind: verb, json: values.json ?? false, ...lang })
  if (verb === 'forget') return ok({ kind: 'forget', ...lang })
  if (verb === 'fleet') return parseFleet(values, extra, lang)
  if (verb === 'checklist') return parseChecklist(values, extra, lang)
  if (isFixVerb(verb)) return parseFix(verb, values, extra, lang, knownIds)

  const selection = parseSelection(values, knownIds)
  if (!selection.ok) return selection
  const scanSelection = { ...selection.value, ...lang }
  if (verb === 'scan') return ok({ kind: 'scan', json: values.json ?? false, ...scanSelection })

  const failOn = values['fail-on']
  if (failOn !== undefined && !(FAIL_ON_VALUES as readonly string[]).includes(failOn)) {
    return failed({ kind: 'bad-fail-on', value: failOn, valid: FAIL_ON_VALUES })
  }
  const format = reportFormat(values)
  if (!format.ok) return format
  return ok({
    kind: 'report',
    ...(format.value ? { format: format.value } : {}),
    redact: values.redact ?? false,
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(failOn !== undefined ? { failOn: 'fail' as const } : {}),
    ...scanSelection,
  })
}
