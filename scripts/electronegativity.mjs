#!/usr/bin/env node
// `npm run lint:security`: Electronegativity over the Electron source (src-main) and the built
// bundles (main, preload, renderer). Fails on any finding of MEDIUM severity or worse.
//
// Electronegativity reaches the network twice (a translations download and the "available security
// fixes" release lookup). Bulwark's tooling keeps the no-outbound-traffic promise too, so its HTTP
// client is replaced by one that refuses, and the release lookup is skipped: it cannot run offline,
// and the Electron version is pinned in package.json and reviewed on upgrade instead.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronViteBuild } from './lib/electron-vite.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(path.join(root, 'package.json'))

const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']
const FAILING = new Set(['MEDIUM', 'HIGH', 'CRITICAL'])

/**
 * Manual-review findings we reviewed and accept, each pinned to the exact source line it is about
 * (so a new use elsewhere still fails). Keep this list short; every entry says why.
 */
const REVIEWED = [
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    line: /^\s*opener\.shell\.openExternal\(url\)/,
    reason: 'the only call of shell.openExternal; url has just passed allowedExternalUrl (https to listed hosts, OS settings links)',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    line: /\bapi\w*\.openExternal\(\{/,
    reason: 'the renderer calling window.api.openExternal, an IPC request that main validates against the allowlist',
  },
  {
    check: 'PRELOAD_JS_CHECK',
    line: /^\s*preload: preloadPath\d*,?$/,
    reason: 'the preload is reviewed: sandboxed, contextIsolation on, exposes only window.api wrappers of the typed contract',
  },
]

function reviewOf(issue) {
  if (!issue.manualReview || !fs.existsSync(issue.file)) return null
  const text = fs.readFileSync(issue.file, 'utf8').split('\n')[issue.location.line - 1] ?? ''
  return REVIEWED.find((r) => r.check === issue.id && r.line.test(text)) ?? null
}

function blockNetwork() {
  const enegDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'))
  const gotPath = createRequire(path.join(enegDir, 'dist', 'runner.js')).resolve('got')
  const refuse = () => Promise.reject(new Error('network disabled for Bulwark tooling'))
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(refuse, { default: refuse }) }
}

async function scan(run, input, electronVersion) {
  const silent = console.log
  console.log = () => undefined // the library prints progress through console.log
  try {
    return await run({
      input,
      electronVersionOverride: electronVersion,
      excludeFromScan: EXCLUDED_CHECKS,
      severitySet: 'INFORMATIONAL',
      confidenceSet: 'TENTATIVE',
      isRelative: false,
      parserPlugins: [],
    })
  } finally {
    console.log = silent
  }
}

blockNetwork()
const run = require('@doyensec/electronegativity')
const electronVersion = require('electron/package.json').version
// Built into a private folder inside the project (bare imports resolve) that no other build uses.
const outDir = path.join(root, 'out', '.electronegativity')
let exitCode = 0
try {
  if (electronViteBuild(root, ['--outDir', outDir, '--logLevel', 'error', '--mode', 'security-lint']) !== 0)
    throw new Error('electron-vite build failed')
  // The source, and the built app as one input so the global checks see main's guards beside the pages.
  const targets = [path.join(root, 'src-main'), outDir]
  let failing = 0
  let notes = 0
  let accepted = 0
  for (const target of targets) {
    const { issues, errors } = await scan(run, target, electronVersion)
    for (const e of errors.filter((x) => !x.tolerable)) console.error(`  could not parse ${path.relative(root, e.file)}: ${e.message}`)
    for (const issue of issues) {
      const review = reviewOf(issue)
      const fails = FAILING.has(issue.severity.name) && !review
      const label = fails ? 'FAIL' : review ? 'ok' : 'note'
      if (fails) failing++
      else if (review) accepted++
      else notes++
      const where = issue.file === 'N/A' ? path.relative(root, target) || '.' : `${path.relative(root, issue.file)}:${issue.location.line}`
      console.log(`${label.padEnd(4)}  ${issue.severity.name.padEnd(6)} ${issue.confidence.name.padEnd(9)} ${issue.id.padEnd(40)} ${where}`)
      if (review) console.log(`      reviewed: ${review.reason}`)
      else if (fails) console.log(`      ${issue.description} ${issue.shortenedURL}`)
    }
  }
  console.log(
    `\nElectronegativity on Electron ${electronVersion}: ${failing} finding(s) of MEDIUM severity or worse, ` +
      `${accepted} reviewed and accepted, ${notes} lower-severity note(s).` +
      `\nSkipped: ${EXCLUDED_CHECKS.join(', ')} (needs the network).`,
  )
  exitCode = failing > 0 ? 1 : 0
} catch (e) {
  console.error(`The Electronegativity run failed: ${e instanceof Error ? e.message : String(e)}`)
  exitCode = 2
} finally {
  fs.rmSync(outDir, { recursive: true, force: true })
}
process.exit(exitCode)
