import { readlinkSync } from 'node:fs'
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

/** Waits (at most 10 s) until no Firefox runs on the profile, so the next start reads it rather than handing over. */
export async function untilFirefoxLeaves(profileDir: string): Promise<void> {
  for (let i = 0; i < 100 && firefoxHolds(profileDir); i++) await new Promise((r) => setTimeout(r, 100))
}
