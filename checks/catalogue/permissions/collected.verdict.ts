import type { FixTarget } from '../../core/fix/offer.js'
import type { Msg } from '../../core/types.js'
import type { Finding } from './findings.verdict.js'

/** What one OS's collector hands the check: its findings, and why any part stayed unread. */
export interface Collected {
  findings: Finding[]
  /** Set when some store could not be read: the plain reason and how to get a real answer. */
  gap?: Msg
  /** Set when there is nothing to audit on this machine (e.g. no Flatpak or Snap): the n/a summary. */
  nothingToAudit?: Msg
  /** Grants a fix can take away (Flatpak's, through the app's user override). */
  fixable?: FixTarget[]
}
