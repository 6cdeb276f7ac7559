// Preloaded (node --import) into the CLI by scripts/bench.mjs only: records the process's peak
// resident memory at exit, so the product itself carries no benchmarking code.
import { writeFileSync } from 'node:fs'

const file = process.env.BULWARK_BENCH_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
