import type { ReportResult, ScanReport } from './model.js'

/**
 * What JSON.stringify leaves as itself but a terminal or log viewer acts on: DEL, the C1 controls, the line and
 * paragraph separators and the bidi embeddings, overrides and isolates. Written as JSON escapes, the value reads
 * back the same and a `cat` or `tail -f` of the file shows them as text.
 */
const UNESCAPED_CONTROLS = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

export function escapeJsonControls(json: string): string {
  return json.replace(UNESCAPED_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** One line of `--format jsonl`: a result with what a SIEM needs to file it (when, which tool, which machine). */
export interface JsonlLine {
  scannedAt: string
  tool: string
  version: string
  host: ScanReport['host']
  locale: ScanReport['locale']
  id: string
  category: string
  severity: ReportResult['severity']
  status: ReportResult['status']
  title: string
  summary: string
  evidence: ReportResult['evidence']
}

/** `--format jsonl`: one result per line, in the registry's order, each line a complete JSON object (for a SIEM or Wazuh). */
export function renderJsonl(report: ScanReport): string {
  return report.results
    .map((r) => {
      const line: JsonlLine = {
        scannedAt: report.startedAt,
        tool: report.tool.name,
        version: report.tool.version,
        host: report.host,
        locale: report.locale,
        id: r.id,
        category: r.category,
        severity: r.severity,
        status: r.status,
        title: r.title,
        summary: r.summary,
        evidence: r.evidence,
      }
      return escapeJsonControls(JSON.stringify(line)) + '\n'
    })
    .join('')
}
