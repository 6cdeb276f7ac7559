import { spawnSync } from 'node:child_process'

/** Whether `tool` (a name looked up on PATH, or a path) can be run here, as the shell's `command -v` finds it. */
export function hasTool(tool: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', tool], { stdio: 'ignore' }).status === 0
}

/** The first of `tools` this machine cannot run, for a test's reason to be skipped outside CI; undefined when all can. */
export function missingTool(tools: readonly string[]): string | undefined {
  return tools.find((tool) => !hasTool(tool))
}
