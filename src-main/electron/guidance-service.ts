import type {
  AcceptRiskRequest,
  ChecklistItemRequest,
  GuidanceState,
  RevokeRiskRequest,
  SetProfileRequest,
} from '../shared/ipc-contract.js'
import { err, ok, type Result } from '../shared/result.js'
import type { StorePort } from '../node/store/port.js'
import type { ChecklistHint } from '../../checks/core/guidance/checklist.js'

export interface GuidanceServiceDeps {
  store: StorePort
  now?: () => Date
  /** Local signals for the self-assessed checklist, read through the read-only Host (none when not given). */
  readHints?: () => Promise<ChecklistHint[]>
}

/**
 * The person's own progress: the threat profile the questionnaire chose (changeable any time), the
 * checklist they ticked, and the risks they accepted with a reason and a date to ask again. Requests
 * arrive already validated by the IPC schemas; what only the clock can tell is checked here.
 */
export function createGuidanceService(deps: GuidanceServiceDeps) {
  const now = deps.now ?? (() => new Date())
  const update = (change: (g: GuidanceState) => GuidanceState): GuidanceState => {
    deps.store.setGuidance(change(deps.store.guidance()))
    return deps.store.guidance()
  }

  return {
    get: (): GuidanceState => deps.store.guidance(),

    /** Hints only: they never tick an item, and a read that fails gives none. */
    checklistHints: async (): Promise<ChecklistHint[]> => (deps.readHints ? deps.readHints().catch(() => []) : []),

    setProfile: ({ profile, answers }: SetProfileRequest): GuidanceState =>
      update((g) => ({ ...g, profile, answers: answers ?? g.answers })),

    setChecklistItem: ({ key, done }: ChecklistItemRequest): GuidanceState =>
      update((g) => {
        const { [key]: _old, ...rest } = g.checklist
        return { ...g, checklist: done ? { ...rest, [key]: now().toISOString() } : rest }
      }),

    /** Accepting again replaces the earlier acceptance of the same check. */
    acceptRisk({ id, reason, reviewAt }: AcceptRiskRequest): Result<GuidanceState> {
      const at = now()
      const review = new Date(reviewAt)
      if (!(review.getTime() > at.getTime())) {
        return err('bad_request', `The date to ask again (${reviewAt}) must be in the future.`)
      }
      const accepted = { id, reason, acceptedAt: at.toISOString(), reviewAt: review.toISOString() }
      return ok(update((g) => ({ ...g, acceptedRisks: [...g.acceptedRisks.filter((r) => r.id !== id), accepted] })))
    },

    revokeRisk: ({ id }: RevokeRiskRequest): GuidanceState =>
      update((g) => ({ ...g, acceptedRisks: g.acceptedRisks.filter((r) => r.id !== id) })),
  }
}

export type GuidanceService = ReturnType<typeof createGuidanceService>
