import { RTL_LOCALES } from '../i18n/locale.js'
import type { ScanReport } from './model.js'
import { buildDocument, type ReportOptions } from './document.js'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string | number | boolean | null): string {
  return String(text ?? '—').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
}

/** Only plain https links become anchors; anything else is shown as text. */
function link(url: string, label: string): string {
  return /^https:\/\/[^\s"'<>]+$/.test(url)
    ? `<a href="${escapeHtml(url)}" rel="noreferrer noopener">${escapeHtml(label)}</a>`
    : escapeHtml(label)
}

const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans CJK SC",sans-serif;color:#1b1f24;background:#fff}
body{max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.2rem;margin:0}
.meta{color:#4a5563;margin:.25rem 0}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}
.counts li{border:1px solid #c9ced6;border-radius:.4rem;padding:.2rem .6rem}
.result{border:1px solid #c9ced6;border-radius:.5rem;padding:1rem;margin:1rem 0;break-inside:avoid}
.result header{display:flex;gap:.75rem;align-items:baseline;flex-wrap:wrap}
.badge{font-weight:700;border-radius:.3rem;padding:.1rem .5rem;border:2px solid currentColor}
.s-fail{color:#a4161a}.s-warn{color:#8a4b00}.s-error{color:#6b21a8}.s-unknown{color:#0b5c8a}.s-pass{color:#17612a}.s-not_applicable{color:#4a5563}
.id{color:#4a5563;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #dde1e6;padding:.3rem .5rem;text-align:start;vertical-align:top}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere;white-space:pre-wrap}
pre{background:#f3f4f6;padding:.5rem;border-radius:.3rem}
.admin{font-size:.8rem;font-weight:700;border:1px solid #8a4b00;color:#8a4b00;border-radius:.3rem;padding:0 .3rem}
.note{background:#f3f4f6;padding:.5rem;border-radius:.3rem}
@media print{body{margin:0}a{color:inherit}}
`

/** A self-contained HTML document: inline style, no script, no external asset of any kind. */
export function renderHtml(report: ScanReport, options: ReportOptions = {}): string {
  const doc = buildDocument(report, options)
  const dir = RTL_LOCALES.has(doc.locale) ? 'rtl' : 'ltr'
  const results = doc.results
    .map((r) => {
      const evidence =
        r.evidence.length === 0
          ? `<p>${escapeHtml(doc.labels.noEvidence)}</p>`
          : `<table><thead><tr><th>${escapeHtml(doc.labels.what)}</th><th>${escapeHtml(doc.labels.where)}</th><th>${escapeHtml(doc.labels.seen)}</th><th>${escapeHtml(doc.labels.expected)}</th></tr></thead><tbody>${r.evidence
              .map(
                (e) =>
                  `<tr><td>${escapeHtml(e.label)}</td><td><code dir="ltr">${escapeHtml(e.source)}</code></td><td><code dir="auto">${escapeHtml(e.observed)}</code></td><td>${escapeHtml(e.expected ?? '')}</td></tr>`,
              )
              .join('')}</tbody></table>`
      const steps =
        r.remediation.steps.length === 0
          ? ''
          : `<h3>${escapeHtml(doc.labels.steps)}</h3><ol>${r.remediation.steps
              .map(
                (s) =>
                  `<li>${escapeHtml(s.text)}${s.requiresAdmin ? ` <span class="admin">${escapeHtml(doc.labels.admin)}</span>` : ''}${
                    s.command ? `<pre dir="ltr"><code>${escapeHtml(s.command.line)}</code></pre>` : ''
                  }${s.link ? ` <code dir="ltr">${link(s.link, s.link)}</code>` : ''}</li>`,
              )
              .join('')}</ol>`
      const refs =
        r.remediation.references.length === 0
          ? ''
          : `<h3>${escapeHtml(doc.labels.references)}</h3><ul>${r.remediation.references.map((x) => `<li>${link(x.url, x.title)}</li>`).join('')}</ul>`
      return `<section class="result" id="${escapeHtml(r.id)}"><header><span class="badge s-${r.status}">${escapeHtml(r.statusWord)}</span><h2>${escapeHtml(r.title)}</h2><span class="id">${escapeHtml(r.id)}</span></header><p>${escapeHtml(r.summary)}</p><h3>${escapeHtml(doc.labels.evidence)}</h3>${evidence}<h3>${escapeHtml(doc.labels.why)}</h3><p>${escapeHtml(r.rationale)}</p>${steps}${refs}</section>`
    })
    .join('\n')
  const c = doc.checklist
  const checklist = c
    ? `<section class="checklist"><h2>${escapeHtml(c.heading)}</h2><p>${escapeHtml(c.intro)}</p><ul>${c.items
        .map(
          (i) =>
            `<li class="${i.done ? 'said-done' : 'not-yet'}"><strong>${escapeHtml(i.title)}</strong> <span class="id">${escapeHtml(i.id)}</span>: ${escapeHtml(i.state)}</li>`,
        )
        .join('')}</ul><p>${escapeHtml(c.summary)}</p></section>`
    : ''
  return `<!doctype html>
<html lang="${escapeHtml(doc.locale)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
<p class="meta">${escapeHtml(doc.generated)}</p>
${doc.profile ? `<p class="meta">${escapeHtml(doc.profile)}</p>` : ''}
<p><strong>${escapeHtml(doc.score)}</strong></p>
<details><summary>${escapeHtml(doc.labels.formulaHeading)}</summary><p>${escapeHtml(doc.formula)}</p></details>
${doc.redactedNote ? `<p class="note">${escapeHtml(doc.redactedNote)}</p>` : ''}
<h2>${escapeHtml(doc.labels.counts)}</h2>
<ul class="counts">${doc.counts.map((c) => `<li class="s-${c.status}">${escapeHtml(c.word)}: ${c.count}</li>`).join('')}</ul>
${results}
${checklist}
</body>
</html>
`
}
