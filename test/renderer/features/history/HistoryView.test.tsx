// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { HistoryEntry } from '../../../../src-main/shared/ipc-contract.js'
import { HistoryView } from '../../../../src-renderer/features/history/HistoryView.js'
import { renderUi } from '../../support/render.js'

afterEach(cleanup)

const history = [
  { startedAt: '2026-01-02T10:00:00.000Z', durationMs: 400, counts: { fail: 1, warn: 2, unknown: 1 }, score: 55 },
  { startedAt: '2026-01-01T10:00:00.000Z', durationMs: 400, counts: { fail: 3, warn: 2, unknown: 0 }, score: 30 },
]

/** The history as the app holds it: clearing empties it. */
function Harness({ onClear }: { onClear: () => Promise<boolean> }) {
  const [entries, setEntries] = useState<HistoryEntry[]>(history)
  return (
    <HistoryView
      history={entries}
      onClear={async () => {
        const done = await onClear()
        setEntries([])
        return done
      }}
      onForget={async () => true}
    />
  )
}

describe('HistoryView', () => {
  it('draws the score over time as a labelled SVG with every value also in a table', () => {
    const { container } = renderUi(<HistoryView history={history} onClear={async () => true} onForget={async () => true} />)
    expect(screen.getByRole('img', { name: 'Score over time: 2 scans, first 30, latest 55.' })).toBeTruthy()
    expect(container.querySelectorAll('.chart-point')).toHaveLength(2)
    const rows = within(screen.getByRole('table', { name: 'Scans, newest first' }))
      .getAllByRole('row')
      .slice(1)
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['55', '1 · 2 · 1'],
      ['30', '3 · 2 · 0'],
    ])
  })

  it('clears history only after the confirmation, and says so', async () => {
    const onClear = vi.fn(async () => true)
    renderUi(<Harness onClear={onClear} />)
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }))
    const dialog = screen.getByRole('dialog', { name: 'Clear history?' })
    expect(within(dialog).getByText(/every saved scan \(2\)/)).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(onClear).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Clear history' }))
    await waitFor(() => expect(onClear).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('History cleared.'))
    expect((screen.getByRole('button', { name: 'Clear history' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('"Forget everything" warns what it cannot erase before it runs', async () => {
    const onForget = vi.fn(async () => true)
    renderUi(<HistoryView history={[]} onClear={async () => true} onForget={onForget} />)
    fireEvent.click(screen.getByRole('button', { name: 'Forget everything' }))
    const dialog = screen.getByRole('dialog', { name: 'Forget everything?' })
    expect(dialog.textContent).toMatch(/cannot erase what the operating system keeps/)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Forget everything' }))
    await waitFor(() => expect(onForget).toHaveBeenCalledTimes(1))
  })
})
