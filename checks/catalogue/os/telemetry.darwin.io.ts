import type { Host } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import { isPlistDict, parsePlist } from '../../readers/macos/plist.parse.js'
import { MAC_ADLIB, MAC_ANALYTICS, type DarwinFacts, type Reading } from './telemetry.verdict.js'

/** `defaults export <domain> -` prints a domain as an XML plist whatever its format on disk (the analytics file is binary). */
async function readDomain(host: Host, domain: string, signal?: AbortSignal): Promise<Reading<Map<string, boolean>>> {
  const source = `defaults export ${domain} -`
  const run = await runTool(host, 'defaults', ['export', domain, '-'], { timeoutMs: 4000, signal })
  // defaults exits 1 for a domain that does not exist: nothing set there, an answer.
  if (!run.ok) return run.reason.code === 'exit' ? { source, state: 'absent' } : { source, state: 'unreadable', reason: run.reason.seen }
  const parsed = parsePlist(run.value.stdout)
  if (!parsed.ok) return { source, state: 'malformed', reason: parsed.reason }
  if (!isPlistDict(parsed.value)) return { source, state: 'malformed', reason: 'not a dictionary' }
  const values = new Map<string, boolean>()
  for (const [key, value] of Object.entries(parsed.value)) {
    const bool = typeof value === 'boolean' ? value : typeof value === 'number' ? value !== 0 : null
    if (bool !== null) values.set(key, bool)
  }
  return { source, state: 'ok', value: values }
}

export async function readDarwinFacts(host: Host, signal?: AbortSignal): Promise<DarwinFacts> {
  return { analytics: await readDomain(host, MAC_ANALYTICS, signal), ads: await readDomain(host, MAC_ADLIB, signal) }
}
