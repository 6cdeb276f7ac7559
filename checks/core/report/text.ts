import { showNative } from '../host/native-names.js'
import type { Status } from '../types.js'
import type { ReportEvidence, ScanReport } from './model.js'
import { buildDocument, type DocumentResult, type ReportDocument, type ReportOptions } from './document.js'

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

/**
 * C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates: each can move the cursor,
 * rewrite the screen or reorder what is shown. A file name or a tool's output carrying them must
 * reach a terminal as visible text, never as the control itself.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
const SHORT: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/** Every control character as a visible escape (`\n`, `\u001b`, `\u202e`), so a value shows as what was read. */
export function escapeControls(text: string): string {
  // A byte of a file name that was not UTF-8 (see native-names.ts) shows as \xNN, not as U+FFFD.
  return showNative(text).replace(CONTROLS, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Text of several lines (a usage text, a whole document): each line escaped, the line breaks kept. */
export function escapeControlsByLine(text: string): string {
  return text.split('\n').map(escapeControls).join('\n')
}

function paint(text: string, code: string, style: TextStyle): string {
  const safe = escapeControls(text)
  return style.colour ? `${code}${safe}${RESET}` : safe
}

function formatObserved(value: ReportEvidence['observed']): string {
  return value === null ? '—' : String(value)
}

// Every line but the painted parts is escaped whole, so no value read from the machine is left out.
function formatResult(r: DocumentResult, labels: ReportDocument['labels'], style: TextStyle): string[] {
  const heading = `${paint(`[${r.statusWord}]`, COLOURS[r.status], style)} ${paint(r.title, BOLD, style)} (${escapeControls(r.id)})`
  const lines = [`    ${r.summary}`]
  if (r.evidence.length > 0) {
    lines.push(`    ${labels.evidence}:`)
    for (const e of r.evidence) {
      const expected = e.expected ? ` (${e.expected})` : ''
      lines.push(`      - ${e.label}: ${formatObserved(e.observed)}${expected}`)
      // Some evidence has no file or command behind it (what only a website holds): no empty line for it.
      if (e.source !== '') lines.push(`        ${e.source}`)
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
  return [heading, ...lines.map(escapeControls)]
}

/** Pure: a localized report → the human-readable text the CLI prints. */
export function formatReportText(report: ScanReport, style: TextStyle, options: ReportOptions = {}): string {
  const doc = buildDocument(report, options)
  const out = [paint(doc.heading, BOLD, style)]
  if (doc.profile) out.push(escapeControls(doc.profile))
  if (doc.redactedNote) out.push(escapeControls(doc.redactedNote))
  // Always said, "not enough results" included: a missing line would read as if there were no score to have.
  out.push(escapeControls(doc.score))
  out.push('')
  for (const r of doc.results) out.push(...formatResult(r, doc.labels, style), '')
  out.push(escapeControls(doc.totals))
  if (doc.checklist) {
    out.push('', paint(doc.checklist.heading, BOLD, style), escapeControls(doc.checklist.intro))
    for (const i of doc.checklist.items) out.push(escapeControls(`  [${i.done ? 'x' : ' '}] ${i.title} (${i.id}) · ${i.state}`))
    out.push(escapeControls(doc.checklist.summary))
  }
  return out.join('\n') + '\n'
}
