import si from 'systeminformation'
import type { NetInterface, OsInfo, ProcessInfo, SystemInfoPort } from '../../../checks/core/host/host.js'

/**
 * systeminformation answers processes() from a module-wide cache when called again within 500 ms,
 * so a rescan right after a scan would miss a daemon that just started. Waiting out the window
 * costs nothing on a normal scan and keeps "Check again" truthful.
 */
const PROCESS_CACHE_MS = 550
let lastProcessCall = 0

async function freshProcesses(): Promise<Awaited<ReturnType<typeof si.processes>>> {
  const wait = lastProcessCall + PROCESS_CACHE_MS - Date.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  lastProcessCall = Date.now()
  return si.processes()
}

/** Memoised per scan: several checks ask for the process list, and it costs ~100 ms. */
export function createSystemInfo(): SystemInfoPort {
  let processes: Promise<ProcessInfo[]> | undefined
  let interfaces: Promise<NetInterface[]> | undefined
  let os: Promise<OsInfo> | undefined
  return {
    processes: () =>
      (processes ??= freshProcesses().then((p) =>
        p.list.map((x) => ({
          pid: x.pid,
          name: x.name,
          command: x.command,
          params: x.params,
          path: x.path,
          user: x.user,
        })),
      )),
    networkInterfaces: () =>
      (interfaces ??= si.networkInterfaces().then((list) =>
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
    osInfo: () => (os ??= si.osInfo().then((o) => ({ distro: o.distro, release: o.release, hostname: o.hostname }))),
  }
}
