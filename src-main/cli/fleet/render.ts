import { render, RTL_LOCALES, type Locale } from '../../../checks/core/i18n/locale.js'
import type { Msg } from '../../../checks/core/i18n/message.js'
import { escapeHtml } from '../../../checks/core/report/html.js'
import { escapeMarkdown } from '../../../checks/core/report/markdown.js'
import { escapeJsonControls } from '../../../checks/core/report/jsonl.js'
import { statusWord } from '../../../checks/core/report/messages.js'
import { STATUS_ORDER } from '../../../checks/core/report/model.js'
import { escapeControls } from '../../../checks/core/report/text.js'
import type { Status } from '../../../checks/core/types.js'
import type { FleetFormat } from './args.js'
import type { FleetSummary } from './merge.js'
import { t } from './messages.js'

type Text = (msg: Msg) => string

const percent = (rate: number | null, text: Text): string => (rate === null ? text(t('noPassRate')) : `${Math.round(rate * 1000) / 10}%`)

/** The counts of a check or machine as "3 Fail · 2 Pass", statuses in STATUS_ORDER, zeros left out. */
function tally(counts: Record<Status, number>, text: Text): string {
  return STATUS_ORDER.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${text(statusWord(s))}`)
    .join(' · ')
}

interface Section {
  heading: string
  note?: string
  empty?: string
  head: string[]
  rows: string[][]
}

/** The fleet report as sections of tables: Markdown and HTML lay out the same content. */
function sections(summary: FleetSummary, text: Text): { title: string; lead: string[]; sections: Section[] } {
  const ids = summary.checks.map((c) => c.id)
  const lead = [
    text(t('generated', { hosts: summary.hosts.length, checks: summary.checks.length, date: summary.generatedAt })),
    ...(summary.redacted ? [text(t('redacted'))] : []),
  ]
  const word = (s: Status | undefined): string => (s ? text(statusWord(s)) : '—')
  return {
    title: text(t('title')),
    lead,
    sections: [
      {
        heading: text(t('checksHeading')),
        head: [text(t('check')), text(t('passRate')), text(t('verified')), text(t('machines'))],
        rows: summary.checks.map((c) => [
          `${c.title} (${c.id})`,
          percent(c.passRate, text),
          String(c.counts.pass + c.counts.warn + c.counts.fail),
          tally(c.counts, text),
        ]),
      },
      {
        heading: text(t('unverifiedHeading')),
        note: text(t('unverifiedNote')),
        empty: text(t('noUnverified')),
        head: [text(t('check')), text(t('why')), text(t('machines')), text(t('examples'))],
        rows: summary.unverified.map((u) => [`${u.check} (${word(u.status)})`, u.summary, String(u.machines), u.examples.join(', ')]),
      },
      {
        heading: text(t('staleHeading', { days: summary.staleDays })),
        empty: text(t('noStale', { days: summary.staleDays })),
        head: [text(t('host')), text(t('scanned')), text(t('system'))],
        rows: summary.stale.map((h) => [h.name, h.scannedAt, `${h.platform} ${h.release}`]),
      },
      {
        heading: text(t('hostsHeading')),
        head: [text(t('host')), text(t('scanned')), ...ids],
        rows: summary.hosts.map((h) => [h.name, h.scannedAt, ...ids.map((id) => word(h.statuses[id]))]),
      },
      ...(summary.skipped.length > 0
        ? [
            {
              heading: text(t('skippedHeading')),
              head: [text(t('file')), text(t('reason'))],
              rows: summary.skipped.map((s) => [s.path, text(s.reason)]),
            },
          ]
        : []),
    ],
  }
}

// Markdown's own escaping: a report's text stays text (no markup, no HTML, no table cell break).
const mdCell = (s: string): string => escapeMarkdown(s)

function markdown(summary: FleetSummary, text: Text): string {
  const doc = sections(summary, text)
  const out = [`# ${mdCell(doc.title)}`, '', ...doc.lead.map(mdCell).flatMap((l) => [l, ''])]
  for (const s of doc.sections) {
    out.push(`## ${mdCell(s.heading)}`, '')
    if (s.note) out.push(mdCell(s.note), '')
    if (s.rows.length === 0) {
      out.push(mdCell(s.empty ?? '—'), '')
      continue
    }
    out.push(`| ${s.head.map(mdCell).join(' | ')} |`, `|${s.head.map(() => ' --- ').join('|')}|`)
    for (const row of s.rows) out.push(`| ${row.map(mdCell).join(' | ')} |`)
    out.push('')
  }
  return out.join('\n')
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans CJK SC",sans-serif;margin:2rem;line-height:1.4;color:#1b1f24}
table{border-collapse:collapse;font-size:.85rem;margin-bottom:1.5rem}th,td{border:1px solid #dde1e6;padding:.2rem .4rem;text-align:start}
th{background:#f3f4f6;position:sticky;top:0}`

function html(summary: FleetSummary, text: Text, locale: Locale): string {
  const doc = sections(summary, text)
  const h = (s: string): string => escapeHtml(escapeControls(s))
  const body = doc.sections
    .map((s) => {
      const table =
        s.rows.length === 0
          ? `<p>${h(s.empty ?? '—')}</p>`
          : `<table><thead><tr>${s.head.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${s.rows
              .map((row) => `<tr>${row.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`)
              .join('\n')}</tbody></table>`
      return `<section><h2>${h(s.heading)}</h2>${s.note ? `<p>${h(s.note)}</p>` : ''}${table}</section>`
    })
    .join('\n')
  const dir = RTL_LOCALES.has(locale) ? 'rtl' : 'ltr'
  return `<!doctype html>
<html lang="${h(locale)}" dir="${dir}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${h(doc.title)}</title><style>${STYLE}</style></head>
<body><h1>${h(doc.title)}</h1>${doc.lead.map((l) => `<p>${h(l)}</p>`).join('')}
${body}
</body></html>
`
}

/** A spreadsheet opens a cell starting with = + - @ as a formula: such a cell is written as text. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  const shown = escapeControls(safe)
  return /[",\n]/.test(shown) ? `"${shown.replace(/"/g, '""')}"` : shown
}

/** One row per machine, one column per check: the status codes of the report contract, for a spreadsheet or a script. */
function csv(summary: FleetSummary): string {
  const ids = summary.checks.map((c) => c.id)
  const rows = [
    ['host', 'platform', 'release', 'arch', 'scanned_at', 'stale', 'version', ...ids],
    ...summary.hosts.map((h) => [
      h.name,
      h.platform,
      h.release,
      h.arch,
      h.scannedAt,
      String(h.stale),
      h.version,
      ...ids.map((id) => h.statuses[id] ?? ''),
    ]),
  ]
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

function json(summary: FleetSummary, text: Text): string {
  const { skipped, ...rest } = summary
  const document = { schemaVersion: 1, ...rest, skipped: skipped.map((s) => ({ path: s.path, reason: text(s.reason) })) }
  return escapeJsonControls(JSON.stringify(document, null, 2)) + '\n'
}

export function renderFleet(summary: FleetSummary, format: FleetFormat, locale: Locale): string {
  const text: Text = (msg) => render(msg, locale)
  switch (format) {
    case 'md':
      return markdown(summary, text)
    case 'html':
      return html(summary, text, locale)
    case 'csv':
      return csv(summary)
    case 'json':
      return json(summary, text)
  }
}
