import { CHECKS } from '../../checks/registry.js'
import { createNodeHost } from '../node/adapters/node-host.js'
import { redactionContextFromOs } from '../node/os-context.js'
import { isolatedScans, type ScanThreadEntry } from '../node/scan-worker/supervisor.js'
import { cliHistory, openCliHistory } from './history.js'
import { openCliChecklist } from './checklist/store.js'
import { nodeFixDeps } from './fix-deps.js'
import { HELPER_VERB, runApplyPlanCommand } from './apply-plan.js'
import { createNodeFixWriter } from '../node/fix/writer.js'
import { exitOnInterrupt } from './interrupt.js'
import { localeFromEnv, render } from '../../checks/core/i18n/locale.js'
import { escapeControls, escapeControlsByLine } from '../../checks/core/report/text.js'
import { t } from './messages.js'
import { EXIT_USAGE, runCli } from './run-cli.js'

export interface CliSetup {
  /** Where the scan thread's code is: a file beside the CLI, or its source packed into the standalone executable. */
  scanThread: ScanThreadEntry
  version: string
}

/** The `bulwark` command as a process: arguments, streams, exit code. Shared by the Node CLI and the standalone executable. */
export async function main(setup: CliSetup): Promise<void> {
  const stderr = (s: string): void => void process.stderr.write(s)

  // Output can be piped into `head`: a closed pipe must end quietly, not with a stack trace. Any other
  // failure to write (a full disk, /dev/full, an I/O error) is said once and makes the exit code 2, so a
  // script never takes a missing or cut report for a complete one.
  let outputFailed = false
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    if (outputFailed) return
    outputFailed = true
    process.exitCode = EXIT_USAGE
    stderr(`bulwark: ${escapeControls(render(t('outputFailed', { reason: e.message }), localeFromEnv(process.env)))}\n`)
  })

  // The administrator helper takes nothing of the normal CLI: no checks run, no store opens.
  if (process.argv[2] === HELPER_VERB) {
    process.exitCode = await runApplyPlanCommand(process.argv.slice(3), {
      stdout: (s) => process.stdout.write(s),
      stderr,
      env: process.env,
      writer: createNodeFixWriter(),
    })
    return
  }

  const host = createNodeHost()
  const signal = exitOnInterrupt({ argv: process.argv.slice(2), checkIds: CHECKS.map((c) => c.id), env: process.env, stderr })

  const code = await runCli(
    process.argv.slice(2),
    {
      stdout: (s) => process.stdout.write(s),
      stderr,
      isTTY: process.stdout.isTTY === true,
      env: process.env,
    },
    {
      checks: CHECKS,
      createHost: () => createNodeHost(),
      // A check stuck on a hostile file must not hold the scan past its limit: the scan runs in a thread that can be given up on.
      runScan: isolatedScans(setup.scanThread),
      version: setup.version,
      redactionContext: () => redactionContextFromOs(),
      signal,
      // The store's notices name paths from the environment: shown escaped, like every other value.
      saveReport: cliHistory({
        platform: host.platform,
        env: process.env,
        home: host.home,
        stderr: (s) => stderr(escapeControlsByLine(s)),
      }),
      history: openCliHistory({ platform: host.platform, env: process.env, home: host.home }),
      checklist: openCliChecklist({ platform: host.platform, env: process.env, home: host.home }),
      fix: nodeFixDeps(host.platform, process.env, host.home),
    },
  )
  // A write error seen during the run outranks the scan's own exit code.
  process.exitCode = outputFailed ? EXIT_USAGE : code
}
