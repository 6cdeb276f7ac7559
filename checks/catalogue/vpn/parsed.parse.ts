import type { z } from 'zod'
import type { Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'

/** Why a command's output could not be used: mapped to plain language by the check. */
export type ParseFailure = 'empty' | 'not_json' | 'bad_shape'

/** JSON.parse + schema validation as a value, never a throw. */
export function parseJsonWith<S extends z.ZodType>(text: string, schema: S): Result<z.infer<S>, ParseFailure> {
  const body = text.replace(/^\ufeff/, '').trim()
  if (body === '') return { ok: false, reason: 'empty' }
  let raw: unknown
  try {
    raw = JSON.parse(body)
  } catch {
    return { ok: false, reason: 'not_json' }
  }
  const result = schema.safeParse(raw)
  return result.success ? { ok: true, value: result.data } : { ok: false, reason: 'bad_shape' }
}

/**
 * Where a route lookup leads: out of an interface, or nowhere (no route, or a blackhole/unreachable route).
 * `why` is the tool's own words, or Bulwark's when the tool gave none; `route` is the route as the tool
 * describes it (destination, gateway, interface), shown as evidence.
 */
export type RouteTarget = { kind: 'dev'; dev: string; route?: string } | { kind: 'none'; why: string | Msg }
