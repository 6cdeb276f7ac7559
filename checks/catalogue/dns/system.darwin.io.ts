/** dns.system on macOS, the I/O: the profile listing and the resolver configuration, judged by system.darwin.verdict.ts. */
import type { Host } from '../../core/host/host.js'
import { runTool } from '../../core/host/toolkit.js'
import type { Outcome } from '../../core/types.js'
import { parseSystemProfilerProfiles } from './macos-dns-profile.parse.js'
import { darwinEvidence, decideDarwin, type DarwinFacts } from './system.darwin.verdict.js'

const PROFILER_TIMEOUT_MS = 4000
const SCUTIL_TIMEOUT_MS = 1500

export async function runDarwin(host: Host, signal: AbortSignal): Promise<Outcome> {
  const [profiler, scutil] = await Promise.all([
    runTool(host, 'system_profiler', ['SPConfigurationProfileDataType', '-json'], { timeoutMs: PROFILER_TIMEOUT_MS, signal }),
    runTool(host, 'scutil', ['--dns'], { timeoutMs: SCUTIL_TIMEOUT_MS, signal }),
  ])
  const facts: DarwinFacts = { profiler, scutil, listing: profiler.ok ? parseSystemProfilerProfiles(profiler.value.stdout) : null }
  return { ...decideDarwin(facts), evidence: darwinEvidence(facts) }
}
