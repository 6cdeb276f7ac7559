import type { Locale } from '../../../checks/core/i18n/locale.js'
import type { Msg } from '../../../checks/core/i18n/message.js'
import type { RedactionContext } from '../../../checks/core/report/redact.js'
import type { Check } from '../../../checks/core/types.js'
import { render } from '../../../checks/core/i18n/locale.js'
import type { Destination, DestinationProblem } from '../destination.js'
import type { FleetCommand } from './args.js'
import { FleetMerger } from './merge.js'
import { t } from './messages.js'
import { readReports } from './read.js'
import { renderFleet } from './render.js'

export interface FleetIo {
  locale: Locale
  checks: readonly Check[]
  now: () => Date
  say: (msg: Msg) => void
  /** A finished document for stdout (control characters are escaped on the way). */
  print: (document: string) => void
  examine: (path: string) => Promise<Destination>
  destinationProblem: (path: string, problem: DestinationProblem) => Msg
  /** Writes the file; the problem in plain words when it could not. */
  write: (path: string, content: string) => Promise<Msg | null>
  redactionContext: () => RedactionContext
}

/** `bulwark fleet`: merges the reports one at a time, names each file that is not a report and goes on. Returns the exit code. */
export async function runFleet(command: FleetCommand, io: FleetIo): Promise<number> {
  const { out } = command
  const destination = out === undefined ? null : await io.examine(out)
  if (out !== undefined && destination?.kind === 'problem') {
    io.say(io.destinationProblem(out, destination.problem))
    return 2
  }
  const titles = new Map(io.checks.map((c) => [c.id, render(c.title, io.locale)]))
  const merger = new FleetMerger({
    now: io.now(),
    staleDays: command.staleDays,
    order: io.checks.map((c) => c.id),
    title: (id) => titles.get(id),
    ...(command.redact ? { redaction: io.redactionContext() } : {}),
  })
  let merged = 0
  for await (const { path, host, report } of readReports(command.inputs)) {
    if (report.ok) {
      merger.add(host, report.value)
      merged += 1
    } else {
      io.say(t('skipped', { path, reason: report.reason }))
      merger.skip(path, report.reason)
    }
  }
  if (merged === 0) {
    io.say(t('noneRead'))
    return 2
  }
  const summary = merger.finish()
  const content = renderFleet(summary, command.format, io.locale)
  if (out === undefined) {
    io.print(content)
    return 0
  }
  if (destination?.kind === 'discard') return 0
  const problem = await io.write(out, content)
  if (problem) {
    io.say(problem)
    return 2
  }
  io.say(t('wrote', { hosts: summary.hosts.length, path: out }))
  return 0
}
