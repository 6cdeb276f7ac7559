import type { ScanReport } from './model.js'
import { buildDocument, type ReportOptions } from './document.js'

/**
 * Escapes what can turn text into links, HTML, emphasis or table cells anywhere in a line, and what
 * starts a block at the beginning of one, so evidence is always shown as the text that was read.
 */
export function escapeMarkdown(text: string | number | boolean | null): string {
  return String(text ?? '—')
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^([#+\->=]|\d+[.)])/, '\\$1')
}

function inlineCode(text: string | number | boolean | null): string {
  const s = String(text ?? '—').replace(/\r?\n/g, ' ')
  const fence = s.includes('`') ? '`` ' : '`'
  return `${fence}${s}${fence === '`` ' ? ' ``' : '`'}`
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
            `| ${escapeMarkdown(e.label)} | ${inlineCode(e.source).replace(/\|/g, '\\|')} | ${inlineCode(e.observed).replace(/\|/g, '\\|')} | ${escapeMarkdown(e.expected ?? '')} |`,
        ),
        '',
      )
    }
    out.push(`**${escapeMarkdown(doc.labels.why)}**: ${escapeMarkdown(r.rationale)}`, '')
    if (r.remediation.steps.length > 0) {
      out.push(`**${escapeMarkdown(doc.labels.steps)}**`, '')
      r.remediation.steps.forEach((s, i) => {
        out.push(`${i + 1}. ${escapeMarkdown(s.text)}${s.requiresAdmin ? ` _(${escapeMarkdown(doc.labels.admin)})_` : ''}`)
        if (s.command)
          out.push(
            '',
            '   ```' + (s.command.shell === 'powershell' ? 'powershell' : 'sh'),
            `   ${s.command.line.replace(/```/g, '`\u200b``')}`,
            '   ```',
            '',
          )
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
  return out.join('\n')
}
