import { runTool, type ToolRun } from '../../core/host/toolkit.js'
import type { Host } from '../../core/types.js'

export interface DarwinDiskFacts {
  fdesetup: ToolRun
  autoLogin: ToolRun
  apfs: ToolRun
}

export async function readDarwinDisk(host: Host, signal?: AbortSignal): Promise<DarwinDiskFacts> {
  const options = { timeoutMs: 10_000, maxBytes: 64 * 1024, signal }
  return {
    fdesetup: await runTool(host, 'fdesetup', ['status'], options),
    // Per volume, for evidence: the Data volume (where user files live since macOS 10.15) says FileVault Yes or No.
    apfs: await runTool(host, 'diskutil', ['apfs', 'list'], { ...options, maxBytes: 1024 * 1024 }),
    // `defaults read` exits 1 ("does not exist") when no automatic login is set: that is an answer.
    autoLogin: await runTool(host, 'defaults', ['read', '/Library/Preferences/com.apple.loginwindow', 'autoLoginUser'], {
      ...options,
      acceptExit: (code, out) => code === 1 && /does not exist/.test(out.stderr),
    }),
  }
}
