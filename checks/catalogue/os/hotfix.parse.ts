import { failed, ok, type Result } from '../../core/host/toolkit.js'

/** The newest hotfix PowerShell printed: `{"HotFixID":"KB…","InstalledOn":"yyyy-MM-dd"}`. */
export interface Hotfix {
  id: string
  installedOn: string
}

/** Pure: one JSON object (or an empty answer: no hotfix has a date). */
export function parseNewestHotfix(text: string): Result<Hotfix | null, string> {
  const trimmed = text.trim()
  if (trimmed === '') return ok(null)
  if (trimmed.length > 100_000) return failed('more output than one hotfix')
  let value: unknown
  try {
    value = JSON.parse(trimmed)
  } catch {
    return failed('not JSON')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return failed('not one JSON object')
  const record = value as Record<string, unknown>
  const id = record['HotFixID']
  const installedOn = record['InstalledOn']
  if (typeof id !== 'string' || !/^[A-Za-z0-9-]{1,40}$/.test(id)) return failed('no hotfix id')
  if (typeof installedOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(installedOn)) return failed('no installation date')
  return ok({ id, installedOn })
}
