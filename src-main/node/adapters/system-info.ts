import { existsSync } from 'node:fs'
import { isHostError, type NetInterface, type OsInfo, type ProcessInfo, type SystemInfoPort } from '../../../checks/core/host/host.js'
import { execCommand } from './exec.js'
import { parsePs, PS_ARGS } from './process-list.js'

// systeminformation costs tens of milliseconds to load: only a scan that asks it something pays for that.
const importSi = async () => (await import('systeminformation')).default
let si: ReturnType<typeof importSi> | undefined
const loadSi = (): ReturnType<typeof importSi> => (si ??= importSi())

/**
 * systeminformation answers processes() from a module-wide cache when called again within 500 ms,
 * so a rescan right after a scan would miss a daemon that just started. Waiting out the window
 * costs nothing on a normal scan and keeps "Check again" truthful.
 */
const PROCESS_CACHE_MS = 550
let lastProcessCall = 0

async function processesFromSi(): Promise<ProcessInfo[]> {
  const wait = lastProcessCall + PROCESS_CACHE_MS - Date.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  lastProcessCall = Date.now()
  const listed = await (await loadSi()).processes()
  return listed.list.map((x) => ({ pid: x.pid, name: x.name, command: x.command, params: x.params, path: x.path, user: x.user }))
}

const PS_TIMEOUT_MS = 5000

/**
 * On Linux one `ps` (tens of milliseconds) gives what the checks read; systeminformation would then start a shell
 * that runs `cat` once per process for CPU shares no check uses. Where that `ps` is missing or speaks another
 * dialect (BusyBox), systeminformation's own fallbacks answer as before.
 */
async function processesOnLinux(env: NodeJS.ProcessEnv): Promise<ProcessInfo[]> {
  const ran = await execCommand('ps', PS_ARGS, env, { timeoutMs: PS_TIMEOUT_MS, maxBytes: 64 * 1024 * 1024 }).catch((e: unknown) => {
    if (isHostError(e, 'not_found')) return null
    throw e
  })
  const listed = ran && ran.code === 0 && !ran.truncated ? parsePs(ran.stdout, existsSync) : []
  return listed.length > 0 ? listed : processesFromSi()
}

/** Memoised per scan: several checks ask for the process list. */
export function createSystemInfo(env: NodeJS.ProcessEnv = process.env): SystemInfoPort {
  let processes: Promise<ProcessInfo[]> | undefined
  let interfaces: Promise<NetInterface[]> | undefined
  let os: Promise<OsInfo> | undefined
  return {
    processes: () => (processes ??= process.platform === 'linux' ? processesOnLinux(env) : processesFromSi()),
    networkInterfaces: () =>
      (interfaces ??= loadSi()
        .then((s) => s.networkInterfaces())
        .then((list) =>
          (Array.isArray(list) ? list : [list]).map((n) => ({
            iface: n.iface,
            ifaceName: n.ifaceName,
            mac: n.mac,
            ip4: n.ip4,
            ip6: n.ip6,
            internal: n.internal,
            virtual: n.virtual,
            operstate: n.operstate,
            type: n.type,
          })),
        )),
    osInfo: () =>
      (os ??= loadSi()
        .then((s) => s.osInfo())
        .then((o) => ({ distro: o.distro, release: o.release, hostname: o.hostname }))),
  }
}
