import type { Msg } from '../../core/i18n/message.js'
import type { Evidence } from '../../core/types.js'
import type { Family, Transport } from './inbound.verdict.js'

// The sockets this machine listens on, as the OS's own socket tables list them (never by connecting):
// network.listening names and judges them, remote.access asks whether its server is among them. Pure.

export interface Listener {
  transport: Transport
  family: Family
  /** The local address as the table gives it, canonical (`0.0.0.0`, `::`, `192.168.1.5`, `127.0.0.1`). */
  address: string
  port: number
  /** The owning program where the OS lets this user see it. */
  process?: { pid: number; name: string }
  /** An IPv6 socket's IPV6_V6ONLY where the table shows it (Linux `ss -e`): false means it takes IPv4 too. */
  v6only?: boolean
}

export interface SocketFacts {
  /** Every listening TCP socket and bound UDP socket; a Msg when the tables could not be read. */
  listeners: readonly Listener[] | Msg
  /** What was read (`/proc/net/tcp`, `lsof -nP -iTCP -sTCP:LISTEN`, `Get-NetTCPConnection`). */
  evidence: Evidence[]
  /**
   * Set when the table may leave sockets out (macOS lsof run as a user lists that user's processes only):
   * why, and how to read the whole table. An empty list is then no proof that nothing listens.
   */
  partial?: Msg
  /** Set when some owners could not be seen (another user's program without root): why, and how to see them. */
  ownersHidden?: Msg
}

/** At most this many sockets are kept from any table: a hostile or huge table costs a bounded amount. */
export const MAX_LISTENERS = 4096

/** A program name as a table printed it, safe to show: control characters replaced, at most 64 characters. */
export function programName(raw: string): string {
  return raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 64)
}
