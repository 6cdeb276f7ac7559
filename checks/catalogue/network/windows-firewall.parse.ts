/**
 * `Get-NetFirewallProfile -PolicyStore ActiveStore | Select-Object Name, Enabled, DefaultInboundAction,
 * AllowInboundRules | ConvertTo-Json`: one object or a list, values as strings or as the enums' numbers
 * (Windows PowerShell 5.1 writes enums as numbers). Pure, validated.
 */
import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/i18n/message.js'
import { t } from './inbound.messages.js'

export interface FirewallProfile {
  name: 'Domain' | 'Private' | 'Public'
  /** GpoBoolean: NotConfigured leaves Windows' default, which is on. */
  enabled: boolean
  /** NET_FW_ACTION: NotConfigured leaves Windows' default, which is Block. */
  inbound: 'Block' | 'Allow'
  /** False: even the allowed apps and ports are refused ("Block all incoming connections"). */
  allowInboundRules: boolean
  /** As printed, for evidence. */
  seen: string
}

const NAMES = ['Domain', 'Private', 'Public'] as const
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

// GpoBoolean: False 0, True 1, NotConfigured 2. Action: NotConfigured 0, Allow 2, Block 4.
function gpoBoolean(v: unknown): boolean | null {
  if (v === true || v === 1 || v === 'True' || v === 'NotConfigured' || v === 2) return true
  if (v === false || v === 0 || v === 'False') return false
  return null
}

function action(v: unknown): 'Block' | 'Allow' | null {
  if (v === 'Block' || v === 4 || v === 'NotConfigured' || v === 0) return 'Block'
  if (v === 'Allow' || v === 2) return 'Allow'
  return null
}

export interface FirewallProfiles {
  public: FirewallProfile
  others: FirewallProfile[]
}

export function parseFirewallProfiles(text: string): Result<FirewallProfiles, Msg> {
  if (text.length > 1024 * 1024) return failed(t('pTooLarge'))
  let root: unknown
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return failed(t('pNotJson'))
  }
  const items = Array.isArray(root) ? root : [root]
  const out: FirewallProfile[] = []
  for (const item of items.slice(0, 10)) {
    if (!isRecord(item)) return failed(t('pBadEntry'))
    const name = NAMES.find((n) => n === item.Name)
    const enabled = gpoBoolean(item.Enabled)
    const inbound = action(item.DefaultInboundAction)
    const allow = item.AllowInboundRules === undefined ? true : gpoBoolean(item.AllowInboundRules)
    if (!name || enabled === null || inbound === null || allow === null) return failed(t('pBadProfile'))
    const seen = `Enabled ${String(item.Enabled)}, DefaultInboundAction ${String(item.DefaultInboundAction)}, AllowInboundRules ${String(item.AllowInboundRules ?? '-')}`
    out.push({ name, enabled, inbound, allowInboundRules: allow, seen: seen.replace(/[^\x20-\x7e]/g, '?').slice(0, 200) })
  }
  const pub = out.find((p) => p.name === 'Public')
  if (!pub) return failed(t('pNoPublic'))
  return ok({ public: pub, others: out.filter((p) => p !== pub) })
}
