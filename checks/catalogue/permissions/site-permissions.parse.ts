/**
 * Browser site-permission stores and what their numbers mean. Pure: no I/O.
 * Firefox: `permissions.sqlite` table `moz_perms` and `permissions.default.*` prefs [S25].
 * Chromium: `Preferences` → `profile.content_settings.exceptions` and
 * `profile.default_content_setting_values` (ContentSetting 1 allow, 2 block, 3 ask) [S26].
 */
import { z } from 'zod'
import type { SqliteDb } from '../../core/host/host.js'
import { failed, ok, type Result } from '../../core/host/toolkit.js'
import { queryAll } from './sqlite.io.js'
import type { Msg } from '../../core/i18n/message.js'
import { storeText as t } from './stores.messages.js'

export type SitePermission = 'camera' | 'microphone' | 'location' | 'notifications' | 'screen'

export const FIREFOX_TYPES: Readonly<Record<string, SitePermission>> = {
  camera: 'camera',
  microphone: 'microphone',
  geo: 'location',
  'desktop-notification': 'notifications',
  screen: 'screen',
}

/** `permissions.default.<type>` prefs: 0 ask (the built-in default), 1 allow, 2 block. */
export const FIREFOX_DEFAULT_PREFS: Readonly<Record<string, SitePermission>> = {
  'permissions.default.camera': 'camera',
  'permissions.default.microphone': 'microphone',
  'permissions.default.geo': 'location',
  'permissions.default.desktop-notification': 'notifications',
}

export const CHROMIUM_TYPES: Readonly<Record<string, SitePermission>> = {
  media_stream_camera: 'camera',
  media_stream_mic: 'microphone',
  geolocation: 'location',
  notifications: 'notifications',
}

export interface SiteGrant {
  site: string
  permission: SitePermission
  /** The stored row or entry, for evidence: "permission=1, expireType=0". */
  raw: string
  /** When it stops applying, if it does. */
  until: 'never' | 'session' | 'policy' | string
}

/** Allowed site grants in one permissions.sqlite, and how many rows of the watched types it had. */
export type FirefoxPermsRead = Result<{ grants: SiteGrant[]; rows: number }, Msg>

const MozPerm = z.object({
  origin: z.string(),
  type: z.string(),
  permission: z.number().int(),
  expireType: z.number().int().nullable(),
  expireTime: z.number().nullable(),
})

const ALLOW = 1
/** nsIPermissionManager expire types. */
const EXPIRE = { never: 0, session: 1, time: 2, policy: 3 } as const

/** An expiry beyond what a Date holds (a corrupt row) would make toISOString throw: show the stored number. */
function isoOrRaw(ms: number): string {
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? `expireTime=${ms}` : date.toISOString()
}

/** Allowed, unexpired site grants in a permissions.sqlite copy; `now` is milliseconds since the epoch. */
export function readMozPerms(db: SqliteDb, now: number): FirefoxPermsRead {
  const columns = new Set(db.columns('moz_perms'))
  if (columns.size === 0) return failed(t('noPermsTable'))
  const missing = ['origin', 'type', 'permission', 'expireType', 'expireTime'].filter((c) => !columns.has(c))
  if (missing.length > 0) return failed(t('permsLayout', { columns: missing.join(', ') }))
  const types = Object.keys(FIREFOX_TYPES)
  const result = queryAll(
    db,
    `SELECT origin, type, permission, expireType, expireTime FROM moz_perms WHERE type IN (${types.map(() => '?').join(',')}) ORDER BY type, origin`,
    types,
  )
  if (!result.ok) return result
  const grants: SiteGrant[] = []
  for (const raw of result.value) {
    const row = MozPerm.safeParse(raw)
    if (!row.success || row.data.permission !== ALLOW) continue
    const { origin, type, expireType, expireTime } = row.data
    if (expireType === EXPIRE.time && (expireTime ?? 0) <= now) continue
    const until =
      expireType === EXPIRE.time
        ? isoOrRaw(expireTime ?? 0)
        : expireType === EXPIRE.session
          ? 'session'
          : expireType === EXPIRE.policy
            ? 'policy'
            : 'never'
    grants.push({ site: origin, permission: FIREFOX_TYPES[type]!, raw: `permission=1, expireType=${String(expireType)}`, until })
  }
  return ok({ grants, rows: result.value.length })
}

/** Chromium mixes flags into `exceptions` (a bool in 156), so only the watched members must be maps. */
const Exceptions = z.record(z.string(), z.unknown())
const SiteMap = z.record(z.string(), z.unknown())
const ChromiumPrefs = z.object({
  profile: z
    .object({
      content_settings: z.object({ exceptions: z.unknown().optional() }).optional(),
      default_content_setting_values: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
})

export interface ChromiumSiteSettings {
  grants: SiteGrant[]
  /** Permissions whose default is "allow" (1): every site gets them without asking. */
  allowByDefault: { permission: SitePermission; key: string }[]
}

function settingOf(entry: unknown): number | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined
  const setting = (entry as { setting?: unknown }).setting
  return typeof setting === 'number' ? setting : undefined
}

/** Reads a parsed `Preferences` document; null when its shape is not Chromium's. */
export function readChromiumPrefs(doc: unknown): ChromiumSiteSettings | null {
  const parsed = ChromiumPrefs.safeParse(doc)
  if (!parsed.success) return null
  const profile = parsed.data.profile
  const exceptions = Exceptions.safeParse(profile?.content_settings?.exceptions ?? {})
  if (!exceptions.success) return null
  const grants: SiteGrant[] = []
  for (const [type, permission] of Object.entries(CHROMIUM_TYPES)) {
    const sites = SiteMap.optional().safeParse(exceptions.data[type])
    if (!sites.success) return null
    for (const [pattern, entry] of Object.entries(sites.data ?? {})) {
      if (settingOf(entry) !== ALLOW) continue
      // Keys are "<primary pattern>,<secondary pattern>"; the primary is the site.
      grants.push({ site: pattern.split(',')[0] ?? pattern, permission, raw: `${type}["${pattern}"].setting=1`, until: 'never' })
    }
  }
  const defaults = profile?.default_content_setting_values ?? {}
  const allowByDefault = Object.entries(CHROMIUM_TYPES)
    .filter(([type]) => defaults[type] === ALLOW)
    .map(([key, permission]) => ({ permission, key }))
  return { grants, allowByDefault }
}
