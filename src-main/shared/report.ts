// Process-neutral report types: the renderer imports these type-only.
export type { ScanReport, ReportResult, ReportEvidence, ReportStep, HostSummary } from '../../checks/report.js'
export type { Status, Severity, Platform } from '../../checks/types.js'
export type { Locale } from '../../checks/i18n/locale.js'
