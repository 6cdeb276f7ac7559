import { writeFile } from 'node:fs/promises'
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
import { formatReportText } from '../../checks/core/report/text.js'
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
  /** Writes an exported report; private to the user (mode 0600) because reports describe their defences. */
  writeReport?: (path: string, content: string) => Promise<void>
  /** Keeps a finished scan in the CLI's history (skipped with --no-history). */
  saveReport?: (raw: RawReport) => void
}

export const EXIT_OK = 0
export const EXIT_FAILED_CHECKS = 1
export const EXIT_USAGE = 2

/** The language the user's environment asks for: LC_ALL, then LC_MESSAGES, then LANG (POSIX order). */
export function localeFromEnv(env: CliIo['env']): Locale {
  return matchLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE?.split(':')[0])
}

function describeProblem(p: UsageProblem, locale: Locale): string {
  switch (p.kind) {
    case 'unknown-command':
      return render(t('unknownCommand', { value: p.value }), locale)
    case 'unknown-option':
      return render(t('unknownOption', { option: p.option }), locale)
    case 'missing-value':
      return render(t('missingValue', { option: p.option }), locale)
    case 'takes-no-value':
      return render(t('takesNoValue', { option: p.option }), locale)
    case 'unexpected-argument':
      return render(t('unexpectedArgument', { value: p.value }), locale)
    case 'not-for-command':
      return render(t('notForCommand', { option: p.option, command: p.command }), locale)
    case 'unknown-check':
      return render(t('unknownCheck', { value: p.value, valid: p.valid.join(', ') }), locale)
    case 'bad-timeout':
      return render(t('badTimeout', { value: p.value }), locale)
    case 'bad-lang':
      return render(t('badLang', { value: p.value, valid: LOCALES.join(', ') }), locale)
    case 'bad-profile':
      return render(t('badProfile', { value: p.value, valid: p.valid.join(', ') }), locale)
    case 'bad-format':
      return render(t('badFormat', { value: p.value, valid: p.valid.join(', ') }), locale)
  }
}

async function scan(selection: ScanSelection, locale: Locale, deps: CliDeps): Promise<ScanReport> {
  const selected = selection.only.length > 0 ? deps.checks.filter((c) => selection.only.includes(c.id)) : deps.checks
  const raw = await runScan(selected, deps.createHost(), {
    ...(selection.timeoutMs !== undefined ? { timeoutMs: selection.timeoutMs } : {}),
    tool: { name: 'bulwark', version: deps.version },
  })
  if (!selection.noHistory) deps.saveReport?.(raw)
  const report = localizeReport(raw, locale)
  if (!selection.profile) return report
  return { ...report, profile: selection.profile, results: applyProfile(report.results, PROFILES[selection.profile]) }
}

const failed = (report: ScanReport): boolean => report.results.some((r) => r.status === 'fail')

const defaultWrite = (path: string, content: string): Promise<void> => writeFile(path, content, { encoding: 'utf8', mode: 0o600 })

/** The whole CLI as a function of its inputs: returns the exit code, never throws. */
export async function runCli(argv: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const envLocale = localeFromEnv(io.env)
  const parsed = parseCommandLine(
    argv,
    deps.checks.map((c) => c.id),
  )
  if (!parsed.ok) {
    io.stderr(`bulwark: ${describeProblem(parsed.reason, envLocale)}\n`)
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
        if (command.json) io.stdout(JSON.stringify(rows, null, 2) + '\n')
        else {
          io.stdout(render(t('listHeading', { count: rows.length }), locale) + '\n')
          for (const r of rows) io.stdout(`  ${r.id.padEnd(24)} ${r.title}\n`)
        }
        return EXIT_OK
      }
      case 'scan': {
        const report = await scan(command, locale, deps)
        io.stdout(command.json ? renderJson(report) : formatReportText(report, { colour }))
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
          io.stdout(content)
        } else {
          try {
            await (deps.writeReport ?? defaultWrite)(command.out, content)
          } catch (e) {
            io.stderr(
              `bulwark: ${render(t('cannotWrite', { path: command.out, reason: e instanceof Error ? e.message : String(e) }), locale)}\n`,
            )
            return EXIT_USAGE
          }
          io.stderr(render(t('wrote', { path: command.out }), locale) + '\n')
        }
        return failed(report) ? EXIT_FAILED_CHECKS : EXIT_OK
      }
    }
  } catch (e) {
    io.stderr(`bulwark: ${render(t('crashed', { message: e instanceof Error ? e.message : String(e) }), locale)}\n`)
    return EXIT_USAGE
  }
}
