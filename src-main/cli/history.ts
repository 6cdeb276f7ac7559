import fs from 'node:fs'
import path from 'node:path'
import { render, type Locale } from '../../checks/core/i18n/locale.js'
import type { Msg } from '../../checks/core/i18n/message.js'
import type { RawReport } from '../../checks/core/report/model.js'
import type { Platform } from '../../checks/core/types.js'
import { loadConfStore } from '../node/store/load-conf-store.js'
import { CLI_STORE_NAME, defaultStoreDir } from '../node/store/store-dir.js'
import { APP_STORE_NAME } from '../node/store/conf-backend.js'
import { readRegularFile } from '../node/store/disk.js'
import { noticeMessage } from '../node/store/notices.js'
import { deleteStoreFiles } from '../node/store/store.js'

export interface CliHistoryOptions {
  platform: Platform
  env: Readonly<Record<string, string | undefined>>
  home: string
  stderr: (text: string) => void
}

/** What `bulwark forget` did: the files deleted (the history file with the scans it held), and what failed. */
export interface ForgetOutcome {
  folder: string
  /** The history file, when there was one, with how many scans it held (null when it could not be read). */
  history: { path: string; scans: number | null } | null
  /** Other files deleted: damaged copies set aside, and the folder itself when nothing else was left in it. */
  others: string[]
  failed: { path: string; reason: string }[]
  /** The app's own data file, which `forget` leaves alone, when there is one. */
  appFile: string | null
}

/** The CLI's history as `bulwark history` and `bulwark forget` see it. Nothing here creates the file. */
export interface CliHistory {
  readonly file: string
  /** The saved scans, newest first, and anything the store had to say while reading them. */
  read(): Promise<{ reports: readonly RawReport[]; notices: Msg[] }>
  forget(): ForgetOutcome
}

const exists = (file: string): boolean => fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined

/** How many scans a history file holds, read without the store (which could set a damaged file aside). */
function countScans(file: string): number | null {
  try {
    const read = readRegularFile(file, 64 * 1024 * 1024)
    if (read.kind !== 'text') return null
    const doc: unknown = JSON.parse(read.text)
    const reports = typeof doc === 'object' && doc !== null && 'reports' in doc ? doc.reports : undefined
    return Array.isArray(reports) ? reports.length : null
  } catch {
    return null
  }
}

/** The CLI's history file, beside the app's in the same folder. */
export function openCliHistory(options: Omit<CliHistoryOptions, 'stderr'>): CliHistory {
  const folder = defaultStoreDir(options.platform, options.env, options.home)
  const file = path.join(folder, `${CLI_STORE_NAME}.json`)
  return {
    file,
    async read() {
      if (!exists(file)) return { reports: [], notices: [] }
      const { openConfStore } = await loadConfStore()
      const logged: string[] = []
      const store = openConfStore({ cwd: folder, log: (line) => void logged.push(line) })
      const notices = logged.length > 0 ? store.notices().slice(-logged.length).map(noticeMessage) : []
      return { reports: store.reports(), notices }
    },
    forget() {
      const scans = exists(file) ? countScans(file) : null
      const had = exists(file)
      const { deleted, failed } = deleteStoreFiles(file)
      const others = deleted.filter((d) => d !== file)
      // Leave no empty folder behind either; one that still holds anything (the app's data) stays.
      if (deleted.length > 0) {
        try {
          fs.rmdirSync(folder)
          others.push(folder)
        } catch {
          // Not empty, or not ours to remove: it stays, and nothing of the CLI's is left in it.
        }
      }
      const appFile = path.join(folder, `${APP_STORE_NAME}.json`)
      return {
        folder,
        history: had && deleted.includes(file) ? { path: file, scans } : null,
        others,
        failed,
        appFile: exists(appFile) ? appFile : null,
      }
    },
  }
}

/**
 * The CLI's `saveReport`, used only with --save: adds a scan to the CLI's own history file. The store
 * is opened only then, so no other command creates or touches it. Anything the store had to do (a
 * damaged file set aside, a folder it cannot write) is said on stderr, in the scan's language.
 */
export function cliHistory(options: CliHistoryOptions): (raw: RawReport, locale: Locale) => Promise<void> {
  return async (raw, locale) => {
    const { openConfStore } = await loadConfStore()
    let fresh = 0
    const store = openConfStore({
      cwd: defaultStoreDir(options.platform, options.env, options.home),
      log: () => void fresh++,
    })
    store.addReport(raw)
    for (const notice of fresh > 0 ? store.notices().slice(-fresh) : []) {
      options.stderr(`bulwark: ${render(noticeMessage(notice), locale)}\n`)
    }
  }
}
