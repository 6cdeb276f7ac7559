import type { Host } from '../../core/host/host.js'
import { findKey } from '../../readers/windows/reg-query.parse.js'
import { queryRegistry } from '../../readers/windows/registry.io.js'
import { WIN_KEYS, type Reading, type WindowsFacts } from './telemetry.verdict.js'

async function readKey(host: Host, key: string, signal?: AbortSignal): Promise<Reading<Map<string, number>>> {
  const read = await queryRegistry(host, key, signal)
  if (read.status === 'absent') return { source: key, state: 'absent' }
  if (read.status === 'unreadable') return { source: key, state: 'unreadable', reason: read.reason }
  const values = new Map<string, number>()
  for (const v of findKey(read.keys, key)?.values ?? []) if (typeof v.data === 'number') values.set(v.name, v.data)
  return { source: key, state: 'ok', value: values }
}

export async function readWindowsFacts(host: Host, signal?: AbortSignal): Promise<WindowsFacts> {
  const names = Object.keys(WIN_KEYS) as (keyof typeof WIN_KEYS)[]
  const facts: Partial<WindowsFacts> = {}
  for (const name of names) facts[name] = await readKey(host, WIN_KEYS[name], signal)
  return facts as WindowsFacts
}
