/** One entry point to each OS's socket tables: network.listening names what listens, remote.access asks whether its server does. */
import type { Host } from '../../core/host/host.js'
import { perHost } from '../../core/host/toolkit.js'
import { gatherDarwin } from './sockets.darwin.io.js'
import { gatherLinux } from './sockets.linux.io.js'
import type { SocketFacts } from './sockets.verdict.js'
import { gatherWin32 } from './sockets.win32.io.js'

// Read once per scan without any one check's signal: each check has its own, and one check cut off must not
// abort the reading another check waits for. Each tool has its own time limit, so the shared read still ends.
const read = perHost((host): Promise<SocketFacts> =>
  host.platform === 'darwin' ? gatherDarwin(host) : host.platform === 'win32' ? gatherWin32(host) : gatherLinux(host),
)

/** Every listening TCP and bound UDP socket of this machine, read from the OS's tables (never by connecting). */
export function gatherSockets(host: Host, signal: AbortSignal): Promise<SocketFacts> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise((resolve, reject) => {
    const stop = (): void => reject(signal.reason)
    signal.addEventListener('abort', stop, { once: true })
    read(host).then(
      (facts) => {
        signal.removeEventListener('abort', stop)
        resolve(facts)
      },
      (e: unknown) => {
        signal.removeEventListener('abort', stop)
        reject(e instanceof Error ? e : new Error(String(e)))
      },
    )
  })
}
