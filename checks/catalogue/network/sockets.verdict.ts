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
}

export interface SocketFacts {
  /** Every listening TCP socket and bound UDP socket; a Msg when the tables could not be read. */
  listeners: readonly Listener[] | Msg
  /** What was read (`/proc/net/tcp`, `lsof -nP -iTCP -sTCP:LISTEN`, `Get-NetTCPConnection`). */
  evidence: Evidence[]
}
