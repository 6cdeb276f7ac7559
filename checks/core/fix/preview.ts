/**
 * What a person sees of a fix: before it, each offer's words, then each change (a diff per file, old → new per mode);
 * when a change is refused, what differs from what the plan expected.
 */
import { joinMessages, verbatim, type Msg } from '../i18n/message.js'
import { unifiedDiff } from './diff.js'
import {
  formatMode,
  fromBase64,
  needsAdmin,
  planHash,
  settingCommand,
  type Difference,
  type FixOp,
  type FixPlan,
  type SettingOp,
  type SettingValue,
} from './model.js'
import { t } from './messages.js'

export interface PreviewChange {
  line: Msg
  /** A unified diff of a written file (raw file text: escape it before it reaches a terminal). */
  diff: string[]
}

export interface FixPreview {
  heading: Msg
  offers: Msg[][]
  changes: PreviewChange[]
  admin: Msg
  hash: string
}

const owner = (s: { uid: number; gid: number }): string => `${s.uid}:${s.gid}`

function textOf(bytes: string | undefined): string {
  return new TextDecoder('utf-8').decode(fromBase64(bytes ?? ''))
}

/** A setting's value in words: the value as its tool prints it, or "not set" with the default it had. */
export function settingWords(v: SettingValue): Msg {
  if (v.kind === 'value') return verbatim(v.value)
  return v.shown === undefined ? t('settingDefaultUnknown') : t('settingDefault', { value: v.shown })
}

/** A command as a person would type it: an argument with a space (a registry key, `uint32 300`), or an empty one, is quoted. */
const typed = (argv: readonly string[]): string => argv.map((a) => (a === '' || /\s/.test(a) ? `"${a}"` : a)).join(' ')

function settingChangeOf(op: SettingOp): PreviewChange {
  const line = t('settingChange', { name: op.path, from: settingWords(op.before), to: settingWords(op.after) })
  const commands = t('settingCommands', {
    command: typed(settingCommand(op.setting, op.after)),
    inverse: typed(settingCommand(op.setting, op.before)),
  })
  return { line: joinMessages([line, commands], '. '), diff: [] }
}

function changeOf(op: FixOp): PreviewChange {
  if (op.op === 'setting') return settingChangeOf(op)
  const { before, after, path } = op
  if (op.op === 'mode' && before.kind !== 'absent' && after.kind !== 'absent') {
    return { line: t('modeChange', { path, from: formatMode(before.mode), to: formatMode(after.mode) }), diff: [] }
  }
  if (after.kind === 'absent') return { line: t('removeFile', { path }), diff: [] }
  if (after.kind === 'dir' && before.kind === 'absent')
    return { line: t('createFolder', { path, mode: formatMode(after.mode), owner: owner(after) }), diff: [] }
  if (after.kind !== 'file') return { line: t('writeChange', { path, mode: formatMode(after.mode), owner: owner(after) }), diff: [] }
  const old = before.kind === 'file' ? textOf(before.bytes) : null
  const line =
    before.kind === 'absent'
      ? t('writeNew', { path, mode: formatMode(after.mode), owner: owner(after) })
      : t('writeChange', { path, mode: formatMode(after.mode), owner: owner(after) })
  return { line, diff: unifiedDiff(old, textOf(after.bytes), path) }
}

export function previewOf(plan: FixPlan, checkTitle: Msg): FixPreview {
  const restarts = plan.restarts ?? []
  const adminPaths = [
    ...plan.ops.filter((op) => op.needsAdmin).map((op) => op.path),
    ...restarts.filter((r) => r.needsAdmin).map((r) => r.unit),
  ]
  return {
    heading: t('previewHeading', { check: checkTitle }),
    offers: plan.offers.map((o) => [
      o.title,
      t('protectsLine', { text: o.protects }),
      ...o.mayBreak.map((m) => t('mayBreakLine', { text: m })),
    ]),
    changes: [...plan.ops.map(changeOf), ...restarts.map((r) => ({ line: t('restartService', { unit: r.unit }), diff: [] }))],
    admin: needsAdmin(plan) ? t('needsAdmin', { paths: adminPaths.join(', ') }) : t('noAdmin'),
    hash: planHash(plan),
  }
}

const KIND_WORD = { absent: 'kindAbsent', file: 'kindFile', dir: 'kindDir', special: 'kindOther' } as const

/** What differs at a path, in words: content by sha256, mode in octal, owner as uid:gid, a setting's value. */
export function describeDifferences(diffs: readonly Difference[]): Msg {
  return joinMessages(
    diffs.map((d) => {
      switch (d.what) {
        case 'content':
          return t('diffContent', { expected: d.expected.slice(0, 12), found: d.found.slice(0, 12) })
        case 'mode':
          return t('diffMode', { expected: formatMode(d.expected), found: formatMode(d.found) })
        case 'owner':
          return t('diffOwner', { expected: d.expected, found: d.found })
        case 'kind':
          return t('diffKind', { expected: t(KIND_WORD[d.expected]), found: t(KIND_WORD[d.found]) })
        case 'value':
          return t('diffValue', { expected: settingWords(d.expected), found: settingWords(d.found) })
      }
    }),
    '; ',
  )
}
