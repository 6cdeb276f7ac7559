import type { RawReport } from '../../../checks/core/report/model.js'
import type { GuidanceState, Settings, SettingsPatch } from './model.js'
import type { StoredNotice } from './schema.js'

/**
 * What the app and the CLI know of persistence. Reads come from memory; writes go straight to disk.
 * Nothing here throws: a write that fails switches the store to memory-only and records a notice.
 */
export interface StorePort {
  /** The data file, or null when the store runs in memory only. */
  readonly path: string | null
  settings(): Settings
  updateSettings(patch: SettingsPatch): Settings
  /** Newest first, at most MAX_REPORTS. */
  reports(): readonly RawReport[]
  addReport(report: RawReport): void
  clearReports(): void
  notices(): readonly StoredNotice[]
  dismissNotice(id: string): void
  guidance(): GuidanceState
  setGuidance(guidance: GuidanceState): void
  /**
   * Forgets everything the store holds: settings back to defaults, no reports, no guidance, no
   * notices, and deletes the damaged files it once moved aside (they hold old data too).
   */
  reset(): void
}
