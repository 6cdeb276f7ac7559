import { isProfileId, PROFILE_IDS, type ProfileId } from '../../../checks/core/guidance/profiles.js'
import { CHECKLIST_ITEM_IDS, isChecklistItemId, type ChecklistItemId } from '../../../checks/core/guidance/checklist.js'
import { failed, ok, type Result } from '../../../checks/core/host/result.js'
import type { Locale } from '../../../checks/core/i18n/locale.js'
import type { Msg } from '../../../checks/core/i18n/message.js'
import { t } from './messages.js'

/** The options `bulwark checklist` takes (the option table itself is args.ts's). */
export const CHECKLIST_OPTIONS = ['json', 'profile', 'lang'] as const

export type ChecklistCommand =
  | { kind: 'checklist'; action: 'list'; json: boolean; profile?: ProfileId; lang?: Locale }
  | { kind: 'checklist'; action: 'done' | 'undone'; item: ChecklistItemId; lang?: Locale }

export type ChecklistUsageProblem =
  | { kind: 'checklist-needs-item'; action: string }
  | { kind: 'unknown-checklist-item'; value: string }
  | { kind: 'unknown-checklist-action'; value: string }
  | { kind: 'checklist-option-for-list'; option: string; action: string }
  | { kind: 'bad-profile'; value: string; valid: readonly string[] }

interface ChecklistValues {
  json?: boolean
  profile?: string
}

/** `bulwark checklist [done|undone <id>]`. Pure. */
export function parseChecklist(
  values: ChecklistValues,
  extra: readonly string[],
  lang: { lang?: Locale },
): Result<ChecklistCommand, ChecklistUsageProblem> {
  const [action, item, ...more] = extra
  if (action === undefined) {
    if (values.profile !== undefined && !isProfileId(values.profile))
      return failed({ kind: 'bad-profile', value: values.profile, valid: PROFILE_IDS })
    const profile = values.profile as ProfileId | undefined
    return ok({ kind: 'checklist', action: 'list', json: values.json ?? false, ...(profile ? { profile } : {}), ...lang })
  }
  if (action !== 'done' && action !== 'undone') return failed({ kind: 'unknown-checklist-action', value: action })
  const option = values.json ? '--json' : values.profile !== undefined ? '--profile' : undefined
  if (option) return failed({ kind: 'checklist-option-for-list', option, action })
  if (item === undefined) return failed({ kind: 'checklist-needs-item', action })
  if (!isChecklistItemId(item) || more.length > 0) return failed({ kind: 'unknown-checklist-item', value: [item, ...more].join(' ') })
  return ok({ kind: 'checklist', action, item, ...lang })
}

/** The problems only the checklist has (a bad --profile is said as for every command). */
export function describeChecklistProblem(p: Exclude<ChecklistUsageProblem, { kind: 'bad-profile' }>): Msg {
  const valid = CHECKLIST_ITEM_IDS.join(', ')
  switch (p.kind) {
    case 'checklist-needs-item':
      return t('needsItem', { action: p.action, valid })
    case 'unknown-checklist-item':
      return t('unknownItem', { value: p.value, valid })
    case 'unknown-checklist-action':
      return t('unknownAction', { value: p.value })
    case 'checklist-option-for-list':
      return t('onlyForList', { option: p.option, action: p.action })
  }
}
