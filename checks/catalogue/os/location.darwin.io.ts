/**
 * macOS: Location Services live in locationd's own files, not in TCC, and only root can read them:
 * the switch in its ByHost preferences, the apps and their answers in clients.plist.
 */
import { runTool } from '../../core/host/toolkit.js'
import { verbatim } from '../../core/i18n/message.js'
import type { Evidence, Host } from '../../core/types.js'
import { isPlistDict, parsePlist, type PlistDict } from '../../readers/macos/plist.parse.js'
import { darwinText as t } from './location.messages.js'

export const LOCATIOND_PREFS = '/var/db/locationd/Library/Preferences/ByHost/com.apple.locationd'
export const CLIENTS = '/var/db/locationd/clients.plist'
const DEFAULTS_ARGS = ['-currentHost', 'read', LOCATIOND_PREFS, 'LocationServicesEnabled'] as const
const PLUTIL_ARGS = ['-convert', 'xml1', '-o', '-', CLIENTS] as const
const IOREG_ARGS = ['-a', '-r', '-d', '1', '-c', 'IOPlatformExpertDevice'] as const
const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/
/** Listed in evidence; the rest are counted. */
const MAX_LISTED = 20

export interface MacLocation {
  platform: 'darwin'
  evidence: Evidence[]
  /** null: not readable (not root, or locationd never wrote it). */
  enabled: boolean | null
  /** Apps locationd has authorised, or null when clients.plist was not read. */
  authorised: string[] | null
}

/**
 * Older locationd writes `Authorized` true/false; newer writes `Authorization` as a number instead (1 never,
 * 2 while in use, 4 always; 0 or none: not asked yet), in entries keyed `i<bundle id>:`. A boolean, where
 * present, decides; otherwise only the two granting numbers count as allowed.
 */
function isAuthorised(entry: PlistDict): boolean {
  if (typeof entry.Authorized === 'boolean') return entry.Authorized
  return entry.Authorization === 2 || entry.Authorization === 4
}

async function readClients(host: Host, evidence: Evidence[], signal?: AbortSignal): Promise<string[] | null> {
  const run = await runTool(host, 'plutil', PLUTIL_ARGS, { timeoutMs: 4000, signal })
  const command = `plutil ${PLUTIL_ARGS.join(' ')}`
  if (!run.ok) {
    evidence.push({ label: t('labelClients'), source: command, observed: run.reason.seen })
    return null
  }
  const parsed = parsePlist(run.value.stdout)
  if (!parsed.ok || !isPlistDict(parsed.value)) {
    evidence.push({ label: t('labelClients'), source: command, observed: t('seenGarbled') })
    return null
  }
  const authorised: string[] = []
  for (const [key, entry] of Object.entries(parsed.value)) {
    if (!isPlistDict(entry) || !isAuthorised(entry)) continue
    const id = typeof entry.BundleId === 'string' ? entry.BundleId : typeof entry.Executable === 'string' ? entry.Executable : key
    // Keys and paths come from a file any app's registration shapes: only printable text reaches a report.
    authorised.push(id.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 200))
  }
  const listed = authorised.slice(0, MAX_LISTED).join(', ')
  const more = authorised.length > MAX_LISTED ? t('seenMore', { list: listed, count: String(authorised.length - MAX_LISTED) }) : null
  evidence.push({ label: t('labelClients'), source: CLIENTS, observed: more ?? (listed ? verbatim(listed) : t('seenNone')) })
  return authorised
}

interface SwitchRead {
  enabled: boolean | null
  evidence: Evidence
}

async function readSwitch(host: Host, args: readonly string[], signal?: AbortSignal): Promise<SwitchRead> {
  const source = `defaults ${args.join(' ')}`
  const run = await runTool(host, 'defaults', args, { timeoutMs: 4000, signal })
  if (!run.ok) return { enabled: null, evidence: { label: t('labelSwitch'), source, observed: run.reason.seen } }
  const v = run.value.stdout.trim()
  const enabled = v === '1' ? true : v === '0' ? false : null
  return { enabled, evidence: { label: t('labelSwitch'), source, observed: enabled === null ? verbatim(v.slice(0, 200)) : v } }
}

/** The Mac's hardware UUID, which names ByHost preference files; null when ioreg does not give one. */
async function hardwareUuid(host: Host, signal?: AbortSignal): Promise<string | null> {
  const run = await runTool(host, 'ioreg', IOREG_ARGS, { timeoutMs: 4000, signal })
  if (!run.ok) return null
  const parsed = parsePlist(run.value.stdout)
  // With -r ioreg prints an array of the matching entries; without it, the root entry with them as its children.
  const root = parsed.ok ? parsed.value : undefined
  const entries = Array.isArray(root)
    ? root
    : isPlistDict(root) && Array.isArray(root.IORegistryEntryChildren)
      ? root.IORegistryEntryChildren
      : []
  const device = entries[0]
  const id = device !== undefined && isPlistDict(device) ? device.IOPlatformUUID : undefined
  // It becomes part of a file name: only the UUID form is taken.
  return typeof id === 'string' && UUID.test(id) ? id : null
}

export async function readMacLocation(host: Host, signal?: AbortSignal): Promise<MacLocation> {
  const evidence: Evidence[] = []
  let read = await readSwitch(host, DEFAULTS_ARGS, signal)
  if (read.enabled === null) {
    // locationd keeps the switch in the ByHost file named after the hardware UUID; the file without it exists only
    // where a script wrote it. The first answer stays the evidence when this one gives none either.
    const uuid = await hardwareUuid(host, signal)
    const byHost = uuid ? await readSwitch(host, ['read', `${LOCATIOND_PREFS}.${uuid}`, 'LocationServicesEnabled'], signal) : null
    if (byHost && byHost.enabled !== null) read = byHost
  }
  evidence.push(read.evidence)
  const authorised = read.enabled === true ? await readClients(host, evidence, signal) : null
  return { platform: 'darwin', evidence, enabled: read.enabled, authorised }
}
