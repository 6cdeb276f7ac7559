import { applyProfile, PROFILES } from '../../checks/core/guidance/profiles.js'
import { LOCALES, matchLocale, render, type Locale } from '../../checks/core/i18n/locale.js'
import { runScan } from '../../checks/core/engine/runner.js'
import { localizeReport, type RawReport, type ScanReport } from '../../checks/core/report/model.js'
import type { Check, Host } from '../../checks/core/types.js'
import { renderHtml } from '../../checks/core/report/html.js'
import { renderJson } from '../../checks/core/report/json.js'
import { renderMarkdown } from '../../checks/core/report/markdown.js'
import { redactReport, type RedactionContext } from '../../checks/core/report/redact.js'
import { parseCommandLine, type ScanSelection, type UsageProblem } from './args.js'
import { escapeControls, escapeControlsByLine, formatReportText } from '../../checks/core/report/text.js'
import type { Msg } from '../../checks/core/i18n/message.js'
import { UnsafeDestinationError, writePrivateFile, type UnsafeKind } from '../node/safe-write.js'
import { t } from './messages.js'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  isTTY: boolean
  env: Readonly<Record<string, string | undefined>>
}

export interface CliDeps {
  checks: readonly Check[]
  createHost: () => Host
  version: string
  redactionContext: () => RedactionContext
  /** Writes an exported report; private to the user (mode 0600) because reports describe their defences, and never through a link. */
  writeReport?: (path: string, content: string) => Promise<void>
  /** Keeps a finished scan in the CLI's history (skipped with --no-history). */
  saveReport?: (raw: RawReport) => void
  /** Ends the scan early (Ctrl-C, SIGTERM): the checks still running are cancelled and nothing is saved. */
  signal?: AbortSignal
}

export const EXIT_OK = 0
export const EXIT_FAILED_CHECKS = 1
export const EXIT_USAGE = 2

/** The language the user's environment asks for: LC_ALL, then LC_MESSAGES, then LANG (POSIX order). */
export function localeFromEnv(env: CliIo['env']): Locale {
  return matchLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE?.split(':')[0])
}

function describeProblem(p: UsageProblem): Msg {
  switch (p.kind) {
    case 'unknown-command':
      return t('unknownCommand', { value: p.value })
    case 'unknown-option':
      return t('unknownOption', { option: p.option })
    case 'missing-value':
      return t('missingValue', { option: p.option })
    case 'takes-no-value':
      return t('takesNoValue', { option: p.option })
    case 'unexpected-argument':
      return t('unexpectedArgument', { value: p.value })
    case 'not-for-command':
      return t('notForCommand', { option: p.option, command: p.command })
    case 'unknown-check':
      return t('unknownCheck', { value: p.value, valid: p.valid.join(', ') })
    case 'bad-timeout':
      return t('badTimeout', { value: p.value })
    case 'bad-lang':
      return t('badLang', { value: p.value, valid: LOCALES.join(', ') })
    case 'bad-profile':
      return t('badProfile', { value: p.value, valid: p.valid.join(', ') })
    case 'bad-format':
      return t('badFormat', { value: p.value, valid: p.valid.join(', ') })
  }
}

async function scan(selection: ScanSelection, locale: Locale, deps: CliDeps): Promise<ScanReport> {
  const selected = selection.only.length > 0 ? deps.checks.filter((c) => selection.only.includes(c.id)) : deps.checks
  const raw = await runScan(selected, deps.createHost(), {
    ...(selection.timeoutMs !== undefined ? { timeoutMs: selection.timeoutMs } : {}),
    tool: { name: 'bulwark', version: deps.version },
    ...(deps.signal ? { signal: deps.signal } : {}),
  })
  // A cancelled scan is partial: keeping it would put a false picture in the history.
  if (!selection.noHistory && !deps.signal?.aborted) deps.saveReport?.(raw)
  const report = localizeReport(raw, locale)
  if (!selection.profile) return report
  return { ...report, profile: selection.profile, results: applyProfile(report.results, PROFILES[selection.profile]) }
}

const failed = (report: ScanReport): boolean => report.results.some((r) => r.status === 'fail')

const UNSAFE_WHAT = {
  symlink: 'isSymlink',
  directory: 'isDirectory',
  fifo: 'isFifo',
  device: 'isDevice',
  socket: 'isSocket',
} as const satisfies Record<UnsafeKind, Parameters<typeof t>[0]>

/** Why a report could not be written, in the user's language when Bulwark itself refused. */
function writeProblem(path: string, e: unknown): Msg {
  if (e instanceof UnsafeDestinationError) return t('refusedDestination', { path, what: t(UNSAFE_WHAT[e.kind]) })
  return t('cannotWrite', { path, reason: e instanceof Error ? e.message : String(e) })
}

/** The whole CLI as a function of its inputs: returns the exit code, never throws. */
export async function runCli(argv: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const envLocale = localeFromEnv(io.env)
  // Arguments, paths and errors are echoed: none may carry a control character to the terminal.
  const say = (msg: Msg, locale: Locale): void => io.stderr(`bulwark: ${escapeControls(render(msg, locale))}\n`)
  // A document on stdout keeps its line breaks; anything else that could drive a terminal shows as an escape.
  const print = (document: string): void => io.stdout(escapeControlsByLine(document))
  const parsed = parseCommandLine(
    argv,
    deps.checks.map((c) => c.id),
  )
  if (!parsed.ok) {
    say(describeProblem(parsed.reason), envLocale)
    return EXIT_USAGE
  }
  const command = parsed.value
  const locale = ('lang' in command && command.lang) || envLocale
  const colour = io.isTTY && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb'
  try {
    switch (command.kind) {
      case 'help':
        io.stdout(render(t('usage'), locale) + '\n')
        return EXIT_OK
      case 'version':
        io.stdout(`${deps.version}\n`)
        return EXIT_OK
      case 'list': {
        const rows = deps.checks.map((c) => ({
          id: c.id,
          title: render(c.title, locale),
          category: c.category,
          severity: c.severity,
          platforms: c.platforms,
        }))
        if (command.json) print(JSON.stringify(rows, null, 2) + '\n')
        else
          print(
            [render(t('listHeading', { count: rows.length }), locale), ...rows.map((r) => `  ${r.id.padEnd(24)} ${r.title}`)].join('\n') +
              '\n',
          )
        return EXIT_OK
      }
      case 'scan': {
        const report = await scan(command, locale, deps)
        // The text report escapes each value itself, so that its own colours can stay.
        if (command.json) print(renderJson(report))
        else io.stdout(formatReportText(report, { colour }))
        return failed(report) ? EXIT_FAILED_CHECKS : EXIT_OK
      }
      case 'report': {
        const full = await scan(command, locale, deps)
        const report = command.redact ? redactReport(full, deps.redactionContext()) : full
        const options = { redacted: command.redact }
        const content =
          command.format === 'json'
            ? renderJson(report)
            : command.format === 'md'
              ? renderMarkdown(report, options)
              : renderHtml(report, options)
        if (command.out === undefined) {
          print(content)
        } else {
          try {
            await (deps.writeReport ?? writePrivateFile)(command.out, content)
          } catch (e) {
            say(writeProblem(command.out, e), locale)
            return EXIT_USAGE
          }
          io.stderr(escapeControls(render(t('wrote', { path: command.out }), locale)) + '\n')
        }
        return failed(report) ? EXIT_FAILED_CHECKS : EXIT_OK
      }
    }
  } catch (e) {
    say(t('crashed', { message: e instanceof Error ? e.message : String(e) }), locale)
    return EXIT_USAGE
  }
}
