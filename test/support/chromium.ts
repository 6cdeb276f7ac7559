import { execFileSync } from 'node:child_process'

/**
 * Flags for a headless chromium on a test profile: no sandbox (the suite runs as root), no GPU, and none of the
 * background or component-update traffic a scan's tests must not cause.
 */
export const chromiumArgs = (userData: string): string[] => [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  `--user-data-dir=${userData}`,
]

/** One chromium run on the profile, to its exit: it writes Local State and Preferences as a user's session would. */
export function runChromium(userData: string, env: NodeJS.ProcessEnv, timeoutMs = 30000): void {
  execFileSync('chromium', [...chromiumArgs(userData), '--dump-dom', 'about:blank'], { env, stdio: 'ignore', timeout: timeoutMs })
}
