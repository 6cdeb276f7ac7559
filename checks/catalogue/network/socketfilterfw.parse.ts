/**
 * `socketfilterfw --getglobalstate --getblockall --getstealthmode --getallowsigned` and `--listapps`: the
 * macOS application firewall's own answers, one line per question, worded differently across releases
 * ("Stealth mode enabled" / "Firewall stealth mode is on"). Pure, capped.
 */
import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/i18n/message.js'
import { t } from './inbound.messages.js'

export interface AppFirewallState {
  /** 0 off, 1 on, 2 on and blocking all but essential services. */
  globalState: 0 | 1 | 2
  blockAll: boolean | null
  stealth: boolean | null
  allowBuiltInSigned: boolean | null
  allowDownloadedSigned: boolean | null
  /** The lines as printed, for evidence. */
  lines: string[]
}

const MAX_LINES = 200
const printable = (s: string): string => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 200)
const flag = (word: string | undefined): boolean => /^(enabled|on)$/i.test(word ?? '')

export function parseSocketfilterfw(text: string): Result<AppFirewallState, Msg> {
  let globalState: 0 | 1 | 2 | null = null
  const state: Omit<AppFirewallState, 'globalState'> = {
    blockAll: null,
    stealth: null,
    allowBuiltInSigned: null,
    allowDownloadedSigned: null,
    lines: [],
  }
  for (const raw of text.split('\n').slice(0, MAX_LINES)) {
    const line = printable(raw.trim())
    if (line === '') continue
    let m: RegExpExecArray | null
    if ((m = /\(State = ([012])\)/.exec(line))) globalState = Number(m[1]) as 0 | 1 | 2
    else if ((m = /block all state set to (enabled|disabled)/i.exec(line)) || (m = /^Block all (ENABLED|DISABLED)/i.exec(line)))
      state.blockAll = flag(m[1])
    else if (/block all non-essential incoming connections/i.test(line)) state.blockAll = true
    else if ((m = /stealth mode (?:is )?(enabled|disabled|on|off)/i.exec(line))) state.stealth = flag(m[1])
    else if ((m = /allow built-in signed software (ENABLED|DISABLED)/i.exec(line))) state.allowBuiltInSigned = flag(m[1])
    else if ((m = /allow downloaded signed software (ENABLED|DISABLED)/i.exec(line))) state.allowDownloadedSigned = flag(m[1])
    else continue
    state.lines.push(line)
  }
  if (globalState === null) return failed(t('pNoState'))
  return ok({ globalState, ...state })
}

export interface ListedApp {
  name: string
  /** `--listapps` state 1 allows incoming connections, 4 blocks them. */
  allowed: boolean
}

const MAX_APPS = 1000

/**
 * `--listapps`: "name (state: N)" lines, or on newer releases a numbered path line followed by an indented
 * "( Allow incoming connections )" / "( Block incoming connections )".
 */
export function parseListApps(text: string): ListedApp[] {
  const out: ListedApp[] = []
  let pending: string | null = null
  for (const raw of text.split('\n').slice(0, MAX_APPS * 3)) {
    const line = printable(raw.trim())
    let m: RegExpExecArray | null
    if ((m = /^(.+?)\s+\(state:\s*(\d+)\)$/.exec(line)) && m[1]) out.push({ name: m[1], allowed: m[2] === '1' })
    else if ((m = /^\d+\s*:\s*(.+)$/.exec(line)) && m[1]) pending = m[1].trim()
    else if (pending !== null && (m = /^\(\s*(Allow|Block) incoming connections\s*\)$/i.exec(line))) {
      out.push({ name: pending, allowed: /allow/i.test(m[1] ?? '') })
      pending = null
    }
    if (out.length >= MAX_APPS) break
  }
  return out
}
