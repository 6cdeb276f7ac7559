/**
 * Local signals for the self-assessed checklist, read through the read-only Host. A hint says what
 * is on this computer (Signal Desktop installed, several Firefox profiles, Multi-Account Containers
 * turned on); it never ticks an item and never becomes a status, so a read that fails gives no hint.
 */
import { checklistText as t, type ChecklistHint } from '../../core/guidance/checklist.js'
import { pathsFor, tryReadText, tryStat } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { findFirefoxProfiles, type FirefoxProfile } from '../browsers/firefox-profiles.io.js'

/** Where Signal Desktop's installers put it (test/fixtures/checklist.hints/SOURCE.md cites each). */
export function signalDesktopPaths(host: Host): string[] {
  const p = pathsFor(host.platform)
  const home = host.home
  if (host.platform === 'darwin') return ['/Applications/Signal.app', p.join(home, 'Applications', 'Signal.app')]
  if (host.platform === 'win32') {
    const local = host.env.LOCALAPPDATA || p.join(home, 'AppData', 'Local')
    return [p.join(local, 'Programs', 'signal-desktop', 'Signal.exe')]
  }
  const dataHome = host.env.XDG_DATA_HOME || p.join(home, '.local', 'share')
  return [
    '/opt/Signal/signal-desktop',
    '/var/lib/flatpak/app/org.signal.Signal',
    p.join(dataHome, 'flatpak', 'app', 'org.signal.Signal'),
    '/snap/signal-desktop',
    '/usr/bin/signal-desktop',
  ]
}

async function signalHint(host: Host): Promise<ChecklistHint[]> {
  for (const path of signalDesktopPaths(host)) {
    if ((await tryStat(host, path)).ok) return [{ item: 'messenger', text: t('hintSignal', { path }), source: path }]
  }
  return []
}

/** Multi-Account Containers' add-on id (addons.mozilla.org/firefox/addon/multi-account-containers). */
export const CONTAINERS_ADDON_ID = '@testpilot-containers'
/** extensions.json lists every add-on with its manifest: a few hundred KiB with many add-ons, never more than this. */
const MAX_EXTENSIONS_BYTES = 8 * 1024 * 1024

/** Pure: whether Firefox's extensions.json lists the Containers add-on as active. Anything else (junk included) is no. */
export function containersActive(text: string): boolean {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return false
  }
  const addons = typeof doc === 'object' && doc !== null && 'addons' in doc ? doc.addons : undefined
  if (!Array.isArray(addons)) return false
  return addons.some(
    (a: unknown) => typeof a === 'object' && a !== null && 'id' in a && a.id === CONTAINERS_ADDON_ID && 'active' in a && a.active === true,
  )
}

async function containersHint(host: Host, profile: FirefoxProfile): Promise<ChecklistHint[]> {
  const file = pathsFor(host.platform).join(profile.path, 'extensions.json')
  const read = await tryReadText(host, file, { maxBytes: MAX_EXTENSIONS_BYTES })
  if (!read.ok || !containersActive(read.value)) return []
  return [{ item: 'identities', text: t('hintContainers', { profile: profile.name }), source: file }]
}

async function firefoxHints(host: Host): Promise<ChecklistHint[]> {
  const { profiles, inis } = await findFirefoxProfiles(host)
  const hints: ChecklistHint[] = []
  if (profiles.length > 1) {
    const source = inis.map((i) => i.path).join(', ')
    hints.push({ item: 'identities', text: t('hintFirefoxProfiles', { count: profiles.length, path: source }), source })
  }
  for (const found of await Promise.all(profiles.map((profile) => containersHint(host, profile)))) hints.push(...found)
  return hints
}

/** Every hint this computer gives, in checklist order. Never throws: what cannot be read gives no hint. */
export async function readChecklistHints(host: Host): Promise<ChecklistHint[]> {
  const [signal, firefox] = await Promise.all([signalHint(host).catch(() => []), firefoxHints(host).catch(() => [])])
  return [...signal, ...firefox]
}
