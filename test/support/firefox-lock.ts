import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import path from 'node:path'

/** Whether a Firefox still runs on the profile: on Linux its `lock` link points at "address:+pid" of a live process. */
export function firefoxHolds(profileDir: string): boolean {
  let target: string
  try {
    target = readlinkSync(path.join(profileDir, 'lock'))
  } catch {
    return false
  }
  const pid = Number(/\+(\d+)$/.exec(target)?.[1])
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Whether a live (not zombie) Firefox crash helper started with this HOME runs. Firefox 140+ starts `crashhelper`
 * in its own session; it outlives the browser for a moment and writes `Crash Reports/crash_helper_server.log`.
 */
export function crashHelperRuns(home: string): boolean {
  const wanted = `HOME=${home}\0`
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'crashhelper') continue
      if (/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) continue
      if (`${readFileSync(`/proc/${pid}/environ`, 'utf8')}\0`.includes(wanted)) return true
    } catch {
      // The process left while we looked.
    }
  }
  return false
}

/**
 * Waits (at most 10 s) until no Firefox runs on the profile, so the next start reads it rather than handing over,
 * and, given the HOME it ran with, until its crash helper has stopped writing there too.
 */
export async function untilFirefoxLeaves(profileDir: string, home?: string): Promise<void> {
  const busy = (): boolean => firefoxHolds(profileDir) || (home !== undefined && crashHelperRuns(home))
  for (let i = 0; i < 100 && busy(); i++) await new Promise((r) => setTimeout(r, 100))
}
