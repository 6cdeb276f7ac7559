import { useCallback, useEffect, useRef, useState } from 'react'
import type { AcceptRiskRequest, GuidanceState, SetProfileRequest } from '../../../src-main/shared/ipc-contract.js'
import type { Result } from '../../../src-main/shared/result.js'
import type { BulwarkApi } from '../../api.js'
import type { ApiError } from '../../components/ErrorNotice.js'

export interface GuidanceController {
  /** null until the store answered (or failed to). */
  state: GuidanceState | null
  error: ApiError | null
  dismissError(): void
  reload(): Promise<void>
  setProfile(request: SetProfileRequest): Promise<boolean>
  setChecklistItem(key: string, done: boolean): Promise<boolean>
  setChecklistItems(keys: readonly string[], done: boolean): Promise<boolean>
  acceptRisk(request: AcceptRiskRequest): Promise<boolean>
  revokeRisk(id: string): Promise<boolean>
}

function tick(checklist: GuidanceState['checklist'], keys: readonly string[], done: boolean): GuidanceState['checklist'] {
  const next = { ...checklist }
  for (const key of keys) {
    if (done) next[key] = new Date().toISOString()
    else delete next[key]
  }
  return next
}

/** The person's choices as main's store keeps them; every change goes through the api and the reply is the new truth. */
export function useGuidance(api: BulwarkApi): GuidanceController {
  const [state, setState] = useState<GuidanceState | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const stateRef = useRef(state)
  stateRef.current = state

  const apply = useCallback(async (pending: Promise<Result<GuidanceState>>): Promise<boolean> => {
    const result = await pending
    if (result.ok) {
      setState(result.value)
      setError(null)
      return true
    }
    setError(result.error)
    return false
  }, [])

  const reload = useCallback(() => apply(api.getGuidance()).then(() => undefined), [api, apply])

  useEffect(() => {
    void reload()
  }, [reload])

  // A tick shows at once (a checkbox that lags behind the click feels broken); main's reply then confirms it, or a failure takes it back.
  const setChecklistItems = useCallback(
    async (keys: readonly string[], done: boolean) => {
      const previous = stateRef.current
      setState((current) => current && { ...current, checklist: tick(current.checklist, keys, done) })
      for (const key of keys) {
        if (!(await apply(api.setChecklistItem({ key, done })))) {
          setState(previous)
          return false
        }
      }
      return true
    },
    [api, apply],
  )

  return {
    state,
    error,
    dismissError: () => setError(null),
    reload,
    setProfile: (request) => apply(api.setProfile(request)),
    setChecklistItem: (key, done) => setChecklistItems([key], done),
    setChecklistItems,
    acceptRisk: (request) => apply(api.acceptRisk(request)),
    revokeRisk: (id) => apply(api.revokeRisk({ id })),
  }
}
