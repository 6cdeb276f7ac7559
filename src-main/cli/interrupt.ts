import { setMaxListeners } from 'node:events'
import { localeFromEnv, render } from '../../checks/core/i18n/locale.js'
import { killAllHelpers } from '../node/adapters/exec.js'
import { parseCommandLine } from './args.js'
import { t } from './messages.js'

/** The shell's convention, 128 + the signal's number, so a script can tell an interrupted scan from a finished one. */
export const INTERRUPT_EXIT = { SIGINT: 130, SIGTERM: 143 } as const

export interface InterruptOptions {
  argv: readonly string[]
  checkIds: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  stderr: (text: string) => void
}

/**
 * Makes Ctrl-C and SIGTERM end the CLI at once, even while a check is stuck: the scan is cancelled (so nothing is
 * saved), every helper still running is killed with its children, one line says so, and the process exits
 * without waiting for stuck work. Any other exit kills leftover helpers too. Returns the signal the scan runs under.
 */
export function exitOnInterrupt(options: InterruptOptions): AbortSignal {
  const controller = new AbortController()
  // Every check of a scan listens to this one signal: more than the default 10 is expected, not a leak.
  setMaxListeners(0, controller.signal)
  for (const [name, code] of Object.entries(INTERRUPT_EXIT)) {
    process.once(name, () => {
      controller.abort()
      killAllHelpers()
      const parsed = parseCommandLine(options.argv, options.checkIds)
      const locale = (parsed.ok && 'lang' in parsed.value && parsed.value.lang) || localeFromEnv(options.env)
      options.stderr(`bulwark: ${render(t('stopped', { signal: name }), locale)}\n`)
      process.exit(code)
    })
  }
  process.once('exit', killAllHelpers)
  return controller.signal
}
