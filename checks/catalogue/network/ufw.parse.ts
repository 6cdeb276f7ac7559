/** ufw's own files (`/etc/ufw/ufw.conf`, `/etc/default/ufw`: shell assignments). Pure, capped. */

const MAX_LINES = 2000
const printable = (s: string): string => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 200)

/** `KEY=value` lines (quotes removed, comments skipped); the last assignment of a key wins, as the shell does. */
export function parseShellAssignments(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const raw of text.split('\n').slice(0, MAX_LINES)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw.slice(0, 1000))
    if (!m?.[1]) continue
    const value = (m[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2')
    out.set(m[1], printable(value))
  }
  return out
}
