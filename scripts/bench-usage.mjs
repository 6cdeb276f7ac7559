// Preloaded (node --import) into the CLI by scripts/bench-fleet.mjs only: records the process's peak resident
// memory and CPU time at exit. CPU time is reported beside wall time because on a shared machine the wall
// time also counts the time other processes held the cores.
import { writeFileSync } from 'node:fs'

const file = process.env.BULWARK_BENCH_USAGE_FILE
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage()
    writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }))
  })
}
