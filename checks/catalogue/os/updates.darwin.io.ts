import type { Host } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import { verbatim, type Msg } from '../../core/i18n/message.js'
import { isPlistDict, parsePlist } from '../../readers/macos/plist.parse.js'
import type { DarwinFacts } from './updates.verdict.js'

type Settings = Map<string, { value: boolean; source: string }>

const DOMAINS = ['/Library/Preferences/com.apple.SoftwareUpdate', '/Library/Managed Preferences/com.apple.SoftwareUpdate'] as const

/** `defaults export <domain> -` prints the domain as an XML plist whatever its format on disk. */
async function readDomain(host: Host, domain: string, into: Settings, signal: AbortSignal | undefined): Promise<Msg | null> {
  const run = await runTool(host, 'defaults', ['export', domain, '-'], { timeoutMs: 4000, signal })
  // defaults exits 1 for a domain that does not exist: nothing set there, an answer.
  if (!run.ok) return run.reason.code === 'exit' ? null : run.reason.seen
  const parsed = parsePlist(run.value.stdout)
  if (!parsed.ok || !isPlistDict(parsed.value)) return verbatim(parsed.ok ? 'not a dictionary' : parsed.reason)
  for (const [key, value] of Object.entries(parsed.value)) {
    const bool = typeof value === 'boolean' ? value : typeof value === 'number' ? value !== 0 : null
    if (bool !== null) into.set(key, { value: bool, source: domain })
  }
  return null
}

export async function readDarwinFacts(host: Host, signal?: AbortSignal): Promise<DarwinFacts> {
  const settings: Settings = new Map()
  // The user's file first, then the managed one: a profile's value wins, as it does on the Mac.
  const problem = await readDomain(host, DOMAINS[0], settings, signal)
  await readDomain(host, DOMAINS[1], settings, signal)
  const sw = await runTool(host, 'sw_vers', ['-productVersion'], { timeoutMs: 4000, signal })
  const version = sw.ok ? sw.value.stdout.trim() : ''
  return {
    nowMs: Date.now(),
    settings: problem === null ? { ok: true, value: settings } : { ok: false, reason: problem, code: 'io' },
    productVersion: /^\d{1,3}(\.\d{1,4}){0,3}$/.test(version) ? version : null,
  }
}
