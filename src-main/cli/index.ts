import { readFileSync } from 'node:fs'
import { CHECKS } from '../../checks/registry.js'
import { createNodeHost } from '../node/adapters/node-host.js'
import { redactionContextFromOs } from '../node/os-context.js'
import { cliHistory } from './history.js'
import { runCli } from './run-cli.js'

function packageVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') return pkg.version
  } catch {
    // Running from an unusual layout: the version is cosmetic, the scan still works.
  }
  return '0.0.0'
}

// Output can be piped into `head`: a closed pipe must end quietly, not with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
})

const host = createNodeHost()
const stderr = (s: string): void => void process.stderr.write(s)

process.exitCode = await runCli(
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
    version: packageVersion(),
    redactionContext: () => redactionContextFromOs(),
    saveReport: cliHistory({ platform: host.platform, env: process.env, home: host.home, stderr }),
  },
)
