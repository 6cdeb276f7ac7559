// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { checklistFor, checklistText } from '../../../../checks/core/guidance/checklist.js'
import { LOCALES, render } from '../../../../checks/core/i18n/locale.js'
import { ok } from '../../../../src-main/shared/result.js'
import { ChecklistView } from '../../../../src-renderer/features/checklist/ChecklistView.js'
import { ChecklistHistory } from '../../../../src-renderer/features/checklist/ChecklistHistory.js'
import { PlanView } from '../../../../src-renderer/features/plan/PlanView.js'
import { fakeApi, result } from '../../support/fake-api.js'
import { weigh } from '../../../../src-renderer/features/guidance/model.js'
import { renderUi } from '../../support/render.js'

afterEach(cleanup)

const signal = ok([
  {
    item: 'messenger' as const,
    text: checklistText('hintSignal', { path: '/opt/Signal/signal-desktop' }),
    source: '/opt/Signal/signal-desktop',
  },
])

describe('ChecklistView', () => {
  it.each([
    ['everyday', 5],
    ['it-baseline', 4],
    ['high-risk', 8],
    [null, 8],
  ] as const)('lists the items of profile %s, each unticked until the person ticks it', async (profile, count) => {
    renderUi(<ChecklistView profile={profile} checklist={{}} onTick={vi.fn()} />)
    await waitFor(() => expect(screen.queryByText('Looking for hints on this computer…')).toBeNull())
    expect(screen.getAllByRole('checkbox')).toHaveLength(count)
    expect(screen.getAllByRole('checkbox').every((c) => !(c as HTMLInputElement).checked)).toBe(true)
    expect(screen.getByRole('status').textContent).toBe(render(checklistText('summary', { done: 0, total: count }), 'en'))
    expect(checklistFor(profile)).toHaveLength(count)
  })

  it('shows a tick with its date and saves a tick under advice.<item>', async () => {
    const onTick = vi.fn()
    renderUi(<ChecklistView profile="everyday" checklist={{ 'advice.messenger': '2026-12-01T10:00:00.000Z' }} onTick={onTick} />)
    const messenger = screen.getByRole('checkbox', { name: 'End-to-end encrypted messenger' }) as HTMLInputElement
    expect(messenger.checked).toBe(true)
    expect(messenger.closest('li')?.querySelector('.checklist-state')?.textContent).toMatch(/^You said done \(.*2026.*\)$/)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Masked payment cards' }))
    expect(onTick).toHaveBeenCalledWith('advice.masked-cards', true)
    fireEvent.click(messenger)
    expect(onTick).toHaveBeenLastCalledWith('advice.messenger', false)
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('You said done: 1 of 5'))
  })

  it('shows a hint as a hint: labelled, and it never ticks the item', async () => {
    renderUi(<ChecklistView profile="everyday" checklist={{}} onTick={vi.fn()} />, { api: fakeApi({ checklistHints: async () => signal }) })
    const hint = await screen.findByText(/Signal Desktop is installed/)
    expect(hint.closest('li')?.textContent).toMatch(/^Hint, not a check:/)
    expect((screen.getByRole('checkbox', { name: 'End-to-end encrypted messenger' }) as HTMLInputElement).checked).toBe(false)
    expect(screen.getByRole('status').textContent).toBe('You said done: 0 of 5')
  })

  it('a failed hint read shows no hint and no error', async () => {
    renderUi(<ChecklistView profile="high-risk" checklist={{}} onTick={vi.fn()} />, {
      api: fakeApi({ checklistHints: async () => ({ ok: false, error: { code: 'x', message: 'boom' } }) }),
    })
    await waitFor(() => expect(screen.queryByText('Looking for hints on this computer…')).toBeNull())
    expect(screen.queryByText(/boom/)).toBeNull()
    expect(document.querySelectorAll('.checklist-hint')).toHaveLength(0)
  })

  it.each(LOCALES)('speaks %s', async (locale) => {
    renderUi(<ChecklistView profile="high-risk" checklist={{}} onTick={vi.fn()} />, { locale })
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(render(checklistText('heading'), locale))
    await waitFor(() => expect(document.querySelector('.placeholder')).toBeNull())
  })
})

describe('the plan', () => {
  const weighed = weigh(
    [result({ id: 'dns.firefox', status: 'fail' }), result({ id: 'disk.encryption', status: 'pass' })],
    'everyday',
    [],
    new Date(),
  )

  it('shows the checklist apart, with its progress, and the score is the same with every item ticked or none', () => {
    const onOpen = vi.fn()
    const none = renderUi(<PlanView weighed={weighed} onOpen={vi.fn()} onRevoke={vi.fn()} checklist={{ done: 0, total: 5, onOpen }} />)
    const scoreNone = none.container.querySelector('.score-card')?.textContent
    cleanup()
    const all = renderUi(<PlanView weighed={weighed} onOpen={vi.fn()} onRevoke={vi.fn()} checklist={{ done: 5, total: 5, onOpen }} />)
    expect(all.container.querySelector('.score-card')?.textContent).toBe(scoreNone)
    const section = all.container.querySelector('.plan-checklist')
    expect(section?.getAttribute('data-counted-in-score')).toBe('false')
    expect(section?.textContent).toContain('You said done: 5 of 5')
    expect(section?.closest('.score-card')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Open the checklist' }))
    expect(onOpen).toHaveBeenCalledOnce()
  })
})

describe('the history of ticks', () => {
  it('lists the ticks newest first with their dates, apart from the scans', () => {
    const { container } = renderUi(
      <ChecklistHistory
        checklist={{
          'advice.messenger': '2026-11-01T10:00:00.000Z',
          'advice.patterns': '2026-12-01T10:00:00.000Z',
          'panic.encryption': '2026-12-02T10:00:00.000Z',
        }}
      />,
    )
    expect([...container.querySelectorAll('li')].map((li) => li.getAttribute('data-item'))).toEqual(['patterns', 'messenger'])
    expect(container.querySelector('li')?.textContent).toMatch(/^Varied patterns: .*2026/)
  })

  it('says when nothing is ticked', () => {
    renderUi(<ChecklistHistory checklist={{}} />)
    expect(screen.getByText('Nothing ticked yet.')).toBeTruthy()
  })
})
