import type { Host } from '../../core/host/host.js'

/**
 * Memoises an async look-up per Host object: checks that run in the same scan share one reading, and
 * a new Host (a new scan) reads afresh. (Generic; could move to checks/host/ if others want it.)
 */
export function perHost<T>(read: (host: Host) => Promise<T>): (host: Host) => Promise<T> {
  const cache = new WeakMap<Host, Promise<T>>()
  return (host) => {
    let found = cache.get(host)
    if (!found) {
      found = read(host)
      cache.set(host, found)
    }
    return found
  }
}
