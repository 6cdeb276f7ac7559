/**
 * The real CLI, built once per test run from the current sources into a folder of the tests' own
 * (inside the project, so bare imports resolve), and removed afterwards. Tests that run `bulwark`
 * as a process use `BUILT_CLI`; vitest runs this file's default export once, before any test file.
 */
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'

// One folder per test run (named by the run's main process, handed to its workers through the
// environment), so two runs at once never delete or rewrite the CLI the other is running.
const DIR = process.env.BULWARK_TEST_CLI_DIR ?? `out/.test-cli-${process.pid}`
export const BUILT_CLI = join(DIR, 'index.js')

export default function buildCliOnce(): () => void {
  process.env.BULWARK_TEST_CLI_DIR = DIR
  const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts', '--outDir', DIR, '--logLevel', 'error'], {
    encoding: 'utf8',
  })
  if (build.status !== 0) throw new Error(`CLI build failed: ${build.stderr}`)
  return () => rmSync(DIR, { recursive: true, force: true })
}
