/**
 * Finds /etc/crypttab entries unlocked with a FIDO2 key: systemd's `fido2-device=` option
 * (crypttab(5); set up with `systemd-cryptenroll --fido2-device=auto`). Fields are
 * `name device [keyfile [options]]`, whitespace-separated; `#` starts a comment line. Pure.
 */
export interface Fido2CrypttabEntry {
  line: number
  name: string
  device: string
  /** The `fido2-device=` value: `auto` or a hidraw path. */
  fido2Device: string
}

export function findFido2Entries(content: string): Fido2CrypttabEntry[] {
  const found: Fido2CrypttabEntry[] = []
  content.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.trim()
    if (text === '' || text.startsWith('#')) return
    const [name, device, , options] = text.split(/\s+/)
    if (!name || !device || !options) return
    for (const option of options.split(',')) {
      if (option.startsWith('fido2-device=')) {
        found.push({ line: index + 1, name, device, fido2Device: option.slice('fido2-device='.length) })
      }
    }
  })
  return found
}
