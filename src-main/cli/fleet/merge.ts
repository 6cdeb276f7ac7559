import type { Msg } from '../../../checks/core/i18n/message.js'
import { countByStatus } from '../../../checks/core/report/document.js'
import { STATUS_ORDER } from '../../../checks/core/report/model.js'
import { redactText, type RedactionContext } from '../../../checks/core/report/redact.js'
import type { Platform, Status } from '../../../checks/core/types.js'
import type { FleetInput } from './schema.js'

/** Distinct reasons kept per check for "could not verify", and machines named for each: the summary stays bounded. */
const MAX_REASONS_PER_CHECK = 20
const MAX_EXAMPLES = 5

export interface FleetHost {
  name: string
  platform: Platform
  release: string
  arch: string
  scannedAt: string
  version: string
  stale: boolean
  statuses: Record<string, Status>
  counts: Record<Status, number>
}

export interface FleetCheck {
  id: string
  title: string
  counts: Record<Status, number>
  /** Passed among the verified results (pass, warn, fail); null when no machine had one. Unknowns are counted apart. */
  passRate: number | null
}

export interface Unverified {
  check: string
  status: 'unknown' | 'error'
  summary: string
  machines: number
  examples: string[]
}

export interface FleetSummary {
  generatedAt: string
  staleDays: number
  redacted: boolean
  hosts: FleetHost[]
  checks: FleetCheck[]
  stale: FleetHost[]
  unverified: Unverified[]
  skipped: { path: string; reason: Msg }[]
}

interface Options {
  now: Date
  staleDays: number
  /** Set with --redact: machine names become machine-1, machine-2 … and every text is redacted as a single report is. */
  redaction?: RedactionContext
  /** The order of checks the registry gives; checks it does not know follow by id. */
  order: readonly string[]
  /** A check's title in the chosen language, when the registry knows it. */
  title: (id: string) => string | undefined
}

const rank = (s: Status): number => STATUS_ORDER.indexOf(s)

/**
 * Merges reports one at a time into what the fleet report shows. Memory grows with machines × checks (one status
 * each) and a bounded list of reasons, never with the reports themselves.
 */
export class FleetMerger {
  private readonly hosts = new Map<string, FleetHost>()
  private readonly titles = new Map<string, string>()
  private readonly reasons = new Map<string, Unverified>()
  private readonly reasonsPerCheck = new Map<string, number>()
  private readonly skipped: FleetSummary['skipped'] = []
  private seen = 0

  constructor(private readonly options: Options) {}

  skip(path: string, reason: Msg): void {
    this.skipped.push({ path: this.redact(path), reason })
  }

  private redact(text: string): string {
    return this.options.redaction ? redactText(text, this.options.redaction) : text
  }

  /** `host` is the name the machine goes by (read.ts: the report's file name, or its path inside the folder given). */
  add(host: string, report: FleetInput): void {
    this.seen += 1
    const actual = host
    const existing = this.hosts.get(actual)
    // The same machine twice (two folders, two runs): the newer scan stands for it.
    if (existing && Date.parse(existing.scannedAt) >= Date.parse(report.startedAt)) return
    const name = existing?.name ?? (this.options.redaction ? `machine-${this.seen}` : actual)
    const statuses: Record<string, Status> = {}
    for (const r of report.results) {
      statuses[r.id] = r.status
      if (!this.titles.has(r.id)) this.titles.set(r.id, this.options.title(r.id) ?? r.title)
      if (r.status === 'unknown' || r.status === 'error') this.noteUnverified(r.id, r.status, this.redact(r.summary), name)
    }
    const age = this.options.now.getTime() - Date.parse(report.startedAt)
    this.hosts.set(actual, {
      name,
      platform: report.host.platform,
      release: this.redact(report.host.release),
      arch: report.host.arch,
      scannedAt: report.startedAt,
      version: report.tool.version,
      stale: age > this.options.staleDays * 86_400_000,
      statuses,
      counts: countByStatus(report.results),
    })
  }

  private noteUnverified(check: string, status: 'unknown' | 'error', summary: string, host: string): void {
    const key = `${check}\u0000${status}\u0000${summary}`
    const known = this.reasons.get(key)
    if (known) {
      known.machines += 1
      if (known.examples.length < MAX_EXAMPLES) known.examples.push(host)
      return
    }
    const count = this.reasonsPerCheck.get(check) ?? 0
    if (count >= MAX_REASONS_PER_CHECK) return
    this.reasonsPerCheck.set(check, count + 1)
    this.reasons.set(key, { check, status, summary, machines: 1, examples: [host] })
  }

  finish(): FleetSummary {
    const hosts = [...this.hosts.values()].sort(
      (a, b) =>
        b.counts.fail - a.counts.fail ||
        b.counts.warn - a.counts.warn ||
        b.counts.unknown + b.counts.error - (a.counts.unknown + a.counts.error) ||
        a.name.localeCompare(b.name),
    )
    const ids = [...this.titles.keys()].sort((a, b) => {
      const ia = this.options.order.indexOf(a)
      const ib = this.options.order.indexOf(b)
      return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || a.localeCompare(b)
    })
    const checks = ids
      .map((id): FleetCheck => {
        const counts = countByStatus(hosts.flatMap((h) => (h.statuses[id] ? [{ status: h.statuses[id] }] : [])))
        const verified = counts.pass + counts.warn + counts.fail
        return { id, title: this.titles.get(id) ?? id, counts, passRate: verified === 0 ? null : counts.pass / verified }
      })
      // Worst first; a check no machine could verify leads, as nothing is known about it.
      .sort((a, b) => (a.passRate ?? -1) - (b.passRate ?? -1) || ids.indexOf(a.id) - ids.indexOf(b.id))
    const unverified = [...this.reasons.values()].sort(
      (a, b) => b.machines - a.machines || rank(a.status) - rank(b.status) || a.check.localeCompare(b.check),
    )
    return {
      generatedAt: this.options.now.toISOString(),
      staleDays: this.options.staleDays,
      redacted: this.options.redaction !== undefined,
      hosts,
      checks,
      stale: hosts.filter((h) => h.stale).sort((a, b) => Date.parse(a.scannedAt) - Date.parse(b.scannedAt)),
      unverified,
      skipped: this.skipped,
    }
  }
}
