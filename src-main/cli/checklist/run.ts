import {
  checklistEntries,
  checklistKey,
  checklistText as c,
  CHECKLIST,
  type ChecklistEntry,
  type ChecklistHint,
} from '../../../checks/core/guidance/checklist.js'
import { render, type Locale } from '../../../checks/core/i18n/locale.js'
import type { Msg } from '../../../checks/core/i18n/message.js'
import { localDateTime } from '../../../checks/core/report/document.js'
import type { ChecklistCommand } from './args.js'
import { t } from './messages.js'
import type { CliChecklist } from './store.js'

export interface ChecklistRunDeps {
  store: CliChecklist
  /** Local signals, read through the read-only Host. */
  readHints: () => Promise<ChecklistHint[]>
  now: () => Date
  locale: Locale
  /** A document for stdout (escaped by the caller). */
  print: (text: string) => void
  say: (msg: Msg) => void
}

/** The checklist as `--json` prints it (documented in the README beside the report contract). */
export function checklistJson(file: string, profile: string | null, entries: readonly ChecklistEntry[], locale: Locale) {
  const r = (m: Msg): string => render(m, locale)
  return {
    file,
    profile,
    counted_in_score: false,
    done: entries.filter((e) => e.doneAt !== null).length,
    total: entries.length,
    items: entries.map((e) => ({
      id: e.item.id,
      title: r(e.item.title),
      profiles: e.item.profiles,
      protects: r(e.item.protects),
      limits: r(e.item.limits),
      steps: e.item.steps.map(r),
      done: e.doneAt !== null,
      doneAt: e.doneAt,
      hints: e.hints.map((h) => ({ text: r(h.text), source: h.source })),
    })),
  }
}

function checklistLines(entries: readonly ChecklistEntry[], locale: Locale): string[] {
  const r = (m: Msg): string => render(m, locale)
  const lines = [r(c('heading')), r(c('intro')), '']
  for (const e of entries) {
    const state = e.doneAt === null ? r(c('notYet')) : r(c('saidDone', { date: localDateTime(e.doneAt, locale) }))
    lines.push(`[${e.doneAt === null ? ' ' : 'x'}] ${r(e.item.title)} (${e.item.id}) · ${state}`)
    lines.push(`    ${r(c('protectsLabel'))}: ${r(e.item.protects)}`, `    ${r(c('limitsLabel'))}: ${r(e.item.limits)}`)
    lines.push(`    ${r(c('stepsLabel'))}:`, ...e.item.steps.map((s, i) => `      ${i + 1}. ${r(s)}`))
    for (const h of e.hints) lines.push(`    ${r(c('hintLabel'))}: ${r(h.text)}`)
    lines.push('')
  }
  lines.push(r(c('summary', { done: entries.filter((e) => e.doneAt !== null).length, total: entries.length })))
  return lines
}

/** `bulwark checklist`: list, or tick and untick one item. Returns the exit code. */
export async function runChecklist(command: ChecklistCommand, deps: ChecklistRunDeps): Promise<number> {
  if (command.action === 'list') {
    const { ticks, notices } = await deps.store.read()
    notices.forEach(deps.say)
    const entries = checklistEntries(command.profile, ticks, await deps.readHints())
    if (command.json)
      deps.print(JSON.stringify(checklistJson(deps.store.file, command.profile ?? null, entries, deps.locale), null, 2) + '\n')
    else deps.print(checklistLines(entries, deps.locale).join('\n') + '\n')
    return 0
  }
  const item = CHECKLIST.find((i) => i.id === command.item)
  if (!item) return 2
  const at = deps.now()
  const done = command.action === 'done'
  const outcome = await deps.store.set(checklistKey(item.id), done, at)
  outcome.notices.forEach(deps.say)
  if (!outcome.saved) {
    deps.say(t('notSaved'))
    return 2
  }
  const title = render(item.title, deps.locale)
  const line = done
    ? t('marked', { title, date: localDateTime(outcome.doneAt ?? at.toISOString(), deps.locale), path: deps.store.file })
    : outcome.changed
      ? t('unmarked', { title })
      : t('wasNotMarked', { title })
  deps.print(render(line, deps.locale) + '\n')
  return 0
}
