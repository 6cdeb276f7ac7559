/**
 * Reads how far tor has connected from its own notice log (`Log notice file PATH`), for a tor whose
 * control port Bulwark cannot use. Pure, one pass over the lines; only the last run counts.
 *
 *   Dec 07 10:55:05.000 [notice] Tor 0.4.9.11 opening new log file.
 *   Dec 07 10:55:06.000 [notice] Bootstrapped 5% (conn): Connecting to a relay
 *   Dec 07 10:55:06.000 [warn] Problem bootstrapping. Stuck at 5% (conn): Connecting to a relay. (Connection refused; CONNECTREFUSED; …)
 *   Dec 07 10:55:17.000 [notice] Catching signal TERM, exiting cleanly.
 */
import { torWords, type Bootstrap } from './control.parse.js'

export interface LogBootstrap {
  bootstrap: Bootstrap | null
  /** The last run in the log ended (tor exited): its progress says nothing about a tor running now. */
  ended: boolean
}

/** Only the tail is read: the last run is at the end, and a long log must not slow a scan. */
export const LOG_TAIL_CHARS = 512 * 1024

const START = /\[notice\] Tor \S+ (?:opening (?:new )?log file|running on)/
const BOOTSTRAPPED = /\[notice\] Bootstrapped (\d{1,3})% \(([\w-]{1,40})\): (.{0,200})$/
const PROBLEM = /\[warn\] Problem bootstrapping\. Stuck at (\d{1,3})% \(([\w-]{1,40})\): ([^(]{0,200})\(([^;)]{0,200})/
const EXIT = /\[notice\] (?:Catching signal TERM, exiting cleanly|Interrupt: exiting cleanly|Clean shutdown finished)/

export function parseBootstrapLog(input: string): LogBootstrap {
  const text = input.length > LOG_TAIL_CHARS ? input.slice(-LOG_TAIL_CHARS) : input
  let bootstrap: Bootstrap | null = null
  let ended = false
  for (const line of text.split('\n')) {
    if (START.test(line)) {
      bootstrap = null
      ended = false
      continue
    }
    if (EXIT.test(line)) ended = true
    const done = BOOTSTRAPPED.exec(line)
    const stuck = done ? null : PROBLEM.exec(line)
    const m = done ?? stuck
    if (!m) continue
    const progress = Number(m[1])
    if (progress > 100) continue
    bootstrap = {
      progress,
      tag: torWords(m[2]),
      summary: torWords((m[3] ?? '').replace(/\.\s*$/, '').trim()),
      warning: stuck ? torWords((m[4] ?? '').trim()) : null,
    }
  }
  return { bootstrap, ended }
}

/**
 * The file of a `Log` line that records notice messages (tor.1 "Log minSeverity[-maxSeverity] file
 * FILENAME", domains in brackets allowed); null for syslog, stdout, a level above notice, or a
 * relative file name.
 */
export function noticeLogFile(value: string): string | null {
  const m = /^(?:\[[^\]]*\]\s*)?(debug|info|notice|warn|err)(?:-(debug|info|notice|warn|err))?\s+file\s+(\S.*)$/i.exec(value.trim())
  if (!m) return null
  const order = ['debug', 'info', 'notice', 'warn', 'err']
  const min = order.indexOf((m[1] ?? '').toLowerCase())
  const max = m[2] ? order.indexOf(m[2].toLowerCase()) : order.length - 1
  const file = (m[3] ?? '').trim()
  if (min > 2 || max < 2) return null
  return file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file) ? file : null
}
