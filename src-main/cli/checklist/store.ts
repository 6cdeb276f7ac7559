import fs from 'node:fs'
import path from 'node:path'
import type { Msg } from '../../../checks/core/i18n/message.js'
import type { Platform } from '../../../checks/core/types.js'
import { loadConfStore } from '../../node/store/load-conf-store.js'
import { CLI_STORE_NAME, defaultStoreDir } from '../../node/store/store-dir.js'
import { noticeMessage } from '../../node/store/notices.js'
import type { StorePort } from '../../node/store/port.js'

/** The CLI's checklist ticks, in its own store file (beside its saved scans, apart from them). */
export interface CliChecklist {
  readonly file: string
  /** Store key → ISO time. Reading never creates the file. */
  read(): Promise<{ ticks: Record<string, string>; notices: Msg[] }>
  /** Ticks (with `at`; a tick already there keeps its date) or unticks one key; `saved` is false when the store could not be written. */
  set(key: string, done: boolean, at: Date): Promise<{ saved: boolean; changed: boolean; doneAt: string | null; notices: Msg[] }>
}

export function openCliChecklist(options: {
  platform: Platform
  env: Readonly<Record<string, string | undefined>>
  home: string
}): CliChecklist {
  const folder = defaultStoreDir(options.platform, options.env, options.home)
  const file = path.join(folder, `${CLI_STORE_NAME}.json`)
  // Anything the store had to do while opening (a damaged file set aside, with its new name) is said to the person.
  const open = async (): Promise<{ store: StorePort; notices: () => Msg[] }> => {
    const { openConfStore } = await loadConfStore()
    let fresh = 0
    const store = openConfStore({ cwd: folder, log: () => void fresh++ })
    return { store, notices: () => (fresh > 0 ? store.notices().slice(-fresh).map(noticeMessage) : []) }
  }
  return {
    file,
    async read() {
      if (!fs.lstatSync(file, { throwIfNoEntry: false })) return { ticks: {}, notices: [] }
      const { store, notices } = await open()
      return { ticks: store.guidance().checklist, notices: notices() }
    },
    async set(key, done, at) {
      const { store, notices } = await open()
      const guidance = store.guidance()
      const had = Object.hasOwn(guidance.checklist, key)
      if (had === done) return { saved: true, changed: false, doneAt: guidance.checklist[key] ?? null, notices: notices() }
      const { [key]: _old, ...rest } = guidance.checklist
      store.setGuidance({ ...guidance, checklist: done ? { ...rest, [key]: at.toISOString() } : rest })
      const saved = store.path !== null && Object.hasOwn(store.guidance().checklist, key) === done
      return { saved, changed: true, doneAt: done ? at.toISOString() : null, notices: notices() }
    },
  }
}
