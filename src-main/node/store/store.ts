import fs from 'node:fs'
import path from 'node:path'
import type { RawReport } from '../../../checks/core/report/model.js'
import { readRegularFile, StoreBusyError, withFileLock, writePrivateFileSync, type FileRead } from './disk.js'
import type { Settings } from './model.js'
import type { StorePort } from './port.js'
import {
  defaultDocument,
  loadDocument,
  MAX_NOTICES,
  MAX_REPORTS,
  STORE_VERSION,
  type NoticeKind,
  type StoreDocument,
  type StoredNotice,
} from './schema.js'

/**
 * The library behind the store file (conf in the CLI, electron-store in the app). It only prepares its
 * folder: the store reads and writes the file itself, so a save can hold the lock, merge what other
 * copies saved meanwhile, and never follow a link.
 */
export interface StoreBackend {
  /** The JSON file the store keeps. */
  readonly path: string
  /** Called only once the file is absent or holds a JSON object, so a library never meets a corrupt file. */
  open(): void
}

/** A data file bigger than this is not ours (50 reports are a few MiB at most). */
export const MAX_STORE_BYTES = 32 * 1024 * 1024
/** What the store lets itself write, well under MAX_STORE_BYTES so its own file is never taken for a foreign one. */
export const STORE_BUDGET_BYTES = 16 * 1024 * 1024
/** A report bigger than this as JSON has its evidence values cut to MAX_STORED_TEXT characters. */
export const MAX_REPORT_BYTES = 256 * 1024
export const MAX_STORED_TEXT = 4096

function cutText(text: string, cut: { count: number }): string {
  if (text.length <= MAX_STORED_TEXT) return text
  cut.count += text.length - MAX_STORED_TEXT
  return `${text.slice(0, MAX_STORED_TEXT)}…`
}

/** The report as the store keeps it: huge evidence values (100 MB of helper output) are cut, and how much is counted. */
export function fitReport(report: RawReport): { report: RawReport; cut: number } {
  if (Buffer.byteLength(JSON.stringify(report)) <= MAX_REPORT_BYTES) return { report, cut: 0 }
  const cut = { count: 0 }
  const results = report.results.map((r) => ({
    ...r,
    evidence: r.evidence.map((e) => ({
      ...e,
      source: cutText(e.source, cut),
      observed: typeof e.observed === 'string' ? cutText(e.observed, cut) : e.observed,
    })),
  }))
  return { report: { ...report, results }, cut: cut.count }
}

/** Drops the oldest reports until the document fits STORE_BUDGET_BYTES; the newest is always kept. */
function fitDocument(doc: StoreDocument): StoreDocument {
  let reports = doc.reports.slice(0, MAX_REPORTS)
  const sizes = reports.map((r) => Buffer.byteLength(JSON.stringify(r)))
  const rest = Buffer.byteLength(JSON.stringify({ ...doc, reports: [] }))
  let total = rest + sizes.reduce((a, b) => a + b + 2, 0)
  while (reports.length > 1 && total > STORE_BUDGET_BYTES) {
    total -= (sizes.pop() ?? 0) + 2
    reports = reports.slice(0, -1)
  }
  return reports.length === doc.reports.length ? doc : { ...doc, reports }
}

type ReadOutcome =
  { kind: 'absent' } | { kind: 'json'; value: unknown } | { kind: 'corrupt'; reason: string } | { kind: 'unreadable'; reason: string }

function describe(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code
  const message = e instanceof Error ? e.message : String(e)
  return typeof code === 'string' ? `${code}: ${message}` : message
}

function isAccessError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
}

function readStoreFile(file: string): ReadOutcome {
  let read: FileRead
  try {
    read = readRegularFile(file, MAX_STORE_BYTES)
  } catch (e) {
    return isAccessError(e) ? { kind: 'unreadable', reason: describe(e) } : { kind: 'corrupt', reason: describe(e) }
  }
  if (read.kind === 'absent') return read
  // A link, FIFO or device is set aside like a damaged file: never read, written or followed.
  if (read.kind === 'special') return { kind: 'corrupt', reason: `a ${read.what}, not a regular file` }
  if (read.kind === 'too-large') return { kind: 'corrupt', reason: `${read.size} bytes is too large` }
  try {
    return { kind: 'json', value: JSON.parse(read.text) }
  } catch (e) {
    return { kind: 'corrupt', reason: e instanceof Error ? e.message : 'invalid JSON' }
  }
}

function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

const ASIDE_LABELS = ['corrupt', 'newer-version', 'invalid'] as const

/** Renames the file to `<name>.<label>-<timestamp><ext>` beside it (never over another file) and returns the new path. */
export function moveAside(file: string, label: (typeof ASIDE_LABELS)[number], at: Date): string {
  const ext = path.extname(file)
  const base = file.slice(0, file.length - ext.length)
  let target = `${base}.${label}-${stampOf(at)}${ext}`
  for (let n = 2; fs.existsSync(target); n++) target = `${base}.${label}-${stampOf(at)}-${n}${ext}`
  fs.renameSync(file, target)
  return target
}

/** The files moveAside made beside `file` (any time, any label). */
export function filesMovedAside(file: string): string[] {
  const ext = path.extname(file)
  const prefix = `${path.basename(file, ext)}.`
  const aside = new RegExp(`^(${ASIDE_LABELS.join('|')})-\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z(-\\d+)?${ext.replace('.', '\\.')}$`)
  let names: string[]
  try {
    names = fs.readdirSync(path.dirname(file))
  } catch {
    return []
  }
  return names.filter((n) => n.startsWith(prefix) && aside.test(n.slice(prefix.length))).map((n) => path.join(path.dirname(file), n))
}

/** What deleteStoreFiles removed, and what it could not (with the reason). */
export interface DeletedFiles {
  deleted: string[]
  failed: { path: string; reason: string }[]
}

/**
 * Deletes a store for good: its data file and every damaged copy moved aside beside it, under the
 * store's lock so a save running at that moment cannot bring the file back. A link in the file's place
 * is removed, never followed. An absent file is not an error: there was nothing to delete.
 */
export function deleteStoreFiles(file: string, lockWaitMs?: number): DeletedFiles {
  const result: DeletedFiles = { deleted: [], failed: [] }
  const remove = (target: string): void => {
    try {
      if (!fs.lstatSync(target, { throwIfNoEntry: false })) return
      fs.rmSync(target)
      result.deleted.push(target)
    } catch (e) {
      result.failed.push({ path: target, reason: describe(e) })
    }
  }
  const targets = [file, ...filesMovedAside(file)]
  if (!targets.some((target) => fs.lstatSync(target, { throwIfNoEntry: false }))) return result
  try {
    withFileLock(file, () => targets.forEach(remove), lockWaitMs)
  } catch (e) {
    result.failed.push({ path: file, reason: describe(e) })
  }
  return result
}

export interface OpenOptions {
  now?: () => Date
  /** Where a notice is also logged (main's console, the CLI's stderr). */
  log?: (line: string) => void
  /** How long a save waits for another copy's lock (LOCK_WAIT_MS unless a test needs it short). */
  lockWaitMs?: number
}

function withNotice(doc: StoreDocument, notice: StoredNotice): StoreDocument {
  return { ...doc, notices: [...doc.notices, notice].slice(-MAX_NOTICES) }
}

/** Opens the store; never throws. A damaged file is moved aside with a notice and the store starts from defaults. */
export function openStore(backend: StoreBackend, options: OpenOptions = {}): StorePort {
  const now = options.now ?? (() => new Date())
  const log = options.log ?? (() => undefined)
  let count = 0
  const notice = (kind: NoticeKind, movedTo: string | null, params: StoredNotice['params']): StoredNotice => {
    const at = now()
    log(`Bulwark store: ${kind} ${JSON.stringify({ movedTo, ...params })}`)
    return { id: `${kind}-${stampOf(at)}-${count++}`, kind, at: at.toISOString(), movedTo, params }
  }
  const unwritable = (e: unknown): StoredNotice => notice('unwritable', null, { path: backend.path, reason: describe(e) })

  /**
   * Reads the file as it is now (at startup, and again under the lock before each save). A damaged
   * file, a link, FIFO or device is set aside with a notice; `doc` is null when there is nothing to
   * build on, `usable` false when the folder cannot be touched.
   */
  const examine = (): { doc: StoreDocument | null; changed: boolean; notices: StoredNotice[]; usable: boolean } => {
    const found: StoredNotice[] = []
    let usable = true
    const setAside = (label: (typeof ASIDE_LABELS)[number]): string | null => {
      try {
        return moveAside(backend.path, label, now())
      } catch (e) {
        usable = false
        found.push(unwritable(e))
        return null
      }
    }
    const read = readStoreFile(backend.path)
    if (read.kind === 'unreadable') {
      return {
        doc: null,
        changed: false,
        notices: [notice('unwritable', null, { path: backend.path, reason: read.reason })],
        usable: false,
      }
    }
    if (read.kind === 'corrupt') {
      const movedTo = setAside('corrupt')
      if (movedTo) found.push(notice('corrupt', movedTo, { reason: read.reason }))
    }
    if (read.kind !== 'json') return { doc: null, changed: false, notices: found, usable }
    const loaded = loadDocument(read.value)
    const problem = loaded.problem
    if (problem) {
      const movedTo = setAside(problem.kind === 'newer-version' ? 'newer-version' : 'invalid')
      if (movedTo) {
        const params: StoredNotice['params'] =
          problem.kind === 'newer-version' ? { found: problem.found, supported: STORE_VERSION } : { reason: problem.reason }
        found.push(notice(problem.kind, movedTo, params))
      }
    }
    return { doc: loaded.doc, changed: loaded.changed, notices: found, usable }
  }

  // Startup: read, set a damaged file aside, migrate. Any step that cannot touch the disk leaves the store in memory.
  const start = examine()
  const startup = [...start.notices]
  let writable = start.usable
  if (writable) {
    try {
      backend.open()
    } catch (e) {
      writable = false
      startup.push(unwritable(e))
    }
  }

  let doc = start.doc ?? defaultDocument()
  /**
   * Every change is a function of the document: under the lock it is applied to what is on disk now,
   * so a report another copy saved a moment ago is kept, not overwritten by this copy's older view.
   */
  const persist = (change: (base: StoreDocument) => StoreDocument): void => {
    if (!writable) {
      doc = change(doc)
      return
    }
    try {
      withFileLock(
        backend.path,
        () => {
          const fresh = examine()
          const next = fitDocument(fresh.notices.reduce(withNotice, change(fresh.doc ?? doc)))
          writePrivateFileSync(backend.path, JSON.stringify(next, undefined, '\t'))
          doc = next
        },
        options.lockWaitMs,
      )
    } catch (e) {
      if (e instanceof StoreBusyError) {
        // The next save may find the lock free: stay on disk, but say this change was not saved.
        doc = withNotice(change(doc), notice('busy', null, { path: backend.path, seconds: Math.round(e.waitedMs / 1000) }))
      } else {
        writable = false
        doc = withNotice(change(doc), unwritable(e))
      }
    }
  }
  if (startup.length > 0 || start.changed) persist((base) => startup.reduce(withNotice, base))

  return {
    get path() {
      return writable ? backend.path : null
    },
    settings: () => ({ ...doc.settings }),
    updateSettings(patch) {
      persist((base) => {
        const settings: Settings = { ...base.settings }
        if (patch.locale !== undefined) settings.locale = patch.locale
        if (patch.timeoutMs !== undefined) settings.timeoutMs = patch.timeoutMs
        return { ...base, settings }
      })
      return { ...doc.settings }
    },
    reports: () => doc.reports,
    addReport(raw: RawReport) {
      const { report, cut } = fitReport(raw)
      const trimmed = cut > 0 ? notice('trimmed', null, { count: cut }) : null
      persist((base) => {
        const next = { ...base, reports: [report, ...base.reports].slice(0, MAX_REPORTS) }
        return trimmed ? withNotice(next, trimmed) : next
      })
    },
    clearReports() {
      persist((base) => ({ ...base, reports: [] }))
    },
    notices: () => doc.notices,
    dismissNotice(id) {
      persist((base) => ({ ...base, notices: base.notices.filter((n) => n.id !== id) }))
    },
    guidance: () => structuredClone(doc.guidance),
    setGuidance(guidance) {
      persist((base) => ({ ...base, guidance: structuredClone(guidance) }))
    },
    reset() {
      for (const file of filesMovedAside(backend.path)) {
        try {
          fs.rmSync(file, { force: true })
        } catch (e) {
          log(`Bulwark store: could not delete ${file} (${describe(e)})`)
        }
      }
      persist(() => defaultDocument())
    },
  }
}
