#!/usr/bin/env node
// `npm run bench`: the speed targets of the CLI, each printed as met or missed by how much (issue 17). Cold
// processes, N runs each (default 10; `npm run bench -- 20`), median with min and max. `-- --vs-lynis` also runs
// `lynis audit system --quick` alternately with Bulwark's scan and prints the ratio. On a shared machine the wall
// time also counts the time other processes held the cores: CPU time and the load average are printed beside it.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { benchFleet } from './bench-fleet.mjs'
import { benchApp } from './lib/app-bench.mjs'

const args = process.argv.slice(2)
const vsLynis = args.includes('--vs-lynis')
const rest = args.filter((a) => a !== '--vs-lynis')
const runs = Number(rest[0] ?? 10)
if (!Number.isInteger(runs) || runs < 1 || rest.length > 1) {
  console.error('usage: npm run bench -- [runs] [--vs-lynis]')
  process.exit(2)
}
const CLI = 'out/cli/index.js'
if (!existsSync(CLI)) {
  const b = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' })
  if (b.status !== 0) process.exit(1)
}
const STANDALONE = 'out/standalone/bulwark'

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const spread = (xs, unit = 'ms') =>
  `median ${median(xs).toFixed(0)} ${unit} (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

const targets = []
/** A target: met, or missed by how much. */
function target(name, value, limit, unit, why = '') {
  const met = value <= limit
  const miss = met
    ? ''
    : ` — missed by ${(value - limit).toFixed(0)} ${unit} (${((value / limit - 1) * 100).toFixed(0)}%)${why ? `: ${why}` : ''}`
  targets.push(`  ${met ? 'met   ' : 'MISSED'} ${name}: ${value.toFixed(0)} ${unit} (target ≤ ${limit} ${unit})${miss}`)
}

const dir = mkdtempSync(join(tmpdir(), 'bulwark-bench-'))
const usageFile = join(dir, 'usage')

/** One cold process: wall time, and for Node (the preload) its CPU time and peak memory. */
function cold(file, argv, { node = true } = {}) {
  const started = process.hrtime.bigint()
  const r = spawnSync(node ? process.execPath : file, node ? ['--import', './scripts/bench-usage.mjs', file, ...argv] : argv, {
    encoding: 'utf8',
    env: { ...process.env, BULWARK_BENCH_USAGE_FILE: usageFile },
    maxBuffer: 64 * 1024 * 1024,
  })
  const wall = Number(process.hrtime.bigint() - started) / 1e6
  // Bulwark exits 1 when a check failed; another program (Lynis) has its own codes for its findings.
  if (node && r.status !== 0 && r.status !== 1) throw new Error(`${file} ${argv.join(' ')} failed (exit ${r.status}):\n${r.stderr}`)
  const usage = node ? JSON.parse(readFileSync(usageFile, 'utf8')) : { cpuMs: NaN, maxRssKb: NaN }
  return { wall, cpu: usage.cpuMs, rssMiB: usage.maxRssKb / 1024, stdout: r.stdout }
}

const traceFile = join(dir, 'trace')

/**
 * What a check waited for, measured: one more run of it alone with scripts/bench-trace.mjs preloaded, which times
 * every program its scan thread started, every loopback probe and every file it opened, listed or stat'ed.
 */
function waitsFor(id) {
  rmSync(traceFile, { force: true })
  const r = spawnSync(process.execPath, ['--import', './scripts/bench-trace.mjs', CLI, 'scan', '--json', '--no-history', '--only', id], {
    encoding: 'utf8',
    env: { ...process.env, BULWARK_BENCH_TRACE_FILE: traceFile },
    maxBuffer: 64 * 1024 * 1024,
  })
  if (r.status !== 0 && r.status !== 1) return `not traced (exit ${r.status})`
  const records = existsSync(traceFile)
    ? readFileSync(traceFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .filter((x) => x.thread === 'scan')
    : []
  const longest = (kind) => records.filter((x) => x.kind === kind).sort((a, b) => b.ms - a.ms)
  const list = (xs) =>
    `${xs
      .slice(0, 3)
      .map((x) => `${x.what} ${x.ms.toFixed(0)} ms`)
      .join(', ')}${xs.length > 3 ? ` (+${xs.length - 3})` : ''}`
  const parts = []
  const started = longest('run')
  const probes = longest('probe')
  const files = longest('file')
  if (started.length) parts.push(`runs ${list(started)}`)
  if (probes.length) parts.push(`probes ${list(probes)}`)
  if (files.length) parts.push(`${files.length} file operations, the longest ${files[0].what} ${files[0].ms.toFixed(0)} ms`)
  return parts.join('; ') || 'started no program, probed nothing, read no file'
}

try {
  console.log(`load average at start: ${load()} (${runs} runs of each)`)
  // Bare Node with the same preload as the CLI below: what any `node` command costs here before Bulwark's own code.
  const bareRuns = Array.from({ length: runs }, () => cold('-e', ['0']))
  const bare = bareRuns.map((x) => x.wall)
  console.log(`bare node -e 0: wall ${spread(bare)}, CPU ${spread(bareRuns.map((x) => x.cpu))}`)

  for (const flag of ['--version', '--help']) {
    const r = Array.from({ length: runs }, () => cold(CLI, [flag]))
    const wall = r.map((x) => x.wall)
    console.log(`bulwark ${flag}: wall ${spread(wall)}, CPU ${spread(r.map((x) => x.cpu))}`)
    target(`bulwark ${flag} wall`, median(wall), 60, 'ms', `bare node alone takes ${median(bare).toFixed(0)} ms here`)
  }

  const scans = Array.from({ length: runs }, () => cold(CLI, ['scan', '--json', '--no-history']))
  const reports = scans.map((s) => JSON.parse(s.stdout))
  const perCheck = new Map()
  for (const report of reports) for (const res of report.results) perCheck.set(res.id, [...(perCheck.get(res.id) ?? []), res.durationMs])
  const wall = scans.map((s) => s.wall)
  const rss = scans.map((s) => s.rssMiB)
  console.log(`bulwark scan --json --no-history (${reports[0].results.length} checks, every one registered):`)
  console.log(`  wall ${spread(wall)}, CPU ${spread(scans.map((s) => s.cpu))} (Node's threads; the programs it runs are apart)`)
  console.log(`  engine (the report's durationMs) ${spread(reports.map((r) => r.durationMs))}`)
  console.log(`  peak memory ${spread(rss, 'MiB')}`)
  target('full scan wall', median(wall), 200, 'ms')
  target('full scan peak memory', median(rss), 80, 'MiB')

  // In a scan the checks run together, so a check's duration there counts the others' work too.
  const ranked = [...perCheck].sort((a, b) => median(b[1]) - median(a[1]))
  console.log('  per-check median duration in the full scan:')
  for (const [id, xs] of ranked) console.log(`    ${id.padEnd(26)} ${String(median(xs)).padStart(6)} ms`)
  // Which checks are slowest by themselves: every check twice alone, ranked by the quicker run so that another
  // process's burst does not rank a quick check (in a scan, the last to end is only the one the others kept waiting
  // longest, often a quick one); then the slowest five again, each as often as the rest.
  const aloneMs = (id) => JSON.parse(cold(CLI, ['scan', '--json', '--no-history', '--only', id]).stdout).results[0].durationMs
  const byOwnCost = [...perCheck.keys()].map((id) => [id, Math.min(aloneMs(id), aloneMs(id))]).sort((a, b) => b[1] - a[1])
  console.log('  the slowest five by themselves (each alone, --only), and what each waits for, measured:')
  for (const [id, first] of byOwnCost.slice(0, 5)) {
    const ms = [first, ...Array.from({ length: Math.max(2, Math.ceil(runs / 2) - 1) }, () => aloneMs(id))]
    console.log(`    ${id.padEnd(26)} ${spread(ms)}: ${waitsFor(id)}`)
    target(`${id} alone`, median(ms), 100, 'ms')
  }
  const slowest = ranked[0]
  if (slowest)
    target(
      `slowest check in the full scan (${slowest[0]})`,
      median(slowest[1]),
      100,
      'ms',
      'it shares the two cores with every other check',
    )

  if (existsSync(STANDALONE)) {
    const exe = Array.from({ length: runs }, () => cold(STANDALONE, ['--version'], { node: false }).wall)
    const scan = Array.from({ length: runs }, () => cold(STANDALONE, ['scan', '--json', '--no-history'], { node: false }).wall)
    console.log(`standalone executable: --version wall ${spread(exe)}, scan wall ${spread(scan)}`)
    target('standalone --version wall', median(exe), 60, 'ms')
    target('standalone scan no slower than the Node CLI', median(scan), median(wall), 'ms')
  } else console.log(`standalone executable: not built (npm run package:cli writes ${STANDALONE}), not measured`)

  if (vsLynis) {
    const lynis = spawnSync('sh', ['-c', 'command -v lynis'], { encoding: 'utf8' }).stdout.trim()
    if (!lynis) console.log('--vs-lynis: lynis is not installed, not compared')
    else {
      // Lynis takes tens of seconds a run: three alternating pairs are enough for a ratio this large.
      const pairs = Math.min(runs, 3)
      const ours = []
      const theirs = []
      for (let i = 0; i < pairs; i++) {
        ours.push(cold(CLI, ['scan', '--json', '--no-history']).wall)
        theirs.push(cold(lynis, ['audit', 'system', '--quick', '--no-colors', '--no-log'], { node: false }).wall)
      }
      const ratio = median(theirs) / median(ours)
      console.log(
        `--vs-lynis, ${pairs} alternating pairs: Bulwark ${spread(ours)}, lynis audit system --quick ${spread(theirs)}: ${ratio.toFixed(0)}× faster`,
      )
      targets.push(`  ${ratio >= 200 ? 'met   ' : 'MISSED'} ratio to Lynis: ${ratio.toFixed(0)}× (target ≥ 200×)`)
    }
  }
  benchApp(process.cwd(), runs, { median, spread, target })
  console.log(`load average at end: ${load()}`)
  console.log('targets:')
  for (const line of targets) console.log(line)
} finally {
  rmSync(dir, { recursive: true, force: true })
}

// Many machines' reports merged (bulwark fleet): fails the bench past its time limit.
if (!benchFleet(CLI).ok) process.exit(1)
