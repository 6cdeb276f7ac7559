/**
 * `bulwark apply-plan`: the administrator helper the app starts through the OS's own prompt (pkexec, the macOS
 * administrator prompt, UAC). It is not listed in the help: it takes no command, no path to write and no plan of
 * its own, only a plan file the app saved and the hash the person confirmed (saved-plan.ts checks both).
 */
import { parseArgs } from 'node:util'
import { formatMode } from '../../checks/core/fix/model.js'
import { t as fixText } from '../../checks/core/fix/messages.js'
import { loadCatalog, localeFromEnv, render } from '../../checks/core/i18n/locale.js'
import type { Msg } from '../../checks/core/i18n/message.js'
import { escapeControls } from '../../checks/core/report/text.js'
import {
  HELPER_EXIT,
  helperExitCode,
  runHelperRequest,
  SHA256_HEX,
  type HelperOutcome,
  type SavedFileProblem,
} from '../node/fix/saved-plan.js'
import type { FixWriter } from '../node/fix/writer.js'
import type { ApplyResult, UndoResult } from '../node/fix/apply.js'
import { describeDifferences } from '../../checks/core/fix/preview.js'
import { t } from './helper-messages.js'

export const HELPER_VERB = 'apply-plan'

export interface HelperIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Readonly<Record<string, string | undefined>>
  writer: FixWriter
}

/** The user who asked for the administrator, as pkexec or sudo say it; null when neither ran us. */
function askedBy(env: HelperIo['env']): number | null {
  const raw = env.PKEXEC_UID ?? env.SUDO_UID
  return raw !== undefined && /^\d{1,10}$/.test(raw) ? Number(raw) : null
}

export function problemMessage(problem: SavedFileProblem, file: string, expected: string): Msg {
  switch (problem.kind) {
    case 'missing':
      return t('missing', { file })
    case 'symlink':
      return t('symlink', { file })
    case 'not-regular':
      return t('notRegular', { file })
    case 'writable-by-others':
      return t('writableByOthers', { file, mode: formatMode(problem.mode) })
    case 'foreign-owner':
      return t('foreignOwner', { file, uid: problem.uid })
    case 'not-saved-here':
      return t('notSavedHere', { file })
    case 'too-large':
      return t('tooLarge', { file })
    case 'hash':
      return t('hash', { file, found: problem.found, expected })
    case 'damaged':
      return t('damaged', { file, reason: problem.reason })
  }
}

type Said = { out: Msg[]; err: Msg[] }

function appliedMessages(r: ApplyResult): Said {
  switch (r.kind) {
    case 'applied':
      return { out: [t('applied', { id: r.id })], err: [] }
    case 'changed':
      return { out: [], err: [fixText('changedSincePreview', { path: r.path, what: describeDifferences(r.differences) })] }
    case 'unsupported':
      return { out: [], err: [fixText('settingUnsupported', { name: r.path })] }
    case 'unreadable':
      return { out: [], err: [fixText('readFailed', { path: r.path, reason: r.reason })] }
    case 'failed':
      return { out: [], err: [fixText('writeFailed', { path: r.path, reason: r.reason })] }
  }
}

function undoneMessages(r: UndoResult): Said {
  switch (r.kind) {
    case 'undone':
      return { out: [fixText('undone', { id: r.id })], err: [] }
    case 'already-undone':
      return { out: [fixText('alreadyUndone', { id: r.id })], err: [] }
    case 'changed':
      return { out: [], err: [fixText('undoRefused', { id: r.id, path: r.path, what: describeDifferences(r.differences) })] }
    case 'newer-first':
      return { out: [], err: [fixText('undoNewerFirst', { id: r.id, newer: r.newer, path: r.path })] }
    case 'unsupported':
      return { out: [], err: [fixText('settingUnsupported', { name: r.path })] }
    case 'unreadable':
      return { out: [], err: [fixText('undoReadFailed', { id: r.id, path: r.path, reason: r.reason })] }
    case 'failed':
      return { out: [], err: [fixText('writeFailed', { path: r.path, reason: r.reason })] }
  }
}

function outcomeMessages(outcome: HelperOutcome, file: string, expected: string): Said {
  switch (outcome.kind) {
    case 'refused':
      return { out: [], err: [problemMessage(outcome.problem, file, expected), t('nothingChanged')] }
    case 'unknown-fix':
      return { out: [], err: [t('unknownFix', { file }), t('nothingChanged')] }
    case 'applied':
      return appliedMessages(outcome.result)
    case 'undone':
      return undoneMessages(outcome.result)
  }
}

/** Runs the helper on its arguments (those after `apply-plan`); returns the exit code the app maps. */
export async function runApplyPlanCommand(argv: readonly string[], io: HelperIo): Promise<number> {
  const locale = localeFromEnv(io.env)
  await loadCatalog(locale)
  const say = (msg: Msg): void => io.stderr(`bulwark: ${escapeControls(render(msg, locale))}\n`)
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { sha256: { type: 'string' }, user: { type: 'string' }, undo: { type: 'boolean' }, force: { type: 'boolean' } },
    })
  } catch {
    say(t('usage'))
    return HELPER_EXIT.usage
  }
  const { values, positionals } = parsed
  const [file, extra] = positionals
  const sha256 = values.sha256 ?? ''
  const user = values.user ?? ''
  const posix = process.platform !== 'win32'
  if (file === undefined || extra !== undefined || !SHA256_HEX.test(sha256) || (posix && !/^\d{1,10}$/.test(user))) {
    say(t('usage'))
    return HELPER_EXIT.usage
  }
  const given = posix ? Number(user) : null
  const actual = askedBy(io.env)
  // pkexec and sudo name the person who authenticated: the app cannot speak for someone else.
  if (actual !== null && given !== actual) {
    say(t('userMismatch', { given: user, actual }))
    return HELPER_EXIT.refused
  }
  const outcome = await runHelperRequest(
    { file, sha256, invokingUid: given, undo: values.undo ?? false, force: values.force ?? false },
    io.writer,
  )
  const { out, err } = outcomeMessages(outcome, file, sha256)
  for (const m of out) io.stdout(`${escapeControls(render(m, locale))}\n`)
  for (const m of err) say(m)
  return helperExitCode(outcome)
}
