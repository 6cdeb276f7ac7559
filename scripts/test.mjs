#!/usr/bin/env node
// The one test command (`npm test`): build, typecheck, unit + integration (vitest), end-to-end
// (Playwright in Debian's Chromium), Electron security lint, ESLint and prettier. CI reads only the
// last line, "N passed, N failed, N skipped", which this script computes from the runners' JSON reports.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

const RESULTS = 'test-results'
rmSync(`${RESULTS}/vitest.json`, { force: true })
rmSync(`${RESULTS}/playwright.json`, { force: true })
mkdirSync(RESULTS, { recursive: true })

let passed = 0
let failed = 0
let skipped = 0
const problems = []

function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label}: ${command} ${args.join(' ')}\n`)
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status === 0
}

/** A step that is not a test runner counts as one test. */
function step(label, command, args) {
  if (run(label, command, args)) passed += 1
  else {
    failed += 1
    problems.push(label)
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

step('build', 'npm', ['run', '--silent', 'build'])
step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])
step('lint', 'npx', ['eslint', '--max-warnings', '0', '.'])
step('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.'])

const vitestOk = run('unit and integration tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${RESULTS}/vitest.json`,
])
const vitest = readJson(`${RESULTS}/vitest.json`)
if (vitest) {
  passed += vitest.numPassedTests ?? 0
  failed += vitest.numFailedTests ?? 0
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0)
  // A suite that fails to load has no failed tests but is still a failure.
  const brokenSuites = (vitest.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0)
  failed += brokenSuites.length
  if (!vitestOk && (vitest.numFailedTests ?? 0) === 0 && brokenSuites.length === 0) {
    failed += 1
    problems.push('vitest exited with an error')
  }
} else {
  failed += 1
  problems.push('vitest wrote no report')
}

if (existsSync('playwright.config.ts')) {
  const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test'])
  const pw = readJson(`${RESULTS}/playwright.json`)
  if (pw?.stats) {
    passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0)
    failed += pw.stats.unexpected ?? 0
    skipped += pw.stats.skipped ?? 0
    if (!e2eOk && (pw.stats.unexpected ?? 0) === 0) {
      failed += 1
      problems.push('playwright exited with an error')
    }
  } else {
    failed += 1
    problems.push('playwright wrote no report')
  }
}

if (existsSync('scripts/electronegativity.mjs')) step('electron security lint', 'node', ['scripts/electronegativity.mjs'])

if (problems.length > 0) process.stdout.write(`\nProblems: ${problems.join('; ')}\n`)
const summary = `${passed} passed, ${failed} failed, ${skipped} skipped`
writeFileSync(`${RESULTS}/summary.txt`, summary + '\n')
process.stdout.write(`\n${summary}\n`)
process.exitCode = failed === 0 ? 0 : 1
