import type { Result } from '../../core/host/toolkit.js'
import { z } from 'zod'
import { parseJsonWith, type ParseFailure, type RouteTarget } from './parsed.parse.js'

export interface IpLink {
  name: string
  /** linkinfo.info_kind: "wireguard" for the kernel module, "tun" for wireguard-go and other TUN devices. */
  kind: string | null
  /** Administratively up (the UP flag); WireGuard links report operstate UNKNOWN even when working. */
  up: boolean
}

const linkSchema = z.array(
  z.looseObject({
    ifname: z.string().min(1),
    flags: z.array(z.string()).optional(),
    linkinfo: z.looseObject({ info_kind: z.string().optional() }).optional(),
  }),
)

/** `ip -d -j link show` */
export function parseIpLinks(text: string): Result<IpLink[], ParseFailure> {
  const parsed = parseJsonWith(text, linkSchema)
  if (!parsed.ok) return parsed
  return {
    ok: true,
    value: parsed.value.map((l) => ({ name: l.ifname, kind: l.linkinfo?.info_kind ?? null, up: l.flags?.includes('UP') ?? false })),
  }
}

const routeSchema = z
  .array(
    z.looseObject({
      dst: z.string().optional(),
      gateway: z.string().optional(),
      dev: z.string().optional(),
      type: z.string().optional(),
      table: z.string().optional(),
      prefsrc: z.string().optional(),
    }),
  )
  .min(1)

/** The words `ip route get` prints without -j, rebuilt from its JSON: "10.0.0.1 via 192.0.2.1 dev eth0 table 51820 src 192.0.2.5". */
function routeLine(r: z.infer<typeof routeSchema>[number]): string {
  const parts: Array<[string, string | undefined]> = [
    ['', r.dst],
    ['via', r.gateway],
    ['dev', r.dev],
    ['table', r.table],
    ['src', r.prefsrc],
  ]
  return parts
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => (k ? `${k} ${v}` : v))
    .join(' ')
    .slice(0, 200)
}

const BLOCKING_TYPES = new Set(['unreachable', 'blackhole', 'prohibit', 'throw'])

/** `ip -j route get <addr>` (stdout of a successful run). */
export function parseIpRouteGet(text: string): Result<RouteTarget, ParseFailure> {
  const parsed = parseJsonWith(text, routeSchema)
  if (!parsed.ok) return parsed
  const route = parsed.value[0]
  if (route?.type && BLOCKING_TYPES.has(route.type)) return { ok: true, value: { kind: 'none', why: route.type } }
  if (!route?.dev) return { ok: false, reason: 'bad_shape' }
  return { ok: true, value: { kind: 'dev', dev: route.dev, route: routeLine(route) } }
}

/** `ip route get` exits non-zero with this when no route exists: an answer (nothing routed), not an error. */
export function isNoRouteError(stderr: string): boolean {
  return /network is unreachable|no route to host|address family not supported/i.test(stderr)
}
