import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'

const CONFIG = 'scripts/lib/app-bench.config.ts'
const CHROMIUM = '/usr/bin/chromium'

/**
 * The app's timings for `npm run bench`: `runs` cold page loads of the built renderer in Debian's Chromium,
 * with the real engine bound in by the end-to-end harness (scripts/lib/app-bench.pw.ts does the timing).
 * Returns one record per load, or why nothing was measured.
 */
function measureApp(root, runs) {
  if (!existsSync(CHROMIUM)) return { ok: false, reason: `${CHROMIUM} is not installed (apt-get install chromium)` }
  const require = createRequire(path.join(root, 'package.json'))
  const cli = path.join(path.dirname(require.resolve('@playwright/test/package.json')), 'cli.js')
  const dir = mkdtempSync(path.join(tmpdir(), 'bulwark-bench-app-'))
  const out = path.join(dir, 'loads.jsonl')
  try {
    const r = spawnSync(process.execPath, [cli, 'test', '--config', CONFIG, `--repeat-each=${runs}`], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, BULWARK_BENCH_APP_OUT: out, BULWARK_BENCH_APP_RESULTS: path.join(dir, 'results') },
      maxBuffer: 16 * 1024 * 1024,
    })
    const loads = existsSync(out)
      ? readFileSync(out, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line))
      : []
    if (r.status !== 0 || loads.length !== runs) {
      const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n')
      return { ok: false, reason: `the timing page failed (exit ${r.status}, ${loads.length} of ${runs} loads):\n${tail}` }
    }
    return { ok: true, loads }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Prints the app's lines and adds its two targets (first result ≤ 1 s, a re-check ≤ 150 ms), with where the
 * time went, through the bench's own helpers.
 */
export function benchApp(root, runs, { median, spread, target }) {
  const app = measureApp(root, runs)
  if (!app.ok) {
    console.log(`app: not measured: ${app.reason}`)
    return
  }
  const col = (key) => app.loads.map((load) => load[key])
  const ms = (key) => median(col(key)).toFixed(0)
  const ids = [...new Set(col('recheckId'))].join(', ')
  console.log(
    `app, ${app.loads.length} cold page loads of the built renderer in Chromium, the real engine bound in (${app.loads[0].checks} checks; a fresh store each, so the app scans as it opens):`,
  )
  console.log(
    `  first result painted ${spread(col('firstResultMs'))}; the first load in a fresh process: ${col('firstResultMs')[0].toFixed(0)} ms`,
  )
  console.log(
    `    first contentful paint ${spread(col('firstContentfulPaintMs'))}; the page asks for the scan at ${spread(col('scanAskedMs'))}`,
  )
  console.log(
    `    the quickest check's own time ${spread(col('engineFirstMs'))}; in the DOM to painted ${spread(app.loads.map((l) => l.firstResultMs - l.firstResultDomMs))}`,
  )
  console.log(`  every verdict painted ${spread(col('allResultsMs'))} (the engine's scan ${spread(col('engineMs'))})`)
  console.log(`  opening again with the saved report, first result painted ${spread(col('reopenMs'))}`)
  console.log(`  re-check of one finding (${ids}) to its new verdict painted ${spread(col('recheckMs'))}`)
  console.log(
    `    the check's own time ${spread(col('recheckEngineMs'))}; in the DOM to painted ${spread(app.loads.map((l) => l.recheckMs - l.recheckDomMs))}`,
  )
  const carried = median(app.loads.map((l) => l.firstResultDomMs - l.scanAskedMs - l.engineFirstMs))
  target(
    'app first result painted',
    median(col('firstResultMs')),
    1000,
    'ms',
    `the page asks for the scan at ${ms('scanAskedMs')} ms, the quickest check takes ${ms('engineFirstMs')} ms, ` +
      `and ${carried.toFixed(0)} ms go to carrying the request and the progress events before it (the harness's transport, in the engine's own thread)`,
  )
  target('app re-check painted', median(col('recheckMs')), 150, 'ms', `the check itself takes ${ms('recheckEngineMs')} ms`)
}
