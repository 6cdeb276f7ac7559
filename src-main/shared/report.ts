// Process-neutral report types: the renderer imports these type-only.
export type {
  RawReport,
  RawResult,
  ScanReport,
  ReportResult,
  ReportEvidence,
  ReportStep,
  HostSummary,
} from '../../checks/core/report/model.js'
export type { Status, Severity, Platform } from '../../checks/core/types.js'
export type { Locale } from '../../checks/core/i18n/locale.js'
