import type { Msg } from './i18n/message.js'
import type { Host } from './host/host.js'
import type { CheckFixes, FixTarget } from './fix/offer.js'

export type { Msg } from './i18n/message.js'
export type { Host } from './host/host.js'

export const PLATFORMS = ['linux', 'darwin', 'win32'] as const
export type Platform = (typeof PLATFORMS)[number]

export const STATUSES = ['pass', 'warn', 'fail', 'unknown', 'not_applicable', 'error'] as const
export type Status = (typeof STATUSES)[number]

export const SEVERITIES = ['info', 'low', 'medium', 'high'] as const
export type Severity = (typeof SEVERITIES)[number]

/** Effort to close a gap: 1 a setting, 2 install or configure software, 3 buy hardware or change operating system. */
export const EFFORTS = [1, 2, 3] as const
export type Effort = (typeof EFFORTS)[number]

/** What was read, where, and the value seen: enough for a person to verify the verdict by hand. */
export interface Evidence {
  label: Msg
  /** A file path, registry key, command line or socket address. */
  source: string
  /**
   * The value as read (a number, a setting, a line of output), or a message when what was seen is
   * Bulwark's own description ("no agent running"), so it is shown in the reader's language.
   */
  observed: string | number | boolean | null | Msg
  expected?: Msg
}

export interface Outcome {
  status: Status
  summary: Msg
  evidence: Evidence[]
  /**
   * The steps that fit what was found, when they differ from the platform's defaults (no "install
   * Tor" when Tor is installed, no control-port step when nothing listens). Absent: the defaults.
   */
  steps?: Step[]
  /**
   * The work closing this gap takes when it differs from the check's usual fix (Secure Boot on a machine that booted
   * without UEFI means a reinstall, not a setting): the plan orders by it. Absent: the check's own effort.
   */
  effort?: Effort
  /** What was found at fault that the check's `fixes` could change (kept out of the report: the runner drops it). */
  fixable?: readonly FixTarget[]
}

export interface Step {
  text: Msg
  command?: { shell: 'sh' | 'powershell'; line: string }
  requiresAdmin?: boolean
  /** Opened only in the system browser, and only when it passes the external-link allowlist. */
  link?: string
  /**
   * Not a step towards the fix: how to take one back ('undo'), or another way to the same end
   * ('alternative'). A pass never marks either done, and an undo step is no item of the checklist.
   */
  kind?: StepKind
}

export type StepKind = 'undo' | 'alternative'

export interface Reference {
  title: string
  url: string
}

export interface Remediation {
  byPlatform: Partial<Record<Platform, Step[]>>
  references: Reference[]
}

export interface Check {
  /** Stable id, e.g. 'dns.firefox'; the module file is named after it. */
  id: string
  title: Msg
  category: string
  severity: Severity
  platforms: readonly Platform[]
  /** Why it matters, in plain words, tied to the threat it counters. */
  rationale: Msg
  /** What someone watching learns from this gap ("What an observer learns: …"). */
  observer: Msg
  /** How much work closing the gap takes; the plan puts most protection for least effort first. */
  effort: Effort
  remediation: Remediation
  /** This check's usual limit, over the runner's default; the person's own limit (`--timeout`) still wins. */
  timeoutMs?: number
  /**
   * About how long this check waits on its own (the programs it runs, its probes and reads), in ms, as `npm run
   * bench` measured it: a scan starts the costliest checks first so that they do not end last. Only the start
   * order depends on it; unset means quick.
   */
  costMs?: number
  /** Read-only. May throw: the runner turns a throw into status 'error'. */
  run(host: Host, signal: AbortSignal): Promise<Outcome>
  /** The fixes this check can offer for what it found: pure, from the outcome; never given a writer. */
  fixes?: CheckFixes
}
