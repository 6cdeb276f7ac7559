import type { ScanReport } from './model.js'
import { buildDocument, type ReportOptions } from './document.js'
import { escapeControls, escapeControlsByLine } from './text.js'

/**
 * Escapes what can turn text into links, HTML, entities, emphasis or table cells anywhere in a line, and what
 * starts a block at the beginning of one, so evidence is always shown as the text that was read.
 */
export function escapeMarkdown(text: string | number | boolean | null): string {
  return escapeControls(String(text ?? '—').replace(/\r?\n/g, ' '))
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^([#+\->=]|\d+[.)])/, '\\$1')
}

/** The longest run of backticks in a text: a code span or block fenced by a longer run cannot be closed from inside. */
function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
}

/**
 * A code span that shows the text exactly (CommonMark 6.1): fenced by one backtick more than the
 * longest run inside. Content that starts or ends with a backtick or a space is padded with one
 * space on each side, which the reader strips again, so it can neither merge with the fence nor lose a space.
 * In a table cell every pipe is escaped as well: GFM splits cells before it reads code spans.
 */
function inlineCode(text: string | number | boolean | null, inTable = false): string {
  const s = escapeControls(String(text ?? '—').replace(/\r?\n/g, ' '))
  if (s === '') return ''
  const fence = '`'.repeat(longestBacktickRun(s) + 1)
  // An all-space span is shown as is (nothing is stripped), so it gets no padding.
  const pad = /^[` ]|[` ]$/.test(s) && s.trim() !== '' ? ' ' : ''
  const span = `${fence}${pad}${s}${pad}${fence}`
  return inTable ? span.replace(/\|/g, '\\|') : span
}

/** A fenced code block whose fence no line of the command can close (CommonMark 4.5). */
function codeBlock(line: string, info: string): string[] {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(line) + 1))
  return [
    `   ${fence}${info}`,
    ...escapeControlsByLine(line)
      .split('\n')
      .map((l) => `   ${l}`),
    `   ${fence}`,
  ]
}

export function renderMarkdown(report: ScanReport, options: ReportOptions = {}): string {
  const doc = buildDocument(report, options)
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, '', escapeMarkdown(doc.generated), '']
  if (doc.profile) out.push(escapeMarkdown(doc.profile), '')
  out.push(`**${escapeMarkdown(doc.score)}**`, '', `> ${escapeMarkdown(doc.formula)}`, '')
  if (doc.redactedNote) out.push(`_${escapeMarkdown(doc.redactedNote)}_`, '')
  out.push(`## ${escapeMarkdown(doc.labels.counts)}`, '', doc.counts.map((c) => `- ${escapeMarkdown(c.word)}: ${c.count}`).join('\n'), '')
  for (const r of doc.results) {
    out.push(`## ${escapeMarkdown(r.statusWord)}: ${escapeMarkdown(r.title)} (${inlineCode(r.id)})`, '', escapeMarkdown(r.summary), '')
    if (r.evidence.length > 0) {
      out.push(
        `| ${[doc.labels.what, doc.labels.where, doc.labels.seen, doc.labels.expected].map(escapeMarkdown).join(' | ')} |`,
        '| --- | --- | --- | --- |',
        ...r.evidence.map(
          (e) =>
            `| ${escapeMarkdown(e.label)} | ${inlineCode(e.source, true)} | ${inlineCode(e.observed, true)} | ${escapeMarkdown(e.expected ?? '')} |`,
        ),
        '',
      )
    }
    out.push(`**${escapeMarkdown(doc.labels.why)}**: ${escapeMarkdown(r.rationale)}`, '')
    if (r.remediation.steps.length > 0) {
      out.push(`**${escapeMarkdown(doc.labels.steps)}**`, '')
      r.remediation.steps.forEach((s, i) => {
        out.push(`${i + 1}. ${escapeMarkdown(s.text)}${s.requiresAdmin ? ` _(${escapeMarkdown(doc.labels.admin)})_` : ''}`)
        if (s.command) out.push('', ...codeBlock(s.command.line, s.command.shell === 'powershell' ? 'powershell' : 'sh'), '')
        if (s.link) out.push(`   ${inlineCode(s.link)}`)
      })
      out.push('')
    }
    if (r.remediation.references.length > 0) {
      out.push(
        `**${escapeMarkdown(doc.labels.references)}**`,
        '',
        ...r.remediation.references.map((x) => `- ${escapeMarkdown(x.title)}: <${x.url.replace(/[<>\s]/g, '')}>`),
        '',
      )
    }
  }
  if (doc.checklist) {
    const c = doc.checklist
    out.push(`## ${escapeMarkdown(c.heading)}`, '', escapeMarkdown(c.intro), '')
    out.push(
      ...c.items.map((i) => `- [${i.done ? 'x' : ' '}] ${escapeMarkdown(i.title)} (${inlineCode(i.id)}): ${escapeMarkdown(i.state)}`),
      '',
    )
    out.push(escapeMarkdown(c.summary), '')
  }
  return out.join('\n')
}
