/** The arguments of `fix`, `fixes` and `undo`: one check id or fix id at most, and the options each takes. */
import { failed, ok, type Result } from '../../checks/core/host/result.js'
import type { Locale } from '../../checks/core/i18n/locale.js'
import type { Msg } from '../../checks/core/i18n/message.js'
import { t } from './fix-messages.js'

export const FIX_VERBS = ['fix', 'fixes', 'undo'] as const
export type FixVerb = (typeof FIX_VERBS)[number]
export const isFixVerb = (v: string): v is FixVerb => (FIX_VERBS as readonly string[]).includes(v)

export const FIX_OPTIONS = {
  fix: ['dry-run', 'yes', 'choose', 'offer', 'lang'],
  fixes: ['json', 'lang'],
  undo: ['last', 'force', 'lang'],
} as const

const MAX_OFFER_KEY = 4096
const MAX_OFFERS = 100

export type FixCommand =
  | {
      kind: 'fix'
      checkId: string
      dryRun: boolean
      yes: boolean
      choices: Record<string, string>
      /** Keys of the offers to make (--offer, repeatable); empty: every offer the check makes. */
      offers: string[]
      lang?: Locale
    }
  | { kind: 'fixes'; json: boolean; lang?: Locale }
  | { kind: 'undo'; target: { id: string } | 'last'; force: boolean; lang?: Locale }

export type FixUsageProblem =
  | { kind: 'fix-needs-check' }
  | { kind: 'undo-needs-target' }
  | { kind: 'undo-target-and-last' }
  | { kind: 'bad-choice'; value: string }
  | { kind: 'bad-offer'; value: string }

export interface FixValues {
  json?: boolean
  'dry-run'?: boolean
  yes?: boolean
  force?: boolean
  last?: boolean
  choose?: string[]
  offer?: string[]
}

/** `extra` are the words after the verb; the caller has checked the options belong to it. */
export function parseFix(
  verb: FixVerb,
  values: FixValues,
  extra: readonly string[],
  lang: { lang?: Locale },
  knownIds: readonly string[],
): Result<
  FixCommand,
  FixUsageProblem | { kind: 'unexpected-argument'; value: string } | { kind: 'unknown-check'; value: string; valid: readonly string[] }
> {
  const [first, second] = extra
  if (second !== undefined || (verb === 'fixes' && first !== undefined)) {
    return failed({ kind: 'unexpected-argument', value: (verb === 'fixes' ? first : second) ?? '' })
  }
  if (verb === 'fixes') return ok({ kind: 'fixes', json: values.json ?? false, ...lang })
  if (verb === 'undo') {
    if (first !== undefined && values.last) return failed({ kind: 'undo-target-and-last' })
    if (first === undefined && !values.last) return failed({ kind: 'undo-needs-target' })
    return ok({ kind: 'undo', target: first === undefined ? 'last' : { id: first }, force: values.force ?? false, ...lang })
  }
  if (first === undefined) return failed({ kind: 'fix-needs-check' })
  if (!knownIds.includes(first)) return failed({ kind: 'unknown-check', value: first, valid: knownIds })
  const choices: Record<string, string> = {}
  for (const pair of values.choose ?? []) {
    const m = /^([a-z][a-z0-9-]{0,40})=(.{1,200})$/.exec(pair)
    if (!m?.[1] || !m[2]) return failed({ kind: 'bad-choice', value: pair })
    choices[m[1]] = m[2]
  }
  const offers = values.offer ?? []
  // An offer key names a path or an app, so almost anything goes; as on the app's channel, at most 4096 characters and 100 keys.
  const badOffer = offers.find((key) => key.length === 0 || key.length > MAX_OFFER_KEY)
  if (badOffer !== undefined || offers.length > MAX_OFFERS)
    return failed({ kind: 'bad-offer', value: badOffer ?? offers[MAX_OFFERS] ?? '' })
  return ok({
    kind: 'fix',
    checkId: first,
    dryRun: values['dry-run'] ?? false,
    yes: values.yes ?? false,
    choices,
    offers: [...new Set(offers)],
    ...lang,
  })
}

export function describeFixProblem(p: FixUsageProblem): Msg {
  switch (p.kind) {
    case 'fix-needs-check':
      return t('needsCheck')
    case 'undo-needs-target':
      return t('needsTarget')
    case 'undo-target-and-last':
      return t('targetAndLast')
    case 'bad-choice':
      return t('badChoice', { value: p.value })
    case 'bad-offer':
      return t('badOffer', { value: p.value.slice(0, 200) })
  }
}
