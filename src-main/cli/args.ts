import { parseArgs } from 'node:util'
import { isLocale, type Locale } from '../../checks/i18n/locale.js'

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'list'; json: boolean; lang?: Locale }
  | { kind: 'scan'; json: boolean; only: string[]; timeoutMs?: number; lang?: Locale }

export type ParseResult = { ok: true; command: Command } | { ok: false; problem: UsageProblem }

/** A usage error, as data: the caller renders it in the user's language. */
export type UsageProblem =
  | { kind: 'unknown-command'; value: string }
  | { kind: 'bad-option'; detail: string }
  | { kind: 'unknown-check'; value: string; valid: readonly string[] }
  | { kind: 'bad-timeout'; value: string }
  | { kind: 'bad-lang'; value: string }

const OPTIONS = {
  json: { type: 'boolean' },
  only: { type: 'string' },
  timeout: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

/** Pure: argv (without node and script) → a command or a usage problem. */
export function parseCommandLine(argv: readonly string[], knownIds: readonly string[]): ParseResult {
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
  } catch (e) {
    return { ok: false, problem: { kind: 'bad-option', detail: e instanceof Error ? e.message : String(e) } }
  }
  const { values, positionals } = parsed
  if (values.version) return { ok: true, command: { kind: 'version' } }
  const [verb, ...extra] = positionals
  if (values.help || verb === 'help' || verb === undefined) return { ok: true, command: { kind: 'help' } }
  if (extra.length > 0) return { ok: false, problem: { kind: 'bad-option', detail: `unexpected argument '${extra[0] ?? ''}'` } }

  let lang: Locale | undefined
  if (values.lang !== undefined) {
    if (!isLocale(values.lang)) return { ok: false, problem: { kind: 'bad-lang', value: values.lang } }
    lang = values.lang
  }
  const json = values.json ?? false

  if (verb === 'list') {
    if (values.only !== undefined || values.timeout !== undefined) {
      return { ok: false, problem: { kind: 'bad-option', detail: "'list' takes only --json and --lang" } }
    }
    return { ok: true, command: { kind: 'list', json, ...(lang ? { lang } : {}) } }
  }
  if (verb !== 'scan') return { ok: false, problem: { kind: 'unknown-command', value: verb } }

  const only = (values.only ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const unknown = only.find((id) => !knownIds.includes(id))
  if (unknown !== undefined) return { ok: false, problem: { kind: 'unknown-check', value: unknown, valid: knownIds } }
  if (values.only !== undefined && only.length === 0) {
    return { ok: false, problem: { kind: 'unknown-check', value: values.only, valid: knownIds } }
  }

  let timeoutMs: number | undefined
  if (values.timeout !== undefined) {
    const n = Number(values.timeout)
    if (!/^\d+$/.test(values.timeout) || n < 100 || n > 600000) {
      return { ok: false, problem: { kind: 'bad-timeout', value: values.timeout } }
    }
    timeoutMs = n
  }
  return {
    ok: true,
    command: { kind: 'scan', json, only, ...(timeoutMs !== undefined ? { timeoutMs } : {}), ...(lang ? { lang } : {}) },
  }
}
