import os from 'node:os'
import type { Host } from '../../../checks/core/host/host.js'
import type { Platform } from '../../../checks/core/types.js'
import { execCommand } from './exec.js'
import { listDir, readCapped, readLinkPath, statPath } from './fs.js'
import { probeLoopback } from './loopback-probe.js'
import { sqlJsEngine } from './sqlite.js'
import { createSystemInfo } from './system-info.js'

export function currentPlatform(): Platform {
  const p = process.platform
  if (p === 'darwin' || p === 'win32') return p
  // BSDs and others read like Linux closely enough for the file-based checks; the rest say not_applicable.
  return 'linux'
}

/** The real host: one per scan, so memoised system information never goes stale between scans. */
export function createNodeHost(env: NodeJS.ProcessEnv = process.env): Host {
  const decoder = new TextDecoder('utf-8')
  return {
    platform: currentPlatform(),
    release: os.release(),
    arch: os.arch(),
    env: { ...env },
    home: env.HOME ?? env.USERPROFILE ?? os.homedir(),
    exec: (file, args, options) => execCommand(file, args, env, options),
    readFile: (file, options) => readCapped(file, options),
    readText: async (file, options) => decoder.decode(await readCapped(file, options)),
    readDir: (dir) => listDir(dir),
    stat: (file) => statPath(file, true),
    lstat: (file) => statPath(file, false),
    readLink: (file) => readLinkPath(file),
    probeLoopback,
    sysinfo: createSystemInfo(env),
    sqlite: sqlJsEngine,
  }
}
