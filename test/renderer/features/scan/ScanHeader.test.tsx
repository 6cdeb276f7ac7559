// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ScanHeader } from '../../../../src-renderer/features/scan/ScanHeader.js'
import { initialScanState, type ScanState } from '../../../../src-renderer/features/scan/scan-state.js'
import { renderUi } from '../../support/render.js'

afterEach(cleanup)

const ids = Array.from({ length: 9 }, (_, i) => `a.c${i}`)

describe('ScanHeader', () => {
  it('shows "3 of 9 checks" with a progress bar and disables Scan again while scanning', () => {
    const state: ScanState = { ...initialScanState, scan: { ids, finished: ids.slice(0, 3) } }
    renderUi(<ScanHeader state={state} busy onScan={() => undefined} />)
    expect(screen.getByRole('status').textContent).toBe('3 of 9 checks')
    const bar = screen.getByRole('progressbar', { name: 'Scan progress' })
    expect(bar.getAttribute('value')).toBe('3')
    expect(bar.getAttribute('max')).toBe('9')
    expect((screen.getByRole('button', { name: 'Scan again' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('shows when and where the last scan ran once it is over', () => {
    const state: ScanState = {
      ...initialScanState,
      lastScan: { startedAt: '2026-01-02T10:00:00.000Z', durationMs: 420, host: { platform: 'win32', release: '10.0', arch: 'x64' } },
    }
    renderUi(<ScanHeader state={state} busy={false} onScan={() => undefined} />)
    expect(screen.queryByRole('progressbar')).toBeNull()
    expect(screen.getByText(/^Last scan .* on Windows, took 420 ms$/)).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Scan again' }) as HTMLButtonElement).disabled).toBe(false)
  })
})
