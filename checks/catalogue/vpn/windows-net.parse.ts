import type { Result } from '../../core/host/toolkit.js'
import { z } from 'zod'
import { parseJsonWith, type ParseFailure } from './parsed.parse.js'

const text = z
  .string()
  .nullish()
  .transform((v) => v ?? '')

const adapter = z.looseObject({
  Name: text,
  InterfaceDescription: text,
  ComponentID: text,
  DriverDescription: text,
  Status: text,
})

const service = z.looseObject({ Name: text, Status: text })

const route = z.looseObject({ InterfaceAlias: text, NextHop: text, DestinationPrefix: text })

const routeAnswer = z.looseObject({
  Routes: list(route),
  Error: z.looseObject({ Category: text, Message: text }).nullish(),
})

/** ConvertTo-Json writes a one-element list as a bare object and an empty one as null. */
function list<T extends z.ZodType>(item: T) {
  return z
    .union([z.array(item), item, z.null(), z.undefined()])
    .transform((v): z.infer<T>[] => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]))
}

const dnsRoute = z.looseObject({ Server: text, InterfaceAlias: text, Route: routeAnswer })

const schema = z.looseObject({
  Adapters: list(adapter),
  Services: list(service),
  Route4: routeAnswer,
  Route6: routeAnswer,
  // Optional: a missing key is not the same as an empty list to zod, and older scripts had none.
  DnsRoutes: list(dnsRoute).optional(),
})

export interface WinAdapter {
  name: string
  description: string
  componentId: string
  driverDescription: string
  status: string
}

export interface WinNetFacts {
  adapters: WinAdapter[]
  services: { name: string; status: string }[]
  route4: WinRoute
  route6: WinRoute
  /** Each DNS server of an Up adapter (Get-DnsClientServerAddress), with Find-NetRoute's answer for it. */
  dnsRoutes: Array<{ server: string; adapter: string; route: WinRoute }>
}

/** What Find-NetRoute answered: the InterfaceAlias it chose (null when none), or the error it wrote. */
export interface WinRoute {
  alias: string | null
  /** The MSFT_NetRoute it chose, in words: "0.0.0.0/0 via 192.168.1.1 (Wi-Fi)"; null when none came back. */
  route: string | null
  error: { category: string; message: string } | null
}

function answer(a: z.infer<typeof routeAnswer>): WinRoute {
  // Find-NetRoute returns the source MSFT_NetIPAddress and the MSFT_NetRoute; only the route has a prefix.
  const r = a.Routes.find((x) => x.DestinationPrefix !== '')
  return {
    alias: a.Routes.map((x) => x.InterfaceAlias).find((x) => x !== '') ?? null,
    route: r ? `${r.DestinationPrefix} via ${r.NextHop || '?'} (${r.InterfaceAlias})`.slice(0, 200) : null,
    error: a.Error ? { category: a.Error.Category, message: a.Error.Message } : null,
  }
}

/** The JSON object written by the check's one PowerShell call (adapters, tunnel services, route lookups). */
export function parseWinNet(json: string): Result<WinNetFacts, ParseFailure> {
  const parsed = parseJsonWith(json, schema)
  if (!parsed.ok) return parsed
  const v = parsed.value
  return {
    ok: true,
    value: {
      adapters: v.Adapters.map((a) => ({
        name: a.Name,
        description: a.InterfaceDescription,
        componentId: a.ComponentID,
        driverDescription: a.DriverDescription,
        status: a.Status,
      })),
      services: v.Services.map((s) => ({ name: s.Name, status: s.Status })),
      route4: answer(v.Route4),
      route6: answer(v.Route6),
      dnsRoutes: (v.DnsRoutes ?? []).slice(0, 32).map((d) => ({ server: d.Server, adapter: d.InterfaceAlias, route: answer(d.Route) })),
    },
  }
}

/**
 * wireguard-nt adapters carry the hardware id "WireGuard" (Mullvad's fork: "MullvadWireGuard"); the
 * description is "<TunnelType> Tunnel", chosen by each vendor, so it is not used to decide.
 */
export function isWireGuardAdapter(a: WinAdapter): boolean {
  const hwid = a.componentId.replace(/^.*\\/, '')
  return /wireguard$/i.test(hwid) || /^wireguard tunnel$/i.test(a.driverDescription)
}
