#!/usr/bin/env node
// `npm run bench`: runs `bulwark scan --json` as a cold process N times (default 10; `npm run bench -- 20`)
// and prints median and p90 wall time, peak memory, and each check's median duration.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { benchFleet } from './bench-fleet.mjs'

const runs = Number(process.argv[2] ?? 10)
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run bench -- [runs]')
  process.exit(2)
}
if (!existsSync('out/cli/index.js')) {
  const b = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' })
  if (b.status !== 0) process.exit(1)
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.9) - 1)]

const dir = mkdtempSync(join(tmpdir(), 'bulwark-bench-'))
const rssFile = join(dir, 'rss')
const wall = []
const rssKb = []
const scanMs = []
const perCheck = new Map()
try {
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint()
    const r = spawnSync(process.execPath, ['--import', './scripts/bench-rss.mjs', 'out/cli/index.js', 'scan', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, BULWARK_BENCH_RSS_FILE: rssFile },
      maxBuffer: 64 * 1024 * 1024,
    })
    wall.push(Number(process.hrtime.bigint() - started) / 1e6)
    if (r.status !== 0 && r.status !== 1) {
      console.error(`run ${i + 1} failed (exit ${r.status}):\n${r.stderr}`)
      process.exit(1)
    }
    rssKb.push(Number(readFileSync(rssFile, 'utf8')))
    const report = JSON.parse(r.stdout)
    scanMs.push(report.durationMs)
    for (const res of report.results) perCheck.set(res.id, [...(perCheck.get(res.id) ?? []), res.durationMs])
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

console.log(`bulwark scan --json, ${runs} cold runs`)
console.log(`  wall time (process start to exit): median ${median(wall).toFixed(0)} ms, p90 ${p90(wall).toFixed(0)} ms`)
console.log(`  scan time (engine, from the report): median ${median(scanMs).toFixed(0)} ms, p90 ${p90(scanMs).toFixed(0)} ms`)
console.log(`  peak memory (max RSS): median ${(median(rssKb) / 1024).toFixed(1)} MiB, max ${(Math.max(...rssKb) / 1024).toFixed(1)} MiB`)
console.log('  per-check median duration:')
for (const [id, xs] of [...perCheck].sort((a, b) => median(b[1]) - median(a[1]))) {
  console.log(`    ${id.padEnd(24)} ${String(median(xs)).padStart(6)} ms`)
}

// Many machines' reports merged (bulwark fleet): fails the bench past its time limit.
if (!benchFleet('out/cli/index.js').ok) process.exit(1)
