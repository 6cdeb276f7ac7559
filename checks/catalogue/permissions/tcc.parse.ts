import { z } from 'zod'
import type { SqliteDb } from '../../core/host/host.js'
import { failed, ok, type Result } from '../../core/host/toolkit.js'
import { queryAll } from './sqlite.io.js'
import type { Msg } from '../../core/i18n/message.js'
import { storeText as t } from './stores.messages.js'

/**
 * The TCC services Bulwark reports, what they let an app do, and the name `tccutil` uses for them.
 * `broad` services let an app see or drive everything on screen or read every file, so a non-Apple
 * grant is a warning; the rest are listed for review.
 */
export const TCC_SERVICES = {
  kTCCServiceCamera: { kind: 'camera', tccutil: 'Camera', broad: false },
  kTCCServiceMicrophone: { kind: 'microphone', tccutil: 'Microphone', broad: false },
  kTCCServiceScreenCapture: { kind: 'screen', tccutil: 'ScreenCapture', broad: true },
  kTCCServiceSystemPolicyAllFiles: { kind: 'allFiles', tccutil: 'SystemPolicyAllFiles', broad: true },
  kTCCServiceAccessibility: { kind: 'accessibility', tccutil: 'Accessibility', broad: true },
  kTCCServiceListenEvent: { kind: 'input', tccutil: 'ListenEvent', broad: true },
  kTCCServicePostEvent: { kind: 'postEvent', tccutil: 'PostEvent', broad: false },
  kTCCServiceAppleEvents: { kind: 'automation', tccutil: 'AppleEvents', broad: false },
} as const

export type TccService = keyof typeof TCC_SERVICES

/** Big Sur+ stores `auth_value` (0 denied, 1 unknown, 2 allowed, 3 limited); Catalina and older `allowed` (0/1). */
export type TccGeneration = 'auth_value' | 'allowed'
export type TccDecision = 'denied' | 'unknown' | 'allowed' | 'limited' | 'other'

export interface TccGrant {
  service: TccService
  client: string
  /** 0 = bundle id, 1 = absolute path. */
  clientType: number | null
  decision: TccDecision
  /** The column and number as stored, for evidence: "auth_value=2". */
  raw: string
  /** Automation's target app. */
  target: string | null
  /** Apple's own software (a com.apple.* bundle or a path on the sealed system volume). */
  apple: boolean
}

/** One TCC.db's grants, its schema generation, how many rows it had and how many were malformed. */
export type TccRead = Result<{ generation: TccGeneration; grants: TccGrant[]; rows: number; skipped: number }, Msg>

const Row = z.object({
  service: z.string(),
  client: z.string(),
  client_type: z.number().int().nullable(),
  decision: z.number().int(),
  target: z.string().nullable(),
})

export function decisionOf(generation: TccGeneration, value: number): TccDecision {
  if (generation === 'allowed') return value === 1 ? 'allowed' : value === 0 ? 'denied' : 'other'
  return (['denied', 'unknown', 'allowed', 'limited'] as const)[value] ?? 'other'
}

export function isAppleClient(client: string, clientType: number | null): boolean {
  if (clientType === 1) return /^\/(System|usr\/(bin|sbin|libexec))\//.test(client)
  return client.startsWith('com.apple.')
}

/** Reads the `access` table of one TCC.db copy, whichever generation its schema is. */
export function readTcc(db: SqliteDb): TccRead {
  const columns = new Set(db.columns('access'))
  if (columns.size === 0) return failed(t('noAccessTable'))
  const generation: TccGeneration | undefined = columns.has('auth_value') ? 'auth_value' : columns.has('allowed') ? 'allowed' : undefined
  const missing = ['service', 'client', 'client_type'].filter((c) => !columns.has(c))
  if (!generation || missing.length > 0) return failed(t('accessLayout', { columns: [...columns].join(', ') }))
  const target = columns.has('indirect_object_identifier') ? 'indirect_object_identifier' : 'NULL'
  const services = Object.keys(TCC_SERVICES)
  const result = queryAll(
    db,
    `SELECT service, client, client_type, ${generation} AS decision, ${target} AS target FROM access
     WHERE service IN (${services.map(() => '?').join(',')}) ORDER BY service, client`,
    services,
  )
  if (!result.ok) return result
  const grants: TccGrant[] = []
  let skipped = 0
  for (const raw of result.value) {
    const row = Row.safeParse(raw)
    if (!row.success) {
      skipped++
      continue
    }
    const r = row.data
    grants.push({
      service: r.service as TccService,
      client: r.client,
      clientType: r.client_type,
      decision: decisionOf(generation, r.decision),
      raw: `${generation}=${r.decision}`,
      target: r.target === 'UNUSED' ? null : r.target,
      apple: isAppleClient(r.client, r.client_type),
    })
  }
  return ok({ generation, grants, rows: result.value.length, skipped })
}
