import { z } from 'zod'
import { canonicalIp, failed, isIPv4, isIPv6, ok, type Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { parseJsonWith } from '../vpn/parsed.parse.js'
import { t } from './sockets.messages.js'
import type { Transport } from './inbound.verdict.js'
import { MAX_LISTENERS, programName, type Listener } from './sockets.verdict.js'

/** ConvertTo-Json writes a one-element list as a bare object and an empty one as null. */
function list<T extends z.ZodType>(item: T) {
  return z
    .union([z.array(item), item, z.null(), z.undefined()])
    .transform((v): z.infer<T>[] => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]))
}

const endpoint = z.looseObject({
  LocalAddress: z.string().max(80),
  LocalPort: z.number().int().min(0).max(65535),
  OwningProcess: z.number().int().min(0).nullish(),
})

const schema = z.looseObject({
  Tcp: list(endpoint),
  Udp: list(endpoint),
  Processes: list(z.looseObject({ Id: z.number().int().min(0), ProcessName: z.string().nullish() })),
})

/**
 * The JSON object of sockets.win32.io.ts's one PowerShell call → its listeners: Get-NetTCPConnection -State Listen
 * (Tcp), Get-NetUDPEndpoint (Udp, bound endpoints only: Windows lists no connected UDP there) and Get-Process
 * names for their OwningProcess ids.
 */
export function parseWindowsSockets(text: string): Result<Listener[], Msg> {
  const parsed = parseJsonWith(text, schema)
  if (!parsed.ok) return failed(parsed.reason === 'empty' ? t('emptyOutput') : parsed.reason === 'not_json' ? t('notJson') : t('badJson'))
  const names = new Map(parsed.value.Processes.map((p) => [p.Id, programName(p.ProcessName ?? '')]))
  const found: Listener[] = []
  const take = (transport: Transport, rows: z.infer<typeof endpoint>[]): boolean => {
    for (const row of rows) {
      const address = canonicalIp(row.LocalAddress)
      const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null
      if (!family) return false
      if (found.length >= MAX_LISTENERS) return true
      // Port 0 is a socket not yet bound to a port: nothing can reach it.
      if (row.LocalPort === 0) continue
      const pid = row.OwningProcess ?? undefined
      const name = pid === undefined ? undefined : names.get(pid)
      found.push({ transport, family, address, port: row.LocalPort, ...(pid !== undefined && name ? { process: { pid, name } } : {}) })
    }
    return true
  }
  if (!take('tcp', parsed.value.Tcp) || !take('udp', parsed.value.Udp)) return failed(t('badJson'))
  return ok(found)
}
