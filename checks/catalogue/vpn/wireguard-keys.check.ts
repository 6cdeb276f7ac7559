import { defineCheck } from '../../core/define-check.js'
import { attempt, describeHostError, observedError, pathsFor, tryReadText, tryStat } from '../../core/host/helpers.js'
import type { FileStat, Host } from '../../core/host/host.js'
import type { Msg } from '../../core/i18n/message.js'
import { programFiles } from './vpn-clients.io.js'
import { DARWIN_WG_DIRS } from './net.darwin.io.js'
import { CONFIG_MAX_BYTES } from './kill-switch.io.js'
import { parseIni, nmHasWireguardPrivateKey, wgConfigFacts } from './wg-conf.parse.js'
import { findingsFor, formatMode, judgeKeys, t, type KeyFileFacts, type KeysFacts, type Reach } from './wireguard-keys.verdict.js'

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
    const id = await attempt('id -u', () => host.exec('/usr/bin/id', ['-u'], { timeoutMs: 1000, signal }))
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
  if (kind === 'nm') return nmHasWireguardPrivateKey(ini.sections)
  const wg = wgConfigFacts(ini.sections)
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
  if (st.value.size > CONFIG_MAX_BYTES && place.location === 'stray') return
  const read = await tryReadText(host, file, { maxBytes: CONFIG_MAX_BYTES })
  let facts: KeyFileFacts
  if (read.ok) {
    const key = hasKey(place.kind, place.location, read.value)
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
    acc.evidence.push({ label: t('evUnreadable'), source: file, observed: observedError(read.reason.code) })
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
  if (!dirStat.ok && dirStat.reason.code === 'not_found') return
  acc.places.push(place.dir)
  const dir = dirStat.ok ? dirStat.value : null
  const posix = host.platform !== 'win32'
  // Only wg-quick's folders must be 0700. NetworkManager's system-connections is packaged 0755 and NM
  // itself refuses keyfiles others can read, so there only the files are judged.
  const guardsDir = posix && place.location === 'system' && place.kind === 'wg'
  if (guardsDir && dir && (dir.mode & 0o077) !== 0) acc.looseDirs.push(`${place.dir} (${formatMode(dir.mode)})`)
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
      observed: `mode ${formatMode(dir.mode)}, owner uid ${dir.uid}`,
      ...(guardsDir ? { expected: t('expectMode') } : {}),
    })
  }
  const reach = reachOf(posix ? (place.location === 'stray' ? [dir, home] : [dir]) : [])
  const names = listed.value.filter((e) => (e.kind === 'file' || e.kind === 'symlink') && candidate(place, e.name)).slice(0, MAX_CANDIDATES)
  const p = pathsFor(host.platform)
  for (const e of names) await examineFile(host, place, p.join(place.dir, e.name), reach, acc)
}

export const wireguardKeysCheck = defineCheck({
  id: 'vpn.wireguard-keys',
  texts: t,
  category: 'vpn',
  severity: 'high',
  platforms: ['linux', 'darwin', 'win32'],
  effort: 1,
  remediation: {
    byPlatform: {
      linux: [
        {
          text: t('fixPerms'),
          command: {
            shell: 'sh',
            line: "sudo sh -c 'chown root:root /etc/wireguard/*.conf && chmod 600 /etc/wireguard/*.conf && chmod 700 /etc/wireguard'",
          },
          requiresAdmin: true,
        },
        {
          text: t('fixNm'),
          command: {
            shell: 'sh',
            line: "sudo sh -c 'chown root:root /etc/NetworkManager/system-connections/*.nmconnection && chmod 600 /etc/NetworkManager/system-connections/*.nmconnection'",
          },
          requiresAdmin: true,
        },
        { text: t('fixImport') },
        {
          text: t('fixRotate'),
          command: { shell: 'sh', line: "sudo sh -c 'umask 077 && wg genkey > /etc/wireguard/new.key'" },
          requiresAdmin: true,
        },
      ],
      darwin: [
        {
          text: t('fixPerms'),
          command: {
            shell: 'sh',
            line: `sudo sh -c 'for d in ${DARWIN_WG_DIRS.join(' ')}; do [ -d "$d" ] || continue; chown root:wheel "$d"/*.conf; chmod 600 "$d"/*.conf; chmod 700 "$d"; done'`,
          },
          requiresAdmin: true,
        },
        { text: t('fixImport') },
        { text: t('fixRotate') },
      ],
      win32: [
        { text: t('fixImport') },
        { text: t('fixWinDpapi'), link: 'https://git.zx2c4.com/wireguard-windows/about/docs/enterprise.md' },
        { text: t('fixRotate') },
      ],
    },
    references: [
      {
        title: 'wg-quick(8): configuration files in /etc/wireguard',
        url: 'https://git.zx2c4.com/wireguard-tools/about/src/man/wg-quick.8',
      },
      {
        title: 'WireGuard for Windows: enterprise usage (.conf.dpapi, SYSTEM-only configs)',
        url: 'https://git.zx2c4.com/wireguard-windows/about/docs/enterprise.md',
      },
      {
        title: 'NetworkManager keyfile settings: file ownership and permissions',
        url: 'https://networkmanager.dev/docs/api/latest/nm-settings-keyfile.html',
      },
    ],
  },
  async run(host, signal) {
    const [uid, home] = await Promise.all([processUid(host, signal), tryStat(host, host.home)])
    const acc: Acc = { uid, files: [], looseDirs: [], unknown: [], places: [], evidence: [] }
    // Places are independent; each appends its own evidence, so run them one after another to keep order stable.
    for (const place of placesFor(host)) {
      if (signal.aborted) break
      await examinePlace(host, place, home.ok ? home.value : null, acc)
    }
    return judgeKeys(acc)
  },
})
