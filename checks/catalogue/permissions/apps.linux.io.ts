import { describeHostError, observedError, tryReadText } from '../../core/host/helpers.js'
import { failed, ok, runTool, type Result } from '../../core/host/toolkit.js'
import { type Msg } from '../../core/i18n/message.js'
import type { Host } from '../../core/types.js'
import type { LinuxSystem } from './apps.verdict.js'
import type { Collected } from './collected.verdict.js'
import { finding, type Finding } from './findings.verdict.js'
import {
  grantsOf,
  installationOption,
  parseFlatpakList,
  parsePermissionTable,
  portalAllows,
  writesGrant,
  type GrantKind,
} from './flatpak.parse.js'
import { parseKeyFile, type KeyFile } from './keyfile.parse.js'
import { parseSnapConnections, type WatchedInterface } from './snap.parse.js'
import { linuxText as t } from './apps.messages.js'
import { grantTarget } from './apps-fix.verdict.js'
import type { FixTarget } from '../../core/fix/offer.js'

/** Portal permission-store tables: camera access (xdg-desktop-portal's "devices"/"camera") and location. */
const PORTAL_TABLES = [
  { table: 'devices', id: 'camera' },
  { table: 'location', id: 'location' },
] as const

const FLATPAK_TIMEOUT_MS = 3000
/** Two cores are common: a few `flatpak info` processes at a time finish sooner than dozens at once. */
const FLATPAK_PARALLEL = 4

/** Why a flatpak or snap call gave no answer. */
interface CallFailure {
  /** The tool is not installed: the sandbox it manages is not on this machine. */
  missing: boolean
  /** What the tool printed when it failed ('' when it printed nothing). */
  said: string
  /** The value seen for evidence: the tool's own words, or why it gave none ("timed out", "exit code 1"). */
  seen: string | Msg
}

const saidBy = (out: { stdout: string; stderr: string }): string => (out.stderr || out.stdout).trim()

/** Runs flatpak or snap; a failing run that printed something keeps those words, since they say what is wrong. */
async function call(host: Host, file: string, args: readonly string[], signal: AbortSignal): Promise<Result<string, CallFailure>> {
  const run = await runTool(host, file, args, { timeoutMs: FLATPAK_TIMEOUT_MS, signal, acceptExit: (_, out) => saidBy(out) !== '' })
  if (!run.ok) return failed({ missing: run.reason.code === 'not_found', said: '', seen: run.reason.seen })
  if (run.value.code !== 0) {
    const said = saidBy(run.value)
    return failed({ missing: false, said, seen: said })
  }
  return ok(run.value.stdout)
}

async function inBatches<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))))
  return out
}

/** Where overrides live: $FLATPAK_USER_DIR / $FLATPAK_SYSTEM_DIR move them, as flatpak itself honours. */
export function overrideDirs(host: Host): { user: string; system: string } {
  const dataHome = host.env.XDG_DATA_HOME || `${host.home}/.local/share`
  return {
    user: `${host.env.FLATPAK_USER_DIR || `${dataHome}/flatpak`}/overrides`,
    system: `${host.env.FLATPAK_SYSTEM_DIR || '/var/lib/flatpak'}/overrides`,
  }
}

interface Layer {
  file: string
  keys: KeyFile
}

/** Reads the override files that apply to `names` (and `global`), flagging the ones Flatpak would reject. */
async function readOverrides(
  host: Host,
  names: readonly string[],
  findings: Finding[],
): Promise<{ layers: Map<string, Layer[]>; gap?: Msg }> {
  const dirs = overrideDirs(host)
  const files = [...new Set(['global', ...names])].flatMap((name) =>
    [dirs.system, dirs.user].map((dir) => ({ name, file: `${dir}/${name}` })),
  )
  const reads = await Promise.all(files.map((f) => tryReadText(host, f.file, { maxBytes: 256 * 1024 })))
  const layers = new Map<string, Layer[]>()
  let gap: Msg | undefined
  reads.forEach((read, i) => {
    const { name, file } = files[i]!
    if (!read.ok) {
      if (read.reason.code === 'not_found') return
      const msg = t('fpOverrideUnreadable', { file, reason: describeHostError(read.reason, file) })
      findings.push(finding('unknown', name, { label: t('evFpOverride'), source: file, observed: observedError(read.reason.code) }))
      gap ??= msg
      return
    }
    const parsed = parseKeyFile(read.value)
    if (!parsed.ok) {
      const msg = t('fpOverrideBad', { file, reason: parsed.reason })
      findings.push(finding('unknown', name, { label: t('evFpOverride'), source: file, observed: parsed.reason }))
      gap ??= msg
      return
    }
    layers.set(name, [...(layers.get(name) ?? []), { file, keys: parsed.value }])
  })
  return gap ? { layers, gap } : { layers }
}

async function collectFlatpak(host: Host, signal: AbortSignal): Promise<Collected & { present: boolean }> {
  const listArgs = ['list', '--app', '--columns=application,installation']
  const listCommand = `flatpak ${listArgs.join(' ')}`
  const list = await call(host, 'flatpak', listArgs, signal)
  if (!list.ok) {
    if (list.reason.missing) return { findings: [], present: false }
    const { seen } = list.reason
    const gap = t('fpListFailed', { reason: seen, command: listCommand })
    return { findings: [finding('unknown', '', { label: t('fpList'), source: listCommand, observed: seen })], gap, present: true }
  }
  const { apps, rejected } = parseFlatpakList(list.value)
  const findings: Finding[] = [
    finding('info', '', { label: t('fpList'), source: listCommand, observed: t('obsFpApps', { count: apps.length }) }),
  ]
  // A row that is not an app id could be an app whose grants would go unseen.
  const listGap =
    rejected.length > 0
      ? t('fpListFailed', { reason: t('obsFpRowsRejected', { count: rejected.length }), command: listCommand })
      : undefined
  if (listGap)
    findings.push(
      finding('unknown', '', {
        label: t('fpList'),
        source: listCommand,
        observed: t('obsFpNotUnderstood', { rows: rejected.slice(0, 3).join(' | ') }),
      }),
    )
  // Flatpak without apps has nothing to audit.
  if (apps.length === 0) return listGap ? { findings, gap: listGap, present: true } : { findings, present: false }

  const [overrides, infos, portals] = await Promise.all([
    readOverrides(
      host,
      apps.map((a) => a.id),
      findings,
    ),
    inBatches(apps, FLATPAK_PARALLEL, async (app) => {
      const args = ['info', '--show-permissions', installationOption(app.installation), app.id]
      return { app, args, result: await call(host, 'flatpak', args, signal) }
    }),
    Promise.all(
      PORTAL_TABLES.map(async ({ table, id }) => {
        const args = ['permissions', table, id]
        return { table, id, args, result: await call(host, 'flatpak', args, signal) }
      }),
    ),
  ])
  let gap = listGap ?? overrides.gap
  const dirs = overrideDirs(host)
  const fixable: FixTarget[] = []

  for (const { app, args, result } of infos) {
    const command = `flatpak ${args.join(' ')}`
    const parsed = result.ok ? parseKeyFile(result.value) : failed(result.reason.seen)
    if (!parsed.ok) {
      const { reason } = parsed
      findings.push(
        finding('unknown', app.id, { label: t('fpInfoFailed', { app: app.id, reason, command }), source: command, observed: reason }),
      )
      gap ??= t('fpInfoFailed', { app: app.id, reason, command })
      continue
    }
    const layers = [...(overrides.layers.get(app.id) ?? []), ...(overrides.layers.get('global') ?? [])]
    for (const grant of grantsOf(parsed.value)) {
      const target = grantTarget(dirs.user, app.id, grant)
      if (target) fixable.push(target)
      const from = layers.find((l) => writesGrant(l.keys, grant))
      const revoke = `flatpak override --user ${grant.revoke} ${app.id}`
      findings.push(
        finding(grant.weight, app.id, {
          label: t(`fp_${grant.kind satisfies GrantKind}`, { app: app.id }),
          source: from ? from.file : command,
          observed: from ? t('obsFpOverride', { entry: grant.entry }) : grant.entry,
          ...(grant.weight === 'info' ? {} : { expected: t('fpRevoke', { file: `${dirs.user}/${app.id}`, command: revoke }) }),
        }),
      )
    }
  }

  const ids = new Set(apps.map((a) => a.id))
  for (const { table, id, args, result } of portals) {
    const command = `flatpak ${args.join(' ')}`
    if (!result.ok) {
      // An empty table is an error reply from the store ("No entry for camera"): nothing granted.
      const { said, seen } = result.reason
      if (/portal\.Error\.NotFound|No entry for/.test(said)) continue
      findings.push(finding('unknown', '', { label: t(`fpPortal_${table}`, { app: '*' }), source: command, observed: seen }))
      gap ??= t('fpPortalFailed', { reason: seen, command })
      continue
    }
    for (const grant of parsePermissionTable(result.value, table, id)) {
      if (!portalAllows(table, grant) || !ids.has(grant.app)) continue
      findings.push(
        finding('info', grant.app, {
          label: t(`fpPortal_${table}`, { app: grant.app }),
          source: command,
          observed: grant.permissions.join(','),
          expected: t('fpPortalRevoke', { command: `flatpak permission-remove ${table} ${id} ${grant.app}` }),
        }),
      )
    }
  }
  return { findings, ...(gap ? { gap } : {}), ...(fixable.length > 0 ? { fixable } : {}), present: true }
}

async function collectSnap(host: Host, signal: AbortSignal): Promise<Collected & { present: boolean }> {
  const command = 'snap connections'
  const result = await call(host, 'snap', ['connections'], signal)
  if (!result.ok) {
    if (result.reason.missing) return { findings: [], present: false }
    const { seen } = result.reason
    return {
      findings: [finding('unknown', '', { label: t('snapList'), source: command, observed: seen })],
      gap: t('snapFailed', { reason: seen, command }),
      present: true,
    }
  }
  const parsed = parseSnapConnections(result.value)
  const findings: Finding[] = [
    finding('info', '', {
      label: t('snapList'),
      source: command,
      observed: parsed.rejected
        ? t('obsSnapRowsRejected', { rows: parsed.rows, rejected: parsed.rejected })
        : t('obsSnapRows', { rows: parsed.rows }),
    }),
  ]
  for (const c of parsed.connections) {
    findings.push(
      finding('info', c.snap, {
        label: t(`snap_${c.iface satisfies WatchedInterface}`, { app: c.snap }),
        source: command,
        observed: `${c.plug} → ${c.slot}${c.notes !== '-' ? ` (${c.notes})` : ''}`,
        expected: t('snapRevoke', { command: `sudo snap disconnect ${c.plug}`, undo: `sudo snap connect ${c.plug} ${c.slot}` }),
      }),
    )
  }
  return { findings, present: true }
}

/** Linux: Flatpak (effective permissions, overrides, portal grants) and Snap connections, and which of the two are here. */
export async function collectLinux(host: Host, signal: AbortSignal): Promise<Collected & { systems: LinuxSystem[] }> {
  const [flatpak, snap] = await Promise.all([collectFlatpak(host, signal), collectSnap(host, signal)])
  const findings = [...flatpak.findings, ...snap.findings]
  const systems: LinuxSystem[] = []
  if (flatpak.present) systems.push('flatpak')
  if (snap.present) systems.push('snap')
  if (systems.length === 0) return { findings, nothingToAudit: t('linuxNothing'), systems }
  const gap = flatpak.gap ?? snap.gap
  return { findings, ...(gap ? { gap } : {}), ...(flatpak.fixable ? { fixable: flatpak.fixable } : {}), systems }
}
