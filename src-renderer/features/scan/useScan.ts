import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import type { Locale } from '../../../checks/core/i18n/locale.js'
import type { BulwarkApi } from '../../api.js'
import type { RawResult } from '../../../src-main/shared/report.js'
import type { ApiError } from '../../components/ErrorNotice.js'
import { initialScanState, localizeScanState, scanReducer, type ScanState } from './scan-state.js'

export interface ScanController {
  /** In the reader's language: a language change renders it again and runs nothing. */
  state: ScanState
  /** False until the catalogue has loaded (or failed to). */
  ready: boolean
  error: ApiError | null
  dismissError(): void
  scan(): Promise<void>
  /** Re-runs one check; resolves with its new result, or null when the run failed. */
  runCheck(id: string): Promise<RawResult | null>
}

/** Wires the api to the scan reducer: catalogue and last report on open, a fresh scan when there is none. */
export function useScan(api: BulwarkApi, locale: Locale): ScanController {
  const [raw, dispatch] = useReducer(scanReducer, initialScanState)
  const state = useMemo(() => localizeScanState(raw, locale), [raw, locale])
  const [ready, setReady] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const started = useRef(false)

  useEffect(() => api.onProgress((event) => dispatch({ type: 'progress', event })), [api])

  const scan = useCallback(async () => {
    setError(null)
    dispatch({ type: 'scan-requested' })
    const result = await api.scan({})
    if (result.ok) {
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
      // Asked together: the saved report (or the opening scan) waits for one round trip to main, not two.
      const [checks, last] = await Promise.all([api.listChecks(), api.lastReport()])
      if (!checks.ok) {
        setError(checks.error)
        setReady(true)
        return
      }
      dispatch({ type: 'catalogue', checks: checks.value })
      setReady(true)
      if (last.ok && last.value) dispatch({ type: 'report', report: last.value })
      else await scan()
    })()
  }, [api, scan])

  return { state, ready, error, dismissError: () => setError(null), scan, runCheck }
}
