/** A journal state in words, for the CLI's `fixes` list and the app's History alike. */
import { t } from '../../../checks/core/fix/messages.js'
import type { Msg } from '../../../checks/core/i18n/message.js'
import type { FixState } from './journal.js'

const STATE_WORD: Record<FixState, Parameters<typeof t>[0]> = {
  applying: 'stateApplying',
  applied: 'stateApplied',
  verified: 'stateVerified',
  unverified: 'stateUnverified',
  failed: 'stateFailed',
  undone: 'stateUndone',
}

export const fixStateWord = (state: FixState): Msg => t(STATE_WORD[state])
