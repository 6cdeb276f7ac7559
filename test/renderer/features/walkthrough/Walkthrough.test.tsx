// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RawResult, ReportResult } from '../../../../src-main/shared/report.js'
import type { Entry } from '../../../../src-renderer/features/scan/scan-state.js'
import { addDays, dateInputValue, reviewIso } from '../../../../src-renderer/features/walkthrough/AcceptRiskDialog.js'
import { Walkthrough } from '../../../../src-renderer/features/walkthrough/Walkthrough.js'
import { guidance, raw, result } from '../../support/fake-api.js'
import { renderUi } from '../../support/render.js'

afterEach(cleanup)

const now = new Date(2026, 2, 1, 12, 0)
const warn = result({
  id: 'dns.firefox',
  title: 'Firefox encrypted DNS',
  category: 'dns',
  status: 'warn',
  rationale: 'Plain DNS tells your network every site you visit.',
  remediation: {
    steps: [
      { text: 'Open Settings → Privacy & Security.' },
      {
        text: 'Write the policy file.',
        requiresAdmin: true,
        command: { shell: 'sh', line: 'sudo tee /etc/firefox/policies/policies.json' },
      },
      { text: 'Read the guide.', link: 'https://support.mozilla.org/kb/firefox-dns-over-https' },
    ],
    references: [],
  },
})
const entry = (r: ReportResult, phase: Entry['phase'] = 'done'): Entry => ({ id: r.id, title: r.title, phase, result: r })

function setup(overrides: Partial<Parameters<typeof Walkthrough>[0]> = {}) {
  const props = {
    entry: entry(warn),
    platform: 'linux' as const,
    guidance: guidance({ profile: 'everyday', checklist: { 'dns.firefox#1': '2026-02-01T00:00:00Z' } }),
    busy: false,
    now,
    onBack: vi.fn(),
    onCheckAgain: vi.fn(async () => null as RawResult | null),
    onTick: vi.fn(),
    onAllDone: vi.fn(),
    onAccept: vi.fn(async () => true),
    onRevoke: vi.fn(),
    ...overrides,
  }
  return { props, ...renderUi(<Walkthrough {...props} />) }
}

describe('Walkthrough', () => {
  it('says why it matters in plain words: what an observer learns, then the check’s own rationale', () => {
    setup()
    const why = screen.getByRole('region', { name: 'Why it matters' })
    expect(within(why).getByText(/^What an observer learns: your DNS lookups name every site/)).toBeTruthy()
    expect(within(why).getByText('Plain DNS tells your network every site you visit.')).toBeTruthy()
  })

  it('numbers the steps for this OS with saved ticks, marks admin steps, copies commands and opens links through main', () => {
    const { props } = setup()
    const steps = screen.getByRole('region', { name: 'Steps on Linux' })
    expect(within(steps).getAllByRole('listitem')).toHaveLength(3)
    expect((within(steps).getByRole('checkbox', { name: 'Step 1 done' }) as HTMLInputElement).checked).toBe(true)
    fireEvent.click(within(steps).getByRole('checkbox', { name: 'Step 2 done' }))
    expect(props.onTick).toHaveBeenCalledWith('dns.firefox#2', true)
    expect(within(steps).getByText('Needs administrator')).toBeTruthy()
    expect(within(steps).getByRole('button', { name: 'Copy command: sudo tee /etc/firefox/policies/policies.json' })).toBeTruthy()
    expect(
      within(steps)
        .getByRole('link', { name: /Read the guide/ })
        .getAttribute('href'),
    ).toBe('https://support.mozilla.org/kb/firefox-dns-over-https')
  })

  it('"Check again" re-runs this check; a pass shows success and marks every open step done', async () => {
    const pass = { ...warn, status: 'pass' as const, summary: 'Only over HTTPS now.' }
    const onCheckAgain = vi.fn(async () => raw(pass))
    const { props, container } = setup({ onCheckAgain })
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }))
    expect(onCheckAgain).toHaveBeenCalledWith('dns.firefox')
    await waitFor(() => expect(props.onAllDone).toHaveBeenCalledWith(['dns.firefox#2', 'dns.firefox#3']))
    expect(container.querySelector('.walk-status')?.getAttribute('role')).toBe('status')
    expect(container.querySelector('.walk-status')?.textContent).toBe('It passes now. The steps of the fix are marked done.')
    // The app then shows the passing result: every step reads as done.
    cleanup()
    setup({ entry: entry(pass) })
    for (const box of screen.getAllByRole('checkbox')) expect((box as HTMLInputElement).checked).toBe(true)
  })

  describe('an undo step or another way to the same end is never marked done for the person', () => {
    const kinds = result({
      ...warn,
      remediation: {
        steps: [
          { text: 'Choose "Max Protection" in Settings.' },
          { text: 'Or add these lines to user.js.', kind: 'alternative', command: { shell: 'sh', line: 'printf x >> user.js' } },
          { text: 'To undo the user.js change, remove the lines.', kind: 'undo' },
          { text: 'Or, as an administrator, write the policy file.', kind: 'alternative', requiresAdmin: true },
        ],
        references: [],
      },
    })
    const none = guidance({ profile: 'everyday' })
    const box = (n: number) => screen.queryByRole('checkbox', { name: `Step ${n} done` }) as HTMLInputElement | null

    it('"Check again" that passes marks only the fix’s own steps', async () => {
      const { props } = setup({ entry: entry(kinds), guidance: none, onCheckAgain: vi.fn(async () => raw({ ...kinds, status: 'pass' })) })
      fireEvent.click(screen.getByRole('button', { name: 'Check again' }))
      await waitFor(() => expect(props.onAllDone).toHaveBeenCalledWith(['dns.firefox#1']))
    })

    it.each([
      ['still open', 'warn'],
      ['passing', 'pass'],
    ] as const)('%s: the undo step has no box and says what it is; alternatives are ticked only by hand', (_, status) => {
      const { props, container } = setup({ entry: entry({ ...kinds, status }), guidance: none })
      expect(box(1)?.checked).toBe(status === 'pass')
      expect(box(2)?.checked).toBe(false)
      expect(box(3)).toBeNull()
      expect(box(4)?.checked).toBe(false)
      const undo = container.querySelector('li[data-step="3"]')
      expect(undo?.classList.contains('step-done')).toBe(false)
      expect(undo?.textContent).toContain('Only to undo')
      expect(container.querySelector('li[data-step="2"]')?.textContent).toContain('Another way')
      fireEvent.click(box(2) as HTMLInputElement)
      expect(props.onTick).toHaveBeenCalledWith('dns.firefox#2', true)
    })

    it('a saved tick on an undo step (from an older list) does not show it as done', () => {
      const { container } = setup({
        entry: entry(kinds),
        guidance: guidance({ profile: 'everyday', checklist: { 'dns.firefox#3': '2026-02-01T00:00:00Z' } }),
      })
      expect(container.querySelector('li[data-step="3"]')?.classList.contains('step-done')).toBe(false)
    })
  })

  it('"Check again" that still does not pass says what it found', async () => {
    const still = { ...warn, summary: 'Still falls back to plain DNS.' }
    const { props, container } = setup({ onCheckAgain: vi.fn(async () => raw(still)) })
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }))
    await waitFor(() =>
      expect(container.querySelector('.walk-status')?.textContent).toBe('Checked again: Warning. Still falls back to plain DNS.'),
    )
    expect(props.onAllDone).not.toHaveBeenCalled()
  })

  it('accepting a risk needs a reason and a future date, defaulting to 90 days from now', async () => {
    const onAccept = vi.fn(async () => true)
    setup({ onAccept })
    fireEvent.click(screen.getByRole('button', { name: 'Accept this risk' }))
    const dialog = screen.getByRole('dialog', { name: 'Accept this risk' })
    const date = within(dialog).getByLabelText('Ask me again on') as HTMLInputElement
    expect(date.value).toBe(dateInputValue(addDays(now, 90)))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Accept the risk' }))
    expect(within(dialog).getByText('Write a reason.')).toBeTruthy()
    expect(onAccept).not.toHaveBeenCalled()
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Reason (required)' }), { target: { value: '  Work VPN handles DNS  ' } })
    fireEvent.change(date, { target: { value: '2026-02-01' } })
    expect(within(dialog).getByText('Choose a date after today.')).toBeTruthy()
    fireEvent.change(date, { target: { value: '2026-06-01' } })
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Accept the risk' })))
    expect(onAccept).toHaveBeenCalledWith('dns.firefox', 'Work VPN handles DNS', new Date(2026, 5, 1).toISOString())
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('shows an accepted risk with its reason instead of the accept button, and can take it back', () => {
    const risk = { id: 'dns.firefox', reason: 'Work VPN handles DNS', acceptedAt: '2026-02-01T00:00:00Z', reviewAt: '2026-06-01T00:00:00Z' }
    const { props } = setup({ guidance: guidance({ profile: 'everyday', acceptedRisks: [risk] }) })
    expect(screen.queryByRole('button', { name: 'Accept this risk' })).toBeNull()
    expect(screen.getByText(/You accepted this risk: Work VPN handles DNS\./)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Ask me about this again now' }))
    expect(props.onRevoke).toHaveBeenCalledWith('dns.firefox')
  })
})

describe('review dates', () => {
  it('turns a yyyy-mm-dd into the start of that local day, only when it is after now', () => {
    expect(reviewIso('2026-03-02', now)).toBe(new Date(2026, 2, 2).toISOString())
    expect(reviewIso('2026-03-01', now)).toBeNull()
    expect(reviewIso('not a date', now)).toBeNull()
  })
})
