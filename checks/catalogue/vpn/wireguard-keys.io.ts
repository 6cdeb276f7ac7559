import { attempt, describeHostError, observedError, pathsFor, tryReadText, tryStat } from '../../core/host/helpers.js'
import type { FileStat, Host } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { CONFIG_MAX_BYTES, DARWIN_WG_DIRS, programFiles } from './wg-files.io.js'
import { parseIni, nmHasWireguardPrivateKey, wgConfigFacts } from './wg-conf.parse.js'
import { findingsFor, formatMode, type KeyFileFacts, type KeysFacts, type Reach } from './wireguard-keys.verdict.js'
import { t } from './wireguard-keys.messages.js'

type Kind = 'wg' | 'nm' | 'win'

interface Place {
  dir: string
  location: KeyFileFacts['location']
  kind: Kind
}

const USER_FOLDERS = ['Downloads', 'Desktop', 'Documents']
/** A user folder can hold thousands of files; only this many .conf candidates are opened. */
const MAX_CANDIDATES = 50

function placesFor(host: Host): Place[] {
  const p = pathsFor(host.platform)
  const stray = USER_FOLDERS.map((f): Place => ({ dir: p.join(host.home, f), location: 'stray', kind: 'wg' }))
  if (host.platform === 'win32') {
    return [{ dir: p.join(programFiles(host), 'WireGuard', 'Data', 'Configurations'), location: 'win-data', kind: 'win' }, ...stray]
  }
  if (host.platform === 'darwin') return [...DARWIN_WG_DIRS.map((dir): Place => ({ dir, location: 'system', kind: 'wg' })), ...stray]
  return [
    { dir: '/etc/wireguard', location: 'system', kind: 'wg' },
    { dir: '/etc/NetworkManager/system-connections', location: 'system', kind: 'nm' },
    ...stray,
  ]
}

function candidate(place: Place, name: string): boolean {
  const lower = name.toLowerCase()
  if (place.kind === 'nm') return lower.endsWith('.nmconnection')
  if (place.kind === 'win') return lower.endsWith('.conf') || lower.endsWith('.conf.dpapi')
  return lower.endsWith('.conf')
}

/** The uid this scan runs as, to tell "readable because root" from "readable by any app". */
async function processUid(host: Host, signal: AbortSignal): Promise<number | null> {
  if (host.platform === 'linux') {
    const status = await tryReadText(host, '/proc/self/status', { maxBytes: 64 * 1024 })
    const m = status.ok ? /^Uid:\s+(\d+)/m.exec(status.value) : null
    return m?.[1] ? Number(m[1]) : null
  }
  if (host.platform === 'darwin') {
    const id = await runTool(host, '/usr/bin/id', ['-u'], { timeoutMs: 1000, signal })
    return id.ok && /^\d+$/.test(id.value.stdout.trim()) ? Number(id.value.stdout.trim()) : null
  }
  return null
}

function reachOf(dirs: readonly (FileStat | null)[]): Reach {
  // An unknown folder mode counts as traversable: the strict reading.
  return {
    group: dirs.every((d) => d === null || (d.mode & 0o010) !== 0),
    others: dirs.every((d) => d === null || (d.mode & 0o001) !== 0),
  }
}

function hasKey(kind: Kind, location: Place['location'], text: string): boolean | null {
  const ini = parseIni(text)
  if (!ini.ok) return null
  if (kind === 'nm') return nmHasWireguardPrivateKey(ini.value)
  const wg = wgConfigFacts(ini.value)
  // A stray file is only a WireGuard config if it has the [Interface] section.
  return location === 'system' ? wg.hasPrivateKey : wg.hasInterface && wg.hasPrivateKey
}

interface Acc extends KeysFacts {
  uid: number | null
}

/** Path-free description of a config: its mode and owner (POSIX only), and whether a key is in it, never the key. */
const describe = (host: Host, st: FileStat, key: Msg): Msg =>
  host.platform === 'win32' ? t('obsKeyWin', { key }) : t('obsKeyPosix', { mode: formatMode(st.mode), uid: st.uid, key })

async function examineFile(host: Host, place: Place, file: string, reach: Reach, acc: Acc): Promise<void> {
  const st = await tryStat(host, file)
  if (!st.ok) {
    // A dangling link or a loop holds nothing; a file Bulwark may not stat might hold a key.
    if (st.reason.code !== 'not_found' && st.reason.code !== 'loop')
      acc.unknown.push({ place: file, reason: t('strayUnread', { file, reason: describeHostError(st.reason, file) }) })
    acc.evidence.push({ label: t('evUnreadable'), source: file, observed: observedError(st.reason.code) })
    return
  }
  if (st.value.kind !== 'file') return
  if (place.kind === 'win' && file.toLowerCase().endsWith('.dpapi')) {
    acc.evidence.push({ label: t('evDpapi'), source: file, observed: t('obsEncrypted') })
    return
  }
  const mode = host.platform === 'win32' ? null : st.value.mode
  const base = { path: file, location: place.location, mode, uid: host.platform === 'win32' ? null : st.value.uid, reach }
  // A stray file that might hold a key but cannot be judged is unknown, never a silent pass.
  const strayUnknown = (reason: Msg, observed: Msg): void => {
    acc.unknown.push({ place: file, reason })
    acc.evidence.push({ label: t('evUnreadable'), source: file, observed })
  }
  if (st.value.size > CONFIG_MAX_BYTES && place.location === 'stray') {
    strayUnknown(t('strayTooLarge', { file, limit: CONFIG_MAX_BYTES / 1024 }), observedError('too_large'))
    return
  }
  const read = await tryReadText(host, file, { maxBytes: CONFIG_MAX_BYTES })
  let facts: KeyFileFacts
  if (read.ok) {
    const key = hasKey(place.kind, place.location, read.value)
    if (key === null && place.location === 'stray' && /privatekey/i.test(read.value)) {
      strayUnknown(t('strayDamaged', { file }), t('obsNotTextConfig'))
      return
    }
    if (key !== true) {
      // Not a WireGuard key holder: only worth a line where configs are expected.
      if (place.location !== 'stray')
        acc.evidence.push({
          label: t('evConfig'),
          source: file,
          observed: describe(host, st.value, t(key === null ? 'obsNotTextConfig' : 'obsNo')),
        })
      return
    }
    facts = { ...base, content: 'key' }
  } else if (place.location === 'stray') {
    strayUnknown(t('strayUnread', { file, reason: describeHostError(read.reason, file) }), observedError(read.reason.code))
    return
  } else {
    // wg-quick configs hold the key; one this process cannot read is presumed to, and judged by its mode.
    facts = { ...base, content: 'denied' }
  }
  acc.files.push({ facts, findings: findingsFor(facts, acc.uid) })
  const key = read.ok
    ? t('obsYes')
    : t('obsKeyUnknown', { reason: read.reason.code === 'permission_denied' ? t('obsRootOnly') : observedError(read.reason.code) })
  acc.evidence.push({
    label: t('evConfig'),
    source: file,
    observed: describe(host, st.value, key),
    expected: place.location === 'system' ? t('expectMode') : t('expectNoStray'),
  })
}

function deniedReason(host: Host, place: Place, error: Parameters<typeof describeHostError>[0]): Msg {
  if (host.platform === 'darwin' && place.location === 'stray') return t('tccHint', { dir: place.dir })
  return describeHostError(error, place.dir)
}

async function examinePlace(host: Host, place: Place, home: FileStat | null, acc: Acc): Promise<void> {
  const dirStat = await tryStat(host, place.dir)
  acc.places.push(place.dir)
  // A place that does not exist is still evidence: the reader sees where Bulwark looked.
  if (!dirStat.ok && dirStat.reason.code === 'not_found') {
    acc.evidence.push({ label: t('evPlace'), source: place.dir, observed: observedError('not_found') })
    return
  }
  const dir = dirStat.ok ? dirStat.value : null
  const posix = host.platform !== 'win32'
  // Only wg-quick's folders must be 0700. NetworkManager's system-connections is packaged 0755 and NM
  // itself refuses keyfiles others can read, so there only the files are judged.
  const guardsDir = posix && place.location === 'system' && place.kind === 'wg'
  if (guardsDir && dir && (dir.mode & 0o077) !== 0) {
    acc.looseDirs.push(`${place.dir} (${formatMode(dir.mode)})`)
    acc.looseDirPaths?.push(place.dir)
  }
  const listed = await attempt(place.dir, () => host.readDir(place.dir))
  if (!listed.ok) {
    if (listed.reason.code === 'permission_denied' && place.location !== 'stray') {
      acc.evidence.push({
        label: t('evDeniedGood'),
        source: place.dir,
        observed: dir && posix ? t('obsListingDeniedMode', { mode: formatMode(dir.mode), uid: dir.uid }) : t('obsListingDenied'),
      })
    } else {
      acc.unknown.push({ place: place.dir, reason: deniedReason(host, place, listed.reason) })
      acc.evidence.push({ label: t('evUnreadable'), source: place.dir, observed: observedError(listed.reason.code) })
    }
    return
  }
  if (posix && place.location === 'system' && dir) {
    acc.evidence.push({
      label: t('evDir'),
      source: place.dir,
      observed: t('obsMode', { mode: formatMode(dir.mode), uid: dir.uid }),
      ...(guardsDir ? { expected: t('expectMode') } : {}),
    })
  }
  const reach = reachOf(posix ? (place.location === 'stray' ? [dir, home] : [dir]) : [])
  const all = listed.value.filter((e) => (e.kind === 'file' || e.kind === 'symlink') && candidate(place, e.name))
  const p = pathsFor(host.platform)
  for (const e of all.slice(0, MAX_CANDIDATES)) await examineFile(host, place, p.join(place.dir, e.name), reach, acc)
  if (all.length > MAX_CANDIDATES) {
    const reason = t('notOpened', { count: all.length - MAX_CANDIDATES, dir: place.dir, limit: MAX_CANDIDATES })
    acc.unknown.push({ place: place.dir, reason })
    acc.evidence.push({ label: t('evUnreadable'), source: place.dir, observed: reason })
  }
}

/** Every place a WireGuard key may sit, examined one after another so the evidence keeps a stable order. */
export async function gatherKeys(host: Host, signal: AbortSignal): Promise<KeysFacts & { uid: number | null }> {
  const [uid, home] = await Promise.all([processUid(host, signal), tryStat(host, host.home)])
  const acc: Acc = { uid, files: [], looseDirs: [], looseDirPaths: [], unknown: [], places: [], evidence: [] }
  for (const place of placesFor(host)) {
    if (signal.aborted) break
    await examinePlace(host, place, home.ok ? home.value : null, acc)
  }
  return acc
}
