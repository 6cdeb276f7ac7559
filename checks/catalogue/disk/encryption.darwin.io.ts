import { runTool, type ToolRun } from '../../core/host/toolkit.js'
import type { Host } from '../../core/types.js'

export interface DarwinDiskFacts {
  fdesetup: ToolRun
  autoLogin: ToolRun
}

export async function readDarwinDisk(host: Host, signal?: AbortSignal): Promise<DarwinDiskFacts> {
  const options = { timeoutMs: 10_000, maxBytes: 64 * 1024, signal }
  return {
    fdesetup: await runTool(host, 'fdesetup', ['status'], options),
    // `defaults read` exits 1 ("does not exist") when no automatic login is set: that is an answer.
    autoLogin: await runTool(host, 'defaults', ['read', '/Library/Preferences/com.apple.loginwindow', 'autoLoginUser'], {
      ...options,
      acceptExit: (code, out) => code === 1 && /does not exist/.test(out.stderr),
    }),
  }
}
