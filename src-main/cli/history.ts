import { render } from '../../checks/core/i18n/locale.js'
import type { RawReport } from '../../checks/core/report/model.js'
import type { Platform } from '../../checks/core/types.js'
import { defaultStoreDir, openConfStore } from '../node/store/conf-store.js'
import { noticeMessage } from '../node/store/notices.js'
import { localeFromEnv } from './run-cli.js'

export interface CliHistoryOptions {
  platform: Platform
  env: Readonly<Record<string, string | undefined>>
  home: string
  stderr: (text: string) => void
}

/**
 * The CLI's `saveReport`: adds a scan to the CLI's own history file (beside the app's). The store is
 * opened only when a scan is saved, so `list`, `help` and `--no-history` never create or touch it.
 * Anything the store had to do (a damaged file set aside, a folder it cannot write) is said on stderr.
 */
export function cliHistory(options: CliHistoryOptions): (raw: RawReport) => void {
  return (raw) => {
    let fresh = 0
    const store = openConfStore({
      cwd: defaultStoreDir(options.platform, options.env, options.home),
      log: () => void fresh++,
    })
    store.addReport(raw)
    const locale = localeFromEnv(options.env)
    for (const notice of fresh > 0 ? store.notices().slice(-fresh) : []) {
      options.stderr(`bulwark: ${render(noticeMessage(notice), locale)}\n`)
    }
  }
}
