import type { Host } from '../../core/host/host.js'
import { findKey } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import { WIN_KEYS, type Reading, type WindowsFacts } from './telemetry.verdict.js'

async function readKey(host: Host, key: string, signal?: AbortSignal): Promise<Reading<Map<string, number>>> {
  const read = await queryRegistry(host, key, signal)
  if (read.status === 'absent') return { source: key, state: 'absent' }
  if (read.status === 'unreadable') return { source: key, state: 'unreadable', reason: read.reason }
  const values = new Map<string, number>()
  // These settings are DWORDs (Group Policy and Settings write them so); a value of another type, such as the REG_SZ
  // old DisableWinTracking left or a REG_QWORD written by hand, reads as not set rather than as a level.
  for (const v of findKey(read.keys, key)?.values ?? [])
    if (v.type === 'REG_DWORD' && typeof v.data === 'number') values.set(v.name, v.data)
  return { source: key, state: 'ok', value: values }
}

export async function readWindowsFacts(host: Host, signal?: AbortSignal): Promise<WindowsFacts> {
  const names = Object.keys(WIN_KEYS) as (keyof typeof WIN_KEYS)[]
  const facts: Partial<WindowsFacts> = {}
  for (const name of names) facts[name] = await readKey(host, WIN_KEYS[name], signal)
  return facts as WindowsFacts
}
