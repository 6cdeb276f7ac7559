import type { Host } from '../../core/host/host.js'

/**
 * Where WireGuard's own files live, shared by vpn.wireguard (kill-switch rules in wg-quick configs) and
 * vpn.wireguard-keys (who can read the private keys in them).
 */

/** wg-quick's configuration folders on macOS (system, Intel Homebrew, Apple-silicon Homebrew). */
export const DARWIN_WG_DIRS = ['/etc/wireguard', '/usr/local/etc/wireguard', '/opt/homebrew/etc/wireguard']

/** A WireGuard config is a few hundred bytes; anything past this is not one. */
export const CONFIG_MAX_BYTES = 64 * 1024

/** The Program Files folder of a Windows host, as its environment names it. */
export function programFiles(host: Host): string {
  return host.env.ProgramFiles ?? host.env.PROGRAMFILES ?? 'C:\\Program Files'
}
