import { LOCALES, matchLocale, render, type Locale } from '../../checks/i18n/locale.js'
import { runScan } from '../../checks/engine/runner.js'
import { localizeReport } from '../../checks/report.js'
import type { Check, Host } from '../../checks/types.js'
import { parseCommandLine, type UsageProblem } from './args.js'
import { formatReportText } from './format-text.js'
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
    case 'bad-option':
      // Node's parseArgs appends advice about '--' that does not help here: keep its first sentence.
      return render(t('badOption', { detail: p.detail.split('. ')[0] ?? p.detail }), locale)
    case 'unknown-check':
      return render(t('unknownCheck', { value: p.value, valid: p.valid.join(', ') }), locale)
    case 'bad-timeout':
      return render(t('badTimeout', { value: p.value }), locale)
    case 'bad-lang':
      return render(t('badLang', { value: p.value, valid: LOCALES.join(', ') }), locale)
  }
}

/** The whole CLI as a function of its inputs: returns the exit code, never throws. */
export async function runCli(argv: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const envLocale = localeFromEnv(io.env)
  const parsed = parseCommandLine(
    argv,
    deps.checks.map((c) => c.id),
  )
  if (!parsed.ok) {
    io.stderr(`bulwark: ${describeProblem(parsed.problem, envLocale)}\n`)
    return EXIT_USAGE
  }
  const command = parsed.command
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
        const rows = deps.checks.map((c) => ({ id: c.id, title: render(c.title, locale), category: c.category, severity: c.severity, platforms: c.platforms }))
        if (command.json) io.stdout(JSON.stringify(rows, null, 2) + '\n')
        else {
          io.stdout(render(t('listHeading', { count: rows.length }), locale) + '\n')
          for (const r of rows) io.stdout(`  ${r.id.padEnd(24)} ${r.title}\n`)
        }
        return EXIT_OK
      }
      case 'scan': {
        const selected = command.only.length > 0 ? deps.checks.filter((c) => command.only.includes(c.id)) : deps.checks
        const raw = await runScan(selected, deps.createHost(), {
          ...(command.timeoutMs !== undefined ? { timeoutMs: command.timeoutMs } : {}),
          tool: { name: 'bulwark', version: deps.version },
        })
        const report = localizeReport(raw, locale)
        io.stdout(command.json ? JSON.stringify(report, null, 2) + '\n' : formatReportText(report, { colour }))
        return report.results.some((r) => r.status === 'fail') ? EXIT_FAILED_CHECKS : EXIT_OK
      }
    }
  } catch (e) {
    io.stderr(`bulwark: ${render(t('crashed', { message: e instanceof Error ? e.message : String(e) }), locale)}\n`)
    return EXIT_USAGE
  }
}
