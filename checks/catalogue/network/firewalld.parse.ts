/** firewalld's own answers: `firewall-cmd --state` and a zone's `--list-all`. Pure, capped. */

const printable = (s: string): string => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 300)

/** `running` (exit 0) or `not running` (exit 252), on stdout or stderr by version. */
export function parseFirewalldState(stdout: string, stderr: string): boolean {
  return stdout.trim() === 'running' || (stdout.trim() === '' && stderr.trim() === 'running')
}

const KEYS = ['target', 'interfaces', 'services', 'ports', 'rich rules']

/** What a zone lets in, as `firewall-cmd --list-all` prints it: its target, services, ports and rich rules. */
export function firewalldOpenings(text: string): string {
  const found: string[] = []
  for (const line of text.split('\n').slice(0, 500)) {
    // The key starts at a non-space and the value at a non-space: `\s+([a-z -]+):\s*(.*)$` split a line of
    // spaces (or spaces before a stray \r) every way it could, quadratic within each 2000-character line.
    const m = /^\s+([a-z-][a-z -]*):\s*(\S.*)?$/.exec(line.slice(0, 2000))
    if (m?.[1] && KEYS.includes(m[1])) found.push(`${m[1]}: ${(m[2] ?? '').trim() || '-'}`)
  }
  return printable(found.join('; ')) || '-'
}
