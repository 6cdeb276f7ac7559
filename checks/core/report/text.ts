import type { Status } from '../types.js'
import type { ReportEvidence, ScanReport } from './model.js'
import { buildDocument, type DocumentResult, type ReportDocument } from './document.js'

const COLOURS: Record<Status, string> = {
  fail: '\x1b[31m',
  warn: '\x1b[33m',
  error: '\x1b[35m',
  unknown: '\x1b[36m',
  pass: '\x1b[32m',
  not_applicable: '\x1b[90m',
}
const RESET = '\x1b[0m'
const BOLD = '\x1b[1m'

export interface TextStyle {
  colour: boolean
}

function paint(text: string, code: string, style: TextStyle): string {
  return style.colour ? `${code}${text}${RESET}` : text
}

function formatObserved(value: ReportEvidence['observed']): string {
  return value === null ? '—' : String(value)
}

function formatResult(r: DocumentResult, labels: ReportDocument['labels'], style: TextStyle): string[] {
  const lines = [`${paint(`[${r.statusWord}]`, COLOURS[r.status], style)} ${paint(r.title, BOLD, style)} (${r.id})`, `    ${r.summary}`]
  if (r.evidence.length > 0) {
    lines.push(`    ${labels.evidence}:`)
    for (const e of r.evidence) {
      const expected = e.expected ? ` (${e.expected})` : ''
      lines.push(`      - ${e.label}: ${formatObserved(e.observed)}${expected}`, `        ${e.source}`)
    }
  }
  if (r.needsAction && r.remediation.steps.length > 0) {
    lines.push(`    ${labels.steps}:`)
    r.remediation.steps.forEach((s, i) => {
      const admin = s.requiresAdmin ? ` [${labels.admin}]` : ''
      lines.push(`      ${i + 1}. ${s.text}${admin}`)
      if (s.command) lines.push(`         $ ${s.command.line}`)
      if (s.link) lines.push(`         ${s.link}`)
    })
  }
  return lines
}

/** Pure: a localized report → the human-readable text the CLI prints. */
export function formatReportText(report: ScanReport, style: TextStyle): string {
  const doc = buildDocument(report)
  const out = [paint(doc.heading, BOLD, style)]
  if (doc.profile) out.push(doc.profile)
  if (doc.scoreValue !== null) out.push(doc.score)
  out.push('')
  for (const r of doc.results) out.push(...formatResult(r, doc.labels, style), '')
  out.push(doc.totals)
  return out.join('\n') + '\n'
}
