import { applyProfile, PROFILES, type ProfileId } from '../../checks/core/guidance/profiles.js'
import { checklistEntries, reportChecklist } from '../../checks/core/guidance/checklist.js'
import { loadCatalog, type Locale } from '../../checks/core/i18n/locale.js'
import { localizeReport, type RawReport, type ScanReport } from '../../checks/core/report/model.js'
import { renderHtml } from '../../checks/core/report/html.js'
import { renderJson } from '../../checks/core/report/json.js'
import { renderMarkdown } from '../../checks/core/report/markdown.js'
import { redactReport, type RedactionContext } from '../../checks/core/report/redact.js'
import type { ExportRequest, ExportResult } from '../shared/ipc-contract.js'
import { err, ok, type Result } from '../shared/result.js'
import type { StorePort } from '../node/store/port.js'
import { writePrivateFile } from '../node/safe-write.js'

type Format = ExportRequest['format']

/** The part of Electron's dialog.showSaveDialog the export uses (the app binds it to its window). */
export type SaveDialog = (options: {
  defaultPath: string
  filters: { name: string; extensions: string[] }[]
}) => Promise<{ canceled: boolean; filePath?: string }>

export interface ExportServiceDeps {
  store: StorePort
  locale: () => Locale
  showSaveDialog: SaveDialog
  /** Renders the (script-free, self-contained) HTML report to PDF; see pdf.ts. */
  printToPdf: (html: string) => Promise<Uint8Array>
  redactionContext: () => RedactionContext
  writeFile?: (path: string, data: string | Uint8Array) => Promise<void>
}

const FILTERS: Readonly<Record<Format, { name: string; extensions: string[] }>> = {
  html: { name: 'HTML', extensions: ['html'] },
  md: { name: 'Markdown', extensions: ['md'] },
  json: { name: 'JSON', extensions: ['json'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
}

/** The stored raw scan as the person sees it: in their language, weighed by their threat profile. */
export function exportedReport(raw: RawReport, locale: Locale, profile: ProfileId | null): ScanReport {
  const report = localizeReport(raw, locale)
  return profile ? { ...report, profile, results: applyProfile(report.results, PROFILES[profile]) } : report
}

export function defaultExportName(report: Pick<RawReport, 'startedAt'>, format: Format): string {
  return `bulwark-report-${report.startedAt.slice(0, 10)}.${format}`
}

/**
 * Exports the last scan to a file the person picks. Nothing leaves the machine but this file: the
 * HTML has no script and no external asset, and the PDF is printed locally from that same HTML.
 */
export function createExportService(deps: ExportServiceDeps) {
  // Reports describe a person's defences: the file is theirs alone (0600), and a link at the chosen name is replaced, not followed.
  const write = deps.writeFile ?? writePrivateFile

  return {
    async exportReport({ format, redact }: ExportRequest): Promise<Result<ExportResult>> {
      const raw = deps.store.reports()[0]
      if (!raw) return err('no_report', 'Run a scan first: there is no report to export yet.')
      const guidance = deps.store.guidance()
      const locale = deps.locale()
      // Main loads a catalogue only when a file is written in that language; the window renders its own.
      await loadCatalog(locale)
      // The person's own ticks go in a section of their own ("you said done"), never into the results or the score.
      const full = {
        ...exportedReport(raw, locale, guidance.profile),
        checklist: reportChecklist(checklistEntries(guidance.profile, guidance.checklist), locale),
      }
      const report = redact ? redactReport(full, deps.redactionContext()) : full
      const options = { redacted: redact }
      const choice = await deps.showSaveDialog({ defaultPath: defaultExportName(raw, format), filters: [FILTERS[format]] })
      if (choice.canceled || !choice.filePath) return ok({ saved: false })
      const content =
        format === 'json'
          ? renderJson(report)
          : format === 'md'
            ? renderMarkdown(report, options)
            : format === 'html'
              ? renderHtml(report, options)
              : await deps.printToPdf(renderHtml(report, options))
      try {
        await write(choice.filePath, content)
      } catch (e) {
        return err('write_failed', `Could not save the report to ${choice.filePath}: ${e instanceof Error ? e.message : String(e)}`)
      }
      return ok({ saved: true, path: choice.filePath })
    },
  }
}

export type ExportService = ReturnType<typeof createExportService>
