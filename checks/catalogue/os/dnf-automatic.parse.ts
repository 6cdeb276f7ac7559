/** What `/etc/dnf/automatic.conf` (dnf-automatic(8)) says in its [commands] section. */
export interface DnfAutomatic {
  applyUpdates: string | null
  upgradeType: string | null
}

const MAX_LINES = 20_000

/** Pure: an INI reader for the two keys that decide whether updates install themselves. */
export function parseDnfAutomatic(text: string): DnfAutomatic {
  let section = ''
  const out: DnfAutomatic = { applyUpdates: null, upgradeType: null }
  for (const raw of text.split('\n', MAX_LINES)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
    const head = /^\[([^\]]{1,100})\]$/.exec(line)
    if (head) {
      section = (head[1] ?? '').trim().toLowerCase()
      continue
    }
    if (section !== 'commands') continue
    const kv = /^([A-Za-z_]{1,60})\s*[=:]\s*(.{0,200})$/.exec(line)
    if (!kv) continue
    const key = (kv[1] ?? '').toLowerCase()
    const value = (kv[2] ?? '').trim().toLowerCase()
    if (key === 'apply_updates') out.applyUpdates = value
    else if (key === 'upgrade_type') out.upgradeType = value
  }
  return out
}
