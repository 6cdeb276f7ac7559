import { z } from 'zod'
import { parseJsonWith, type Parsed } from './parsed.js'

const text = z.string().nullish().transform((v) => v ?? '')

const adapter = z.looseObject({
  Name: text,
  InterfaceDescription: text,
  ComponentID: text,
  DriverDescription: text,
  Status: text,
})

const service = z.looseObject({ Name: text, Status: text })

const route = z.looseObject({ InterfaceAlias: text })

/** ConvertTo-Json writes a one-element list as a bare object and an empty one as null. */
function list<T extends z.ZodType>(item: T) {
  return z
    .union([z.array(item), item, z.null(), z.undefined()])
    .transform((v): z.infer<T>[] => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]))
}

const schema = z.looseObject({
  Adapters: list(adapter),
  Services: list(service),
  Route4: list(route),
  Route6: list(route),
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
  /** InterfaceAlias of the route Find-NetRoute chose, or null when it found none. */
  route4: string | null
  route6: string | null
}

function alias(routes: { InterfaceAlias: string }[]): string | null {
  return routes.map((r) => r.InterfaceAlias).find((a) => a !== '') ?? null
}

/** The JSON object written by the check's one PowerShell call (adapters, tunnel services, route lookups). */
export function parseWinNet(json: string): Parsed<WinNetFacts> {
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
      route4: alias(v.Route4),
      route6: alias(v.Route6),
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
