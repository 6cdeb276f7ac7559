import type { ScanReport } from './model.js'

/**
 * `--format jamf`: a Jamf Pro extension attribute, the one `<result>…</result>` its script prints, here every
 * check as `id=status` separated by spaces, so a smart group's "like disk.encryption=fail" finds the machines.
 * Ids and statuses are ASCII letters, dots, hyphens and underscores: nothing to escape in XML or for a terminal.
 */
export function renderJamf(report: ScanReport): string {
  return `<result>${report.results.map((r) => `${r.id}=${r.status}`).join(' ')}</result>\n`
}
