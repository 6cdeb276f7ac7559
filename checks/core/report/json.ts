import type { ScanReport } from './model.js'
import { buildDocument } from './document.js'

/** The report contract as JSON: what `bulwark scan --json`, `bulwark report --format json` and the JSON export print. */
export function renderJson(report: ScanReport): string {
  return JSON.stringify(buildDocument(report).contract, null, 2) + '\n'
}
