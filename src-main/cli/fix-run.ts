/**
 * `bulwark fix`, `bulwark fixes` and `bulwark undo`: the check runs, its offers become a plan, the preview is
 * shown, and only after a yes (or --yes) is the journal written and the plan applied; then the check runs again.
 */
import type { FixChoice, FixOffer } from '../../checks/core/fix/offer.js'
import { offersFor, withheldFor } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { describeDifferences, previewOf } from '../../checks/core/fix/preview.js'
import { verifyFix } from '../../checks/core/fix/verify.js'
import { needsAdmin } from '../../checks/core/fix/model.js'
import { t as fixText } from '../../checks/core/fix/messages.js'
import { localDateTime } from '../../checks/core/report/document.js'
import { render, type Locale } from '../../checks/core/i18n/locale.js'
import type { Msg } from '../../checks/core/i18n/message.js'
import type { Check, Host } from '../../checks/core/types.js'
import { escapeControls } from '../../checks/core/report/text.js'
import { applyPlan, undoFix } from '../node/fix/apply.js'
import type { FixJournal, FixRecord } from '../node/fix/journal.js'
import type { FixWriter } from '../node/fix/writer.js'
import { fixStateWord } from '../node/fix/words.js'
import type { FixCommand } from './fix-args.js'
import { t } from './fix-messages.js'

export interface FixDeps {
  writer: FixWriter
  journal: FixJournal
  /** The user the CLI runs as (null where the OS has no uids). */
  uid: number | null
  /** Asks on the terminal; null when there is none to ask on. */
  confirm: ((question: string) => Promise<boolean>) | null
}

export interface FixContext {
  checks: readonly Check[]
  createHost: () => Host
  fix: FixDeps
  locale: Locale
  stdout: (text: string) => void
  stderr: (text: string) => void
  signal: AbortSignal
}

export const EXIT_FIX_OK = 0
export const EXIT_FIX_USAGE = 2
export const EXIT_FIX_REFUSED = 3
export const EXIT_FIX_UNVERIFIED = 4

function choiceLines(choices: Readonly<Record<string, FixChoice>>, chosen: Readonly<Record<string, string>>): Msg[] {
  return Object.entries(choices).map(([name, c]) =>
    t('choiceLine', { label: c.label, value: chosen[name] ?? c.default, name, valid: c.values.join(', ') }),
  )
}

/** A word a POSIX shell takes back unchanged: bare when it is plain, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`
}

const offerFlag = (key: string): string => `--offer ${shellWord(key)}`

/** With more than one offer, each with the exact flag that picks it, so a person can make only some of the changes. */
function offerLines(offered: readonly FixOffer[], chosen: readonly FixOffer[]): Msg[] {
  if (offered.length < 2) return []
  return [
    t('offersHeading', { count: offered.length }),
    ...offered.map((o) => t(chosen.includes(o) ? 'offerIncluded' : 'offerLeftOut', { title: o.title, flag: offerFlag(o.key) })),
  ]
}

async function fix(command: Extract<FixCommand, { kind: 'fix' }>, ctx: FixContext): Promise<number> {
  const { locale } = ctx
  const line = (msg: Msg, indent = ''): void => ctx.stdout(`${indent}${escapeControls(render(msg, locale))}\n`)
  const say = (msg: Msg): void => ctx.stderr(`bulwark: ${escapeControls(render(msg, locale))}\n`)
  const check = ctx.checks.find((c) => c.id === command.checkId)
  if (!check) throw new Error(`no check ${command.checkId}`)
  const choices = check.fixes?.choices ?? {}
  for (const [name, value] of Object.entries(command.choices)) {
    if (!choices[name]?.values.includes(value)) {
      const valid = Object.entries(choices).map(([n, c]) => `${n}=${c.values.join('|')}`)
      say(t('unknownChoice', { check: check.id, name, value, valid: valid.length > 0 ? valid.join(', ') : t('noChoices') }))
      return EXIT_FIX_USAGE
    }
  }
  if (!check.fixes) {
    say(fixText('nothingToFix', { check: check.id, reason: fixText('noFixes') }))
    return EXIT_FIX_REFUSED
  }
  const host = ctx.createHost()
  const outcome = await check.run(host, ctx.signal)
  const offered = offersFor(check.fixes, outcome, command.choices)
  if (offered.length === 0) {
    const reason = withheldFor(check.fixes, outcome, command.choices) ?? fixText('notOffered', { status: outcome.status })
    say(fixText('nothingToFix', { check: check.id, reason }))
    return outcome.status === 'pass' ? EXIT_FIX_OK : EXIT_FIX_REFUSED
  }
  // Offer keys come from what the check finds now, so an --offer is judged only after the check ran.
  const unknown = command.offers.find((key) => !offered.some((o) => o.key === key))
  if (unknown !== undefined) {
    say(t('unknownOffer', { check: check.id, offer: unknown, valid: offered.map((o) => offerFlag(o.key)).join(', ') }))
    return EXIT_FIX_USAGE
  }
  const offers = command.offers.length === 0 ? offered : offered.filter((o) => command.offers.includes(o.key))
  const planned = await planFix(host, check.id, offers, { uid: ctx.fix.uid })
  if (!planned.ok) {
    say(planned.reason)
    return EXIT_FIX_REFUSED
  }
  const plan = planned.value
  if (!plan) {
    say(fixText('nothingToFix', { check: check.id, reason: fixText('alreadyDone') }))
    return EXIT_FIX_OK
  }
  const preview = previewOf(plan, check.title)
  line(preview.heading)
  for (const offer of preview.offers) offer.forEach((m, i) => line(m, i === 0 ? '  ' : '    '))
  for (const m of choiceLines(choices, command.choices)) line(m, '  ')
  for (const [i, m] of offerLines(offered, offers).entries()) line(m, i === 0 ? '  ' : '    ')
  for (const change of preview.changes) {
    line(change.line, '  ')
    for (const d of change.diff) ctx.stdout(`    ${escapeControls(d)}\n`)
  }
  line(preview.admin, '  ')
  line(fixText('planHash', { hash: preview.hash }), '  ')
  if (command.dryRun) {
    line(t('dryRun'))
    return EXIT_FIX_OK
  }
  if (needsAdmin(plan) && ctx.fix.uid !== 0) {
    say(t('needsSudo', { check: check.id }))
    return EXIT_FIX_REFUSED
  }
  if (!command.yes) {
    if (!ctx.fix.confirm) {
      say(t('needsYes'))
      return EXIT_FIX_REFUSED
    }
    if (!(await ctx.fix.confirm(render(t('confirm'), locale)))) {
      say(t('declined'))
      return EXIT_FIX_REFUSED
    }
  }
  const applied = await applyPlan(plan, ctx.fix.writer, ctx.fix.journal)
  if (applied.kind === 'changed') {
    say(fixText('changedSincePreview', { path: applied.path, what: describeDifferences(applied.differences) }))
    return EXIT_FIX_REFUSED
  }
  if (applied.kind === 'unsupported') {
    say(fixText('settingUnsupported', { name: applied.path }))
    return EXIT_FIX_REFUSED
  }
  if (applied.kind === 'unreadable') {
    say(fixText('readFailed', { path: applied.path, reason: applied.reason }))
    return EXIT_FIX_REFUSED
  }
  if (applied.kind === 'failed') {
    say(fixText('writeFailed', { path: applied.path, reason: applied.reason }))
    say(fixText('notVerified', { check: check.id, summary: applied.reason, id: applied.id }))
    return EXIT_FIX_UNVERIFIED
  }
  line(t('journalAt', { path: ctx.fix.journal.folder }))
  const verified = await verifyFix(check, ctx.createHost(), plan, command.choices, ctx.signal)
  if (verified.remaining.length > 0) {
    ctx.fix.journal.mark(applied.id, 'unverified', verified.remaining.join(', '))
    say(fixText('notVerified', { check: check.id, summary: verified.outcome.summary, id: applied.id }))
    return EXIT_FIX_UNVERIFIED
  }
  ctx.fix.journal.mark(applied.id, 'verified', verified.outcome.status)
  line(fixText('verified', { check: check.id, status: verified.outcome.status }))
  return EXIT_FIX_OK
}

function listFixes(command: Extract<FixCommand, { kind: 'fixes' }>, ctx: FixContext): number {
  const { records, damaged } = ctx.fix.journal.list()
  const say = (msg: Msg): void => ctx.stderr(`bulwark: ${escapeControls(render(msg, ctx.locale))}\n`)
  for (const d of damaged) say(fixText('journalDamaged', { file: d.file, reason: d.reason }))
  const newest = [...records].reverse()
  if (command.json) {
    const rows = newest.map((r) => ({
      id: r.entry.id,
      checkId: r.entry.plan.checkId,
      createdAt: r.entry.createdAt,
      state: r.state,
      hash: r.entry.hash,
      file: r.file,
      paths: r.entry.plan.ops.map((op) => op.path),
      events: r.events,
    }))
    // JSON escapes every control character itself: the values read back are unchanged.
    ctx.stdout(JSON.stringify({ folder: ctx.fix.journal.folder, fixes: rows }, null, 2) + '\n')
    return EXIT_FIX_OK
  }
  const line = (msg: Msg): void => ctx.stdout(`${escapeControls(render(msg, ctx.locale))}\n`)
  if (newest.length === 0) {
    line(t('listEmpty'))
    return EXIT_FIX_OK
  }
  line(t('listHeading', { count: newest.length, folder: ctx.fix.journal.folder }))
  for (const r of newest) {
    const paths = r.entry.plan.ops.map((op) => op.path)
    line(
      t('listLine', {
        id: r.entry.id,
        state: fixStateWord(r.state),
        date: localDateTime(r.entry.createdAt, ctx.locale),
        changes: t('listChanges', { paths: paths.join(', ') }),
      }),
    )
  }
  return EXIT_FIX_OK
}

async function undo(command: Extract<FixCommand, { kind: 'undo' }>, ctx: FixContext): Promise<number> {
  const say = (msg: Msg): void => ctx.stderr(`bulwark: ${escapeControls(render(msg, ctx.locale))}\n`)
  const { records } = ctx.fix.journal.list()
  let record: FixRecord | undefined
  if (command.target === 'last') {
    record = [...records].reverse().find((r) => r.state !== 'undone')
    if (!record) {
      say(fixText('undoNothing'))
      return EXIT_FIX_REFUSED
    }
  } else {
    const id = command.target.id
    record = records.find((r) => r.entry.id === id)
    if (!record) {
      say(fixText('undoUnknown', { id }))
      return EXIT_FIX_REFUSED
    }
  }
  const id = record.entry.id
  if (record.state !== 'undone' && needsAdmin(record.entry.plan) && ctx.fix.uid !== 0) {
    say(t('undoNeedsSudo', { id }))
    return EXIT_FIX_REFUSED
  }
  const result = await undoFix(record, records, ctx.fix.writer, ctx.fix.journal, { force: command.force })
  switch (result.kind) {
    case 'undone':
      ctx.stdout(`${escapeControls(render(fixText('undone', { id }), ctx.locale))}\n`)
      return EXIT_FIX_OK
    case 'already-undone':
      say(fixText('alreadyUndone', { id }))
      return EXIT_FIX_OK
    case 'changed':
      say(fixText('undoRefused', { id, path: result.path, what: describeDifferences(result.differences) }))
      return EXIT_FIX_REFUSED
    case 'newer-first':
      say(fixText('undoNewerFirst', { id, newer: result.newer, path: result.path }))
      return EXIT_FIX_REFUSED
    case 'unsupported':
      say(fixText('settingUnsupported', { name: result.path }))
      return EXIT_FIX_REFUSED
    case 'unreadable':
      say(fixText('undoReadFailed', { id, path: result.path, reason: result.reason }))
      return EXIT_FIX_REFUSED
    case 'failed':
      say(fixText('writeFailed', { path: result.path, reason: result.reason }))
      return EXIT_FIX_UNVERIFIED
  }
}

export function runFixCommand(command: FixCommand, ctx: FixContext): Promise<number> {
  if (command.kind === 'fix') return fix(command, ctx)
  if (command.kind === 'fixes') return Promise.resolve(listFixes(command, ctx))
  return undo(command, ctx)
}
