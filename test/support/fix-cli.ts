/** `bulwark fix …` run in-process as the fix tests run it: every check, English, no terminal, one text of both streams. */
import { CHECKS } from '../../checks/registry.js'
import type { Host } from '../../checks/core/types.js'
import type { FixDeps } from '../../src-main/cli/fix-run.js'
import { runCli } from '../../src-main/cli/run-cli.js'

export async function runFixCli(argv: readonly string[], createHost: () => Host, fix: FixDeps): Promise<{ code: number; text: string }> {
  const out: string[] = []
  const code = await runCli(
    argv,
    { stdout: (s) => out.push(s), stderr: (s) => out.push(s), isTTY: false, env: { LANG: 'C' } },
    { checks: CHECKS, createHost, version: '0.0.0', redactionContext: () => ({ usernames: [], hostnames: [], homes: [] }), fix },
  )
  return { code, text: out.join('') }
}
