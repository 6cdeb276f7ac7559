// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { weigh } from '../../../../src-renderer/features/guidance/model.js'
import { PlanView } from '../../../../src-renderer/features/plan/PlanView.js'
import { result } from '../../support/fake-api.js'
import { renderUi } from '../../support/render.js'

afterEach(cleanup)

const now = new Date('2026-03-01T00:00:00Z')
const results = [
  result({ id: 'keys.hardware', title: 'Hardware keys', status: 'fail', summary: 'No key.' }),
  result({ id: 'dns.firefox', title: 'Firefox encrypted DNS', status: 'warn', summary: 'Falls back.' }),
  result({ id: 'permissions.apps', title: 'App permissions', status: 'unknown', summary: 'Could not read.' }),
  result({ id: 'vpn.wireguard-keys', title: 'WireGuard keys', status: 'pass', summary: 'Private.' }),
  result({ id: 'tor.config', title: 'Tor configuration', status: 'fail', summary: 'Control port open.' }),
]

describe('PlanView', () => {
  it('shows the score with its formula and what cost points, unknown included', () => {
    renderUi(<PlanView weighed={weigh(results, 'it-baseline', [], now)} onOpen={() => undefined} onRevoke={() => undefined} />)
    const card = screen.getByRole('region', { name: 'Hardening score' })
    // it-baseline: keys 4 fail, dns 2 warn (1), apps 4 unknown, wg-keys 4 pass, tor.config 4 fail → 5 of 18.
    expect(within(card).getByText('28 out of 100')).toBeTruthy()
    expect(within(card).getByText(/^Score = 100 ×/)).toBeTruthy()
    const moved = within(card)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(moved).toContain('App permissions: Unknown, costs 22 points')
    expect(moved.some((m) => m?.startsWith('WireGuard keys'))).toBe(false)
  })

  it('puts the most protection for the least effort first, then the rest in order, then what is done', () => {
    const onOpen = vi.fn()
    renderUi(<PlanView weighed={weigh(results, 'it-baseline', [], now)} onOpen={onOpen} onRevoke={() => undefined} />)
    const first = screen.getByRole('region', { name: 'Do this first' })
    // weight × urgency ÷ effort: tor.config 4×1÷1, apps 4×0.4÷1, keys 4×1÷3, dns 2×0.6÷1.
    expect(first.getAttribute('data-check-id')).toBe('tor.config')
    fireEvent.click(within(first).getByRole('button', { name: 'Show me how Tor configuration' }))
    expect(onOpen).toHaveBeenCalledWith('tor.config')
    const todo = screen.getByRole('region', { name: 'Still to do (3)' })
    expect(
      within(todo)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('data-check-id')),
    ).toEqual(['permissions.apps', 'keys.hardware', 'dns.firefox'])
    expect(within(screen.getByRole('region', { name: 'Done (1)' })).getByText('WireGuard keys')).toBeTruthy()
  })

  it('lists accepted risks with the reason and the date to ask again, and can take one back', () => {
    const onRevoke = vi.fn()
    const risk = { id: 'keys.hardware', reason: 'No USB port', acceptedAt: '2026-02-01T00:00:00Z', reviewAt: '2026-05-30T00:00:00Z' }
    renderUi(<PlanView weighed={weigh(results, 'it-baseline', [risk], now)} onOpen={() => undefined} onRevoke={onRevoke} />)
    const accepted = screen.getByRole('region', { name: 'Risks you accepted (1)' })
    expect(accepted.textContent).toMatch(/Your reason: No USB port\. Bulwark asks again on/)
    fireEvent.click(within(accepted).getByRole('button', { name: 'Ask me about this again now' }))
    expect(onRevoke).toHaveBeenCalledWith('keys.hardware')
  })

  it('waits for results instead of showing an empty score', () => {
    renderUi(<PlanView weighed={null} onOpen={() => undefined} onRevoke={() => undefined} />)
    expect(screen.getByText('The plan appears as soon as the first results are in.')).toBeTruthy()
  })
})
