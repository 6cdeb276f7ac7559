/**
 * permissions.apps' fix: one Flatpak grant taken away through the app's user override file, the key file
 * `flatpak override --user` writes (`filesystems=!home;`, `org.freedesktop.Flatpak=none`). Flatpak applies that
 * file last (after the app's metadata, the system overrides and the global ones), so it wins over all of them.
 * Only the one line the grant lives on changes (or one line is added): every other line, the user's own
 * overrides and comments included, stays byte for byte, and undo puts the exact old file back.
 */
import type { CheckFixes, FixOffer, FixTarget } from '../../core/fix/offer.js'
import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/i18n/message.js'
import { baseOf, type FlatpakGrant, type GrantKind } from './flatpak.parse.js'
import { entryOf, GROUP, listValue, parseKeyFile } from './keyfile.parse.js'
import { fixText as t } from './apps.messages.js'

/** What a revocation writes: a negated item in one of the [Context] lists, or `none` for one bus name. */
export type Revocation =
  { group: 'Context'; key: 'filesystems' | 'devices' | 'sockets'; item: string } | { group: 'Session Bus Policy'; key: string }

/** The grants a fix takes away (a listed-for-review grant such as PulseAudio is not a finding, so it has none). */
const LIST_REVOKE: Partial<Record<GrantKind, { key: 'filesystems' | 'devices' | 'sockets'; item: string }>> = {
  home: { key: 'filesystems', item: 'home' },
  host: { key: 'filesystems', item: 'host' },
  hostOs: { key: 'filesystems', item: 'host-os' },
  devicesAll: { key: 'devices', item: 'all' },
  sessionBus: { key: 'sockets', item: 'session-bus' },
}

const BUS_NAME = /^[A-Za-z_][\w-]*(\.[A-Za-z_*][\w*-]*)+$/

/** The target a finding becomes: the app's user override file, with the grant as the check saw it. */
export function grantTarget(overridesDir: string, app: string, grant: FlatpakGrant): FixTarget | null {
  if (grant.weight === 'info') return null
  return { path: `${overridesDir}/${app}`, name: app, detail: { kind: grant.kind, entry: grant.entry } }
}

export function revocationOf(kind: string, entry: string): Revocation | null {
  if (kind === 'flatpakBus') {
    const name = entry.slice(0, entry.lastIndexOf('='))
    return BUS_NAME.test(name) ? { group: 'Session Bus Policy', key: name } : null
  }
  const list = Object.hasOwn(LIST_REVOKE, kind) ? LIST_REVOKE[kind as GrantKind] : undefined
  return list ? { group: 'Context', ...list } : null
}

/** Items of a raw list value as written (escapes kept), split on the `;` that are not escaped. */
function rawItems(value: string): string[] {
  const items: string[] = []
  let start = 0
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++
    else if (value[i] === ';') {
      items.push(value.slice(start, i))
      start = i + 1
    }
  }
  items.push(value.slice(start))
  return items.filter((x) => x.trim() !== '')
}

const sameBase = (raw: string, item: string): boolean => {
  const decoded = listValue(`${raw};`)[0] ?? ''
  return baseOf(decoded.replace(/^!/, '')) === baseOf(item)
}

/** The line with the grant taken away: the list without any item of that name, then its negation. */
function revokedLine(line: string, r: Revocation): string {
  const cr = line.endsWith('\r') ? '\r' : ''
  const body = cr ? line.slice(0, -1) : line
  const eq = body.indexOf('=')
  const keyPart = body.slice(0, eq)
  if (r.group === 'Session Bus Policy') return `${keyPart}=none${cr}`
  const kept = rawItems(body.slice(eq + 1).trim()).filter((raw) => !sameBase(raw, r.item))
  return `${keyPart}=${[...kept, `!${r.item}`].join(';')};${cr}`
}

/** Whether a parsed override takes the grant away (what the edited text must say before it is offered). */
function revokes(text: string, r: Revocation): boolean {
  const parsed = parseKeyFile(text)
  if (!parsed.ok) return false
  const value = parsed.value.get(r.group)?.get(r.key)
  if (r.group === 'Session Bus Policy') return value === 'none'
  const items = listValue(value)
  return items.includes(`!${r.item}`) && !items.some((i) => !i.startsWith('!') && baseOf(i) === baseOf(r.item))
}

/**
 * The override with one grant taken away. The last line that sets the key in its group is rewritten (the one
 * GLib keeps); without one, a line goes right under the group's last header; without the group, it is added at
 * the end. Nothing else moves.
 */
export function overrideWithout(old: string | null, r: Revocation, path: string): Result<string, Msg> {
  const text = old ?? ''
  const parsed = parseKeyFile(text)
  if (!parsed.ok) return failed(t('overrideBad', { path, reason: parsed.reason }))
  if (revokes(text, r)) return ok(text)
  const lines = text.split('\n')
  let group: string | null = null
  let lastHeader = -1
  let lastKey = -1
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '')
    const header = GROUP.exec(line)
    if (header) {
      group = header[1] ?? null
      if (group === r.group) lastHeader = i
      return
    }
    if (group === r.group && !line.trimStart().startsWith('#') && entryOf(line)?.[0] === r.key) lastKey = i
  })
  const added = r.group === 'Session Bus Policy' ? `${r.key}=none` : `${r.key}=!${r.item};`
  let next: string
  if (lastKey >= 0) {
    next = lines.map((l, i) => (i === lastKey ? revokedLine(l, r) : l)).join('\n')
  } else if (lastHeader >= 0) {
    const cr = lines[lastHeader]?.endsWith('\r') ? '\r' : ''
    next = [...lines.slice(0, lastHeader + 1), `${added}${cr}`, ...lines.slice(lastHeader + 1)].join('\n')
  } else {
    const sep = text === '' ? '' : text.endsWith('\n') ? '\n' : '\n\n'
    next = `${text}${sep}[${r.group}]\n${added}\n`
  }
  return revokes(next, r) ? ok(next) : failed(t('overrideKept', { path, key: r.key }))
}

const WORDS: Record<'files' | 'devices' | 'escape', Pick<FixOffer, 'protects'> & { mayBreak: Msg }> = {
  files: { protects: t('protectsFiles'), mayBreak: t('mayBreakFiles') },
  devices: { protects: t('protectsDevices'), mayBreak: t('mayBreakDevices') },
  escape: { protects: t('protectsEscape'), mayBreak: t('mayBreakEscape') },
}

function offerFor(target: FixTarget): FixOffer | null {
  const kind = target.detail?.kind ?? ''
  const entry = target.detail?.entry ?? ''
  const app = target.name ?? ''
  const r = revocationOf(kind, entry)
  if (!r || app === '') return null
  const words = WORDS[r.group === 'Session Bus Policy' || r.item === 'session-bus' ? 'escape' : r.key === 'devices' ? 'devices' : 'files']
  return {
    key: `flatpak:${app}:${entry}`,
    title: t('title', { entry, app }),
    protects: words.protects,
    mayBreak: [t('mayBreakRestart', { app }), words.mayBreak],
    changes: [{ kind: 'edit-text', path: target.path, createMode: 0o644, edit: (old) => overrideWithout(old, r, target.path) }],
  }
}

export const appsFixes: CheckFixes = {
  offers: (outcome) => (outcome.fixable ?? []).map(offerFor).filter((o): o is FixOffer => o !== null),
}
