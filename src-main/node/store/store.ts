import fs from 'node:fs'
import path from 'node:path'
import type { RawReport } from '../../../checks/core/report/model.js'
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

/** A file-backed writer for the store document (conf in the CLI, electron-store in the app). */
export interface StoreBackend {
  /** The JSON file the backend writes. */
  readonly path: string
  /** Called only once the file is absent or holds a JSON object, so a library never meets a corrupt file. */
  open(): { write(doc: StoreDocument): void }
}

/** A data file bigger than this is not ours (50 reports are a few MiB at most). */
export const MAX_STORE_BYTES = 32 * 1024 * 1024

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
  let text: string
  try {
    const stat = fs.statSync(file)
    if (!stat.isFile()) return { kind: 'corrupt', reason: 'not a regular file' }
    if (stat.size > MAX_STORE_BYTES) return { kind: 'corrupt', reason: `${stat.size} bytes is too large` }
    text = fs.readFileSync(file, 'utf8')
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return { kind: 'absent' }
    return isAccessError(e) ? { kind: 'unreadable', reason: describe(e) } : { kind: 'corrupt', reason: describe(e) }
  }
  try {
    return { kind: 'json', value: JSON.parse(text) }
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

export interface OpenOptions {
  now?: () => Date
  /** Where a notice is also logged (main's console, the CLI's stderr). */
  log?: (line: string) => void
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

  // Startup: read, set a damaged file aside, migrate. Any step that cannot touch the disk leaves the store in memory.
  const startup: StoredNotice[] = []
  let usable = true
  const setAside = (label: (typeof ASIDE_LABELS)[number]): string | null => {
    try {
      return moveAside(backend.path, label, now())
    } catch (e) {
      usable = false
      startup.push(unwritable(e))
      return null
    }
  }
  const read = readStoreFile(backend.path)
  if (read.kind === 'unreadable') {
    usable = false
    startup.push(notice('unwritable', null, { path: backend.path, reason: read.reason }))
  } else if (read.kind === 'corrupt') {
    const movedTo = setAside('corrupt')
    if (movedTo) startup.push(notice('corrupt', movedTo, { reason: read.reason }))
  }
  const loaded = loadDocument(read.kind === 'json' ? read.value : undefined)
  const problem = loaded.problem
  if (problem && usable) {
    const movedTo = setAside(problem.kind === 'newer-version' ? 'newer-version' : 'invalid')
    if (movedTo) {
      const params: StoredNotice['params'] =
        problem.kind === 'newer-version' ? { found: problem.found, supported: STORE_VERSION } : { reason: problem.reason }
      startup.push(notice(problem.kind, movedTo, params))
    }
  }
  let writer: { write(doc: StoreDocument): void } | null = null
  if (usable) {
    try {
      writer = backend.open()
    } catch (e) {
      startup.push(unwritable(e))
    }
  }

  let doc = startup.reduce(withNotice, loaded.doc)
  const persist = (next: StoreDocument): void => {
    doc = next
    if (!writer) return
    try {
      writer.write(next)
    } catch (e) {
      writer = null
      doc = withNotice(doc, unwritable(e))
    }
  }
  if (startup.length > 0 || loaded.changed) persist(doc)

  return {
    get path() {
      return writer ? backend.path : null
    },
    settings: () => ({ ...doc.settings }),
    updateSettings(patch) {
      const settings: Settings = { ...doc.settings }
      if (patch.locale !== undefined) settings.locale = patch.locale
      if (patch.timeoutMs !== undefined) settings.timeoutMs = patch.timeoutMs
      persist({ ...doc, settings })
      return { ...doc.settings }
    },
    reports: () => doc.reports,
    addReport(report: RawReport) {
      persist({ ...doc, reports: [report, ...doc.reports].slice(0, MAX_REPORTS) })
    },
    clearReports() {
      persist({ ...doc, reports: [] })
    },
    notices: () => doc.notices,
    dismissNotice(id) {
      persist({ ...doc, notices: doc.notices.filter((n) => n.id !== id) })
    },
    guidance: () => structuredClone(doc.guidance),
    setGuidance(guidance) {
      persist({ ...doc, guidance: structuredClone(guidance) })
    },
    reset() {
      for (const file of filesMovedAside(backend.path)) {
        try {
          fs.rmSync(file, { force: true })
        } catch (e) {
          log(`Bulwark store: could not delete ${file} (${describe(e)})`)
        }
      }
      persist(defaultDocument())
    },
  }
}
