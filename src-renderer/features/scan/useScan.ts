import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import type { BulwarkApi } from '../../api.js'
import type { ReportResult } from '../../../src-main/shared/report.js'
import type { ApiError } from '../../components/ErrorNotice.js'
import { initialScanState, scanReducer, type ScanState } from './scan-state.js'

export interface ScanController {
  state: ScanState
  /** False until the catalogue has loaded (or failed to). */
  ready: boolean
  error: ApiError | null
  dismissError(): void
  scan(): Promise<void>
  /** Re-runs one check; resolves with its new result, or null when the run failed. */
  runCheck(id: string): Promise<ReportResult | null>
  /** Fetches the catalogue and results again in the current language (main localises them). */
  relocalize(): Promise<void>
}

/** Wires the api to the scan reducer: catalogue and last report on open, a fresh scan when there is none. */
export function useScan(api: BulwarkApi): ScanController {
  const [state, dispatch] = useReducer(scanReducer, initialScanState)
  const [ready, setReady] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const started = useRef(false)
  // Single re-runs are not stored by main: after a language change they run again so their result is not lost.
  const rerunSinceScan = useRef(new Set<string>())

  useEffect(() => api.onProgress((event) => dispatch({ type: 'progress', event })), [api])

  const scan = useCallback(async () => {
    setError(null)
    dispatch({ type: 'scan-requested' })
    const result = await api.scan({})
    if (result.ok) {
      rerunSinceScan.current.clear()
      dispatch({ type: 'report', report: result.value })
    } else {
      dispatch({ type: 'scan-failed' })
      setError(result.error)
    }
  }, [api])

  const runCheck = useCallback(
    async (id: string) => {
      setError(null)
      dispatch({ type: 'check-requested', id })
      const result = await api.runCheck({ id })
      if (result.ok) {
        rerunSinceScan.current.add(id)
        dispatch({ type: 'check-result', result: result.value })
        return result.value
      }
      dispatch({ type: 'check-failed', id })
      setError(result.error)
      return null
    },
    [api],
  )

  useEffect(() => {
    // Strict mode mounts twice in development; one opening scan is enough.
    if (started.current) return
    started.current = true
    void (async () => {
      const checks = await api.listChecks()
      if (!checks.ok) {
        setError(checks.error)
        setReady(true)
        return
      }
      dispatch({ type: 'catalogue', checks: checks.value })
      const last = await api.lastReport()
      setReady(true)
      if (last.ok && last.value) dispatch({ type: 'report', report: last.value })
      else await scan()
    })()
  }, [api, scan])

  const relocalize = useCallback(async () => {
    const checks = await api.listChecks()
    if (checks.ok) dispatch({ type: 'catalogue', checks: checks.value })
    const last = await api.lastReport()
    if (last.ok && last.value) dispatch({ type: 'report', report: last.value })
    for (const id of [...rerunSinceScan.current]) {
      const result = await api.runCheck({ id })
      if (result.ok) dispatch({ type: 'check-result', result: result.value })
    }
  }, [api])

  return { state, ready, error, dismissError: () => setError(null), scan, runCheck, relocalize }
}
