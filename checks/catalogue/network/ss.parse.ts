import { failed, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { t } from './sockets.messages.js'
import { MAX_LISTENERS, programName } from './sockets.verdict.js'

/** What ss adds to a /proc/net row: its program, and for an IPv6 socket whether it takes IPv6 only. */
export interface SocketExtra {
  process?: { pid: number; name: string }
  v6only?: boolean
}

const MAX_LINES = 100_000
// ss(8) prints `users:(("sshd",pid=812,fd=3),("sshd",pid=813,fd=3))`; a name is quoted and may hold escaped quotes.
const USER = /\("((?:[^"\\]|\\.){0,256})",pid=(\d{1,10}),fd=\d{1,10}\)/
const INODE = /\bino:(\d{1,20})\b/
const V6ONLY = /\bv6only:([01])\b/
const ROW_START = /^[a-z][a-z0-9_]{0,15}\s/

/**
 * `ss -H -tulpne` → by each socket's inode (the number /proc/net lists): the first program holding it, and `v6only`
 * (ss(8) `-e`). ss shows a program only where this user may read its /proc/<pid>/fd: without root, other users'
 * sockets have none.
 */
export function parseSsExtras(text: string): Result<Map<number, SocketExtra>, Msg> {
  const owners = new Map<number, SocketExtra>()
  const lines = text.split('\n', MAX_LINES + 1)
  if (lines.length > MAX_LINES) return failed(t('tooManyLines', { count: String(MAX_LINES) }))
  for (const [i, raw] of lines.entries()) {
    const line = raw.slice(0, 4096)
    if (line.trim() === '') continue
    if (!ROW_START.test(line)) return failed(t('notSsLine', { line: String(i + 1) }))
    const inode = INODE.exec(line)
    if (!inode || owners.size >= MAX_LISTENERS) continue
    const user = USER.exec(line)
    const v6only = V6ONLY.exec(line)
    owners.set(Number(inode[1]), {
      ...(user ? { process: { pid: Number(user[2]), name: programName((user[1] ?? '').replace(/\\(.)/g, '$1')) } } : {}),
      ...(v6only ? { v6only: v6only[1] === '1' } : {}),
    })
  }
  return ok(owners)
}
