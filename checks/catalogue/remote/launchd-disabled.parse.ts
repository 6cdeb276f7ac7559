/**
 * `launchctl print-disabled system`: the services whose enabled state was overridden, one
 * `"label" => value` line each inside `disabled services = { … }`. macOS 13 and later print
 * `enabled`/`disabled`; older releases print `false`/`true` (true meaning disabled). Pure, linear.
 */
import { failed, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { p } from './sshd-config.messages.js'

export type LaunchdOverride = 'enabled' | 'disabled'

const LINE = /^\s*"([^"]{1,300})"\s*=>\s*(enabled|disabled|true|false)\s*$/

export function parseLaunchdDisabled(text: string): Result<Map<string, LaunchdOverride>, Msg> {
  if (text.includes('\u0000')) return failed(p('nul'))
  const start = text.search(/disabled services = \{/)
  if (start < 0) return failed(p('noDisabledList'))
  const out = new Map<string, LaunchdOverride>()
  for (const line of text.slice(start).split('\n').slice(1)) {
    if (/^\s*\}/.test(line)) return ok(out)
    const m = LINE.exec(line)
    if (!m) continue
    const value = m[2] as string
    out.set(m[1] as string, value === 'enabled' || value === 'false' ? 'enabled' : 'disabled')
  }
  return failed(p('openList'))
}
