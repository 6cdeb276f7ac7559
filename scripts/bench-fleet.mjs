// Part of `npm run bench`: `bulwark fleet` merging 10,000 reports (issue 16: under 10 s, memory bounded). The
// reports are generated here, each the size of a real one (every check of the registry, with evidence), so the
// run measures reading, validating and merging, one report at a time.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const HOSTS = Number(process.env.BULWARK_BENCH_FLEET_HOSTS ?? 10_000)
const LIMIT_MS = 10_000
const STATUSES = ['pass', 'pass', 'pass', 'warn', 'fail', 'unknown', 'not_applicable', 'error']

export function benchFleet(cli) {
  // The ids and titles a real scan reports; the statuses vary per host.
  const list = spawnSync(process.execPath, [cli, 'list', '--json'], { encoding: 'utf8' })
  if (list.status !== 0) throw new Error(`bulwark list failed: ${list.stderr}`)
  const checks = JSON.parse(list.stdout)
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-bench-fleet-'))
  try {
    const reports = join(dir, 'reports')
    mkdirSync(reports)
    const now = Date.now()
    for (let h = 0; h < HOSTS; h++) {
      const report = {
        schemaVersion: 1,
        tool: { name: 'bulwark', version: '0.1.0' },
        host: { platform: ['linux', 'darwin', 'win32'][h % 3], release: `6.${h % 20}`, arch: 'x64' },
        startedAt: new Date(now - (h % 30) * 86_400_000).toISOString(),
        durationMs: 1200,
        locale: 'en',
        score: { status: 'scored', value: 50 },
        results: checks.map((c, i) => ({
          id: c.id,
          title: c.title,
          category: c.category,
          severity: c.severity,
          status: STATUSES[(h * 7 + i * 3) % STATUSES.length],
          summary: `Summary of ${c.id} on host ${h % 97}: a sentence as long as a real one, naming a file such as /etc/example.conf.`,
          evidence: [{ label: 'Setting', source: '/etc/example.conf', observed: 'value', expected: 'other value' }],
          durationMs: 12,
          rationale: 'Why it matters, in a sentence or two, as every real result carries it.',
          observer: 'What an observer learns: as much as a real result says.',
          effort: 1,
          remediation: {
            steps: [{ text: 'Do this.' }, { text: 'Then this.', command: { shell: 'sh', line: 'echo example' } }],
            references: [],
          },
        })),
      }
      writeFileSync(join(reports, `host-${String(h).padStart(5, '0')}.json`), JSON.stringify(report, null, 2))
    }
    const usageFile = join(dir, 'usage')
    const out = join(dir, 'fleet.json')
    const started = process.hrtime.bigint()
    const r = spawnSync(process.execPath, ['--import', './scripts/bench-usage.mjs', cli, 'fleet', reports, '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, BULWARK_BENCH_USAGE_FILE: usageFile },
    })
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    if (r.status !== 0) throw new Error(`bulwark fleet failed (exit ${r.status}):\n${r.stderr}`)
    const merged = JSON.parse(readFileSync(out, 'utf8')).hosts.length
    const usage = JSON.parse(readFileSync(usageFile, 'utf8'))
    const rssMiB = usage.maxRssKb / 1024
    console.log(
      `bulwark fleet, ${HOSTS} reports of ${checks.length} checks (${(statSync(join(reports, 'host-00000.json')).size / 1024).toFixed(1)} KB each)`,
    )
    console.log(
      `  wall time ${ms.toFixed(0)} ms (limit ${LIMIT_MS} ms), CPU time ${usage.cpuMs.toFixed(0)} ms, peak memory ${rssMiB.toFixed(1)} MiB, ${merged} machines merged`,
    )
    return { ms, rssMiB, ok: ms < LIMIT_MS && merged === HOSTS }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
