import { applyProfile, PROFILES } from '../../checks/core/guidance/profiles.js'
import { LOCALES, loadCatalog, localeFromEnv, render, type Locale } from '../../checks/core/i18n/locale.js'
import { computeScore } from '../../checks/core/guidance/score.js'
import { runScan, type ScanRunner } from '../../checks/core/engine/runner.js'
import { localizeReport, type RawReport, type ScanReport } from '../../checks/core/report/model.js'
import type { Check, Host } from '../../checks/core/types.js'
import { renderHtml } from '../../checks/core/report/html.js'
import { renderJson, reportContract } from '../../checks/core/report/json.js'
import { countByStatus, localDateTime } from '../../checks/core/report/document.js'
import { t as reportText } from '../../checks/core/report/messages.js'
import { renderMarkdown } from '../../checks/core/report/markdown.js'
import { redactReport, type RedactionContext } from '../../checks/core/report/redact.js'
import { parseCommandLine, type Command, type ReportFormat, type ScanSelection, type UsageProblem } from './args.js'
import { escapeControls, escapeControlsByLine, formatReportText } from '../../checks/core/report/text.js'
import type { Msg } from '../../checks/core/i18n/message.js'
import { dirname, resolve } from 'node:path'
import { UnsafeDestinationError, writePrivateFile, type UnsafeKind } from '../node/safe-write.js'
import { examineDestination, problemOfError, type Destination, type DestinationProblem } from './destination.js'
import type { CliHistory, ForgetOutcome } from './history.js'
import { t } from './messages.js'
import { runFleet } from './fleet/run.js'
import { describeFleetProblem } from './fleet/problems.js'
import { describeFixProblem } from './fix-args.js'
import { helpText } from './help.js'
import { runFixCommand, type FixDeps } from './fix-run.js'
import { describeChecklistProblem } from './checklist/args.js'
import { runChecklist } from './checklist/run.js'
import type { CliChecklist } from './checklist/store.js'
import { readChecklistHints } from '../../checks/readers/hints/checklist-hints.io.js'
import { checklistEntries, reportChecklist } from '../../checks/core/guidance/checklist.js'
import { NotAResultsDatabaseError } from './formats/sqlite.js'
import { t as formatsText } from './formats/messages.js'
import { checkDatabaseDestination, CliProblem, saveToDatabase, type SaveSqlite } from './formats/save-sqlite.js'
import { renderIntune } from '../../checks/core/report/intune.js'
import { renderJamf } from '../../checks/core/report/jamf.js'
import { renderJsonl } from '../../checks/core/report/jsonl.js'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  isTTY: boolean
  env: Readonly<Record<string, string | undefined>>
}

export interface CliDeps {
  checks: readonly Check[]
  createHost: () => Host
  /** Runs the scan; without one, in this process on `createHost()` (a check that blocks then holds the scan up). */
  runScan?: ScanRunner
  version: string
  redactionContext: () => RedactionContext
  /** Writes an exported report; private to the user (mode 0600) because reports describe their defences, and never through a link. */
  writeReport?: (path: string, content: string) => Promise<void>
  /** Keeps a finished scan in the CLI's history: only with --save. Notices are said in `locale`. What it returns is awaited. */
  saveReport?: (raw: RawReport, locale: Locale) => unknown
  /** The CLI's history file, for `history` and `forget`. */
  history?: CliHistory
  /** Where --out points, looked at before the scan (the real file system unless a test stands in). */
  examineDestination?: (path: string) => Promise<Destination>
  /** Ends the scan early (Ctrl-C, SIGTERM): the checks still running are cancelled and nothing is saved. */
  signal?: AbortSignal
  /** The clock `bulwark fleet` judges a scan's age by. */
  now?: () => Date
  /** --save-sqlite: adds the scan to the results database at `path` (formats/sqlite.ts), atomically and never through a link. */
  saveSqlite?: SaveSqlite
  /** The fix writer, journal and confirmation for `fix`, `fixes` and `undo` (never given to a check). */
  fix?: FixDeps
  /** The CLI's checklist ticks, for `checklist` (its own store file; nothing is written unless the person ticks). */
  checklist?: CliChecklist
}

export const EXIT_OK = 0
export const EXIT_FAILED_CHECKS = 1
export const EXIT_USAGE = 2

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
    case 'bad-fail-on':
      return t('badFailOn', { value: p.value, valid: p.valid.join(', ') })
    case 'format-mismatch':
      return t('formatMismatch', { format: p.format, out: p.out, implied: p.implied })
    case 'unknown-extension':
      return t('unknownExtension', { out: p.out, valid: p.valid.join(', ') })
    case 'conflicting-options':
      return t('conflictingOptions', { option: p.option, other: p.other })
    case 'no-reports':
    case 'bad-stale-days':
    case 'bad-fleet-format':
    case 'fleet-format-mismatch':
      return describeFleetProblem(p)
    case 'fix-needs-check':
    case 'undo-needs-target':
    case 'undo-target-and-last':
    case 'bad-choice':
    case 'bad-offer':
      return describeFixProblem(p)
    case 'checklist-needs-item':
    case 'unknown-checklist-item':
    case 'unknown-checklist-action':
    case 'checklist-option-for-list':
      return describeChecklistProblem(p)
  }
}

async function scan(selection: ScanSelection, locale: Locale, deps: CliDeps): Promise<ScanReport> {
  const database = selection.saveSqlite
  const toDatabase = database !== undefined && (await checkDatabaseDestination(database, deps.examineDestination ?? examineDestination))
  const selected = selection.only.length > 0 ? deps.checks.filter((c) => selection.only.includes(c.id)) : deps.checks
  const run: ScanRunner = deps.runScan ?? ((checks, options) => runScan(checks, deps.createHost(), options))
  const raw = await run(selected, {
    ...(selection.timeoutMs !== undefined ? { timeoutMs: selection.timeoutMs } : {}),
    tool: { name: 'bulwark', version: deps.version },
    ...(deps.signal ? { signal: deps.signal } : {}),
  })
  // Kept only when asked: a saved scan is a list of this machine's weak points. A cancelled scan is partial and never kept.
  if (selection.save && !deps.signal?.aborted) await deps.saveReport?.(raw, locale)
  if (toDatabase && !deps.signal?.aborted) await saveToDatabase(database, raw, locale, selection.profile, deps.saveSqlite)
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

/** Why a report cannot go to `path`, in plain words (never Node's ENOENT or EISDIR text). */
function destinationProblem(path: string, p: DestinationProblem): Msg {
  switch (p.kind) {
    case 'unsafe':
      return t('refusedDestination', { path, what: t(UNSAFE_WHAT[p.what]) })
    case 'no-folder':
      return t('cannotWrite', { path, reason: t('noFolder', { folder: p.folder }) })
    case 'not-a-folder':
      return t('cannotWrite', { path, reason: t('notAFolder', { folder: p.folder }) })
    case 'folder-not-writable':
      return t('cannotWrite', { path, reason: t('folderNotWritable', { folder: p.folder }) })
    case 'read-only':
      return t('cannotWrite', { path, reason: t('readOnly', { folder: p.folder }) })
    case 'disk-full':
      return t('cannotWrite', { path, reason: t('diskFull') })
    case 'other':
      return t('cannotWrite', { path, reason: p.reason })
  }
}

function writeProblem(path: string, e: unknown): Msg {
  if (e instanceof UnsafeDestinationError) return destinationProblem(path, { kind: 'unsafe', what: e.kind })
  if (e instanceof NotAResultsDatabaseError) return formatsText('notResultsDatabase', { path })
  return destinationProblem(path, problemOfError(e, dirname(resolve(path))))
}

function describeCliProblem({ problem }: CliProblem): Msg {
  return problem.kind === 'destination' ? destinationProblem(problem.path, problem.problem) : writeProblem(problem.path, problem.error)
}

/** One line per saved scan: when, where, how it went, and its score by the checks' own weights. */
function historyLines(history: CliHistory, reports: readonly RawReport[], locale: Locale): Msg[] {
  if (reports.length === 0) return [t('historyEmpty')]
  const lines = reports.map((raw) => {
    const tally = countByStatus(raw.results)
    const score = computeScore(raw.results).value
    return t('historyLine', {
      date: localDateTime(raw.startedAt, locale),
      platform: raw.host.platform,
      release: raw.host.release,
      fail: tally.fail,
      warn: tally.warn,
      pass: tally.pass,
      score: score === null ? reportText('noScore') : reportText('score', { score }),
    })
  })
  return [t('historyHeading', { count: reports.length, path: history.file }), ...lines, t('historyForgetHint')]
}

function forgetLines(outcome: ForgetOutcome): Msg[] {
  const lines: Msg[] = []
  if (outcome.history) {
    const { path, scans } = outcome.history
    lines.push(scans === null ? t('forgotFile', { path }) : t('forgotHistory', { path, count: scans }))
  }
  for (const path of outcome.others) lines.push(t('forgotFile', { path }))
  for (const f of outcome.failed) lines.push(t('forgetFailed', { path: f.path, reason: f.reason }))
  if (lines.length === 0) lines.push(t('forgotNothing', { folder: outcome.folder }))
  if (outcome.appFile) lines.push(t('appDataKept', { path: outcome.appFile }))
  return lines
}

type ReportCommand = Extract<Command, { kind: 'report' }>

/** The format a report is written in: what was asked, else text for a person at a terminal and HTML for a file or a pipe. */
function chosenFormat(command: ReportCommand, isTTY: boolean): ReportFormat {
  return command.format ?? (command.out === undefined && isTTY ? 'text' : 'html')
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
  // Only the catalogue of the language the run speaks is loaded, once that is known.
  if (!parsed.ok) {
    await loadCatalog(envLocale)
    say(describeProblem(parsed.reason), envLocale)
    return EXIT_USAGE
  }
  const command = parsed.value
  const locale = ('lang' in command && command.lang) || envLocale
  await loadCatalog(locale)
  const colour = io.isTTY && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb'
  // Everything that can be refused is refused before the scan, so a mistake costs no waiting.
  const report = async (command: ReportCommand): Promise<number> => {
    const out = command.out
    const format = chosenFormat(command, io.isTTY)
    if (out === undefined && format === 'html' && io.isTTY) {
      say(t('htmlToTerminal'), locale)
      return EXIT_USAGE
    }
    const destination = out === undefined ? null : await (deps.examineDestination ?? examineDestination)(out)
    if (out !== undefined && destination?.kind === 'problem') {
      say(destinationProblem(out, destination.problem), locale)
      return EXIT_USAGE
    }
    const scanned = await scan(command, locale, deps)
    // What the person said they did rides along in its own section, apart from the results and outside the score.
    const ticks = await deps.checklist?.read()
    ticks?.notices.forEach((notice) => say(notice, locale))
    const full = ticks ? { ...scanned, checklist: reportChecklist(checklistEntries(command.profile, ticks.ticks), locale) } : scanned
    const shown = command.redact ? redactReport(full, deps.redactionContext()) : full
    const options = { redacted: command.redact }
    const renderers = {
      json: () => renderJson(shown),
      md: () => renderMarkdown(shown, options),
      html: () => renderHtml(shown, options),
      text: () => formatReportText(shown, { colour: colour && out === undefined }, options),
      jsonl: () => renderJsonl(shown),
      intune: () => renderIntune(shown),
      jamf: () => renderJamf(shown),
    } satisfies Record<ReportFormat, () => string>
    const content = renderers[format]()
    if (out === undefined) {
      if (format === 'text') io.stdout(content)
      else print(content)
      if (command.format === undefined && io.isTTY) say(t('reportHint'), locale)
    } else if (destination?.kind !== 'discard') {
      try {
        await (deps.writeReport ?? writePrivateFile)(out, content)
      } catch (e) {
        say(writeProblem(out, e), locale)
        return EXIT_USAGE
      }
      io.stderr(escapeControls(render(t('wrote', { path: out }), locale)) + '\n')
    }
    // The report is what was asked for: it is written, so the run succeeded, unless a script asks for the scan's verdict.
    return command.failOn === 'fail' && failed(full) ? EXIT_FAILED_CHECKS : EXIT_OK
  }
  try {
    switch (command.kind) {
      case 'help':
        io.stdout(helpText(locale))
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
      case 'report':
        return await report(command)
      case 'fix':
      case 'fixes':
      case 'undo': {
        if (!deps.fix) throw new Error('no fix writer')
        return await runFixCommand(command, {
          checks: deps.checks,
          createHost: deps.createHost,
          fix: deps.fix,
          locale,
          stdout: io.stdout,
          stderr: io.stderr,
          signal: deps.signal ?? new AbortController().signal,
        })
      }
      case 'fleet':
        return await runFleet(command, {
          locale,
          checks: deps.checks,
          now: deps.now ?? (() => new Date()),
          say: (msg) => say(msg, locale),
          print,
          examine: deps.examineDestination ?? examineDestination,
          destinationProblem,
          write: async (path, content) => {
            try {
              await (deps.writeReport ?? writePrivateFile)(path, content)
              return null
            } catch (e) {
              return writeProblem(path, e)
            }
          },
          redactionContext: deps.redactionContext,
        })
      case 'checklist': {
        if (!deps.checklist) throw new Error('no checklist store')
        return await runChecklist(command, {
          store: deps.checklist,
          readHints: () => readChecklistHints(deps.createHost()),
          now: deps.now ?? (() => new Date()),
          locale,
          print,
          say: (msg) => say(msg, locale),
        })
      }
      case 'history': {
        const history = deps.history
        if (!history) throw new Error('no history store')
        const { reports, notices } = await history.read()
        for (const notice of notices) say(notice, locale)
        if (command.json) {
          print(
            JSON.stringify({ file: history.file, scans: reports.map((raw) => reportContract(localizeReport(raw, locale))) }, null, 2) +
              '\n',
          )
        } else {
          print(
            historyLines(history, reports, locale)
              .map((m) => render(m, locale))
              .join('\n') + '\n',
          )
        }
        return EXIT_OK
      }
      case 'forget': {
        if (!deps.history) throw new Error('no history store')
        const outcome = deps.history.forget()
        print(
          forgetLines(outcome)
            .map((m) => render(m, locale))
            .join('\n') + '\n',
        )
        return outcome.failed.length > 0 ? EXIT_USAGE : EXIT_OK
      }
    }
  } catch (e) {
    if (e instanceof CliProblem) {
      say(describeCliProblem(e), locale)
      return EXIT_USAGE
    }
    say(t('crashed', { message: e instanceof Error ? e.message : String(e) }), locale)
    return EXIT_USAGE
  }
}
