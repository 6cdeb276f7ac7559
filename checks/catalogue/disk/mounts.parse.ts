/** Lines of /proc/self/mounts and /proc/swaps, and /etc/crypttab. Pure, linear, capped. */

export interface Mount {
  source: string
  target: string
  fstype: string
}

const MAX_LINES = 100_000

/** The kernel writes spaces, tabs, newlines and backslashes in mount fields as octal escapes. */
function unescape(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)))
}

export function parseMounts(content: string): Mount[] {
  const mounts: Mount[] = []
  for (const line of content.split('\n', MAX_LINES)) {
    const [source, target, fstype] = line.trim().split(/\s+/)
    if (source && target && fstype) mounts.push({ source: unescape(source), target: unescape(target), fstype })
  }
  return mounts
}

/** The last mount at `target` is the one in use (a later mount hides an earlier one). */
export function mountAt(mounts: readonly Mount[], target: string): Mount | undefined {
  return mounts.filter((m) => m.target === target).pop()
}

/** The mount holding a file: the longest mount point that is a prefix of its path. */
export function mountHolding(mounts: readonly Mount[], file: string): Mount | undefined {
  let best: Mount | undefined
  for (const m of mounts) {
    const prefix = m.target === '/' ? '/' : `${m.target}/`
    if ((file === m.target || file.startsWith(prefix)) && (!best || m.target.length >= best.target.length)) best = m
  }
  return best
}

export interface Swap {
  file: string
  type: string
}

/** /proc/swaps: a header line, then `Filename Type Size Used Priority`. */
export function parseSwaps(content: string): Swap[] {
  return content
    .split('\n', MAX_LINES)
    .slice(1)
    .flatMap((line) => {
      const [file, type] = line.trim().split(/\s+/)
      return file && type ? [{ file: unescape(file), type }] : []
    })
}

export interface CrypttabEntry {
  name: string
  device: string
  /** The third field: a key file, or null for none/-/absent (a passphrase is asked). */
  keyFile: string | null
  options: string[]
}

/** /etc/crypttab (crypttab(5)): `name device [keyfile [options]]`; `#` starts a comment. */
export function parseCrypttab(content: string): CrypttabEntry[] {
  return content.split('\n', MAX_LINES).flatMap((raw) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return []
    const [name, device, key, options] = line.split(/\s+/)
    if (!name || !device) return []
    const keyFile = key && key !== 'none' && key !== '-' ? key : null
    return [{ name, device, keyFile, options: options ? options.split(',').slice(0, 64) : [] }]
  })
}
