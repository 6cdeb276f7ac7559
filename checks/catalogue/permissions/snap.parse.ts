/**
 * `snap connections` output. Pure: no I/O.
 *
 *   Interface       Plug                          Slot             Notes
 *   camera          firefox:camera                :camera          -
 *   personal-files  firefox:dot-mozilla-firefox   :personal-files  -
 */
export const WATCHED_INTERFACES = ['camera', 'audio-record', 'home', 'removable-media', 'personal-files', 'location-observe'] as const
export type WatchedInterface = (typeof WATCHED_INTERFACES)[number]

export interface SnapConnection {
  iface: WatchedInterface
  snap: string
  /** "snap:plug", as `snap disconnect` takes it. */
  plug: string
  slot: string
  notes: string
}

function isWatched(name: string): name is WatchedInterface {
  return (WATCHED_INTERFACES as readonly string[]).includes(name)
}

/** Connected watched interfaces; rows that do not look like a connection are counted, not guessed at. */
export function parseSnapConnections(stdout: string): { connections: SnapConnection[]; rows: number; rejected: number } {
  const connections: SnapConnection[] = []
  let rows = 0
  let rejected = 0
  for (const line of stdout.split('\n')) {
    const cols = line.trim().split(/\s+/)
    if (cols.length < 3 || cols[0] === 'Interface') continue
    const [iface = '', plug = '', slot = '', notes = '-'] = cols
    rows++
    const snap = plug.split(':')[0] ?? ''
    if (!/^[a-z0-9-]+:[a-z0-9-]+$/.test(plug) || !/^[a-z0-9-]*:[a-z0-9-]+$/.test(slot)) {
      rejected++
      continue
    }
    // A slot of "-" would mean disconnected (only with --all), which the regex above already drops.
    if (isWatched(iface)) connections.push({ iface, snap, plug, slot, notes })
  }
  return { connections, rows, rejected }
}
